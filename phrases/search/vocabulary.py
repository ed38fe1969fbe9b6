"""Looking up word forms: exactly, as a prefix being typed, and within one or two typos."""
import zlib
from bisect import bisect_left, insort

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from phrases.search.segment import run_positions

MAX_TYPOS = 2
MIN_TYPO_LENGTH = 3  # shorter forms are never looked up by typo


def deletions(form: str, most: int) -> list[set[str]]:
    """[{form}, {one letter deleted}, {two deleted}, …] up to `most` letters (never all of them). Variants
    with different numbers of letters deleted differ in length, so the sets never overlap."""
    levels = [{form}]
    for _ in range(most):
        levels.append({word[:i] + word[i + 1:] for word in levels[-1] if len(word) > 1 for i in range(len(word))})
    return levels


def _hash(variant: str) -> int:
    return zlib.crc32(variant.encode())


class FormIndex:
    """Distinct strings ("forms") mapped to the vocabulary token ids that have them.

    Typo lookup is symmetric deletion (as in SymSpell): every form is filed under each string left by
    deleting up to two of its letters, so the forms within two edits of a word are those filed under one
    of the word's own deletions, found with a binary search each. The filing is two flat arrays (the
    32-bit hashes of the deletions, sorted, and the forms' positions), built once when the vocabulary is
    first sorted; a hash collision only adds a candidate, and every candidate's distance is computed.
    Forms added after that (approvals in a running server) are few and compared directly."""

    def __init__(self, typos=True):
        self.ids: dict[str, list[int]] = {}
        self.typos = typos
        self._sorted: list[str] = []
        self._pending: list[str] = []  # added since the last sort: sorted in on the next lookup
        self._later: list[str] = []    # sorted, added after the first sort (kept apart: see prepare())
        self._variant_hash = np.zeros(0, dtype=np.uint32)
        self._variant_form = np.zeros(0, dtype=np.int32)    # position in _sorted
        self._variant_deleted = np.zeros(0, dtype=np.uint8)  # letters the form lost to give the variant

    def add(self, form: str, token_id: int) -> None:
        ids = self.ids.get(form)
        if ids is None:
            self.ids[form] = [token_id]
            self._pending.append(form)
        elif token_id not in ids:
            ids.append(token_id)

    def __len__(self):
        return len(self.ids)

    def exact(self, form: str) -> list[int]:
        return self.ids.get(form, [])

    def prepare(self) -> None:
        """Sort in the forms added since the last lookup. The first sort (at build time, before a server
        forks its workers) takes the whole vocabulary and files its deletions; forms added later go to a
        small list of their own, because re-sorting the whole list in a worker would copy the shared pages
        of every form into it."""
        if not self._pending:
            return
        if self._sorted:
            for form in self._pending:
                insort(self._later, form)
        else:
            self._sorted = sorted(self._pending)
            if self.typos:
                self._file_deletions()
        self._pending = []

    def _file_deletions(self):
        hashes, forms, deleted = [], [], []
        for position, form in enumerate(self._sorted):
            if len(form) >= MIN_TYPO_LENGTH:
                for count, variants in enumerate(deletions(form, MAX_TYPOS)):
                    for variant in variants:
                        hashes.append(_hash(variant))
                        forms.append(position)
                        deleted.append(count)
        hashes = np.array(hashes, dtype=np.uint32)
        order = np.argsort(hashes, kind="stable")
        self._variant_hash = hashes[order]
        self._variant_form = np.array(forms, dtype=np.int32)[order]
        self._variant_deleted = np.array(deleted, dtype=np.uint8)[order]

    def prefixed(self, prefix: str, limit: int) -> list[str]:
        """Forms that start with `prefix` (and are longer), at most `limit`, shortest first (among the first
        limit × 4 in alphabetical order)."""
        self.prepare()
        window = limit * 4
        found = self._starting_with(self._sorted, prefix, window)
        if self._later:
            found = sorted(found + self._starting_with(self._later, prefix, window))[:window]
        found = [form for form in found if form != prefix]
        found.sort(key=len)
        return found[:limit]

    @staticmethod
    def _starting_with(forms, prefix, window):
        # Read one form at a time and stop at the first that does not match: a slice of the window would
        # touch (count a reference to) every form in it, and in a worker forked from the server's master each
        # touched form copies its shared memory page into the worker's own memory.
        start = bisect_left(forms, prefix)
        found = []
        for position in range(start, min(start + window, len(forms))):
            form = forms[position]
            if not form.startswith(prefix):
                break
            found.append(form)
        return found

    def near(self, form: str, max_distance: int, limit: int = 12) -> list[tuple[str, int]]:
        """Forms within `max_distance` edits (insert, delete, substitute, swap neighbours), nearest first,
        then alphabetical.

        Two edits are looked for only when one does not find anything, and then among forms of about the
        same length that share the word's first letter or its last two: beyond that, a two-letter typo
        matches too many unrelated words to help."""
        self.prepare()
        one = set().union(*deletions(form, 1))
        # Forms sharing a variant of at most one deletion each with the word: every form one edit away.
        close = self._filed(one, 1)
        found = self._within(form, self._positions(close) + self._later_close(one), max_distance)
        if max_distance >= 2 and not any(distance == 1 for distance in found.values()):
            far = self._filed(set().union(*deletions(form, max_distance)), max_distance)
            pool = [c for c in self._positions(far) + self._later
                    if len(c) >= MIN_TYPO_LENGTH and abs(len(c) - len(form)) <= 2 and (c[0] == form[0] or c[-2:] == form[-2:])]
            for candidate, distance in self._within(form, pool, max_distance).items():
                found.setdefault(candidate, distance)
        return sorted(found.items(), key=lambda item: (item[1], item[0]))[:limit]

    def _filed(self, variants, most_deleted) -> np.ndarray:
        """Positions of the forms filed under any of `variants` by deleting at most `most_deleted` letters
        (with repeats): one pair of binary searches per variant, every run gathered in one index array."""
        wanted = np.sort(np.array([_hash(variant) for variant in variants], dtype=np.uint32))  # nearby searches
        hashes = self._variant_hash
        starts, ends = np.searchsorted(hashes, wanted, "left"), np.searchsorted(hashes, wanted, "right")
        index = run_positions(starts, ends - starts)
        return self._variant_form[index][self._variant_deleted[index] <= most_deleted]

    def _later_close(self, mine):
        """The forms added after the first sort (few) that share one of the variants `mine` (the form and
        its one-letter deletions)."""
        if not self._later:
            return []
        return [c for c in self._later if len(c) >= MIN_TYPO_LENGTH and not mine.isdisjoint(set().union(*deletions(c, 1)))]

    def _positions(self, positions: np.ndarray) -> list[str]:
        return [self._sorted[p] for p in np.unique(positions).tolist()]

    @staticmethod
    def _within(form, pool, max_distance) -> dict[str, int]:
        return {candidate: int(distance) for candidate, distance, _ in process.extract(
            form, pool, scorer=OSA.distance, score_cutoff=max_distance, limit=None) if candidate != form}
