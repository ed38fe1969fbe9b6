"""A fresh worker's first 20,000-character texts: CPU ms of each successive text of one language, in a
new process (dictionaries loaded beforehand, no word verdict cached yet), and RSS after loading.

    python -m benchmarks.lint_cold [--language pl] [--texts 6]
    python -m benchmarks.lint_cold --forked [--language pl] [--texts 6]

Each language runs in its own child process, so no verdict of another run is warm.

--forked: as under gunicorn (config/wsgi.py, config/gunicorn.conf.py), one master runs the lint preload
(`phrases.lint.engine.preload`: dictionaries, morphology, rules, one short and one long text per language)
and freezes its objects, then forks a worker per language that warms itself as gunicorn's post_fork has it
do (`phrases.lint.engine.warm_worker`, timed apart: before the worker takes a request), times its first
texts and reports the private memory it gained from the fork on (Private_Dirty + Private_Clean outside
shared mappings; the warm-up's included). Twice: a master with no library (the
database down at start), and one that judged a library's words ahead. The library is half the lint
sentences and library phrases (by a hash of their names); the timed texts are joined from the other
half only, so no timed sentence was seen by the master (their words overlap, as a team's new phrases
share its library's words).
"""
import argparse
import gc
import os
import random
import subprocess
import sys
import time
import zlib


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


def _halves(language):
    """(library sentences, timed sentences) of a language: the benchmark's prose sources split in two."""
    from benchmarks.lint_identity import corpus

    halves = ([], [])
    for name, lang, body in corpus():
        if (lang == language and ":" in name and not name.startswith(("long:", "hostile:"))
                and not name.endswith((":lower", ":upper", ":folded"))):
            halves[zlib.crc32(name.encode()) % 2].append(body)
    return halves


def _forked(languages, count, with_library):
    """Time each language's first texts in a worker forked from a master that ran the lint preload."""
    from benchmarks.common import ROOT, child_result, rss_mb
    from benchmarks.lint import joined_texts
    from benchmarks.suggest import private_mib

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from phrases.lint import lint
    from phrases.lint.engine import preload, warm_worker
    from phrases.lint.ruleset import default_ruleset

    ruleset = default_ruleset()
    library, texts = [], {}
    for language in languages:
        seen, timed = _halves(language)
        library += [(language, body) for body in seen] if with_library else []
        texts[language] = joined_texts(timed, count, random.Random(5))
    rss_before = rss_mb()
    started, wall = time.process_time(), time.perf_counter()
    judged = preload(ruleset, languages, library=library)  # as config/wsgi.py does in the gunicorn master
    print(f"master ({'library of ' + str(len(library)) + ' phrases' if with_library else 'no library'}): "
          f"preload {(time.process_time() - started):.1f} s CPU, {time.perf_counter() - wall:.1f} s wall, "
          f"RSS +{rss_mb() - rss_before:.0f} MB (total {rss_mb():.0f} MB), words judged ahead {judged}")
    gc.freeze()  # as gunicorn's pre_fork does
    for language in languages:
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # a worker forked from the ready master
            os.close(reader)
            before, _ = private_mib()
            started = time.process_time()
            warm_worker(ruleset)  # gunicorn's post_fork (config/gunicorn.conf.py)
            warm = (time.process_time() - started) * 1000
            cpu = []
            for body in texts[language]:
                started = time.process_time()
                lint(body, language, ruleset, budget=60)
                cpu.append((time.process_time() - started) * 1000)
            os.write(writer, repr((warm, cpu, private_mib()[0] - before)).encode())
            os._exit(0)
        os.close(writer)
        warm, cpu, grown = child_result(reader, child)
        print(f"  {language} worker: warm-up (post_fork) {warm:.0f} ms CPU; 20k texts CPU ms: "
              + ", ".join(f"{ms:.0f}" for ms in cpu)
              + f"; private memory +{grown:.1f} MiB after them; load average {os.getloadavg()[0]:.2f}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("ru", "en", "pl"))
    parser.add_argument("--texts", type=int, default=6)
    parser.add_argument("--forked", action="store_true", help="workers forked from a master that preloaded the lint")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--library", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child and args.forked:
        return _forked((args.language,) if args.language else ("ru", "en", "pl"), args.texts, args.library)
    if args.child:
        return _child(args.language, args.texts)
    if args.forked:  # each master in its own process, so the second starts as cold as the first
        for library in ((), ("--library",)):
            subprocess.run([sys.executable, "-m", "benchmarks.lint_cold", "--child", "--forked", "--texts",
                            str(args.texts), *(("--language", args.language) if args.language else ()), *library],
                           check=True)
        return None
    for language in (args.language,) if args.language else ("ru", "en", "pl"):
        subprocess.run([sys.executable, "-m", "benchmarks.lint_cold", "--child", "--language", language,
                        "--texts", str(args.texts)], check=True)


if __name__ == "__main__":
    main()
