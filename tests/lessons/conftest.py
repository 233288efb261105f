"""Fixtures for what a page says about its scripts' source: the lines it names by number,
and which lines a lesson's script changed from the previous lesson's (tests/lessons/claims.py
checks what it says about their output)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pytest

from tools.pipeline import fence, render


def _source_lines(snippet: str) -> list[str]:
    """The script as the page shows it: without the `# new` markers of tools/render.py."""
    shown, _ = render.code_for_download((fence.ROOT / snippet).read_text(encoding="utf-8"), snippet)
    return shown.split("\n")


def _line_number(snippet: str, code: str) -> int:
    """The 1-based line of `snippet` whose text, without indentation, is `code`."""
    found = [n for n, line in enumerate(_source_lines(snippet), 1) if line.strip() == code]
    if len(found) != 1:
        pytest.fail(f"{snippet}: expected one line `{code}`, found {len(found)}")
    return found[0]


@dataclass(frozen=True)
class Change:
    removed: dict[int, str]  # line number in the old script -> its text
    added: dict[int, str]  # line number in the new script -> its text


def _change(old: str, new: str) -> Change:
    """Which lines a lesson's script changes from the previous lesson's script."""
    a, b = _source_lines(old), _source_lines(new)
    removed, added = {}, {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed.update({n + 1: a[n] for n in range(i1, i2)})
            added.update({n + 1: b[n] for n in range(j1, j2)})
    return Change(removed, added)


@pytest.fixture
def line_number():
    """line_number(snippet, code) -> the line a page refers to by number."""
    return _line_number


@pytest.fixture
def change():
    """change(old_snippet, new_snippet) -> the lines a page says were removed and added."""
    return _change
