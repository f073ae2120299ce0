# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint install chromium schemas demo bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

## Debian's Chromium for the browser tests (tests/browser; Playwright drives it, no browser is
## downloaded). Installed once, as root; a no-op when present. Without it, and outside CI, the
## browser tests are skipped.
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium missing (apt-get install chromium as root): browser tests skip"; fi; }

## Serve on http://127.0.0.1:8080 with the embedded PostgreSQL and the local mail sink (var/).
run: install
	$(VENV)/bin/conference serve

## Run the whole suite (embedded PostgreSQL unless CONFERENCE_TEST_DATABASE_URL is set), in
## TEST_PROCESSES processes (pytest-xdist; each has its own template database, or its own embedded
## server). The browser journeys are shared out like the other tests.
TEST_PROCESSES ?= 4
test: install chromium
	$(PY) -m pytest -n $(TEST_PROCESSES)

lint: install
	$(VENV)/bin/ruff check .

schemas: install
	$(VENV)/bin/conference export-schemas

## The benchmarks and fault drills (bench/README.md); by hand, never in CI. About 10 minutes.
bench: install
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/registration.py
	$(PY) bench/fanout.py
	$(PY) bench/drills.py
	$(PY) bench/checkins.py
	$(PY) bench/capacity_check.py

demo: install
	$(VENV)/bin/conference demo

clean:
	rm -rf $(VENV) var .pytest_cache
