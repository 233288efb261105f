# Two commands set up everything on a fresh machine: `make serve` and `make test`.
# Both create .venv and install requirements.txt into it the first time.

# The tooling needs Python >= 3.11.5 (pymdown-extensions). Override with PYTHON=...
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' >/dev/null 2>&1 && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

# The site supports Python 3.10-3.15 (tools/pipeline/interpreters.py), and a build fails for a
# selected version it cannot find. 3.14 and 3.15 cannot be installed on our machines, so the
# local default is narrowed, on purpose, to the versions that can, plus 3.14 or 3.15 where
# one is installed natively (preferred to its WebAssembly build); every output then says
# which versions produced it. CI and deployment run all six (.github/workflows/).
NATIVE_NEWEST := $(shell for v in 3.14 3.15; do \
	{ command -v python$$v || ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/$$v.*/bin/python$$v; } \
	>/dev/null 2>&1 && printf '%s ' $$v; done)
export ASYNCIO_BASICS_PYTHONS ?= 3.10 3.11 3.12 3.13 $(NATIVE_NEWEST)
# Snippet runs at a time in a build (default: one per CPU).
export ASYNCIO_BASICS_JOBS ?=
export PYTHONDONTWRITEBYTECODE := 1

# The browser tests (tests/browser/) drive Debian's chromium through Playwright, which must
# never download a browser of its own; another Chromium: ASYNCIO_BASICS_CHROMIUM=/path.
export ASYNCIO_BASICS_CHROMIUM ?= /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
CHROMIUM := $(ASYNCIO_BASICS_CHROMIUM)
# Written by npm ci: pyodide (copied into the site for the in-browser runner) and axe-core.
NODE_MODULES := node_modules/.package-lock.json
AXE := node_modules/axe-core/axe.min.js

.PHONY: serve build check test rehearse versions update-examples update-browser-examples lock clean bench stress

# Not strict: a broken snippet is shown on its page and logged, and the server keeps running
# so the fix appears on save. `make build`, `make test` and deployment are strict.
# Only serve replays runs whose inputs did not change (tools/pipeline/cache.py); strict builds refuse to.
# SITE_URL: serve at the root of 127.0.0.1:8000, not under the published site's path.
serve: $(VENV)/.installed $(NODE_MODULES)  ## build with every snippet executed and serve on http://127.0.0.1:8000
	SITE_URL=http://127.0.0.1:8000/ ASYNCIO_BASICS_CACHE=.cache/exec $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed $(NODE_MODULES)  ## strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

# Both share one strict build of the site across pytest-xdist's workers (tests/conftest.py);
# loadscope keeps a module's tests on one worker, so its module fixtures (builds) run once;
# tests/conftest.py makes each page of tests/browser/test_pages.py a scope of its own.
check: $(VENV)/.installed $(NODE_MODULES)  ## the edit-test loop: one build, every snippet and claim; no browser, no extra builds
	$(BIN)/python -m pytest -n auto --dist loadscope -m "not browser and not builds and not engines"

# The runs on the 3.14 and 3.15 WebAssembly builds, and the exercises' timed native runs, come
# last, on a quiet machine: beside the build and Chromium their slow steps get too little CPU,
# and timers wake up to 0.2 s late.
test: $(VENV)/.installed $(NODE_MODULES) $(AXE) $(CHROMIUM)  ## every test: snippets on each Python, claims, guards, builds, browser, 3.14/3.15 engines
	$(BIN)/python -m pytest -n auto --dist loadscope -m "not engines and not quiet"; status=$$?; \
	$(BIN)/python -m pytest -p no:xdist -m "engines or quiet" && exit $$status

# GitHub's 3.14 and 3.15 jobs run natively; here their WebAssembly builds stand in (tools/rehearse.py).
rehearse: $(VENV)/.installed $(NODE_MODULES)  ## what GitHub's 3.14 and 3.15 jobs check, with this machine's WebAssembly builds
	$(BIN)/python -m tools.rehearse

versions: $(VENV)/.installed $(NODE_MODULES)  ## deploy two versions with mike in a temporary copy, serve on http://127.0.0.1:8000
	$(BIN)/python -m tools.publish preview --port 8000

# Format first, so that the line numbers tracebacks quote are those of the formatted scripts.
# SNIPPETS="snippets/a/b.py ...": record only those (both commands); on a quiet machine, always:
# a loaded one prints late timers and slow-step reports that a run on an idle one does not.
SNIPPETS ?=
update-examples: $(VENV)/.installed  ## reformat snippets, then record their transcripts, on purpose
	$(BIN)/python -m pytest tests/test_snippets.py -k style --update-examples -q -p no:xdist
	$(BIN)/python -m tools.update_examples $(SNIPPETS)

# 3.14 and 3.15 cannot be installed here: their transcripts come from their WebAssembly builds
# (tools/wasm: npm pyodide for 3.14, the page's runtime; pyodide-315 for 3.15, for the tests).
update-browser-examples: $(VENV)/.installed $(NODE_MODULES)  ## record the 3.14 and 3.15 transcripts with their WebAssembly builds
	$(BIN)/python -m tools.update_browser_examples $(SNIPPETS)

lock: $(VENV)/.installed  ## re-resolve requirements.txt from requirements.in for Python 3.11.5+
	$(BIN)/uv pip compile --universal --python-version 3.11.5 requirements.in -o requirements.txt --no-header

LIGHTHOUSE := tools/lighthouse/node_modules/.package-lock.json
bench: $(VENV)/.installed $(NODE_MODULES) $(LIGHTHOUSE)  ## build and test timings as ratios from one run, page weights, a phone reader
	$(BIN)/python -m tools.bench

# Lighthouse, for bench only (a lesson page on a phone), pinned in tools/lighthouse/package-lock.json.
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

STRESS_RUNS ?= 50
stress: $(VENV)/.installed  ## run every snippet STRESS_RUNS times beside CPU burners, report any drift
	$(BIN)/python -m tools.stress --runs $(STRESS_RUNS)

clean:
	rm -rf site .pytest_cache .cache

# package-lock.json pins pyodide, which the build copies into the site for the in-browser
# runner (tools/pipeline/playground.py), and axe-core, which the browser tests inject into each page.
$(NODE_MODULES): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed for the in-browser runner and the browser tests (Debian: apt-get install -y npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(AXE): $(NODE_MODULES)

$(CHROMIUM):
	@echo "$(CHROMIUM) is missing: installing Debian's chromium for the browser tests"
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update && apt-get install -y chromium; \
	else \
		echo "error: cannot install it from here (need root and apt-get). Run" \
			"'sudo apt-get update && sudo apt-get install -y chromium', or set" \
			"ASYNCIO_BASICS_CHROMIUM=/path/to/chromium"; exit 1; \
	fi

$(VENV)/.installed: requirements.txt
	@test -n "$(PYTHON)" || { echo "error: need Python >= 3.11.5 for the tooling (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@
