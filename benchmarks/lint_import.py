"""The lint's CPU per phrase on an import's texts: the synthetic library's bodies (1-3 sentences of
ru, en and pl, as `benchmarks.import_bench` imports them), linted in one process after a warm-up,
the way an import's lint process runs them (every rule on, spelling on, the default rules, the
words' dictionary look-ups made beforehand as `import_lint.spell_ahead` makes them).

    python -m benchmarks.lint_import [--texts 20000] [--profile] [--by-rule]

`--profile`: cProfile of the run, sorted by own time. `--by-rule`: CPU per rule (the engine's rule
loop, timed per rule; spelling as the engine's own pass).
"""
import argparse
import os
import sys
import time

from benchmarks.common import ROOT


def texts(count, seed=7):
    from benchmarks import synthetic

    return [(document.body, document.language) for document in synthetic.library(count, seed=seed)]


def by_rule(bodies, ruleset):
    """CPU seconds per rule over `bodies`, each rule run on its own draft of every text."""
    from phrases.lint import rules as checks
    from phrases.lint.findings import OFF
    from phrases.lint.normalize import normalize
    from phrases.lint.spelling import is_word_in_capitals, unknown_words

    spent = {}
    for body, language in bodies:
        started = time.process_time()
        normalized = normalize(body, language)
        spent["(normalize)"] = spent.get("(normalize)", 0) + time.process_time() - started
        draft = checks.Draft(body=normalized.text, language=language, ruleset=ruleset, deadline=float("inf"),
                             is_word_in_capitals=is_word_in_capitals)
        for rule, check in checks.CHECKS.items():
            severity, limit = ruleset.rule(rule, language)
            if severity == OFF:
                continue
            draft.limits[rule] = limit
            started = time.process_time()
            list(check(draft))
            spent[rule] = spent.get(rule, 0) + time.process_time() - started
        started = time.process_time()
        list(unknown_words(draft.words, language, ruleset.team_words))
        spent["spelling"] = spent.get("spelling", 0) + time.process_time() - started
        draft.release()
    return spent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--by-rule", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from phrases.lint import lint, spelling
    from phrases.lint.ruleset import default_ruleset
    from phrases.services.import_lint import _lookups

    ruleset = default_ruleset()
    bodies = texts(args.texts)
    warm_up = texts(2000, seed=8)
    for language in ("ru", "en", "pl"):
        lint(".", language, ruleset)
    # As the import does before its lint processes fork: every distinct word looked up once.
    spelling.share_verdicts(spelling.known_words(_lookups(bodies + warm_up, ["ru", "en", "pl"])))
    for body, language in warm_up:
        lint(body, language, ruleset)
    if args.by_rule:
        spent = by_rule(bodies, ruleset)
        total = sum(spent.values())
        for rule, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"{rule:32} {seconds * 1000 / len(bodies):7.4f} ms a phrase  {100 * seconds / total:5.1f}%")
        print(f"{'total':32} {total * 1000 / len(bodies):7.4f} ms a phrase")
        return 0
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.process_time()
    findings = sum(len(lint(body, language, ruleset, budget=60)) for body, language in bodies)
    spent = time.process_time() - started
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "tottime")).print_stats(int(os.environ.get("ROWS", "35")))
    print(f"{len(bodies)} texts, {findings} findings: {spent:.2f} s CPU, {spent * 1000 / len(bodies):.3f} ms a phrase "
          f"(load average {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
