"""Make the three downloads wait without blocking the loop: the heartbeat keeps ticking,
and all three finish in about 0.2 s, each still waiting its 0.2 s."""

DOWNLOADS = {
    "download('page 1')": "page 1 downloaded",
    "download('page 2')": "page 2 downloaded",
    "download('page 3')": "page 3 downloaded",
}
STARTER_FAILS = [
    "the heartbeat ticks on while the downloads wait (3 ticks or more, never 0.15 s apart)",
    "the three downloads wait at the same time: all done within 0.45 s",
]


def _lanes(run):
    """{task label: [(start, end) of each of its steps]} and [(label, line) printed]."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    labels = [str(lane.get("label")) if isinstance(lane, dict) else "" for lane in lanes]
    spans = {}
    for step in steps:
        lane, start, end = step.get("lane"), step.get("start"), step.get("end")
        if isinstance(lane, int) and 0 <= lane < len(labels) and None not in (start, end):
            spans.setdefault(labels[lane], []).append((start, end))
    printed = []
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        label = ""
        if isinstance(step, int) and 0 <= step < len(steps):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(labels):
                label = labels[lane]
        printed += [(label, line) for line in str(text).splitlines()]
    return spans, printed


def checks(run):
    spans, printed = _lanes(run)
    beats = sorted(
        start for label, s in spans.items() if label.startswith("heartbeat(") for start, _ in s
    )
    ticks = [
        line
        for label, line in printed
        if label.startswith("heartbeat(") and line.startswith("tick at")
    ]
    gaps = [beats[i + 1] - beats[i] for i in range(len(beats) - 1)]
    waited = all(
        label in spans and max(e for _, e in spans[label]) - min(s for s, _ in spans[label]) >= 0.18
        for label in DOWNLOADS
    )
    said = sorted((label, line) for label, line in printed if line.endswith(" downloaded"))
    ends = [end for label in DOWNLOADS for _, end in spans.get(label, [])]
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        (
            "each of the three downloads waits its 0.2 s, then prints its line",
            waited and said == sorted(DOWNLOADS.items()),
        ),
        (STARTER_FAILS[0], len(ticks) >= 3 and bool(gaps) and max(gaps) < 0.15),
        (STARTER_FAILS[1], len(ends) >= 3 and max(ends) < 0.45),
    ]
