"""A fresh worker's first 20,000-character texts: CPU ms of each successive text of one language, in a
new process (dictionaries loaded beforehand, no word verdict cached yet), and RSS after loading.

    python -m benchmarks.lint_cold [--language pl] [--texts 6]

Each language runs in its own child process, so no verdict of another run is warm.
"""
import argparse
import os
import random
import subprocess
import sys
import time


def _child(language, count):
    from benchmarks.common import ROOT, rss_mb

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from benchmarks.lint import _prose
    from phrases.lint import lint, spelling
    from phrases.lint.ruleset import default_ruleset

    ruleset = default_ruleset()
    texts = _prose(language, count, random.Random(5))
    rss_before = rss_mb()
    started = time.process_time()
    for check in {"ru": ("ru", "en"), "en": ("en",), "pl": ("pl",)}[language]:
        spelling.spelling_available(check)
    load_ms = (time.process_time() - started) * 1000
    lint("x", language, ruleset)  # compile the rules
    cpu = []
    for body in texts:
        started = time.process_time()
        lint(body, language, ruleset, budget=60)
        cpu.append((time.process_time() - started) * 1000)
    print(f"{language}: dictionaries loaded in {load_ms:.0f} ms CPU, RSS +{rss_mb() - rss_before:.0f} MB "
          f"(total {rss_mb():.0f} MB); 20k texts CPU ms: " + ", ".join(f"{ms:.0f}" for ms in cpu)
          + f"; load average {os.getloadavg()[0]:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("ru", "en", "pl"))
    parser.add_argument("--texts", type=int, default=6)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.language, args.texts)
    for language in (args.language,) if args.language else ("ru", "en", "pl"):
        subprocess.run([sys.executable, "-m", "benchmarks.lint_cold", "--child", "--language", language,
                        "--texts", str(args.texts)], check=True)


if __name__ == "__main__":
    main()
