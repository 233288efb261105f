"""Shared fixtures: the site built once per test run, and which Pythons it ran.

The whole suite reads one strict build of the real site (`site_build`): its pages, and the
record of every snippet run it made (tools/pipeline/hooks.py, ASYNCIO_BASICS_RUN_RECORD). With
pytest-xdist the first worker to ask builds it and the others wait for it and reuse it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tools import wasm
from tools.pipeline import fence, interpreters, transcripts
from tools.pipeline.hooks import RECORD_ENV, RUNS_CHECKED_BY_TESTS_ENV

# A test's marker follows from what it needs: these fixtures build copies of the project
# besides the suite's one build (slow), so `make check` leaves their tests out, and only them.
BUILDS_FIXTURES = {"project", "repo", "sites"}
# Each test of these takes one page: a scope of its own, so the pages spread over the workers.
PAGE_TESTS = {"tests/browser/test_pages.py", "tests/browser/test_check_buttons.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.builds)


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin("xdist"):  # `make test`'s engines run without it
        config.pluginmanager.register(_Scheduling())


class _Scheduling:
    @staticmethod
    def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
        """`--dist loadscope`, with each page of the browser's page tests a scope of its own.

        A module's tests stay on one worker, so its module fixtures (builds) are made once;
        a page test needs only its own page, so the pages are spread over the workers
        instead of all waiting for one."""
        if config.getoption("dist") != "loadscope":
            return None
        from xdist.scheduler import LoadScopeScheduling

        class ByModuleAndPage(LoadScopeScheduling):
            def _split_scope(self, nodeid: str) -> str:
                module, _, test = nodeid.partition("::")
                if module in PAGE_TESTS and "[" in test:
                    return f"{module}[{test.split('[', 1)[1]}"  # "...test_pages.py[queues]"
                return super()._split_scope(nodeid)

        return ByModuleAndPage(config, log)


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [_versions_line()]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    terminalreporter.write_sep("=", "snippet Python versions")
    terminalreporter.write_line(_versions_line())
    for line in _awaiting_native_recording():
        terminalreporter.write_line(line, yellow=True)
    missing = [v for v in interpreters.requested() if interpreters.find(v) is None]
    if missing:
        terminalreporter.write_line(
            f"MISSING: Python {', '.join(missing)} not found, so the build and every snippet test "
            f"for it failed. {interpreters.how_to_install(missing)}",
            red=True,
            bold=True,
        )


def _awaiting_native_recording() -> list[str]:
    """Snippets with no transcript yet for a version this run did not execute natively.

    GitHub's native job for that version fails on them and uploads what it printed, to be
    reviewed and committed; `make update-browser-examples` records those the browser can run."""
    lines = []
    fences = fence.find_all()
    for version in interpreters.SUPPORTED:
        if version in interpreters.requested():
            continue
        waiting = transcripts.untranscribed(fences, version)
        here = [f.snippet for f in waiting if not f.no_browser]
        native = [f.snippet for f in waiting if f.no_browser]
        if here:
            lines.append(
                f"no Python {version} transcript yet: record it with `make update-browser-examples`"
                f" (claims on them skip {version}): {', '.join(here)}"
            )
        if native:
            lines.append(
                f"no Python {version} transcript yet (GitHub's native {version} job records it; "
                f"claims on them skip {version}): {', '.join(native)}"
            )
    return lines


def _versions_line() -> str:
    parts = []
    for version in interpreters.requested():
        found = interpreters.find(version)
        parts.append(
            f"{version} ({found.full_version}, {found.executable})"
            if found
            else f"{version} (NOT FOUND)"
        )
    narrowed = f" (narrowed by {interpreters.SELECT_ENV})" if interpreters.narrowed() else ""
    return f"snippets run on Python{narrowed} " + "; ".join(parts)


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    log: str
    record: dict
    returncode: int  # tests/test_site.py: test_the_site_builds_strictly

    def runs(self, snippet: str) -> dict[str, dict]:
        """version -> the build's run of `snippet` on it."""
        return {r["version"]: r for r in self.record["runs"] if r["snippet"] == snippet}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The real site, built once per test run with `mkdocs build` (strict via mkdocs.yml).

    Whether it built is a test of its own (tests/test_site.py); a run whose output changed is
    reported by tests/test_snippets.py, for that snippet and version, and fails nothing else
    of the build."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # every xdist worker shares its parent folder
        shared = shared.parent
    folder = shared / "site-build"
    with open(shared / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "done").exists():
            _build(folder)
    done = json.loads((folder / "done").read_text(encoding="utf-8"))
    if not (folder / "record.json").is_file():  # it stopped before the end: nothing to test
        pytest.fail(f"the build of the site stopped:\n{done['log']}", pytrace=False)
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    return SiteBuild(folder / "site", done["log"], record, done["returncode"])


def _build(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    env = {
        **os.environ,
        RECORD_ENV: str(folder / "record.json"),
        RUNS_CHECKED_BY_TESTS_ENV: "1",  # a changed output fails its own test, not the build
        "NO_MKDOCS_2_WARNING": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder / "site")],
        cwd=fence.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    done = {"returncode": proc.returncode, "log": proc.stdout + proc.stderr}
    (folder / "done").write_text(json.dumps(done), encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> Path:
    return site_build.site


@pytest.fixture(scope="session")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Each WebAssembly engine just after it started, saved once (tests/test_playground.py,
    tests/test_exercises.py): a run starts from it in 0.8 s, not 4 s."""
    if shutil.which("node") is None:
        pytest.fail(
            "node is needed to run the in-browser runner's worker (Debian: apt-get install -y nodejs)"
        )
    folder = tmp_path_factory.mktemp("engines")
    return {
        version: wasm.make_snapshot(engine, folder / f"{version}.snapshot")
        for version, engine in wasm.ENGINES.items()
    }
