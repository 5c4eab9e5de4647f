# Every target sets itself up from nothing: a fresh clone needs only python3 (>= 3.11) and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DIR ?= corpus/documents
DB ?= lakip.duckdb

.PHONY: setup ingest test golden docs lint typecheck check clean

setup: $(STAMP)

# The venv is rebuilt when the dependencies change. If this Python lacks venv/ensurepip
# (Debian's split packages), install python3-venv from apt, then retry.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "lakip needs Python >= 3.11"'
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "setup: installing python3-venv with apt"; \
	  (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null || { echo "setup: run 'sudo apt-get install python3-venv' and retry"; exit 1; }; \
	  rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

ingest: setup
	$(BIN)/lakip ingest $(DIR) --db $(DB)

test: setup
	$(BIN)/python -m pytest

golden: setup
	$(BIN)/python tests/golden.py --write

docs: setup
	$(BIN)/python -c 'from store.schema import markdown; print(markdown(), end="")' > docs/schema.md

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) *.duckdb .pytest_cache .mypy_cache .ruff_cache .hypothesis
