"""Read the committed transcripts and snippets, for tests that hold each page to its prose.

A lesson's page says what its scripts print, in which order, and which lines changed from
the previous script. The tests in this folder check those sentences against the
transcripts that the build and tests/test_snippets.py verify, on every version `make test`
runs, so an edit to a snippet that makes its page wrong fails with the claim it broke.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pytest

from tools.build import fence, interpreters, render, transcripts

VERSIONS = interpreters.SUPPORTED[:4]
"""Versions whose transcripts are recorded here; 3.14 only runs in CI."""

_DONE = re.compile(r"^done with (?P<label>\d+ / \d+) after (?P<ms>\d+\.\d) ms$")


@dataclass(frozen=True)
class Transcript:
    """What one snippet printed on one Python version, without the `$ python ...` line."""

    snippet: str
    version: str
    lines: list[str]

    def __str__(self) -> str:
        return f"{self.snippet} on Python {self.version}"

    def fail(self, message: str) -> None:
        body = "\n".join("    " + line for line in self.lines)
        pytest.fail(f"{self}: {message}\nthe transcript says:\n{body}")

    def index(self, line: str) -> int:
        """Position of a line that must appear exactly once."""
        found = [i for i, text in enumerate(self.lines) if text == line]
        if len(found) != 1:
            self.fail(f"expected the line {line!r} once, found it {len(found)} times")
        return found[0]

    def starting(self, prefix: str) -> list[str]:
        return [line for line in self.lines if line.startswith(prefix)]

    def done_order(self) -> list[str]:
        """Labels such as "500 / 3", in the order of their `done with ...` lines."""
        return [m["label"] for m in map(_DONE.match, self.lines) if m]

    def done_ms(self, label: str) -> float:
        times = [float(m["ms"]) for m in map(_DONE.match, self.lines) if m and m["label"] == label]
        if len(times) != 1:
            self.fail(f"expected one `done with {label} after ... ms` line, found {len(times)}")
        return times[0]

    def masked(self) -> list[str]:
        """The lines with durations masked, as transcripts are compared."""
        return transcripts.mask("\n".join(self.lines)).split("\n")


def read_transcript(snippet: str, version: str) -> Transcript:
    text = transcripts.read(snippet, version)
    if text is None:
        pytest.fail(f"{snippet}: no transcript for Python {version}; run `make update-examples`")
    command, _, body = text.partition("\n")
    if not command.startswith("$ "):
        where = transcripts.path_for(snippet, version)
        pytest.fail(f"{where}:1: a transcript starts with `$ python ...`")
    return Transcript(snippet, version, body.rstrip("\n").split("\n"))


@pytest.fixture(params=VERSIONS, ids=lambda v: f"py{v}")
def version(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def output(version: str):
    """output("snippets/x/y.py") -> that snippet's committed Transcript for this version."""
    return lambda snippet: read_transcript(snippet, version)


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
