# Two commands set up everything on a fresh machine: `make serve` and `make test`.
# Both create .venv and install requirements.txt into it the first time.

# The tooling needs Python >= 3.11.5 (pymdown-extensions); the snippets themselves run
# on every Python 3.10-3.13 found (see tools/runner.py). Override with PYTHON=...
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' >/dev/null 2>&1 && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test update-examples lock clean

# Not strict: a broken snippet is shown on its page and logged, and the server keeps running
# so the fix appears on save. `make build`, `make test` and deployment are strict.
serve: $(VENV)/.installed  ## build with every snippet executed and serve on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

test: $(VENV)/.installed  ## every test: snippets on each Python, guards, build
	$(BIN)/python -m pytest

update-examples: $(VENV)/.installed  ## record transcripts and reformat snippets on purpose
	$(BIN)/python -m tools.update_examples
	$(BIN)/python -m pytest tests/test_snippets.py -k style --update-examples -q

lock: $(VENV)/.installed  ## re-resolve requirements.txt from requirements.in for Python 3.11.5+
	$(BIN)/uv pip compile --universal --python-version 3.11.5 requirements.in -o requirements.txt --no-header

clean:
	rm -rf site .pytest_cache

$(VENV)/.installed: requirements.txt
	@test -n "$(PYTHON)" || { echo "error: need Python >= 3.11.5 for the tooling (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@
