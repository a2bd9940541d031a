# The commands of the README. `make run` and `make test` work on a fresh machine: they create
# the virtualenv and install the pinned packages first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# A throwaway key for tests and the local demo server; production sets its own SECRET_KEY.
LOCAL_KEY := local-only-key-not-for-production-0123456789abcdef

.PHONY: install browser run test lint format migrations-check pytest bench e2e clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed browser

# The browser journeys use Debian's Chromium (never a downloaded browser), and pdftotext
# (poppler-utils) to read the documents they print.
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftotext || { \
	  echo "Installing Debian's chromium and poppler-utils for the browser tests"; \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; }

run: $(VENV)/.installed
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	SECRET_KEY=$${SECRET_KEY:-$(LOCAL_KEY)} $(BIN)/python manage.py makemigrations --check --dry-run

# pytest-xdist: one worker per core (PYTEST_WORKERS=0 runs in one process); the 15 slowest
# tests are listed at the end so that the next slowdown shows.
PYTEST_WORKERS ?= auto

pytest: install
	SECRET_KEY=$${SECRET_KEY:-$(LOCAL_KEY)} PPID_HTTPS=$${PPID_HTTPS:-0} $(BIN)/pytest \
	  -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

e2e: install
	SECRET_KEY=$${SECRET_KEY:-$(LOCAL_KEY)} PPID_HTTPS=$${PPID_HTTPS:-0} $(BIN)/pytest tests/e2e $(PYTEST_ARGS)

test: lint migrations-check pytest

# Performance at scale on PostgreSQL (127.0.0.1:5432, user postgres): generates or reuses the
# 1k and 100k databases and writes tests/bench/RESULTS.md. BENCH_ARGS=--fresh regenerates.
bench: install
	SECRET_KEY=$${SECRET_KEY:-$(LOCAL_KEY)} $(BIN)/python -m tests.bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
