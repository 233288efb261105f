"""Judge a reader's run of an exercise by the exercise's own conditions (its checks.py).

A run is judged by what it did, never by its source text, so any correct solution passes:
what it printed, its exit status, and its trace (tools/pipeline/trace.py): which tasks ran,
the order they finished in, how long they took. An exercise's checks.py defines

    STARTER_FAILS = ["the searches finish tiny, medium, large"]  # why the starter fails

    def checks(run):
        done = run.lines_starting("done with")
        return [
            ("the program ends without an error", run.status == 0),
            ("the searches finish tiny, medium, large", done == [...]),
        ]

The page runs it in the reader's browser after the reader's code (runner.py, with this
module copied beside it), and tests/test_exercises.py runs it on every supported Python:
the starter must fail exactly the conditions STARTER_FAILS names, the solution none.
Standard library only: the browser loads it with the first Check.
"""

from __future__ import annotations

from typing import Any


class Run:
    """A traced run, as a check sees it."""

    def __init__(self, trace: dict[str, Any]) -> None:
        self.trace = trace
        self.output = "".join(text for _, text in trace["output"])
        self.status: int = trace["returncode"]
        self.lines = self.output.splitlines()
        steps = trace["steps"]
        # From the first step to the end of the last: the event loop's time, without the
        # interpreter's start and imports (slower in the browser, and on a busy machine).
        self.seconds: float = (
            max(s["end"] for s in steps) - steps[0]["start"] if steps else trace["total"]
        )

    def lines_starting(self, prefix: str) -> list[str]:
        return [line for line in self.lines if line.startswith(prefix)]

    @property
    def tasks(self) -> list[str]:
        """The label of each task (or call) that ran a step, in the order they first ran:
        "find_divisibles(500, 3)"."""
        ran = {step["lane"] for step in self.trace["steps"]}
        return [lane["label"] for i, lane in enumerate(self.trace["lanes"]) if i in ran]

    @property
    def finished(self) -> list[str]:
        """Task labels in the order their last step ended."""
        last: dict[int, float] = {}
        for step in self.trace["steps"]:
            last[step["lane"]] = max(last.get(step["lane"], 0.0), step["end"])
        return [self.trace["lanes"][lane]["label"] for lane in sorted(last, key=last.__getitem__)]

    def busy(self, prefix: str) -> float:
        """Seconds that the tasks whose label starts with `prefix` held the event loop."""
        lanes = {
            i for i, lane in enumerate(self.trace["lanes"]) if lane["label"].startswith(prefix)
        }
        return sum(s["end"] - s["start"] for s in self.trace["steps"] if s["lane"] in lanes)


def grade(checks_source: str, trace: dict[str, Any], filename: str = "checks.py") -> list[list]:
    """[[condition, holds], ...] for a run; a check that cannot read the run does not hold."""
    namespace: dict[str, Any] = {"__name__": "checks"}
    exec(compile(checks_source, filename, "exec"), namespace)
    try:
        return [[str(text), bool(holds)] for text, holds in namespace["checks"](Run(trace))]
    except Exception as error:  # noqa: BLE001 (a reader's run can be anything)
        return [[f"the checks could not read this run ({type(error).__name__}: {error})", False]]


def starter_fails(checks_source: str) -> list[str]:
    """The conditions the exercise's starter code must fail: its STARTER_FAILS."""
    namespace: dict[str, Any] = {"__name__": "checks"}
    exec(compile(checks_source, "checks.py", "exec"), namespace)
    return list(namespace.get("STARTER_FAILS", []))
