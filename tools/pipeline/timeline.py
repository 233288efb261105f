"""Timeline pictures: which task held the event loop when, drawn from a real run.

A fence with `timeline="on"` gets, below its output, an SVG drawn at build time from one
run of the same script under tools/pipeline/trace.py. That run is a separate one from the run whose
output the page shows (tracing adds a little time to every step), so the picture says so;
the build checks that it printed the same lines in the same order as the transcript, so
the picture always shows the order the page shows.

The SVG is plain text written here (no dependency) and inlined in the page, so it follows
the light and dark palettes (colours in docs/stylesheets/site.css). It has a <title> and a
<desc>, and the figure lists every step as text below the picture.

    python -m tools.pipeline.timeline snippets/suspension/sleep_zero.py > /tmp/t.svg   # to look at one
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
import sys
from pathlib import Path
from typing import Any

from tools.pipeline import interpreters, runner, trace, transcripts
from tools.pipeline.fence import RunOptions
from tools.pipeline.transcripts import Run

TRACER = "tools.pipeline.trace"
TRACER_DIGEST = hashlib.sha256(Path(trace.__file__).read_bytes()).hexdigest()

WIDTH = 640  # viewBox units; the picture scales to the column's width
LANE = 38  # height of one row: its label, then its bar
BAR = 14
AXIS = 34  # room for the time axis below the rows
TICKS = 4  # intervals on the axis (a fixed count, so two builds draw the same elements)


class TimelineError(Exception):
    """The traced run failed, or does not match the transcript."""


def trace_options(options: RunOptions) -> RunOptions:
    """The fence's options, with the script run under tools/pipeline/trace.py."""
    return dataclasses.replace(options, args=(*options.args, "-m", TRACER), streams=False)


def parse_run(run: Run, options: RunOptions) -> dict[str, Any]:
    """The trace a traced run printed; TimelineError if it did not finish."""
    if run.timed_out:
        raise TimelineError(f"{run.snippet}: the traced run was killed after {options.timeout:g} s")
    try:
        return trace.parse(run.output)
    except ValueError as error:
        raise TimelineError(
            f"{run.snippet}: the traced run (python -m {TRACER}) failed: {error}"
        ) from None


def check_against(
    data: dict[str, Any], expected: str | None, snippet: str, options: RunOptions
) -> None:
    """The traced run printed what the page shows (`expected`: the plain run of the same
    Python, as a transcript), in the same order."""
    printed = "".join(text for _, text in data["output"])
    shown = transcripts.split(expected or "")[1]
    if transcripts.mask(printed, options) != transcripts.mask(shown, options):
        raise TimelineError(
            f"{snippet}: the traced run printed something other than the plain run, so its "
            f"picture would not match the output on the page.\n--- plain run\n{shown}"
            f"--- traced run (Python {data['python']})\n{printed}"
        )
    if not data["steps"]:
        raise TimelineError(
            f"{snippet}: the traced run recorded no steps: no asyncio task ran, and `main` "
            'called no function of the snippet. Remove timeline="on" from its fence.'
        )


# --- drawing ---------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _step_text(data: dict[str, Any]) -> list[str]:
    """One line per step: who ran, for how long, and what it printed."""
    printed: dict[int, str] = {}
    for index, text in data["output"]:
        if index is not None:
            printed[index] = printed.get(index, "") + text
    lines = []
    for i, step in enumerate(data["steps"]):
        label = data["lanes"][step["lane"]]["label"]
        said = [line for line in printed.get(i, "").split("\n") if line.strip()]
        tail = ", printed " + "; ".join(f"“{line.strip()}”" for line in said) if said else ""
        lines.append(f"{label}: {_ms(step['end'] - step['start'])}{tail}")
    return lines


def describe(data: dict[str, Any]) -> str:
    """A summary for <desc>: each row, its turns and its time."""
    steps = data["steps"]
    origin = steps[0]["start"]
    rows = []
    for lane_index, lane in enumerate(data["lanes"]):
        own = [s for s in steps if s["lane"] == lane_index]
        if not own:
            continue
        busy = sum(s["end"] - s["start"] for s in own)
        turns = "1 turn" if len(own) == 1 else f"{len(own)} turns"
        rows.append(
            f"{lane['label']}: {turns}, {_ms(busy)} in all, from {_ms(own[0]['start'] - origin)} "
            f"to {_ms(own[-1]['end'] - origin)}"
        )
    who = "task" if data["kind"] == "asyncio" else "call"
    return (
        f"One row per {who}, in the order they first ran. "
        + ". ".join(rows)
        + "."
        + _finish_order(data)
    )


def _finish_order(data: dict[str, Any]) -> str:
    """Which row's last turn ended first, and which last: the order the rows finished in."""
    last_end: dict[int, float] = {}
    for step in data["steps"]:
        last_end[step["lane"]] = max(last_end.get(step["lane"], 0.0), step["end"])
    if len(last_end) < 2:
        return ""
    order = [data["lanes"][lane]["label"] for lane in sorted(last_end, key=last_end.__getitem__)]
    return " They finished in this order: " + ", ".join(order) + "."


def render(data: dict[str, Any], snippet: str, ident: str) -> str:
    """The figure: the inline SVG, a caption, and every step as text."""
    steps = data["steps"]
    lanes = [i for i, _ in enumerate(data["lanes"]) if any(s["lane"] == i for s in steps)]
    row = {lane: n for n, lane in enumerate(lanes)}
    origin, end = steps[0]["start"], max(s["end"] for s in steps)
    span = max(end - origin, 1e-6)
    inner = WIDTH - 16
    height = LANE * len(lanes) + AXIS

    def x(t: float) -> float:
        return 8 + (t - origin) / span * inner

    asyncio_kind = data["kind"] == "asyncio"
    title = (
        f"Which task held the event loop when: {snippet}"
        if asyncio_kind
        else f"One call after another: {snippet}"
    )
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{html.escape(title)}</title>',
        f'<desc id="{ident}-desc">{html.escape(describe(data))}</desc>',
    ]
    for lane in lanes:
        top = row[lane] * LANE
        label = data["lanes"][lane]["label"]
        out.append(f'<text class="timeline-label" x="8" y="{top + 14}">{html.escape(label)}</text>')
        out.append(
            f'<rect class="timeline-track" x="8" y="{top + 19}" width="{inner}" height="{BAR}"/>'
        )
    for step in steps:
        top = row[step["lane"]] * LANE
        left = x(step["start"])
        width = max(x(step["end"]) - left, 1.5)  # even the shortest turn stays visible
        out.append(
            f'<rect class="timeline-step timeline-lane-{row[step["lane"]] % 6}" '
            f'x="{left:.1f}" y="{top + 19}" width="{width:.1f}" height="{BAR}"/>'
        )
    axis_y = LANE * len(lanes) + 6
    out.append(f'<line class="timeline-axis" x1="8" y1="{axis_y}" x2="{8 + inner}" y2="{axis_y}"/>')
    for n in range(TICKS + 1):
        t = origin + span * n / TICKS
        anchor = "start" if n == 0 else "end" if n == TICKS else "middle"
        out.append(
            f'<line class="timeline-axis" x1="{x(t):.1f}" y1="{axis_y}" x2="{x(t):.1f}" '
            f'y2="{axis_y + 5}"/>'
        )
        out.append(
            f'<text class="timeline-tick" x="{x(t):.1f}" y="{axis_y + 20}" '
            f'text-anchor="{anchor}">{_ms(t - origin)}</text>'
        )
    out.append("</svg>")
    who = (
        "its row's task held the event loop; only one task runs at a time"
        if asyncio_kind
        else "its row's call was running"
    )
    caption = (
        f"Each bar is a stretch of time during which {who}. Drawn from one real run of "
        f"<code>{html.escape(snippet)}</code> during this build, on Python "
        f"{html.escape(data['python'])}. It is a separate run from the output above, and traced, "
        "so its times differ a little; it printed the same lines in the same order."
    )
    items = "".join(f"<li>{html.escape(line)}</li>" for line in _step_text(data))
    return (
        f'<figure class="timeline" id="{ident}" data-search-exclude>'
        + "".join(out)
        + f"<figcaption>{caption}</figcaption>"
        + '<details class="abstract"><summary>The same run, step by step</summary>'
        + f"<ol>{items}</ol></details>"
        + "</figure>"
    )


_PICTURE = re.compile(r'<svg class="timeline".*?</svg>', re.S)


def mask_pictures(text: str) -> str:
    """Hide the measured geometry of timeline pictures, to compare two builds."""
    return _PICTURE.sub(lambda m: re.sub(r"\d+(?:\.\d+)?", "<n>", m[0]), text)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(
            "usage: python -m tools.pipeline.timeline snippets/<lesson>/<name>.py", file=sys.stderr
        )
        return 2
    options = trace_options(RunOptions())
    print(
        render(
            parse_run(runner.run(argv[0], interpreters.current(), options), options),
            argv[0],
            "timeline",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
