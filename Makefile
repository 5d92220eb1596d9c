# Two commands work on a fresh machine with only Python 3.11+ and make:
#   make demo   set up .venv and run csea on the shipped example
#   make test   set up .venv and run every check (lint, format, types, tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CSEA   := $(BIN)/csea

.PHONY: help demo test lint typecheck pytest schemas clean browser docs docs-serve bench

help:
	@echo "make demo     check the shipped example and write its HTML report (sets up .venv first)"
	@echo "make test     lint, format check, type check and tests (sets up .venv first)"
	@echo "make schemas  regenerate the JSON Schemas in schema/"
	@echo "make docs     build the documentation site strictly into site/"
	@echo "make docs-serve  serve the documentation at http://127.0.0.1:8000"
	@echo "make bench    benchmarks at 1x, 10x and 100x against the targets (not part of make test)"
	@echo "make clean    remove .venv and build output"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "csea needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: $(STAMP)
	@echo "== csea check: what needs attention in the Vidora example (fictional video platform) =="
	$(CSEA) check examples/vidora/assessment.yaml || test $$? -eq 1
	@echo
	@echo "== csea report: the HTML report a T&S lead hands to leadership =="
	$(CSEA) report examples/vidora/assessment.yaml --format html -o out/vidora-report.html
	@echo
	@echo "The report is at out/vidora-report.html: open it in a browser (it prints to PDF)."

test: lint typecheck browser pytest docs

# Installs what the browser test of the HTML report needs (owned by the reports work):
# Debian's chromium, only when it is missing (the test fails, never skips, without it).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "installing chromium for the HTML report's browser test"; \
	  SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests bench docs/hooks
	$(BIN)/ruff format --check src tests bench docs/hooks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

# The documentation site: strict (any warning fails the build) and offline.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

docs-serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict

# Benchmarks: slow (minutes); records the last run in bench/README.md. Not part of 'make test'.
bench: $(STAMP)
	$(BIN)/python bench/run.py --record

schemas: $(STAMP)
	$(CSEA) schema --output-dir schema

clean:
	rm -rf $(VENV) dist build site out .mypy_cache .ruff_cache .pytest_cache
