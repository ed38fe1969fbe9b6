"""Hop counts of the three main paths: how many project functions lie between the door and the data.

    python -m benchmarks.hops

Each path runs once through Django's test client (or the management command) on a throwaway
SQLite database, with a profiler hook that keeps the stack of project frames (code under the
repository, not tests, benchmarks or the virtualenv). When the path touches its data (a write of
`Phrase` or `LivePhrase`, or the search index's `PhraseIndex.search`), the project stack at that
moment is recorded. "Hops" is the depth of the deepest such stack counted from the door (the
view or command), i.e. the number of project function calls from the door to the data; "calls"
is the number of distinct project functions the path entered.
"""
import json
import sys
from pathlib import Path

from benchmarks.common import ROOT, setup_django, table

_SKIP = ("/tests/", "/benchmarks/", "/.venv/", "/site-packages/", "<")


def _project(filename: str) -> bool:
    return filename.startswith(str(ROOT)) and not any(part in filename for part in _SKIP)


class HopCounter:
    """A profiler hook: the project call stack, and its copy each time a target is reached."""

    def __init__(self, is_target):
        self.is_target = is_target
        self.stack, self.reached, self.functions = [], [], set()

    def __call__(self, frame, event, arg):
        if event == "call":
            code = frame.f_code
            if _project(code.co_filename):
                name = f"{Path(code.co_filename).relative_to(ROOT)}:{code.co_name}"
                self.stack.append((frame, name))
                self.functions.add(name)
            if self.is_target(frame):
                self.reached.append([name for _, name in self.stack])
        elif event == "return" and self.stack and self.stack[-1][0] is frame:
            self.stack.pop()

    def run(self, function):
        sys.setprofile(self)
        try:
            function()
        finally:
            sys.setprofile(None)
        return self

    def hops(self, door: str) -> tuple[int, list[str]]:
        """The longest recorded stack, counted from the door's frame (the door itself is hop 0)."""
        best = []
        for stack in self.reached:
            names = [n for n in stack]
            starts = [i for i, n in enumerate(names) if n.endswith(door)]
            if starts:
                chain = names[starts[0]:]
                if len(chain) > len(best):
                    best = chain
        return len(best) - 1, best


def _writes(*models):
    def is_target(frame):
        code = frame.f_code
        if code.co_name not in ("save_base", "_batched_insert", "bulk_update", "_do_update"):
            return False
        owner = frame.f_locals.get("self")
        model = getattr(owner, "model", None) or type(owner)
        return getattr(model, "__name__", "") in models and "django/db/models" in code.co_filename
    return is_target


def _search_index(frame):
    return frame.f_code.co_name == "search" and frame.f_code.co_filename.endswith("phrases/search/index.py")


def main():
    setup_django()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client

    from phrases.models import Phrase, Topic

    writer = User.objects.create_user("hops-writer", password="x")
    writer.groups.add(Group.objects.get(name="writers"))
    reviewer = User.objects.create_user("hops-reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    operator = User.objects.create_user("hops-operator", password="x")
    operator.groups.add(Group.objects.get(name="operators"))
    topic = Topic.objects.create(slug="delivery", name="Delivery")
    writers, reviewers, operators = (Client(HTTP_HOST="localhost") for _ in range(3))
    writers.force_login(writer)
    reviewers.force_login(reviewer)
    operators.force_login(operator)
    rows = []

    form = {"title": "Delivery time", "key": "hops-eta", "body": "Your order arrives tomorrow.",
            "topic": topic.pk, "language": "en", "shortcut": "", "hotkey": "", "note": "", "submit": "1"}
    counter = HopCounter(_writes("Phrase", "HistoricalPhrase")).run(
        lambda: writers.post("/phrases/new/", form))
    assert Phrase.objects.filter(key="hops-eta").exists(), "the writer's save did not create the phrase"
    rows.append(("writer's save (studio form -> working copy)", *counter.hops("phrase_new")[:1],
                 len(counter.functions)))
    phrase = Phrase.objects.get(key="hops-eta")
    counter = HopCounter(_writes("LivePhrase")).run(
        lambda: reviewers.post(f"/review/{phrase.key}/decide/", {"action": "approve", "revision": phrase.revision}))
    approve_hops, approve_chain = counter.hops("decide")
    rows.append(("reviewer's approval (review queue -> live text)", approve_hops, len(counter.functions)))
    assert Phrase.objects.get(key="hops-eta").is_live, "the approval did not publish"

    operators.get("/api/v1/search/", {"q": "warm up"})
    counter = HopCounter(_search_index).run(lambda: operators.get("/api/v1/search/", {"q": "order tomorrow"}))
    rows.append(("operator's keystroke (search API -> index)", counter.hops("get")[0], len(counter.functions)))

    library = {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Delivery", "parent": None}],
               "phrases": [{"key": "hops-import", "title": "Imported", "body": "Thank you for waiting.",
                            "topic": "delivery", "language": "en", "status": "approved"}]}
    path = Path(ROOT, ".hops-library.json")
    path.write_text(json.dumps(library))
    try:
        counter = HopCounter(_writes("LivePhrase")).run(lambda: call_command("import_library", str(path), verbosity=0))
    finally:
        path.unlink()
    rows.append(("import (import_library command -> live text)", counter.hops("handle")[0], len(counter.functions)))
    table(["path", "hops door->data", "project functions entered"], rows)
    if "-v" in sys.argv:
        print("\napproval chain:\n  " + "\n  ".join(approve_chain))


if __name__ == "__main__":
    main()
