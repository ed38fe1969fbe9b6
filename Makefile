# Quickphrases: `make run` and `make test` are the two commands (contract section 1).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
EVAL_DIR ?= $(abspath ../shared/eval)
EVAL_DB := $(CURDIR)/.eval.sqlite3

.PHONY: run test test-postgres bench bench-picker bench-deploy eval migrate lint-dicts clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

# Spelling's fast path: every word form of the ru, en and pl dictionaries, expanded once (~40 MB,
# ~30 s CPU) into $(VENV)/var/quickphrases-spelling; without it spelling asks Hunspell word by word.
lint-dicts: $(VENV)/.lint-dicts

$(VENV)/.lint-dicts: $(VENV)/.installed $(wildcard phrases/lint/dictionaries/*.aff phrases/lint/dictionaries/*.dic)
	$(PY) -c "from phrases.lint.spelling import main; main(['build'])"
	touch $@

migrate: $(VENV)/.installed $(VENV)/.lint-dicts
	@$(PY) manage.py migrate --noinput -v0
	@echo "Database ready (migrations applied)."

run: migrate
	@$(PY) manage.py load_demo --site http://$(HOST):$(PORT)
	@$(PY) manage.py collectstatic --noinput -v0
	@$(PY) manage.py serve $(HOST):$(PORT)

test: $(VENV)/.installed-test $(VENV)/.lint-dicts
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The same suite against PostgreSQL (needs a server; pytest-django creates test_<name>).
test-postgres: $(VENV)/.installed-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/quickphrases} $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.search $(if $(QUICK),--quick)
	$(PY) -m benchmarks.serving $(if $(QUICK),--quick)
	$(PY) -m benchmarks.api $(if $(QUICK),--quick)
	$(PY) -m benchmarks.lint $(if $(QUICK),--quick)
	$(PY) -m benchmarks.import_bench $(if $(QUICK),--quick)
	$(PY) -m benchmarks.pages $(if $(QUICK),--quick)
	$(PY) -m benchmarks.review_queue $(if $(QUICK),--quick)
	$(PY) -m benchmarks.suggest $(if $(QUICK),--quick)

# The operator's picker in a real browser, keystroke to results on screen (needs Chromium).
bench-picker: $(VENV)/.installed-test
	$(PY) -m benchmarks.picker $(if $(QUICK),--quick)

# Deployment figures: an API import under search traffic while gunicorn recycles its workers, and freshness
# across two app servers and two workers (PostgreSQL and Redis on 127.0.0.1; QP_BENCH_POSTGRES, QP_BENCH_REDIS).
bench-deploy: $(VENV)/.installed-test
	$(PY) -m benchmarks.import_under_load $(if $(QUICK),--quick)
	$(PY) -m benchmarks.freshness $(if $(QUICK),--quick)

# Search quality and lint quality on the development data in ../shared/eval.
eval: $(VENV)/.installed-test
	rm -f $(EVAL_DB)*
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py eval_search --library $(EVAL_DIR)/dev_library.json --queries $(EVAL_DIR)/dev_queries.jsonl
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py eval_lint $(EVAL_DIR)/dev_lint.jsonl
	rm -f $(EVAL_DB)*
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py eval_suggest --library $(EVAL_DIR)/dev_library.json --messages $(EVAL_DIR)/dev_client_messages.jsonl
	rm -f $(EVAL_DB)*
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py eval_suggest --library $(EVAL_DIR)/dev_library.json --messages suggestions/eval/own_dev_heldout.jsonl --picks $(EVAL_DIR)/dev_client_messages.jsonl
	rm -f $(EVAL_DB)*
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(EVAL_DB) $(PY) manage.py eval_suggest --library fixtures/starter_library.json --messages suggestions/eval/heldout_messages.jsonl
	rm -f $(EVAL_DB)*

clean:
	rm -rf $(VENV) staticfiles .eval.sqlite3* *.egg-info
