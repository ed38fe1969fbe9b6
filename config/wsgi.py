"""WSGI entry point for gunicorn: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

With QUICKPHRASES_SEARCH_PRELOAD=1 (config/gunicorn.conf.py sets it, with preload_app) the search index
is loaded here, in the gunicorn master, before the workers are forked: every worker starts with it ready
and shares its memory instead of building its own inside its first request. When the database cannot be
reached at that moment, gunicorn starts all the same: each worker loads the index (from the snapshot when
there is one) as soon as the database answers, and /readyz answers 503 until then.

With QUICKPHRASES_LINT_PRELOAD=1 (config/gunicorn.conf.py sets it too) the brand-voice linter is made ready
here as well (phrases.lint.engine.preload): dictionaries, morphology, the rules in force compiled, a short
and a 20,000-character text linted per language (each worker lints the long ones again in gunicorn's post_fork,
engine.warm_worker, so no request pays for the pages a first text copies from the master), and the spelling and morphology of the live library's most frequent words worked out,
so a worker's first lint costs what its hundredth does instead of seconds of loading. With no database
the default rules are compiled and no library is read; the start never waits for the database.
"""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

if os.environ.get("QUICKPHRASES_SEARCH_PRELOAD") == "1":
    from django.db import DatabaseError, connections

    from phrases.search.live_index import live_index

    try:
        print(live_index.preload(), flush=True)
        from suggestions.engine.vectors import live_vectors

        print(live_vectors.preload(), flush=True)
    except DatabaseError as error:
        live_index.reset()
        connections.close_all()
        print(f"Search index not preloaded, the database is unreachable ({error}). Each worker loads it when the "
              "database answers; /readyz answers 503 until then.", flush=True)

if os.environ.get("QUICKPHRASES_LINT_PRELOAD") == "1":
    import time

    from django.db import DatabaseError, connections

    from phrases.lint.engine import preload as preload_lint
    from phrases.lint.ruleset import current_ruleset
    from phrases.selectors import live_text_sample

    started = time.monotonic()
    try:
        library = live_text_sample()
    except DatabaseError:
        library = []  # the workers' own texts warm their caches as before; the rules come from the defaults
    judged = preload_lint(current_ruleset(), library=library)
    connections.close_all()  # no connection crosses the fork
    print(f"Lint preloaded in {time.monotonic() - started:.1f} s: dictionaries, morphology and rules ready; words "
          "judged ahead: " + ", ".join(f"{language} {count}" for language, count in judged.items()) + ".", flush=True)
