"""Make main await the medium task instead of looking now and then whether it is done, so
that the call graph medium prints shows main's task awaiting it."""

STARTER_FAILS = ["the graph shows medium awaited by main's task"]


def _graph(run):
    """(what the task named medium printed, the name of main's task)."""
    trace = run.trace if isinstance(run.trace, dict) else {}
    steps, lanes = trace.get("steps") or [], trace.get("lanes") or []
    main_name = None
    for lane in lanes:
        if isinstance(lane, dict) and str(lane.get("label")) == "main()":
            main_name = str(lane.get("name"))
    printed = ""
    for item in trace.get("output") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            continue
        step, text = item
        if isinstance(step, int) and 0 <= step < len(steps) and isinstance(steps[step], dict):
            lane = steps[step].get("lane")
            if isinstance(lane, int) and 0 <= lane < len(lanes) and isinstance(lanes[lane], dict):
                if lanes[lane].get("name") == "medium":
                    printed += str(text)
    return printed.splitlines(), main_name


def checks(run):
    graph, main_name = _graph(run)
    first = graph[0] if graph else ""
    after = graph[graph.index("  + Awaited by:") + 1 :] if "  + Awaited by:" in graph else []
    return [
        ("the program ends without an error (exit status 0)", run.status == 0),
        ("main prints: main: 32 found", run.lines_starting("main:") == ["main: 32 found"]),
        (
            "the task named medium prints its call graph, once",
            first.startswith("* Task(name='medium'")
            and sum(line.startswith("* Task(name='medium'") for line in graph) == 1,
        ),
        (
            STARTER_FAILS[0],
            main_name is not None
            and any(line.strip().startswith(f"* Task(name='{main_name}'") for line in after),
        ),
    ]
