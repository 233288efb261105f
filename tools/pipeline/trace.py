"""Run a snippet and record who held the thread when: the data behind a timeline picture.

    python -m tools.pipeline.trace snippets/suspension/sleep_zero.py

runs the script as `python snippets/...` would (as `__main__`, its folder first on
sys.path, from the repository root) and prints one line, `TRACE ` followed by JSON:

* with an event loop: every step the loop ran (asyncio.events.Handle._run), with the task
  it belonged to. A task's steps are the handles whose callback is bound to the task
  (`__step`, or `__wakeup`, which runs the step at once): this holds for the pure-Python
  Task and for the C-accelerated one of CPython 3.10-3.14 alike. Handles of no task (timer
  callbacks, the loop's own bookkeeping) are not drawn.
* without one (the synchronous baseline): every call `main` makes to a function defined
  in the snippet, from call to return.

What the script prints is captured and attributed to the step that printed it, so the
picture can be checked against the transcript of the same script. Output written outside
any step (before the loop starts, after it ends) is kept in order with task null.

The run is traced in-process, so only the interpreter running this module matters: the
build runs it with the newest Python it runs the snippets with (tools/pipeline/timeline.py).
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from typing import Any

MARKER = "TRACE "  # the line that carries the JSON; everything else is ignored


class _Recorder:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.kind = "calls"
        self.lanes: list[dict[str, Any]] = []  # one per task (or per call), first seen first
        self.steps: list[dict[str, Any]] = []
        self.output: list[list[Any]] = []  # [step index or None, text], in order
        self.current: int | None = None
        self._lane_of: dict[int, int] = {}  # id(task) -> lane; tasks live until the end
        self._keep: list[object] = []  # keep traced tasks alive, so ids stay unique

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def lane(self, key: object, label: str, name: str) -> int:
        if id(key) not in self._lane_of:
            self._keep.append(key)
            self._lane_of[id(key)] = len(self.lanes)
            self.lanes.append({"label": label, "name": name})
        return self._lane_of[id(key)]

    def begin(self, lane: int) -> None:
        self.current = len(self.steps)
        self.steps.append({"lane": lane, "start": self.now(), "end": None})

    def end(self) -> None:
        if self.current is not None:
            self.steps[self.current]["end"] = self.now()
        self.current = None

    def write(self, text: str) -> None:
        if self.output and self.output[-1][0] == self.current:
            self.output[-1][1] += text
        else:
            self.output.append([self.current, text])

    def result(self, returncode: int) -> dict[str, Any]:
        for step in self.steps:  # a step the script left by exiting ends here
            step["end"] = self.now() if step["end"] is None else step["end"]
        return {
            "kind": self.kind,
            "python": sys.version.split()[0],
            "lanes": self.lanes,
            "steps": self.steps,
            "output": self.output,
            "total": self.now(),
            "returncode": returncode,
            "task_class": _task_class(),
        }


def _task_class() -> str | None:
    """Which Task was traced: "_asyncio.Task" is the C-accelerated one CPython uses."""
    asyncio = sys.modules.get("asyncio")
    return f"{asyncio.Task.__module__}.{asyncio.Task.__qualname__}" if asyncio else None


class _Capture:
    """A stand-in for sys.stdout/sys.stderr that hands every write to the recorder."""

    def __init__(self, recorder: _Recorder, real: Any) -> None:
        self._recorder, self._real = recorder, real
        self.encoding = getattr(real, "encoding", "utf-8")

    def write(self, text: str) -> int:
        self._recorder.write(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._real.fileno()


def _call_label(code: Any, f_locals: dict[str, Any]) -> str:
    count = code.co_argcount + code.co_kwonlyargcount
    args = [repr(f_locals[name]) for name in code.co_varnames[:count] if name in f_locals]
    args = [a if len(a) <= 24 else a[:20] + "...)" for a in args]
    return f"{code.co_name}({', '.join(args)})"


def _trace_tasks(recorder: _Recorder) -> None:
    import asyncio.events

    original = asyncio.events.Handle._run
    own = os.path.dirname(asyncio.__file__) + os.sep  # asyncio.run's own clean-up tasks

    def _run(handle: Any) -> None:
        task = getattr(handle._callback, "__self__", None)
        if not isinstance(task, asyncio.Task):
            return original(handle)
        coro = task.get_coro()
        code = getattr(coro, "cr_code", None)
        if code is None or code.co_filename.startswith(own):
            return original(handle)
        recorder.kind = "asyncio"
        frame = getattr(coro, "cr_frame", None)
        label = _call_label(frame.f_code, frame.f_locals) if frame else repr(coro)
        recorder.begin(recorder.lane(task, label, task.get_name()))
        try:
            return original(handle)
        finally:
            recorder.end()

    asyncio.events.Handle._run = _run


def _where(code: Any) -> tuple[str, str]:
    return code.co_filename, code.co_name


def _trace_calls(recorder: _Recorder, filename: str) -> None:
    """Calls from `main` to the snippet's own functions, while no event loop runs."""
    depth = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal depth
        if recorder.kind == "asyncio" or frame.f_code.co_filename != filename:
            return
        caller = frame.f_back
        if caller is None or _where(caller.f_code) != (filename, "main"):
            return
        if event == "call":
            depth += 1
            if depth == 1:
                label = _call_label(frame.f_code, frame.f_locals)
                recorder.begin(recorder.lane(object(), label, frame.f_code.co_name))
        elif event == "return":
            depth -= 1
            if depth == 0:
                recorder.end()

    sys.setprofile(profile)


def trace(path: str) -> dict[str, Any]:
    """Run the script at `path` as __main__ and return what was recorded."""
    filename = os.path.abspath(path)
    recorder = _Recorder()
    real_out, real_err = sys.stdout, sys.stderr
    sys.argv = [path]
    sys.path[0] = os.path.dirname(filename)  # as `python path` puts it
    _trace_tasks(recorder)
    _trace_calls(recorder, filename)
    sys.stdout, sys.stderr = _Capture(recorder, real_out), _Capture(recorder, real_err)
    returncode = 0
    try:
        runpy.run_path(filename, run_name="__main__")
    except SystemExit as exit:
        returncode = exit.code if isinstance(exit.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
        returncode = 1
    finally:
        sys.setprofile(None)
        sys.stdout, sys.stderr = real_out, real_err
    return recorder.result(returncode)


def parse(output: str) -> dict[str, Any]:
    """The recorded trace from this module's output; ValueError if there is none."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            return json.loads(line[len(MARKER) :])
    raise ValueError("no trace in the tracer's output:\n" + output[-2000:])


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].endswith(".py"):
        print("usage: python -m tools.pipeline.trace snippets/<lesson>/<name>.py", file=sys.stderr)
        return 2
    if not os.path.isfile(argv[0]):
        print(f"{argv[0]}: no such file", file=sys.stderr)
        return 2
    result = trace(argv[0])
    print(MARKER + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
