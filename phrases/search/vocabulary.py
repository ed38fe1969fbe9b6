"""Looking up word forms: exactly, as a prefix being typed, and within one or two typos."""
from bisect import bisect_left

from rapidfuzz import process
from rapidfuzz.distance import OSA


class FormIndex:
    """Distinct strings ("forms") mapped to the vocabulary token ids that have them."""

    def __init__(self):
        self.ids: dict[str, list[int]] = {}
        self._sorted: list[str] = []
        self._pending: list[str] = []  # added since the last sort: sorted in on the next lookup
        # Typo lookup: every form under each of its one-letter deletions (a SymSpell-style index)
        # finds all forms one edit away with a few dict lookups; forms two edits away are searched
        # with rapidfuzz among forms of similar length sharing the first letter or the last two.
        self._deletions: dict[str, list[str]] = {}
        self._by_head: dict[tuple, list[str]] = {}
        self._by_tail: dict[tuple, list[str]] = {}

    def add(self, form: str, token_id: int) -> None:
        ids = self.ids.get(form)
        if ids is None:
            self.ids[form] = [token_id]
            self._pending.append(form)
            if len(form) >= 3:
                for position in range(len(form)):
                    self._deletions.setdefault(form[:position] + form[position + 1:], []).append(form)
                self._by_head.setdefault((form[0], len(form)), []).append(form)
                self._by_tail.setdefault((form[-2:], len(form)), []).append(form)
        elif token_id not in ids:
            ids.append(token_id)

    def __len__(self):
        return len(self.ids)

    def exact(self, form: str) -> list[int]:
        return self.ids.get(form, [])

    def prepare(self) -> None:
        """Sort in the forms added since the last lookup. Done before a server forks its workers: sorting
        touches every form, which in each worker would copy the shared pages of the whole vocabulary."""
        if self._pending:
            self._sorted = sorted(self._sorted + self._pending)
            self._pending = []

    def prefixed(self, prefix: str, limit: int) -> list[str]:
        """Forms that start with `prefix` (and are longer), at most `limit`, shortest first."""
        self.prepare()
        start = bisect_left(self._sorted, prefix)
        found = []
        for form in self._sorted[start:start + limit * 4]:
            if not form.startswith(prefix):
                break
            if form != prefix:
                found.append(form)
        found.sort(key=len)
        return found[:limit]

    def near(self, form: str, max_distance: int, limit: int = 12) -> list[tuple[str, int]]:
        """Forms within `max_distance` edits (insert, delete, substitute, swap neighbours)."""
        candidates = set(self._deletions.get(form, ()))
        for position in range(len(form)):
            deleted = form[:position] + form[position + 1:]
            if deleted in self.ids:
                candidates.add(deleted)
            candidates.update(self._deletions.get(deleted, ()))
        candidates.discard(form)
        found = {c: OSA.distance(form, c) for c in candidates}
        found = {c: d for c, d in found.items() if d <= max_distance}
        if max_distance >= 2 and not any(d == 1 for d in found.values()):
            for size in range(len(form) - 2, len(form) + 3):
                for pool in (self._by_head.get((form[0], size)), self._by_tail.get((form[-2:], size))):
                    if pool:
                        for candidate, distance, _ in process.extract(form, pool, scorer=OSA.distance,
                                                                      score_cutoff=2, limit=limit):
                            if candidate != form:
                                found.setdefault(candidate, distance)
        return sorted(found.items(), key=lambda item: (item[1], item[0]))[:limit]
