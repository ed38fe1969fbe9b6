import json
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from rest_framework.test import APIClient

from accounts.roles import OPERATORS
from phrases.errors import ImportRejected
from phrases.search.live_index import live_index
from phrases.services import library_import
from suggestions.engine.encoder import load_encoder
from suggestions.engine.vectors import live_vectors
from suggestions.learning import learned_cache
from suggestions.selectors import rank_candidates, suggest_replies, suggestions_status

EVAL_DIR = Path(settings.BASE_DIR).parent / "shared" / "eval"
OPERATOR_COUNT = 3


def suggested_keys(item, limit):
    _language, results = suggest_replies(item["message"], language=item["lang"], limit=limit)
    return [hit["key"] for hit in results]


def model_alone_keys(item, limit):
    """The sentence model alone: the phrases in the message's language closest in meaning, never abstaining."""
    encoder = load_encoder()
    vectors = live_vectors.current() if encoder is not None else None
    if vectors is None:
        return []
    slots, _similarities = vectors.nearest(encoder.encode_one(item["message"]), item["lang"], limit)
    return [vectors.keys[slot] for slot in slots.tolist()]


def ranked_keys(item, limit):
    """The full ranking (meaning, words, learning) before the abstention tests and the relative cut."""
    candidates, _with_model = rank_candidates(live_index.current(), item["message"], item["lang"])
    return [c.key for c in sorted(candidates.values(), key=lambda c: (-c.score, c.key))[:limit]]


def score(items, limit=3, rank=suggested_keys):
    """recall@1 and recall@3 over `reply` items, the share of them shown anything, the share of `none` items
    left empty, and the misses. `rank(item, limit)` gives the keys suggested for an item."""
    replies = [item for item in items if item["kind"] == "reply"]
    nones = [item for item in items if item["kind"] == "none"]
    r1 = r3 = shown = empty = 0
    misses = []
    for item in items:
        keys = rank(item, limit)
        if item["kind"] == "none":
            empty += not keys
            if keys:
                misses.append((item, keys))
            continue
        shown += bool(keys)
        r1 += bool(keys) and keys[0] in item["expect"]
        hit3 = any(key in item["expect"] for key in keys[:3])
        r3 += hit3
        if not hit3:
            misses.append((item, keys))
    share = lambda part, whole: part / len(whole) if whole else float("nan")  # noqa: E731
    return {"n": len(replies), "none": len(nones), "recall@1": share(r1, replies), "recall@3": share(r3, replies),
            "shown": share(shown, replies), "none_empty": share(empty, nones)}, misses


class Command(BaseCommand):
    help = ("Score suggestions on labelled client messages (test split), cold and after replaying the train "
            "split (if any) through /api/v1/suggest/feedback/ as several operators. `make eval` runs it on a fresh "
            "SQLite file for the dev data, and again for suggestions/eval/heldout_messages.jsonl on the starter library.")

    def add_arguments(self, parser):
        parser.add_argument("--library", default=str(EVAL_DIR / "dev_library.json"))
        parser.add_argument("--messages", default=str(EVAL_DIR / "dev_client_messages.jsonl"))
        parser.add_argument("--show-misses", action="store_true")
        parser.add_argument("--split", choices=("test", "train"), default="test",
                            help="The split scored; scoring the train split (to develop on) replays no picks")
        parser.add_argument("--picks", help="Replay the train split of this file instead (own held-out messages "
                                             "have none: score them after the dev train picks)")
        parser.add_argument("--diagnose", action="store_true",
                            help="Also score the sentence model alone and the ranking before abstention (cold)")

    def handle(self, *args, library, messages, show_misses, split="test", diagnose=False, picks=None, **options):
        for path in (library, messages, *([picks] if picks else [])):
            if not Path(path).exists():
                raise CommandError(f"No such file: {path}.")
        rows = [json.loads(line) for line in Path(messages).read_text(encoding="utf-8").splitlines() if line.strip()]
        self._import(library)
        test = [row for row in rows if row["split"] == split]
        pick_rows = rows if not picks else [json.loads(line) for line in Path(picks).read_text(encoding="utf-8")
                                            .splitlines() if line.strip()]
        train = [row for row in pick_rows if row["split"] == "train"] if split == "test" else []
        started = time.perf_counter()
        cold, cold_misses = score(test)
        per_message = (time.perf_counter() - started) / max(len(test), 1) * 1000
        status = suggestions_status()
        self.stdout.write(f"Suggestions on {messages} ({split} split: {cold['n']} answerable, {cold['none']} none; "
                          f"model {status['model']}: {status['status']}; {per_message:.1f} ms per message)")
        table, misses = [("cold", cold)], cold_misses
        if diagnose:
            table.append(("  model alone", score(test, rank=model_alone_keys)[0]))
            table.append(("  ranked, no abstention", score(test, rank=ranked_keys)[0]))
        if train:
            self._replay(train)
            warm, misses = score(test)
            table.append((f"after {len(train)} train picks", warm))
        self._table(table)
        if show_misses:
            for item, keys in misses:
                self.stdout.write(f"  [{item['kind']}] {item['message'][:70]!r} expect {item['expect']} got {keys}")

    def _import(self, path):
        try:
            library_import(json.loads(Path(path).read_text(encoding="utf-8")), actor=None)
        except ImportRejected as error:
            raise CommandError(error.message) from None

    def _replay(self, train):
        """Each train message as a pick by one of several operators, through the real endpoint."""
        if "testserver" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        group = Group.objects.get(name=OPERATORS)
        clients = []
        for number in range(OPERATOR_COUNT):
            user, _ = User.objects.get_or_create(username=f"eval-operator-{number + 1}")
            user.groups.add(group)
            client = APIClient()
            client.force_authenticate(user)
            clients.append(client)
        for number, row in enumerate(train):
            response = clients[number % OPERATOR_COUNT].post(
                "/api/v1/suggest/feedback/", {"message": row["message"], "language": row["lang"],
                                              "chosen": row["expect"][0], "dismissed": []}, format="json")
            if response.status_code >= 300:
                raise CommandError(f"Feedback for {row['id']} failed: {response.status_code} {response.content[:200]!r}")
        learned_cache.reset()

    def _table(self, rows):
        self.stdout.write(f"{'':<24} {'recall@1':>9} {'recall@3':>9} {'shown':>7} {'none empty':>11}")
        for name, row in rows:
            self.stdout.write(f"{name:<24} {row['recall@1']:>9.3f} {row['recall@3']:>9.3f} {row['shown']:>7.3f} "
                              f"{row['none_empty']:>11.3f}")
