# Two commands a user needs: `make run` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BYTECODE := $(VENV)/.bytecode
SOURCES := $(wildcard nhth_cli/*.py nhth_cli/*/*.py)

.PHONY: run test lint pytest bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# An editable install leaves nhth_cli/ as source; where PYTHONDONTWRITEBYTECODE is set (as on
# our machines) every run, and every worker process, would compile it again (about 30 ms each).
# pip compiles an installed package's bytecode; this does the same for the checkout. Python
# checks each .pyc against its source, so a stale one is never used.
$(BYTECODE): $(STAMP) $(SOURCES)
	$(BIN)/python -m compileall -q nhth_cli
	touch $(BYTECODE)

run: $(BYTECODE)
	mkdir -p out
	$(BIN)/nhth convert samples out/samples.parquet

test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check nhth_cli tests bench
	$(BIN)/ruff format --check nhth_cli tests bench
	$(BIN)/mypy

pytest: $(BYTECODE)
	$(BIN)/python -m pytest

bench: $(BYTECODE)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
