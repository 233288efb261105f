"""Draw a traced run (tools/pipeline/trace.py) as a timeline: one row per task, bars to scale.

The same code draws the build's pictures (tools/pipeline/timeline.py) and, in the reader's
browser, the picture of every Run (docs/javascripts/playground/runner.py), so both follow
the same rules. It uses the standard library only: the browser loads it on the first Run.

The SVG is plain text, inlined in the page, so it follows the light and dark palettes
(colours in docs/stylesheets/site.css). It has a <title> and a <desc>, and the figure lists
every step it draws as text below the picture. A long run is drawn in part (its first
MAX_LANES rows and MAX_STEPS steps), and the caption says what was left out.
"""

from __future__ import annotations

import html
from typing import Any

WIDTH = 640  # viewBox units; the picture scales to the column's width
LANE = 38  # height of one row: its label, then its bar
BAR = 14
AXIS = 34  # room for the time axis below the rows
TICKS = 4  # intervals on the axis (a fixed count, so two builds draw the same elements)
MAX_LANES = 12  # beyond these, a picture is too tall to read and slow to draw
MAX_STEPS = 400
MAX_PRINTED = 10  # lines quoted per step in the text alternative


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def shown(data: dict[str, Any]) -> dict[str, Any]:
    """The part of a run that is drawn: its first MAX_LANES rows that ran a step, and the first
    MAX_STEPS of their steps; "left_out" says how much of the run is not shown."""
    used = sorted({step["lane"] for step in data["steps"]})
    lanes = set(used[:MAX_LANES])
    kept = [i for i, step in enumerate(data["steps"]) if step["lane"] in lanes][:MAX_STEPS]
    renumbered = {old: new for new, old in enumerate(kept)}
    return {
        **data,
        "lanes": _unique_labels(data["lanes"], data["kind"]),
        "steps": [data["steps"][i] for i in kept],
        "output": [
            [None if i is None else renumbered[i], text]
            for i, text in data["output"]
            if i is None or i in renumbered
        ],  # fmt: skip
        "left_out": (len(used) - len(lanes), len(data["steps"]) - len(kept)),
    }


def _unique_labels(lanes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Rows that would read alike (the same coroutine called with the same arguments twice)
    are told apart by their task's name, or by their number among calls."""
    seen: dict[str, int] = {}
    for lane in lanes:
        seen[lane["label"]] = seen.get(lane["label"], 0) + 1
    counted: dict[str, int] = {}
    unique = []
    for lane in lanes:
        label = lane["label"]
        if seen[label] > 1:
            counted[label] = counted.get(label, 0) + 1
            tag = lane["name"] if kind == "asyncio" else counted[label]
            label += f" [{tag}]"
        unique.append({**lane, "label": label})
    if len({lane["label"] for lane in unique}) < len(unique):  # tasks that share a name too
        unique = [{**lane, "label": f"{lane['label']} #{n + 1}"} for n, lane in enumerate(unique)]
    return unique


def step_text(data: dict[str, Any]) -> list[str]:
    """One line per step: who ran, for how long, and what it printed."""
    printed: dict[int, str] = {}
    for index, text in data["output"]:
        if index is not None:
            printed[index] = printed.get(index, "") + text
    lines = []
    for i, step in enumerate(data["steps"]):
        label = data["lanes"][step["lane"]]["label"]
        said = [line.strip() for line in printed.get(i, "").split("\n") if line.strip()]
        quoted = "; ".join(f"“{line}”" for line in said[:MAX_PRINTED])
        more = f" and {len(said) - MAX_PRINTED} more lines" if len(said) > MAX_PRINTED else ""
        tail = f", printed {quoted}{more}" if said else ""
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


def _left_out(data: dict[str, Any]) -> str:
    lanes, steps = data.get("left_out", (0, 0))
    if not (lanes or steps):
        return ""
    who = "task" if data["kind"] == "asyncio" else "call"
    parts = [f"{n} more {what}{'' if n == 1 else 's'}"
             for n, what in ((lanes, f"{who} row"), (steps, "step")) if n]  # fmt: skip
    return f" This run was too long to draw whole: {' and '.join(parts)} are not shown."


def render(data: dict[str, Any], snippet: str, ident: str, caption: str) -> str:
    """The figure: the inline SVG, a caption (after what a bar means), and every step as text."""
    data = shown(data)
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
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
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
    items = "".join(f"<li>{html.escape(line)}</li>" for line in step_text(data))
    return (
        f'<figure class="timeline" id="{ident}" data-search-exclude>'
        + "".join(out)
        + f"<figcaption>Each bar is a stretch of time during which {who}. {caption}"
        + f"{_left_out(data)}</figcaption>"
        + '<details class="abstract"><summary>The same run, step by step</summary>'
        + f"<ol>{items}</ol></details>"
        + "</figure>"
    )
