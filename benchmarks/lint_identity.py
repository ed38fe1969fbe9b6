"""Findings identical before and after a change to the linter's machinery (a speed change must not
change a single finding).

    python -m benchmarks.lint_identity dump before.json     # on the code before the change
    python -m benchmarks.lint_identity dump after.json      # on the code after it
    python -m benchmarks.lint_identity compare before.json after.json

The corpus: every sentence of tests/lint/data/*.jsonl, the starter library, and (when present beside
the repository) ../shared/eval's lint set and dev library; each also lowercased, uppercased and (Polish)
without diacritics; 20,000-character texts joined from them per language; and the audit's hostile
shapes in every language. All rules on, spelling on, the default rules.
"""
import argparse
import json
import random
import sys

from benchmarks.common import ROOT
from benchmarks.lint import HOSTILE as BENCHMARK_HOSTILE

# The lint benchmark's hostile shapes, and one of words the rules read.
HOSTILE = {**BENCHMARK_HOSTILE, "emoji words": "😀 ok спс 👍🏽 👨\u200d👩\u200d👧 np. " * 700}


def corpus():
    """[(name, language, body)] in a fixed order."""
    items = []
    for path in sorted((ROOT / "tests" / "lint" / "data").glob("*.jsonl")):
        items += _jsonl(path)
    shared = ROOT.parent / "shared" / "eval"
    if (shared / "dev_lint.jsonl").exists():
        items += _jsonl(shared / "dev_lint.jsonl")
    for path in (ROOT / "fixtures" / "starter_library.json", shared / "dev_library.json"):
        if path.exists():
            items += [(f"{path.name}:{p.get('key')}", p["language"], p["body"])
                      for p in json.loads(path.read_text())["phrases"] if p.get("body")]
    variants = []
    for name, language, body in items:
        variants += [(name + ":lower", language, body.lower()), (name + ":upper", language, body.upper())]
        if language == "pl":
            from phrases.lint.text import fold

            variants.append((name + ":folded", language, fold(body)))
    rng = random.Random(25)
    long_texts = []
    for language in ("ru", "en", "pl"):
        bodies = [body for _, lang, body in items if lang == language]
        for number in range(4):
            rng.shuffle(bodies)
            text = ""
            for body in bodies * 20:
                if len(text) >= 20_000:
                    break
                text += body + (" " if number % 2 else "\n")
            long_texts.append((f"long:{language}:{number}", language, text[:20_000]))
    hostile = [(f"hostile:{name}:{language}", language, body)
               for name, body in HOSTILE.items() for language in ("ru", "en", "pl")]
    return items + variants + long_texts + hostile


def _jsonl(path):
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [(f"{path.name}:{row['id']}", row["language"], row["body"]) for row in rows]


def dump(path):
    from phrases.lint import lint
    from phrases.lint.ruleset import default_ruleset

    ruleset = default_ruleset()
    result = {}
    for name, language, body in corpus():
        findings = lint(body, language, ruleset, budget=60)
        result[name] = [[f.rule, f.severity, f.message, f.start, f.end, f.suggestion] for f in findings]
    with open(path, "w") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=0, sort_keys=True)
    print(f"{len(result)} texts, {sum(map(len, result.values()))} findings -> {path}")


def compare(before_path, after_path):
    before, after = (json.load(open(p)) for p in (before_path, after_path))
    differ = [name for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)]
    for name in differ[:20]:
        print(f"DIFFERENT {name}\n  before {before.get(name)}\n  after  {after.get(name)}")
    print(f"{len(before)} texts before, {len(after)} after, {len(differ)} different, "
          f"{sum(map(len, before.values()))} findings before")
    return 1 if differ or set(before) != set(after) else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["dump", "compare"])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    if args.action == "compare":
        return compare(*args.paths)
    import os

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    dump(args.paths[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
