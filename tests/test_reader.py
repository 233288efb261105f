"""`# new` markers become highlighted lines, and every snippet is published as shown."""

from __future__ import annotations

import html
import re

import pytest

from tools.pipeline import fence, render

USAGES = {u.snippet: u for u in fence.find_all()}


def test_annotations_stay_on_the_page_and_leave_the_script() -> None:
    source = "x = f()  # (1)!  # new\ny = 2  # (2)!\n"
    assert render.code_for_page(source) == ("x = f()  # (1)!\ny = 2  # (2)!\n", [1])
    assert render.code_for_download(source) == ("x = f()\ny = 2\n", [1])
    assert render.annotations(source) == [1, 2]


def test_markers_are_stripped_and_become_highlighted_lines() -> None:
    source = 'import asyncio  # new\n\nprint("# new")\nx = 1  # keep\ny = 2  # new\n'
    shown, marked = render.code_for_download(source, "x.py")
    assert shown == 'import asyncio\n\nprint("# new")\nx = 1  # keep\ny = 2\n'
    assert marked == [1, 5]
    assert render.hl_lines([1, 2, 3, 5, 7, 8]) == "1-3 5 7-8"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = 1\n# new\n", "x.py:2: .* alone on a line"),
        ("# a comment  # new\n", "x.py:1: .* follows a comment"),
        ("x = 1  # new: why it changed\n", "x.py:1: .* followed by more text"),
    ],
)
def test_a_marker_that_marks_no_code_is_an_error_naming_its_line(source: str, message: str) -> None:
    with pytest.raises(render.MarkerError, match=message):
        render.code_for_download(source, "x.py")


def _page_html(built_site, usage: fence.Fence) -> str:
    return (built_site / usage.site_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("snippet", USAGES, ids=lambda s: s.removeprefix("snippets/"))
def test_the_page_highlights_exactly_the_marked_lines(built_site, snippet: str) -> None:
    text = (fence.ROOT / snippet).read_text(encoding="utf-8")
    shown, marked = render.code_for_page(text, snippet)  # annotations stay, for the theme
    page = _page_html(built_site, USAGES[snippet])
    block = re.search(rf'<span class="filename">{re.escape(snippet)} .*?</code></pre>', page, re.S)
    assert block, f"no code block titled {snippet}"
    assert render.MARKER not in block[0], "a marker shows on the page"
    # Which lines the page highlights: tag the start of each highlight, then drop the markup.
    code = block[0].split("<code>", 1)[1].replace('<span class="hll">', "\x00")
    lines = html.unescape(re.sub(r"<[^>]+>", "", code)).split("\n")
    highlighted = [n for n, line in enumerate(lines, 1) if line.startswith("\x00")]
    assert highlighted == marked
    assert [line.lstrip("\x00") for line in lines][: len(shown.split("\n")) - 1] == shown.split(
        "\n"
    )[:-1]
    published = (built_site / snippet).read_text(encoding="utf-8")
    assert published == render.code_for_download(text)[0], f"site/{snippet} is not the script"
    # Its annotations' list comes right after the code, where mkdocs-material looks for it.
    after = page[page.index(block[0]) + len(block[0]) :]
    listed = re.match(r"\s*</div>\s*<ol>(.*?)</ol>", after, re.S)
    if render.annotations(text):
        assert listed, f"{snippet}: its annotations do not follow its code"
        assert listed[1].count("<li>") == len(render.annotations(text))
    else:
        assert not listed


def test_versions_that_printed_the_same_share_one_tab_labelled_with_them() -> None:
    """A tab per difference, not per version: 3.11-3.13 agree, 3.10 differs."""
    older, newer = "$ python s.py\nold\n", "$ python s.py\nnew after {} ms\n"
    results = [("3.10", older, True)] + [
        (v, newer.format(n), True) for n, v in enumerate(("3.11", "3.12", "3.13"))
    ]
    html = render.outputs(results)
    labels = re.findall(r"^=== \"([^\"]+)\"", html, re.M)
    assert labels == ["Python 3.10", "Python 3.11–3.13"], html
    assert "new after 2 ms" in html and "new after 0 ms" not in html  # the newest one's text
    same = render.outputs([(v, older, v != "3.12") for v in ("3.11", "3.12")])
    assert "===" not in same and 'title="Output (Python 3.11–3.12, recorded)"' in same, same
