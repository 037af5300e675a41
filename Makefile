# Two commands a user needs: `make run` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BYTECODE := $(VENV)/.bytecode
SOURCES := $(wildcard nhth_cli/*.py nhth_cli/*/*.py)

.PHONY: run test lint pytest test-lowest bench clean

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

test: lint pytest test-lowest

lint: $(STAMP)
	$(BIN)/ruff check nhth_cli tests bench
	$(BIN)/ruff format --check nhth_cli tests bench
	$(BIN)/mypy

pytest: $(BYTECODE)
	$(BIN)/python -m pytest

# The tests again with every runtime dependency at the lower bound pyproject.toml gives it, in a
# venv of its own: a bound that no longer holds fails here, not on a user's machine.
LOWEST := .venv-lowest
$(LOWEST)/.installed: pyproject.toml tests/lowest_versions.py
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST)/bin/python tests/lowest_versions.py > $(LOWEST)/constraints.txt
	$(LOWEST)/bin/python -m pip install --quiet -e '.[test]' --constraint $(LOWEST)/constraints.txt
	touch $@

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/python -m pip list --format=freeze | grep -iE '^(typer|rich|pandas|numpy|pyarrow|pypdfium2|selectolax)=='
	$(LOWEST)/bin/python -m pytest -p no:cacheprovider

bench: $(BYTECODE)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(LOWEST) out .pytest_cache .mypy_cache .ruff_cache
