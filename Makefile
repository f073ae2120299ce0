# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint install schemas demo bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

## Serve on http://127.0.0.1:8080 with the embedded PostgreSQL and the local mail sink (var/).
run: install
	$(VENV)/bin/conference serve

## Run the whole suite (embedded PostgreSQL unless CONFERENCE_TEST_DATABASE_URL is set).
test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

schemas: install
	$(VENV)/bin/conference export-schemas

demo: install
	$(VENV)/bin/conference demo

clean:
	rm -rf $(VENV) var .pytest_cache
