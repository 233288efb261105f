"""`make bench`: what building and testing cost, and how heavy each page is.

Everything runs in a temporary copy of the working tree (edits included), so the prose
and snippet edits it makes never touch yours. Each timing is taken once (the goals are
ratios between timings of the same run, which a noisy machine moves together), as the wall
time of a whole process:

* strict build: what `make build` does, every snippet executed on every Python found;
* no-exec build (the floor): the same pages with ASYNCIO_BASICS_BENCH_NO_EXEC=1, which
  shows the recorded transcripts and runs nothing (honoured by non-strict builds only);
* snippet run time: the sum of tools.pipeline.transcripts.Run.seconds over every run the strict build
  makes (every snippet x version, and any other run a page asks for), counted inside it;
  likewise the time spent executing notebooks, if any;
* rebuilds with the execution cache of `make serve`, after editing only prose, and after
  editing one snippet (its median-cost one);
* `make test` and `make check`.

Then the page weight of every page of the strict build: the HTML plus every file it makes
the browser fetch on a first visit (stylesheets and what they import, scripts, images,
icons, and the search worker and index that the theme loads at start-up). Last, a phone
reader: Lighthouse's mobile performance score of a lesson page, served compressed as GitHub
Pages serves it (tools/lighthouse/, installed by `make bench` only), and the bytes the first
Run downloads.

The goals below are printed, not enforced: timings on a shared machine are noisy.
    python -m tools.bench
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tools.pipeline import executor, fence, interpreters, playground, runner
from tools.pipeline.fence import ROOT

CORES = os.cpu_count() or 1
GOAL_BUILD = 1.15  # strict build <= 1.15 x (no-exec build + (snippets + notebooks) / cores)
GOAL_REBUILD = 1.1  # prose-only rebuild with the cache <= 1.1 x no-exec build
GOAL_TEST = 5.0  # `make test` <= 5 x one strict build
GOAL_CHECK = 1.2  # `make check` <= 1.2 x one strict build
GOAL_LIGHTHOUSE = 95  # a lesson page's Lighthouse mobile performance, served compressed
GOAL_FIRST_RUN = 7e6  # bytes, compressed, that the first Run or Check downloads
LESSON = "suspension/"  # the lesson page Lighthouse measures: it has a timeline, an exercise
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"

_SKIP_NAMES = shutil.ignore_patterns(
    ".venv", "site", ".cache", "__pycache__", ".pytest_cache", ".ruff_cache"
)


def _SKIP(folder: str, names: list[str]) -> set[str]:  # noqa: N802 (copytree's ignore)
    lighthouse = Path(folder).name == "lighthouse"  # its node_modules: bench reads the real one
    return set(_SKIP_NAMES(folder, names)) | ({"node_modules"} if lighthouse else set())


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args(argv)
    versions = [v for v in interpreters.requested() if interpreters.find(v)]
    print(
        f"Python versions: {', '.join(versions)}; {os.cpu_count()} cores; load average {_load()}",
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="asyncio-basics-bench-") as tmp:
        tree = Path(tmp) / "tree"
        shutil.copytree(ROOT, tree, ignore=_SKIP, symlinks=True)
        (tree / ".venv").symlink_to(ROOT / ".venv")
        bench = Bench(tree, Path(tmp))
        usages = list(fence.by_snippet(fence.find_all(tree)).values())
        snippet, page = bench.pick_snippet(usages)
        print(f"edits: prose in {page}, code in {snippet}", flush=True)

        prefix, notebooks = _site_config(tree)
        bench.notebooks = bool(notebooks)
        bench.build("strict")  # warm-up: interpreters probed, files in the OS cache
        bench.build("cached")  # fills the cache
        originals = {path: path.read_bytes() for path in (tree / page, tree / snippet)}
        strict = bench.build("strict")
        times = {
            "strict": strict.seconds,
            "snippets": strict.run_seconds,
            "notebooks": strict.notebook_seconds,
            "floor": bench.build("floor").seconds,
        }
        _append(tree / page, "\nA sentence added by the benchmark.\n")
        prose = bench.build("cached")
        _append(tree / snippet, "# edited by the benchmark\n")
        edited = bench.build("cached")
        times |= {"prose": prose.seconds, "snippet": edited.seconds}
        runs = {"strict": strict.runs, "prose": prose.runs, "snippet": edited.runs}
        print("builds: " + ", ".join(f"{k} {v:.2f}s" for k, v in times.items()), flush=True)
        for path, data in originals.items():  # undo the edits: tests compare pages and scripts
            path.write_bytes(data)
        for target in ("test", "check"):
            times[target], ok = bench.make(target)
            print(f"make {target}: {times[target]:.1f}s{'' if ok else ' (FAILED)'}", flush=True)
            bench.test_failed |= not ok
        bench.build("strict")  # the site the page weights are read from
        weights = page_weights(bench.site, prefix)
        phone = lighthouse(bench.site, LESSON)

    report(times, weights, bench, len(usages), runs, snippet, len(notebooks))
    first_run = sum(len(gzip.compress(p.read_bytes(), 6)) for p in playground_files())
    print(f"\na phone reader ({LESSON}, served compressed, Lighthouse's mobile settings)")
    _goal("Lighthouse performance, median of 3", phone, GOAL_LIGHTHOUSE, "at least")
    _goal("first Run or Check downloads (bytes, gzip)", first_run, GOAL_FIRST_RUN, "at most")
    return 1 if bench.failed or bench.test_failed else 0


# `mkdocs build`, counting the time the build's own snippet runs (tools.pipeline.transcripts.Run.seconds)
# and notebook executions (kernel start included) take. The build is otherwise untouched.
_TIMED_BUILD = """
import json, sys, threading, time
from tools.pipeline import runner

out, notebooks, args = sys.argv[1], sys.argv[2] == "notebooks", sys.argv[3:]
spent = {"runs": 0, "run_seconds": 0.0, "notebook_seconds": 0.0}
real_run = runner.run
lock = threading.Lock()  # the executor runs snippets from several threads

def run(*a, **k):
    result = real_run(*a, **k)
    with lock:
        spent["runs"] += 1
        spent["run_seconds"] += result.seconds
    return result

runner.run = run
if notebooks:  # mkdocs-jupyter executes them through nbconvert, which it imports anyway
    from nbconvert.preprocessors import ExecutePreprocessor
    real_preprocess = ExecutePreprocessor.preprocess

    def preprocess(*a, **k):
        started = time.perf_counter()
        try:
            return real_preprocess(*a, **k)
        finally:
            spent["notebook_seconds"] += time.perf_counter() - started

    ExecutePreprocessor.preprocess = preprocess

from mkdocs.__main__ import cli

try:
    cli.main(args, prog_name="mkdocs")
finally:
    with open(out, "w") as f:
        json.dump(spent, f)
"""


@dataclass
class Build:
    seconds: float  # wall time of the whole process
    runs: int  # snippet processes the build started
    run_seconds: float  # their Run.seconds, summed
    notebook_seconds: float


class Bench:
    def __init__(self, tree: Path, tmp: Path) -> None:
        self.tree = tree
        self.tmp = tmp
        self.notebooks = False  # whether the build executes notebooks
        self.site = tmp / "site"
        self.cache = tmp / "cache"
        self.failed = False
        self.test_failed = False

    def env(self, **extra: str) -> dict[str, str]:
        drop = {executor.CACHE_ENV, executor.NO_EXEC_ENV}
        return {
            **{k: v for k, v in os.environ.items() if k not in drop},
            "NO_MKDOCS_2_WARNING": "1",
            **extra,
        }

    def build(self, kind: str) -> Build:
        flags, env = {
            "strict": (["--strict"], {}),
            "floor": (["--no-strict"], {executor.NO_EXEC_ENV: "1"}),
            "cached": (["--no-strict"], {executor.CACHE_ENV: str(self.cache)}),
        }[kind]
        spent = self.tmp / "spent.json"
        notebooks = "notebooks" if self.notebooks else "-"
        argv = [sys.executable, "-c", _TIMED_BUILD, str(spent), notebooks, "build", *flags]
        argv += ["--site-dir", str(self.site)]
        started = time.perf_counter()
        proc = subprocess.run(
            argv, cwd=self.tree, env=self.env(**env), capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        errors = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
        if proc.returncode or errors:
            self.failed = True
            print(f"error: a {kind} build failed (its time still counts):", file=sys.stderr)
            print(proc.stderr[-3000:], file=sys.stderr)
        return Build(seconds, **json.loads(spent.read_text(encoding="utf-8")))

    def snippet_seconds(self, usages: list[fence.Fence]) -> float:
        total = 0.0
        for usage in usages:
            for version in interpreters.requested():
                interpreter = interpreters.find(version)
                if interpreter and usage.run.runs_on(version):
                    total += runner.run(usage.snippet, interpreter, usage.run, self.tree).seconds
        return total

    def pick_snippet(self, usages: list[fence.Fence]) -> tuple[str, str]:
        """The snippet of median cost over all versions, and the page that runs it."""
        if not usages:
            raise SystemExit("error: no page runs a snippet; nothing to measure")
        cost = {u.snippet: self.snippet_seconds([u]) for u in usages}
        ranked = sorted(usages, key=lambda u: cost[u.snippet])
        chosen = ranked[len(ranked) // 2]
        return chosen.snippet, chosen.page

    def make(self, target: str) -> tuple[float, bool]:
        # -o: never re-create the virtualenv, it is the real one behind a symlink
        argv = ["make", "--no-print-directory", "-o", ".venv/.installed", target]
        started = time.perf_counter()
        proc = subprocess.run(argv, cwd=self.tree, env=self.env(), capture_output=True, text=True)
        if proc.returncode:
            print(proc.stdout[-3000:], file=sys.stderr)
        return time.perf_counter() - started, proc.returncode == 0


def _append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


# --- page weight -------------------------------------------------------------------


class _Refs(HTMLParser):
    """What a page makes the browser fetch as it loads."""

    FETCHED_LINKS = {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "preload",
        "modulepreload",
        "manifest",
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.config = ""
        self._in_config = False
        self.has_search = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and self.FETCHED_LINKS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and a.get(
            "src"
        ):
            self.urls.append(a["src"])
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True
        if tag == "form" and a.get("name") == "search":
            self.has_search = True

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def page_weights(site: Path, prefix: str = "/") -> list[tuple[str, int, int, int, int]]:
    """(page, bytes, gzip bytes, requests, remote requests) for every HTML page of a site
    served under `prefix` (the path of site_url: 404.html refers to files through it).

    Checked against headless Chromium loading the pages from a local server: the same
    requests, plus versions.json, which counts as a request but not in bytes."""
    rows = []
    for page in sorted(site.rglob("*.html")):
        url = prefix + page.relative_to(site).as_posix()
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        wanted = [(ref, url) for ref in parser.urls]  # (reference, URL it is relative to)
        if parser.has_search and parser.config:
            # Material starts its search worker, which downloads the index, on every page load.
            config = json.loads(parser.config)
            if config.get("search"):
                wanted += [
                    (config["search"], url),
                    (config.get("base", ".").rstrip("/") + "/search/search_index.json", url),
                ]
        fetched: dict[str, Path] = {url: page}
        remote: set[str] = set()
        # The version selector downloads versions.json, written beside the versions by mike.
        extra = 1 if parser.config and json.loads(parser.config).get("version") else 0
        while wanted:
            ref, base = wanted.pop()
            target = urljoin(base, ref)
            parts = urlsplit(target)
            if parts.scheme in {"http", "https"} or target.startswith("//"):
                remote.add(target)
                continue
            if parts.scheme == "data" or not parts.path.startswith(prefix) or parts.path in fetched:
                continue
            path = site / parts.path.removeprefix(prefix)
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                continue
            fetched[parts.path] = path
            if path.suffix == ".css":
                wanted += [(r, parts.path) for r in _css_refs(path)]
        data = [p.read_bytes() for p in fetched.values()]
        rows.append(
            (
                url.removeprefix(prefix),
                sum(map(len, data)),
                sum(len(gzip.compress(d)) for d in data),
                len(fetched) + len(remote) + extra,
                len(remote),
            )
        )
    return rows


def _site_config(tree: Path) -> tuple[str, list[Path]]:
    """The path the site is served under, and the notebooks the build executes."""
    from mkdocs.config import load_config

    config = load_config(str(tree / "mkdocs.yml"))
    prefix = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    plugin = config.plugins.get("mkdocs-jupyter")
    notebooks = []
    if plugin is not None and plugin.config["execute"]:
        for path in sorted((tree / config.docs_dir).rglob("*.ipynb")):
            if not any(path.match(p) for p in plugin.config["execute_ignore"]):
                notebooks.append(path)
    return prefix, notebooks


def _css_refs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [a or b for a, b in _CSS_URL.findall(text) if not (a or b).startswith(("data:", "#"))]


# --- the report --------------------------------------------------------------------


def report(times, weights, bench: Bench, n_snippets, runs, edited, n_notebooks) -> None:
    rows = [
        (f"strict build ({n_snippets} snippets, {runs['strict']} runs)", "strict"),
        ("no-exec build (floor)", "floor"),
        ("snippet run time within the strict build", "snippets"),
        (f"notebook execution ({n_notebooks} notebooks)", "notebooks"),
        (f"rebuild with cache, prose edited ({runs['prose']} runs)", "prose"),
        (f"rebuild with cache, 1 snippet edited ({runs['snippet']} runs)", "snippet"),
        ("make test", "test"),
        ("make check", "check"),
    ]
    print(f"\n{'measurement':<58} {'seconds':>8}")
    for name, key in rows:
        if key != "notebooks" or n_notebooks:
            print(f"{name:<58} {times[key]:>8.2f}")
    print(f"(edited snippet: {edited}; load average now {_load()})")

    t = times
    print(f"\nratios ({CORES} cores)")
    # The floor executes nothing: the snippets and notebooks are what execution adds, on every core.
    executed = t["floor"] + (t["snippets"] + t["notebooks"]) / CORES
    _ratio(
        "strict build / (no-exec + (snippets + notebooks) / cores)",
        t["strict"] / executed,
        GOAL_BUILD,
    )
    print(
        f"  the strict build beyond no-exec + (snippets + notebooks) / cores: {t['strict'] - executed:.2f} s"
    )
    _ratio("prose rebuild with cache / no-exec build", t["prose"] / t["floor"], GOAL_REBUILD)
    _ratio("one-snippet rebuild with cache / no-exec build", t["snippet"] / t["floor"], None)
    _ratio("strict build / no-exec build", t["strict"] / t["floor"], None)
    _ratio("make test / strict build", t["test"] / t["strict"], GOAL_TEST)
    _ratio("make check / strict build", t["check"] / t["strict"], GOAL_CHECK)
    if bench.test_failed:
        print("  make test or make check FAILED (see above)")

    title = "page weight (first visit, nothing cached)"
    print(f"\n{title:<44} {'bytes':>9} {'gzip':>8} {'requests':>8} {'remote':>6}")
    for page, size, zipped, requests, remote in weights:
        print(f"{page:<44} {size:>9} {zipped:>8} {requests:>8} {remote:>6}")
    if bench.failed:
        print("\nAt least one build failed (errors above): the site did not always build cleanly.")


def _goal(name: str, value: float, goal: float, sense: str) -> None:
    met = value >= goal if sense == "at least" else value <= goal
    print(f"  {name:<58} {value:>10g}  goal {sense} {goal:g}: {'met' if met else 'MISSED'}")


def playground_files() -> list[Path]:
    """What the page's worker fetches on the first Run: the runtime and runner.py with the
    tracer, drawing and grading code beside it (an exercise's checks.py is a few hundred bytes)."""
    runtime = [playground.runtime_dir() / name for name in playground.RUNTIME_FILES]
    return [*runtime, playground.PAGE_SIDE / "worker.js", playground.PAGE_SIDE / "runner.py",
            *playground.TOOLS.values()]  # fmt: skip


class _Compressed(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses what GitHub Pages compresses."""

    def send_head(self):  # noqa: ANN201 (the standard library's signature)
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


def lighthouse(site: Path, page: str, runs: int = 3) -> float:
    """Lighthouse's mobile performance score (0-100) of one page, the median of `runs`;
    NaN (printed as not met) when Lighthouse is missing or fails, so the rest still reports."""
    if not LIGHTHOUSE.is_file():
        print(
            f"error: {LIGHTHOUSE.relative_to(ROOT)} is missing: `make bench` installs it",
            file=sys.stderr,
        )
        return math.nan
    handler = functools.partial(_Compressed, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {
        **os.environ,
        "CHROME_PATH": os.environ.get("ASYNCIO_BASICS_CHROMIUM", "/usr/bin/chromium"),
    }
    scores = []
    try:
        for _ in range(runs):
            proc = subprocess.run(
                [str(LIGHTHOUSE), f"http://127.0.0.1:{server.server_port}/{page}", "--quiet",
                 "--only-categories=performance", "--output=json", "--output-path=stdout",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                capture_output=True, text=True, env=env, timeout=300,
            )  # fmt: skip
            if proc.returncode:
                print(
                    f"error: lighthouse failed on {page}:\n{proc.stderr[-2000:]}", file=sys.stderr
                )
                return math.nan
            scores.append(json.loads(proc.stdout)["categories"]["performance"]["score"] * 100)
    finally:
        server.shutdown()
    return statistics.median(scores)


def _ratio(name: str, value: float, goal: float | None) -> None:
    verdict = "" if goal is None else f"  goal <= {goal:g}: {'met' if value <= goal else 'MISSED'}"
    print(f"  {name:<58} {value:6.2f}{verdict}")


if __name__ == "__main__":
    sys.exit(main())
