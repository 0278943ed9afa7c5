# On a fresh machine: `make demo` drafts the example plan, `make serve` opens the drafting page,
# `make test` runs every test.
# Each creates the virtual environment .venv itself on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/nigao new profiles/example-plan.yaml --force
	$(BIN)/nigao new profiles/example-summary.yaml --force
	@echo "草稿在 drafts/ 里。要在终端里直接用 nigao 命令，请先运行：source $(BIN)/activate"

serve: $(STAMP)
	@$(BIN)/nigao serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
