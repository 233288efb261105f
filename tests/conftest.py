"""Shared fixtures, and a loud report of which Python versions the snippets ran on."""

from __future__ import annotations

import pytest

from tools import runner


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [_versions_line()]


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    terminalreporter.write_sep("=", "snippet Python versions")
    terminalreporter.write_line(_versions_line())
    missing = [v for v in runner.requested_versions() if runner.find_interpreter(v) is None]
    if missing:
        terminalreporter.write_line(
            f"MISSING: Python {', '.join(missing)} not found, so every snippet test for it failed. "
            "Install it (pyenv install 3.X) or set ASYNCIO_BASICS_PYTHONS to the versions you have.",
            red=True,
            bold=True,
        )


def _versions_line() -> str:
    parts = []
    for version in runner.requested_versions():
        found = runner.find_interpreter(version)
        parts.append(f"{version} ({found.full_version}, {found.executable})" if found else f"{version} (NOT FOUND)")
    return "snippets run on Python " + "; ".join(parts)
