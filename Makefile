# Two commands: `make run` (first run / demo on SQLite) and `make test` (PostgreSQL).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 5000
PYTEST_ARGS ?= -n 2

.PHONY: run test lint format bench-matching bench-exports load install clean-db

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## make run: virtualenv, install, SQLite database under instance/, migrate, demo data, serve on :5000
run: $(STAMP)
	$(BIN)/justice db upgrade
	$(BIN)/justice demo
	$(BIN)/justice serve --port $(PORT)

## make test: lint, security scan (bandit, high severity), then the whole suite against the local PostgreSQL (JUSTICE_TEST_DB=sqlite for SQLite)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/bandit -q -c pyproject.toml -r common prison_ims lims court_cms -lll
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r common prison_ims lims court_cms -lll

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench-matching: person-matching accuracy and speed, with Splink side by side
bench-matching: $(STAMP)
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/matching/run.py

## make bench-exports: 1,000,000-row snapshot CSV through the app against PostgreSQL COPY
bench-exports: $(STAMP)
	$(BIN)/python benchmarks/exports/run.py

clean-db:
	rm -f instance/justice.db

## make load: 50 signed-in users for 5 minutes against gunicorn + PostgreSQL on `justice demo --scale 10`
load: $(STAMP)
	$(BIN)/python benchmarks/load/run.py --scale $(or $(SCALE),10) --users $(or $(USERS),50) --duration $(or $(DURATION),5m)
