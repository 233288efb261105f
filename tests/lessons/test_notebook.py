"""docs/notebook.ipynb: what its Markdown cells say about the outputs of its code cells.

The notebook is run by the build (mkdocs-jupyter), once, on the build's own kernel; each
claim reads a code cell's outputs from the built page.
"""

from __future__ import annotations

import json
import re

from tests.lessons.claims import Page

page = Page("docs/notebook.ipynb")
DONE = r"^done with {} after \d+\.\d ms$"


@page.claim("that loop is running while a cell runs", cell="running-loop")
def _(out):
    assert out.lines == ["True"]


@page.claim("Running the cell only defines the function; nothing is printed", cell="define")
def _(out):
    assert out.lines == []


@page.claim(
    "A cell shows the value of its last line, here the first ten numbers found", cell="one-call"
)
def _(out):
    assert out.lines[:2] == [
        "finding numbers below 500 divisible by 3",
        out.find(DONE.format("500 / 3"))[0],
    ]
    assert out.lines[2] == "167 numbers found"
    assert out.lines[3] == "[0, 3, 6, 9, 12, 15, 18, 21, 24, 27]"


@page.claim("The three finding lines come first", cell="three-tasks")
def _(out):
    assert [line.split(" divisible")[0] for line in out.lines[:3]] == [
        "finding numbers below 508000", "finding numbers below 100052", "finding numbers below 500",
    ]  # fmt: skip


@page.claim("The tiny search (500 numbers) fits in one turn and finishes first", cell="three-tasks")
def _(out):
    assert re.match(DONE.format("500 / 3"), out.lines[3])


@page.claim("needs eleven and finishes last, although it was started first", cell="three-tasks")
def _(out):
    assert out.lines[0].startswith("finding numbers below 508000")
    assert re.match(DONE.format("508000 / 34113"), out.lines[-1])
    assert re.match(DONE.format("100052 / 3210"), out.lines[4])


@page.claim("so divs1 is the list of the large search", cell="results")
def _(out):
    counts, _, divs1 = out.text.partition("\n")
    assert counts == "15 32 167"
    assert json.loads(divs1) == list(range(0, 508000, 34113))


test_claims = page.test()
