# Two commands work on a fresh machine with only Python 3.11+ and make:
#   make demo   set up .venv and run csea on the shipped example
#   make test   set up .venv and run every check (lint, format, types, tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CSEA   := $(BIN)/csea

.PHONY: help demo test lint typecheck pytest schemas clean browser

help:
	@echo "make demo     run csea on the shipped example (sets up .venv first)"
	@echo "make test     lint, format check, type check and tests (sets up .venv first)"
	@echo "make schemas  regenerate the JSON Schemas in schema/"
	@echo "make clean    remove .venv and build output"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "csea needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: $(STAMP)
	@echo "== The catalogue, block pillar =="
	$(CSEA) catalog list --pillar block
	@echo
	@echo "== One obligation in full =="
	$(CSEA) catalog show BLOCK-01

test: lint typecheck browser pytest

# Installs what the browser test of the HTML report needs (owned by the reports work).
browser:
	@true

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

schemas: $(STAMP)
	$(CSEA) schema --output-dir schema

clean:
	rm -rf $(VENV) dist build site .mypy_cache .ruff_cache .pytest_cache
