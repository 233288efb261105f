"""Reading a timeline figure (tools/pipeline/picture.py) back, to hold it to the run it shows.

The same rules judge the build's pictures (tests/test_timeline.py), the picture the page
draws after every Run on both WebAssembly engines (tests/test_playground.py), and the one
Chromium draws after a reader's edit (tests/browser/test_run_buttons.py). Each function
returns what is wrong, in sentences; [] when nothing is.
"""

from __future__ import annotations

import html
import re

from tools.pipeline import transcripts


def _desc(figure: str) -> str:
    return html.unescape(re.search(r"<desc [^>]*>([^<]+)</desc>", figure)[1])


def printed_in_steps(figure: str) -> list[tuple[list[str], int]]:
    """What the step list says each step printed: (lines quoted, how many more it printed)."""
    steps = []
    for item in re.findall(r"<li>(.*?)</li>", figure, re.S):
        said = html.unescape(item).partition(", printed “")[2]
        more = re.search(r"” and (\d+) more lines$", said)
        said = said[: more.start() + 1] if more else said
        lines = said.removesuffix("”").split("”; “") if said else []
        steps.append((lines, int(more[1]) if more else 0))
    return steps


def bars(figure: str) -> tuple[dict[str, list[tuple[float, float]]], float]:
    """Each row's bars as (start, end) in ms, read off the SVG; and ms per viewBox unit."""
    rows = {
        float(y) + 5: html.unescape(label)
        for y, label in re.findall(
            r'<text class="timeline-label" x="8" y="([\d.]+)">([^<]+)</text>', figure
        )
    }
    ticks = re.findall(r'<text class="timeline-tick" x="([\d.]+)"[^>]*>([\d.]+) ms</text>', figure)
    span_ms, span_x = float(ticks[-1][1]), float(ticks[-1][0]) - 8
    scale = span_ms / span_x
    drawn: dict[str, list[tuple[float, float]]] = {label: [] for label in rows.values()}
    for x, y, width in re.findall(
        r'<rect class="timeline-step[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', figure
    ):
        start, end = (float(x) - 8) * scale, (float(x) + float(width) - 8) * scale
        drawn[rows[float(y)]].append((start, end))
    return drawn, scale


def text_problems(figure: str) -> list[str]:
    """The text alternative says what the bars show: rows, turns, first and last moments,
    one list item per bar, and the order the rows finished in."""
    svg = re.search(r"<svg [^>]*>", figure)[0]
    problems = [] if 'role="img"' in svg else ["the picture is not role=img"]
    named = re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', svg)
    if len(named) < 2:
        problems.append("the picture is not named by its title and described by its <desc>")
    for ident in " ".join(named).split():
        label = re.search(rf'<(title|desc) id="{ident}">([^<]+)</\1>', figure)
        if not (label and len(label[2]) > 20):
            problems.append(f"no text for {ident}")
    desc = _desc(figure)
    drawn, scale = bars(figure)
    row = r": (?P<turns>\d+) turns?, [\d.]+ ms in all, from (?P<start>[\d.]+) ms to (?P<end>[\d.]+) ms"
    told = {label: re.search(re.escape(label) + row, desc) for label in drawn}
    missing = [label for label, said in told.items() if said is None]
    if missing:
        return [*problems, f"the text does not describe the rows {missing}"]
    slack = max(0.3, 2.0 * scale)  # the rounding of the text, and the shortest bar drawn wider
    for label, own in drawn.items():
        said = told[label]
        if int(said["turns"]) != len(own):
            problems.append(f"{label}: {said['turns']} turns said, {len(own)} drawn")
        if abs(float(said["start"]) - own[0][0]) > slack:
            problems.append(f"{label} starts elsewhere than said")
        if abs(float(said["end"]) - max(e for _, e in own)) > slack:
            problems.append(f"{label} ends elsewhere than said")
    if len(re.findall(r"<li>", figure)) != sum(len(own) for own in drawn.values()):
        problems.append("the step list and the bars disagree")
    if len(drawn) > 1:
        order = re.search(r"They finished in this order: ([^\n]+)\.$", desc)
        if not order:
            return [*problems, "the text does not say in which order the rows finished"]
        ends = {label: max(e for _, e in own) for label, own in drawn.items()}
        said_order = sorted(ends, key=order[1].find)
        if sorted(order[1].find(label) for label in ends)[0] < 0:
            return [*problems, "the finishing order does not name every row"]
        for earlier, later in zip(said_order, said_order[1:], strict=False):
            if ends[earlier] > ends[later] + slack:
                problems.append(f"said {earlier} finished before {later}")
    return problems


def output_problems(figure: str, output: str, masked: bool = False) -> list[str]:
    """The picture shows the run whose output is `output`: what its steps printed is that
    output, line for line (lines printed outside any step aside), and rows named
    find_divisibles(n, d) finish in the order of the `done with n / d` lines, in the bars
    and in the text. `masked`: compare with durations masked (the build's picture comes
    from a separate run)."""
    same = transcripts.mask if masked else (lambda line: line)
    lines = [same(line.strip()) for line in output.split("\n") if line.strip()]
    problems, at = [], 0
    for quoted, more in printed_in_steps(figure):
        for line in map(same, quoted):
            if line not in lines[at:]:
                return [f"a step printed {line!r}, which the output does not have there"]
            at = lines.index(line, at) + 1
        at += more  # the lines the list left out come right after
    done = [f"{a}, {b}" for a, b in re.findall(r"^done with (\d+) / (\d+)", output, re.M)]
    drawn, _ = bars(figure)
    ends = {label: max(e for _, e in own) for label, own in drawn.items() if own}
    by_end = [re.match(r"find_divisibles\((\d+, \d+)\)", k) for k in sorted(ends, key=ends.get)]
    in_bars = [m[1] for m in by_end if m and m[1] in done]  # a cancelled search prints no `done`
    order = re.search(r"They finished in this order: (.+)\.$", _desc(figure))
    in_text = re.findall(r"find_divisibles\((\d+, \d+)\)", order[1]) if order else []
    in_text = [call for call in in_text if call in done]
    if len(in_bars) < 2:
        return problems  # fewer than two searches ran as tasks: no order to hold
    if in_bars != done:
        problems.append(f"the bars finish in the order {in_bars}, the output says {done}")
    if in_text != done:
        problems.append(f"the text says they finished in the order {in_text}, the output {done}")
    return problems
