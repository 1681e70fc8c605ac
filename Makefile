# The one entry point: `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export ELINVOIMA_DEMO_PASSWORD ?= elinvoima-demo

.PHONY: run test test-sqlite test-postgres fuzz lint bench deps messages clean chromium

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed
	@$(PY) scripts/compile_messages.py

run: deps
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo ""
	@echo "Elinvoima is at http://127.0.0.1:$(PORT)/fi/  (also /sv/ and /en/)"
	@echo "A background worker (manage.py db_worker) runs the imports beside the server."
	@echo ""
# The worker goes down with the server: on Ctrl-C, on an error, or when it exits.
	@$(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# The system packages the tests need, installed when missing: Debian's Chromium for the
# browser tests, Pango and a font for the PDFs (WeasyPrint; Chromium brings them too).
# (/sbin: not on a user's PATH on Debian.)
chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@/sbin/ldconfig -p | grep -q libpangoft2 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

# Two workers: the machines have two cores, and the suite takes half the time.
PYTEST := $(VENV)/bin/pytest -q -n 2
# Each half writes its elapsed time here; `make test` prints both at the end.
TEST_TIMES := var/test-times

# SQLite (the embedded database of `make run`): only what differs between the databases,
# the tests marked both_databases (imports, search, constraints, concurrency, raw SQL,
# scale data, migrations, every URL for every role); never the browser tests.
test-sqlite: deps chromium
	@mkdir -p $(TEST_TIMES); start=$$(date +%s); \
	  DATABASE_URL= $(PYTEST) -m "both_databases and not browser"; status=$$?; \
	  echo "test-sqlite: $$(( $$(date +%s) - start )) s" | tee $(TEST_TIMES)/sqlite; exit $$status

# PostgreSQL (production): the whole suite, the browser tests included.
test-postgres: deps chromium
	@mkdir -p $(TEST_TIMES); start=$$(date +%s); \
	  scripts/with_postgres.sh $(PYTEST); status=$$?; \
	  echo "test-postgres: $$(( $$(date +%s) - start )) s" | tee $(TEST_TIMES)/postgres; exit $$status

test: lint test-sqlite test-postgres
	@cat $(TEST_TIMES)/sqlite $(TEST_TIMES)/postgres

# The adversarial tests (the API fuzz of tests/core/test_api_fuzz.py and the property tests
# of the services in tests/properties/) with many more generated cases than `make test`
# runs; not part of `make test`.
FUZZ_EXAMPLES ?= 200
fuzz: deps
	ELINVOIMA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) scripts/with_postgres.sh \
	  $(PYTEST) --durations=10 tests/core/test_api_fuzz.py tests/properties

bench: deps
	scripts/with_postgres.sh $(PY) -m elinvoima.bench

messages: deps
	$(MANAGE) makemessages -l fi -l sv --no-obsolete --ignore=node_modules --ignore=.venv --ignore=var
	$(PY) scripts/compile_messages.py

clean:
	rm -rf var/elinvoima.sqlite3* var/static var/bench
