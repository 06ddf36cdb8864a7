# Two commands on a fresh machine with Python 3.11+ and make:  make run  /  make test
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= processed

.PHONY: run test lint bench clean setup

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/speechcorpus run --raw $(RAW) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline flows tests bench
	$(VENV)/bin/mypy pipeline

bench: $(STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf $(OUT)/documents $(OUT)/sections $(OUT)/paragraphs $(OUT)/quotes $(OUT)/rejects $(OUT)/runs $(OUT)/_state $(OUT)/_staging
