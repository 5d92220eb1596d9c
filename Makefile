# Two commands work on a fresh machine with only Python 3.11+ and make:
#   make demo   set up .venv and run csea on the shipped example
#   make test   set up .venv and run every check (lint, format, types, tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CSEA   := $(BIN)/csea

.PHONY: help demo test lint typecheck pytest schemas clean system docs docs-serve bench lock \
	upgrade test-latest test-oldest mutation

help:
	@echo "make demo     check the shipped example and write its HTML report (sets up .venv first)"
	@echo "make test     lint, format check, type check and tests (sets up .venv first)"
	@echo "make schemas  regenerate the JSON Schemas in schema/"
	@echo "make docs     build the documentation site strictly into site/"
	@echo "make docs-serve  serve the documentation at http://127.0.0.1:8000"
	@echo "make bench    benchmarks at 1x, 10x and 100x against the targets (not part of make test)"
	@echo "make mutation mutation testing of the decision core; MODULES=\"csea.x.y ...\" for some (not in make test)"
	@echo "make lock     refresh requirements/*.txt after a dependency change in pyproject.toml"
	@echo "make upgrade  move requirements/*.txt to the newest releases (on purpose; needs the index)"
	@echo "make test-latest  the tests against the newest release of every dependency (drift alarm)"
	@echo "make test-oldest  the tests with runtime dependencies at pyproject.toml's lower bounds"
	@echo "make clean    remove .venv and build output"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "csea needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in requirements/dev.txt (hash-checked), then csea itself, editable,
# built with the locked hatchling: nothing is resolved afresh, so an upstream release cannot
# change what make demo and make test run.
$(STAMP): pyproject.toml requirements/dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# The lock files, refreshed on purpose (needs the package index), for Python 3.11 and newer on
# every platform. uv does the resolving from its own small environment (.venv-lock); pip
# installs what it writes.
UV_VERSION := 0.13.9
UV := .venv-lock/bin/uv
$(UV):
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet 'uv==$(UV_VERSION)'

LOCK := $(UV) pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 \
	--custom-compile-command "make lock" --quiet
# make lock: after a change to pyproject.toml's dependencies; keeps every pin it can.
# make upgrade: every dependency to its newest release (run make test-latest first).
lock: $(UV)
	$(LOCK) --extra dev -o requirements/dev.txt
	$(LOCK) -c requirements/dev.txt -o requirements/runtime.txt

upgrade: $(UV)
	$(LOCK) --upgrade --extra dev -o requirements/dev.txt
	$(LOCK) --upgrade -c requirements/dev.txt -o requirements/runtime.txt

# The drift alarm: the test suite against the newest release of every dependency, in its own
# environment (.venv-latest). Not part of make test: run it before make lock, and every week or
# so, to meet the next upstream change on purpose rather than in a red CI.
test-latest: system
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	.venv-latest/bin/python -m pip freeze --exclude-editable > .venv-latest/versions.txt
	.venv-latest/bin/pytest -p no:cacheprovider
	@echo "test-latest passed with the versions in .venv-latest/versions.txt"

# The floor: the suite with every runtime dependency at the lowest version pyproject.toml
# allows, in .venv-oldest. Dev tools stay locked. Left out: the documentation build, because
# mkdocs-material (a dev tool) needs a newer jinja2 than csea itself does, and the golden copy of
# --help, because older typer and rich lay out help text slightly differently. Not in make test.
test-oldest: system $(UV)
	rm -rf .venv-oldest
	$(PYTHON) -m venv .venv-oldest
	$(UV) pip compile pyproject.toml --resolution lowest-direct --python-version 3.11 \
	  --quiet --no-header -o .venv-oldest/runtime-lowest.txt
	.venv-oldest/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	.venv-oldest/bin/python -m pip uninstall --quiet --yes -r .venv-oldest/runtime-lowest.txt
	.venv-oldest/bin/python -m pip install --quiet --no-deps -r .venv-oldest/runtime-lowest.txt
	.venv-oldest/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	.venv-oldest/bin/pytest -p no:cacheprovider -W ignore::DeprecationWarning \
	  --deselect tests/docs/test_site_build.py --deselect tests/docs/test_cli_reference.py
	@echo "test-oldest passed with the versions in .venv-oldest/runtime-lowest.txt"

demo: $(STAMP)
	@echo "== csea check: what needs attention in the Vidora example (fictional video platform) =="
	$(CSEA) check examples/vidora/assessment.yaml || test $$? -eq 1
	@echo
	@echo "== csea report: the HTML report a T&S lead hands to leadership =="
	$(CSEA) report examples/vidora/assessment.yaml --format html -o out/vidora-report.html
	@echo
	@echo "The report is at out/vidora-report.html: open it in a browser (it prints to PDF)."

test: lint typecheck system pytest docs

# The programs the tests open csea's output with (the tests fail, never skip, without them):
# Chromium for the HTML report, LibreOffice for spreadsheets and Word documents, poppler's
# pdftotext/pdfinfo/pdftoppm for printed reports. Debian packages, installed only when missing.
SYSTEM_PACKAGES := chromium libreoffice-calc libreoffice-writer poppler-utils fonts-liberation
system:
	@test -x /usr/bin/chromium -a -x /usr/bin/soffice -a -x /usr/bin/pdftotext || { \
	  echo "installing $(SYSTEM_PACKAGES) for the tests that open csea's output"; \
	  SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    $(SYSTEM_PACKAGES) >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests bench docs/hooks tools
	$(BIN)/ruff format --check src tests bench docs/hooks tools

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

# Mutation testing of the decision core (docs/contributing/mutation.md): slow, not part of
# make test. MODULES="csea.evaluation.gaps csea.catalog.conditions" runs only those modules'
# mutants, cheap enough before every change to them. Exits 1 under 90% or on a survivor the
# page does not explain.
mutation: $(STAMP)
	$(BIN)/python tools/mutation.py $(MODULES)

schemas: $(STAMP)
	$(CSEA) schema --output-dir schema

clean:
	rm -rf $(VENV) .venv-latest .venv-oldest .venv-lock dist build site out mutants .mypy_cache .ruff_cache .pytest_cache
