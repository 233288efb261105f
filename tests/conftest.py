"""Shared fixtures, and a loud report of which Python versions the snippets ran on."""

from __future__ import annotations

import pytest

from tools.build import fence, interpreters, runner, transcripts


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [_versions_line()]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    terminalreporter.write_sep("=", "snippet Python versions")
    terminalreporter.write_line(_versions_line())
    missing = [v for v in interpreters.requested() if interpreters.find(v) is None]
    if missing:
        terminalreporter.write_line(
            f"MISSING: Python {', '.join(missing)} not found, so every snippet test for it failed. "
            "Install it (pyenv install 3.X) or set ASYNCIO_BASICS_PYTHONS to the versions you have.",
            red=True,
            bold=True,
        )


def _versions_line() -> str:
    parts = []
    for version in interpreters.requested():
        found = interpreters.find(version)
        parts.append(f"{version} ({found.full_version}, {found.executable})" if found else f"{version} (NOT FOUND)")
    return "snippets run on Python " + "; ".join(parts)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory):
    """The real site, built once per test session with `mkdocs build` (strict via mkdocs.yml)."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=fence.ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}{proc.stderr}"
    return site
