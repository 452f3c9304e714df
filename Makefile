# police-news: the two commands a new machine needs are `make demo` and `make test`.
# Both create the virtualenv (.venv) and install everything on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install police-news with its test tools

demo: $(STAMP)  ## serve the bundled sample sites on loopback and crawl them into output/police_news.db
	$(BIN)/police-news demo

test: $(STAMP)  ## lint and run the whole test suite
	bash scripts/install-system-deps.sh
	bash scripts/install-redis.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)  ## benchmarks: printed ratios against a naive baseline (several minutes)
	$(BIN)/python bench/incremental_runs.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/export.py --articles 50000
	$(BIN)/python bench/archive.py

clean:
	rm -rf $(VENV) output/*.db output/*.db-wal output/*.db-shm .pytest_cache .ruff_cache
