# Attīstības portāls — the commands a newcomer needs.
#   make run    install everything, load the demo data into SQLite, serve on http://127.0.0.1:8000/
#   make test   install everything and run the whole test suite
# `make test` uses PostgreSQL when DATABASE_URL is set, SQLite otherwise.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format messages demo serve worker browser vnu bench check-deploy clean \
	backup restore

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

messages: install
	$(PY) manage.py compilemessages --ignore=$(VENV) --ignore=node_modules -v0

demo: install messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  Attīstības portāls: http://$(HOST):$(PORT)/"
	@echo "  Staff login:        http://$(HOST):$(PORT)/lv/admin/"
	@$(PY) manage.py demo_logins
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	    else echo "Chromium is missing: sudo apt-get install chromium (browser tests need it)"; fi; }

# The Nu Html Checker (npm package vnu-jar, run with Java) checks the public pages' HTML.
VNU_VERSION ?= 26.9.27
VNU := node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@[ -f $(VNU) ] || { if command -v npm >/dev/null 2>&1; then \
	    npm install --no-save --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION); \
	  else echo "npm is missing: the HTML validity test will be skipped (apt-get install npm default-jre-headless)"; fi; }

# The suite runs in parallel (pytest-xdist): one worker per core, at most 4, each with its own
# test database (test_<name>_gw0, _gw1 …). `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n auto --maxprocesses=4
test: install messages browser vnu
	@start=$$(date +%s); $(VENV)/bin/pytest $(PYTEST_ARGS); status=$$?; \
	  echo "make test: the suite took $$(( $$(date +%s) - start )) s"; exit $$status

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check_messages

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-deploy: install
	DEBUG=False SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=portals.example.lv \
	  $(PY) manage.py check --deploy --fail-level WARNING

# Production: gunicorn serving the app and its static files (whitenoise).
serve: install messages
	DEBUG=False $(PY) manage.py collectstatic --noinput -v0
	DEBUG=False $(PY) manage.py createcachetable
	DEBUG=False $(VENV)/bin/gunicorn portal.wsgi:application --bind $(HOST):$(PORT) --workers 2

# The task queue's worker: sends the e-mail to many (README, "The task queue and its worker").
worker: install
	$(PY) manage.py db_worker

# Backups (README, "Backups and restore"): the database named by DATABASE_URL and MEDIA_ROOT in one
# dated archive, backups/attistiba-<date>T<time>.tar; `make restore FILE=… [FORCE=1]`.
BACKUP_DIR ?= backups
backup:
	$(PY) manage.py backup --directory $(BACKUP_DIR)

restore:
	@[ -n "$(FILE)" ] || { echo "usage: make restore FILE=$(BACKUP_DIR)/attistiba-….tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(filter 1,$(FORCE)),--force)

# `make bench` measures the demo data; `make bench SCALE=national [FACTOR=1]` the national data
# of issue 13 in a PostgreSQL database of its own (BENCH_DATABASE_URL, made when missing,
# generated once per factor).
SCALE ?= demo
FACTOR ?= 1
bench: install messages
	$(PY) bench/run.py --scale $(SCALE) --factor $(FACTOR)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles node_modules
