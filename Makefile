# Teamlæring: `make run` serves the app with demo data, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MIN_PYTHON := 3.12

.PHONY: run test lint format messages bench python-version clean

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { \
		echo "Teamlæring kræver Python $(MIN_PYTHON) eller nyere (requires Python >= $(MIN_PYTHON)); '$(PYTHON)' er $$($(PYTHON) --version 2>&1)." >&2; \
		exit 1; }

$(BIN)/python: | python-version
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed-run

.secret_key:
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

run: $(VENV)/.installed-run .secret_key
	@export DJANGO_DEBUG=1 DJANGO_SECRET_KEY="$$(cat .secret_key)"; \
	$(BIN)/python manage.py migrate --no-input --verbosity 0 && \
	$(BIN)/python manage.py load_demo && \
	echo "Teamlæring kører på http://127.0.0.1:$(PORT)/ (stop med Ctrl+C)" && \
	exec $(BIN)/uvicorn config.asgi:application --host 127.0.0.1 --port $(PORT) --reload \
		--reload-dir config --reload-dir core --reload-dir teams --reload-dir meetings \
		--reload-dir cases --reload-dir learnings --reload-dir rollups --reload-dir visits --reload-dir products --reload-dir thememeetings \
		--reload-dir dashboard --reload-dir templates --reload-include '*.html' --log-level warning

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		DJANGO_ALLOWED_HOSTS=teamlaering.example.dk DJANGO_EMAIL_HOST=smtp.example.dk \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext (Debian package gettext). The compiled catalogues are committed.
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages --locale en --locale da --ignore '.venv/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

bench: $(VENV)/.installed-dev
	$(BIN)/python -m pytest bench --benchmark-only $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .benchmarks
