# Every target sets itself up from nothing: a fresh clone needs only python3 (>= 3.11) and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DIR and DB are quoted where used: a folder or file name with spaces is one argument.
DIR ?= corpus
DB ?= lakip.duckdb
AUDIT_OUT ?= out/audit
COMPARE_OUT ?= out/compare

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup browser ocr producers ingest pdf-samples audit compare eval-mapping eval-real eval-audit fuzz mutation bench bench-ocr bench-real bench-scale test golden docs lint typecheck check clean

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

# Chromium renders the PDF printouts and drives the browser test (a Debian package, not pip).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "browser: installing chromium and fonts with apt"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
	  || { echo "browser: could not install chromium; run 'sudo apt-get install chromium' and retry"; exit 1; }; }

# tesseract reads scanned PDFs (Debian packages, with the Indonesian model). `ingest` tries to
# install it but goes on without: only scans need it, and they then fail with this step named.
ocr:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind || { \
	  echo "ocr: installing tesseract-ocr and its Indonesian model with apt"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-ind >/dev/null \
	  || { echo "ocr: could not install tesseract; run 'sudo apt-get install tesseract-ocr tesseract-ocr-ind' and retry"; exit 1; }; }

# LibreOffice draws the generator's .docx/.odt layouts (the producers real reports come from) and
# poppler's pdftotext gives eval-real its text exports; tests that need them skip without them.
producers:
	@command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  echo "producers: installing libreoffice-writer-nogui and poppler-utils with apt"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null \
	  || echo "producers: could not install them; the LibreOffice layouts and pdftotext exports are skipped"; }

ingest: setup
	@$(MAKE) --no-print-directory ocr || echo "ingest: going on without OCR; scanned PDFs will be refused"
	$(BIN)/lakip ingest "$(DIR)" --db "$(DB)"

# The sample reports rendered as PDFs (ruled, unruled, scanned) and ingested into their own file,
# to see the PDF and OCR readers at work: make pdf-samples (measured 2 min 50 s on 2 cores)
pdf-samples: setup browser ocr
	$(BIN)/python -m corpus.tools.render_pdf --samples out/pdf $(wildcard corpus/documents/*.txt)
	$(BIN)/lakip ingest out/pdf --db out/pdf-samples.duckdb

# One printout per report (HTML and PDF) in out/audit. Reports with errors are the audit's result,
# not a failure of make (lakip audit's status 1); make fails only when the audit could not run.
audit: setup browser
	@test -f "$(DB)" || $(MAKE) --no-print-directory ingest
	@$(BIN)/lakip audit --db "$(DB)" --format pdf --out "$(AUDIT_OUT)"; rc=$$?; [ $$rc -le 1 ] || exit $$rc

compare: setup
	@test -f "$(DB)" || $(MAKE) --no-print-directory ingest
	$(BIN)/lakip compare --db "$(DB)" --out "$(COMPARE_OUT)"

bench: setup browser ocr
	$(BIN)/python -m bench.pdf
	@$(MAKE) --no-print-directory bench-ocr

# the OCR engines side by side on the same scanned pages (CPU s/page, value and word recall, rows
# exact), and ocrmypdf + pdfplumber/camelot on the same scans. The engines lakip does not need are
# installed into the venv for the measurement only: OCR_BENCH_PKGS= (empty) measures what is there.
OCR_BENCH_PKGS ?= tesserocr ocrmypdf rapidocrlite==5.0.0a15
bench-ocr: setup ocr
	@[ -z "$(OCR_BENCH_PKGS)" ] || $(BIN)/python -m pip install -q $(OCR_BENCH_PKGS) || echo "bench-ocr: could not install $(OCR_BENCH_PKGS); measuring what is installed"
	$(BIN)/python -m bench.ocr_engines --json out/bench-ocr.json $(ARGS)

# lakip, pdfplumber and camelot on the real PDFs with goldens and ../shared/dev-pdfs (skips without ../shared)
bench-real: setup ocr
	$(BIN)/python -m bench.tools $(ARGS)

# then the cluster column: the same kind of corpus through the local pool and a Dask LocalCluster
# (throughput, per-report cost small vs full, scheduler overhead, worker memory, the 25,000/year estimate)
CLUSTER_ARGS ?= --reports 2000 --pdf 20 --scans 2 --small 200
bench-scale: setup browser ocr
	$(BIN)/python -m bench.scale
	$(BIN)/python -m bench.cluster $(CLUSTER_ARGS)

# atheris, a minute per target: the value parser, text reader, table layer, PDF reader (structure-aware
# mutations of rendered PDFs) and the whole pipeline into an in-memory database; FUZZ_SECONDS=600 for longer.
FUZZ_SECONDS ?= 60
fuzz: setup
	@for t in value text table pdf pipeline; do echo "fuzz: $$t"; \
	  $(BIN)/python tests/fuzz_targets.py --target $$t -max_total_time=$(FUZZ_SECONDS) || exit 1; done

# mutmut (a dev dependency) over reports/checks, extract/values.py and normalize/matcher.py: the mutation
# score per module and every surviving mutant, known-equivalent ones marked (bench/mutation.py; [tool.mutmut]
# in pyproject.toml picks the quick tests each mutant runs). Not part of `make test` or CI: a few minutes on
# 2 cores, one mutant at a time, niced. MUTATION_ARGS=--strict fails on a survivor not known equivalent.
MUTATION_ARGS ?=
mutation: setup
	nice -n 10 $(BIN)/python -m bench.mutation $(MUTATION_ARGS)

# lakip on documents nobody here wrote (../shared: real LKIP PDFs, dev PDFs, real excerpts) against
# their goldens; says so and exits 0 where ../shared is absent. Not part of `make test`.
eval-real: setup ocr producers
	$(BIN)/python -m bench.real $(ARGS)

# the consistency audit on the same documents against the inconsistencies their truth lists
# (recall, precision of error findings, false alarms per document); exits 0 where ../shared is absent
eval-audit: setup
	$(BIN)/python -m bench.audit_real $(ARGS)

eval-mapping: setup
	$(BIN)/lakip eval-mapping

test: setup browser ocr producers
	$(BIN)/python -m pytest

golden: setup browser ocr
	$(BIN)/python tests/golden.py --write
	$(BIN)/python tests/pdf_golden.py --write

docs: setup
	$(BIN)/python -m lakip.docs

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) *.duckdb .pytest_cache .mypy_cache .ruff_cache .hypothesis mutants
