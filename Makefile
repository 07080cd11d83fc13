# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warehouse/facts.duckdb
SOURCE ?= seeds

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install whenever pyproject.toml changes, so `make test` also updates an old .venv.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/zhfacts run --source $(SOURCE) --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Throughput and memory at 1k, 10k and 100k documents (README, "Scale"): the corpus given as
# CORPUS=path/to/news.jsonl is replicated; without it, the seed articles are.
CORPUS ?=
# The bench extra (jionlp, the peer baseline; psutil) is installed here only, not for run/test.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.scale $(CORPUS)

clean:
	rm -rf $(VENV) .zhfacts *.egg-info
