# Two commands for a newcomer: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEMO_ENV := SKT_DEMO=1
# Tests run over plain HTTP against the test client and a local live server.
TEST_ENV := SKT_HTTPS=0
# One pytest worker per core, each with its own test database (name suffixed _gw0, _gw1, ...);
# loadgroup keeps the tests marked xdist_group("redis") (one Celery queue) on one worker.
# PYTEST_XDIST= runs in one process.
PYTEST_XDIST ?= -n auto --dist loadgroup

.PHONY: demo install test lint format migrate worker serve clean bench

$(VENV)/.installed: pyproject.toml package.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	npm install --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(DEMO_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(PY) manage.py demo_data
	@echo ""
	@echo "Demo op http://127.0.0.1:$(PORT)/  — gebruikers (wachtwoord 'demo'):"
	@echo "  poort, beroepskracht, beroepskracht2, vrijwilliger, consulent, consulent_jeugd, coordinator, beleid, beheerder"
	$(DEMO_ENV) $(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

# lint-imports: the layers of README (Architectuur); `make test` runs lint first, so a violation fails it.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install lint
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

# Performance on PostgreSQL (README, Performance): builds the database skt_bench once
# (schaaldata --meldingen BENCH_MELDINGEN, default 100000), then 16 people for 60 s; table in var/bench/.
bench: install
	bash bench/run.sh

worker: install
	$(PY) -m celery -A skt worker -l info

clean:
	rm -rf var/*.sqlite3 var/static
