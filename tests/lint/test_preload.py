"""The lint preload (phrases.lint.engine.preload, run by the gunicorn master before it forks: config/wsgi.py).

Each case runs in a fresh interpreter, as a gunicorn master starts: in this test process other tests have
already loaded the dictionaries and filled the word caches."""
import json
import subprocess
import sys

import pytest

from benchmarks.common import ROOT

LIBRARY = [
    ("ru", "Здравствуйте! Курьер позвонит Вам за час до приезда, чтобы согласовать удобное время."),
    ("ru", "Спасибо, что выбрали наш магазин, хорошего Вам дня!"),
]
TEXTS = [
    ("ru", "Здравствуйте! Курьер позвонит Вам за час до приезда, чтобы согласовать удобное время."),
    ("ru", "спс, щас проверю. Это не наша вина, обратитесь в банк. Заказ будет доставлен заврта, PIN-код в SMS!!!"),
    ("ru", "Мы потеряли Вашу посылку, напишите нам на почту support@shop.ru или в Telegram"),
]

SCRIPT = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
from phrases.lint import engine, lint, morphology, spelling
from phrases.lint.ruleset import default_ruleset

library, texts, preloaded = json.loads(sys.argv[1])
ruleset = default_ruleset()
state = {}
if preloaded:
    state["loaded before"] = sorted(engine._loaded)
    state["judged"] = engine.preload(ruleset, ("ru",), library=library)
    state["loaded after"] = sorted(engine._loaded)
    state["analyzer"] = morphology._analyzer is not None
    state["rules compiled"] = ("start dispatch", "ru") in ruleset._compiled
    verdicts, readings = spelling._misspelt.cache_info().misses, morphology.reading.cache_info().misses
    for language, body in library:
        lint(body, language, ruleset)
    state["new verdicts for the library"] = spelling._misspelt.cache_info().misses - verdicts
    state["new readings for the library"] = morphology.reading.cache_info().misses - readings
    verdicts, readings = spelling._misspelt.cache_info().misses, morphology.reading.cache_info().misses
    engine.warm_worker(ruleset, ("ru",))  # as gunicorn's post_fork has a new worker do
    state["new verdicts and readings for the warm-up"] = (spelling._misspelt.cache_info().misses - verdicts
                                                          + morphology.reading.cache_info().misses - readings)
state["findings"] = [[[f.rule, f.severity, f.message, f.start, f.end, f.suggestion] for f in lint(body, language, ruleset)]
                     for language, body in texts]
print(json.dumps(state))
"""


def _run(preloaded):
    result = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps([LIBRARY, TEXTS, preloaded])], cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=300)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def preloaded():
    return _run(preloaded=True)


def test_preload_leaves_the_lint_loaded_and_a_library_phrase_asks_no_dictionary_or_analyzer(preloaded):
    state = preloaded
    assert state["loaded before"] == []
    assert ["ru", True] in state["loaded after"]  # the ru dictionaries (and en, for Latin words) and morphology
    assert state["analyzer"] and state["rules compiled"]
    assert state["judged"]["ru"] > 10
    assert state["new verdicts for the library"] == 0
    assert state["new readings for the library"] == 0
    # The worker's warm-up lints what the master linted before the fork: it asks no dictionary either.
    assert state["new verdicts and readings for the warm-up"] == 0


def test_preloaded_and_warmed_process_finds_exactly_what_a_process_without_them_finds(preloaded):
    plain = _run(preloaded=False)
    assert preloaded["findings"] == plain["findings"]
    assert any(preloaded["findings"])  # the texts do have findings to compare


def test_a_new_worker_warms_up_with_the_rules_its_master_read():
    """gunicorn's post_fork warms a worker with the rule set the master compiled (no database query before the
    worker's first request), or the defaults in a process that has read none."""
    from phrases.lint.ruleset import _cache, build_ruleset, reset_cache, ruleset_in_memory

    reset_cache()
    assert ruleset_in_memory().revision == "defaults"
    read = build_ruleset([], [("ru", "slang", "спс", "спасибо")], [], [], revision=7)
    _cache.ruleset = read
    try:
        assert ruleset_in_memory() is read
    finally:
        reset_cache()
