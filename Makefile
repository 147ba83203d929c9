# taihoanhap: two commands on a fresh machine with Python 3.11 and make.
#   make run   set up, migrate, load units and demo data, serve on http://127.0.0.1:8000
#   make test  set up, lint, check migrations and translations, run the suite on SQLite and
#              on PostgreSQL (skipped with a reason if no server; required in CI)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/taihoanhap
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PERSONS ?= 300
PYTEST_ARGS ?=
# e.g. make bench BENCH_ARGS="--engine postgres --persons 1000000"
BENCH_ARGS ?=
# Two sync workers (= cores) measured best on this hardware; see docs/performance.md.
WORKERS ?= 2

.PHONY: run test setup lint i18n migrate serve clean bench

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

setup: $(VENV)/.installed
	$(PY) manage.py compile_translations -v0

migrate: setup
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_units -v0
	$(PY) manage.py demo_data --if-empty --persons $(DEMO_PERSONS)

serve:
	$(PY) manage.py collectstatic --noinput -v0
	@echo "Serving on http://$(HOST):$(PORT)/ (demo accounts: see README.md). Ctrl+C stops."
	$(VENV)/bin/gunicorn taihoanhap.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'

run: migrate serve

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run -v0
	@if command -v xgettext >/dev/null; then \
		$(PY) manage.py check_translations --extract; \
	else echo "SKIPPED extracting new strings: GNU gettext (xgettext) not installed"; \
		$(PY) manage.py check_translations; fi
	$(PY) manage.py compile_translations -v0

test: lint
	@echo "== Test suite on SQLite =="
	env -u DATABASE_URL $(PY) -m pytest -n 2 $(PYTEST_ARGS)
	@echo "== Test suite on PostgreSQL ($(PG_TEST_URL)) =="
	DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest -n 2 $(PYTEST_ARGS)

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles
