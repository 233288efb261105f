"""What a reader gets around each snippet: the code as shown, highlights, outputs, downloads.

Highlights. A lesson highlights the lines that changed since the previous lesson's script.
The snippet marks them itself, with a trailing comment, so the marks move with the lines
when a line is added above them:

    await asyncio.sleep(0)  # new

The file stays a runnable, ruff-clean script. The build strips the marker from the code it
shows and turns the marked lines into `hl_lines`; the copy button and the download both
give exactly the code shown, without markers.

Annotations. A trailing `# (1)!` puts mkdocs-material's annotation bubble (1) on that line;
the page gives its text as an ordered list right after the fence (`1.  ...`), and the build
places that list where the theme looks for it. Both markers may share a line, the
annotation first: `task = asyncio.create_task(work())  # (1)!  # new`.

Downloads. Every snippet a page runs is published at the same path in the site
(`snippets/<lesson>/<name>.py`, as shown), with a download link next to its title.
The copy button copies exactly that file (the code block carries it as `data-copy`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import markdown_exec

from tools.pipeline import interpreters, transcripts

MARKER = "# new"
_MARKED = re.compile(r"^(?P<code>.*?\S)[ \t]+" + re.escape(MARKER) + r"[ \t]*$")
_MARKER_WITH_TEXT = re.compile(re.escape(MARKER) + r"\b\W*\w")  # "# new: why", "# new code"
_ANNOTATION = re.compile(r"^(?P<code>.*?\S)[ \t]+# \((?P<number>\d+)\)![ \t]*$")


class MarkerError(Exception):
    """A marker the build cannot turn into a highlight; the message names the line."""


def code_for_download(text: str, where: str = "") -> tuple[str, list[int]]:
    """(the script as copied and downloaded, the 1-based numbers of the `# new` lines)."""
    page, marked = code_for_page(text, where)
    return "\n".join(_ANNOTATION.sub(r"\g<code>", line) for line in page.split("\n")), marked


def annotations(text: str) -> list[int]:
    """The annotation numbers a script's lines carry, in line order."""
    page, _ = code_for_page(text)
    return [int(m["number"]) for m in map(_ANNOTATION.match, page.split("\n")) if m]


def code_for_page(text: str, where: str = "") -> tuple[str, list[int]]:
    """(the code the page shows: `# new` markers gone, annotations kept, the marked lines)."""
    lines, marked = [], []
    for number, line in enumerate(text.split("\n"), 1):
        match = _MARKED.match(line)
        if match:
            if match["code"].lstrip().startswith("#"):
                raise MarkerError(
                    f"{where}:{number}: `{MARKER}` follows a comment; put it after code, "
                    "at the end of the line that changed"
                )
            lines.append(match["code"])
            marked.append(number)
        else:
            if line.strip() == MARKER:
                raise MarkerError(
                    f"{where}:{number}: `{MARKER}` alone on a line marks nothing; put it at "
                    "the end of the line that changed"
                )
            if _MARKER_WITH_TEXT.search(line):
                raise MarkerError(
                    f"{where}:{number}: `{MARKER}` followed by more text is not a marker and "
                    f"would show on the page; end the line with `{MARKER}` alone, and put the "
                    "comment on the line above"
                )
            lines.append(line)
    return "\n".join(lines), marked


def hl_lines(marked: Iterable[int]) -> str:
    """The hl_lines option for pymdownx.highlight, with runs written as ranges: "1 5-7"."""
    runs: list[list[int]] = []
    for n in sorted(marked):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return " ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def download_marker(title: str) -> str:
    """What a rendered exec fence's title bar holds: its download link (add_download_link)."""
    return f'<span class="filename">{html.escape(title)} <a class="snippet-download"'


def add_download_link(page_html: str, snippet: str, href: str, script: str) -> tuple[str, int]:
    """Give the code block titled `snippet` a download link, and the script to copy."""
    title = f'<div class="highlight"><span class="filename">{html.escape(snippet)}</span>'
    name = href.rsplit("/", 1)[-1]  # the file, whatever the block's title
    link = (
        f'<div class="highlight" data-copy="{html.escape(script.rstrip())}">'
        f'<span class="filename">{html.escape(snippet)} '
        f'<a class="snippet-download" href="{html.escape(href)}" download="{html.escape(name)}" '
        f'title="Download {html.escape(name)}">download</a></span>'
    )
    return page_html.replace(title, link), page_html.count(title)


# mkdocs-material's search overlay is role="dialog" without a name, which screen readers
# announce as an unnamed dialog (axe-core: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(page_html: str) -> tuple[str, bool]:
    named = _SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"')
    return page_html.replace(_SEARCH_DIALOG, named), _SEARCH_DIALOG in page_html


# --- outputs ---------------------------------------------------------------------


def outputs(results: list[tuple[str, str, bool]], mask=transcripts.mask) -> str:
    """One console block when every version printed the same (masked), else one tab for each
    set of versions that printed the same, labelled with them and showing the newest one's.

    `results` holds (version, transcript, ran) for exactly the versions this build ran, oldest
    first, so a label names the versions that produced the output, never more.
    """
    if not results:
        return ""
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for result in results:
        groups.setdefault(mask(result[1]), []).append(result)
    blocks = [
        (
            interpreters.label([version for version, _, _ in group]),
            not all(ran for _, _, ran in group),  # shown from its committed transcript
            group[-1][1].rstrip("\n"),
        )
        for group in groups.values()
    ]
    if len(blocks) == 1:
        [(label, recorded, text)] = blocks
        title = f"Output ({label}{', recorded' if recorded else ''})"
        return markdown_exec.code_block("console", text, title=title)
    return markdown_exec.tabbed(
        *(
            (label + (" (recorded)" if recorded else ""), markdown_exec.code_block("console", text))
            for label, recorded, text in blocks
        )
    )


def failure(problems: list[str]) -> str:
    body = "\n\n".join(problems)
    indented = "\n".join("    " + line for line in body.split("\n"))
    return (
        f'!!! failure "This example failed in this build"\n\n    ```text\n{indented}\n    ```\n\n'
    )
