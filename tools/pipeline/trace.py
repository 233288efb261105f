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
The in-browser runner (docs/javascripts/playground/runner.py) traces every Run with
start() and stop(), passing the output through as it is written. This module and
picture.py use the standard library only, as the browser loads them on the first Run.
"""

from __future__ import annotations

import functools
import io
import json
import operator
import os
import reprlib
import runpy
import sys
import time
import weakref
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
        # task -> lane. Weak: the tracer must not keep a task alive, or "Task was destroyed
        # but it is pending!" would come later than in an untraced run.
        self._lane_of: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def lane(self, label: Any, name: str, key: Any = None) -> int:
        """The lane of `key` (a task), made the first time; without a key, a new lane.
        `label()` names a new lane: only then are the arguments' reprs taken."""
        lane = self._lane_of.get(key) if key is not None else None
        if lane is None:
            lane = len(self.lanes)
            self.lanes.append({"label": label(), "name": name})
            if key is not None:
                self._lane_of[key] = lane
        return lane

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


class _Capture(io.TextIOBase):
    """A stand-in for sys.stdout/sys.stderr that hands every write to the recorder, and
    with `tee` to the real stream too (the browser shows output as it is written). What it
    does not define (buffer, reconfigure, ...) is the real stream's."""

    def __init__(self, recorder: _Recorder, real: Any, tee: bool = False) -> None:
        self._recorder, self._real, self._tee = recorder, real, tee

    def write(self, text: str) -> int:
        self._recorder.write(text)
        if self._tee:
            self._real.write(text)
        return len(text)

    def flush(self) -> None:
        if self._tee:
            self._real.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._real.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._real, "encoding", "utf-8")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _short_repr(value: Any) -> str:
    """A short repr for a label; a repr that raises or is long never reaches the script."""
    try:
        text = _REPR.repr(value)
    except Exception:  # noqa: BLE001 (the script's own __repr__)
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 24 else text[:20] + "...)"


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 30


def _call_label(code: Any, f_locals: Any) -> str:
    count = code.co_argcount + code.co_kwonlyargcount
    args = [_short_repr(f_locals[name]) for name in code.co_varnames[:count] if name in f_locals]
    return f"{code.co_name}({', '.join(args)})"


class _Hooks:
    """What the tracer does when a function starts or ends; no frame of its own is ever on
    the script's stack (a traceback or "Coroutine created at" shows none), and it holds no
    reference to the script's objects.

    Steps: each run of asyncio.events.Handle._run whose callback belongs to a task of the
    script. Calls: while no event loop has run, each call `main` makes to a function of the
    script, from call to return."""

    def __init__(self, recorder: _Recorder, filename: str) -> None:
        import asyncio.events

        self.recorder, self.filename = recorder, filename
        self.handle_run = asyncio.events.Handle._run.__code__
        self.asyncio_dir = os.path.dirname(asyncio.events.__file__) + os.sep
        self.open: list[bool] = []  # per running Handle._run: whether it began a step
        self.depth = 0  # calls from main under way

    def wanted(self, code: Any) -> bool:
        return code is self.handle_run or code.co_filename == self.filename

    def start(self, frame: Any) -> None:
        if frame.f_code is self.handle_run:
            self.open.append(self._begin_step(frame.f_locals["self"]))
        elif self.recorder.kind == "calls" and self._called_by_main(frame):
            self.depth += 1
            if self.depth == 1:
                label = lambda: _call_label(frame.f_code, frame.f_locals)  # noqa: E731
                self.recorder.begin(self.recorder.lane(label, frame.f_code.co_name))

    def end(self, frame: Any) -> None:
        if frame.f_code is self.handle_run:
            if self.open and self.open.pop():
                self.recorder.end()
        elif self.recorder.kind == "calls" and self._called_by_main(frame):
            self.depth -= 1
            if self.depth == 0:
                self.recorder.end()

    def _called_by_main(self, frame: Any) -> bool:
        caller = frame.f_back
        return caller is not None and _where(caller.f_code) == (self.filename, "main")

    def _begin_step(self, handle: Any) -> bool:
        import asyncio

        task = getattr(handle._callback, "__self__", None)
        if not isinstance(task, asyncio.Task):
            return False  # a timer callback, or the loop's own bookkeeping
        coro = task.get_coro()
        code = getattr(coro, "cr_code", None)
        if code is None or code.co_filename.startswith(self.asyncio_dir):
            return False  # asyncio.run's own clean-up tasks
        self.recorder.kind = "asyncio"
        frame = getattr(coro, "cr_frame", None)

        def label() -> str:
            return _call_label(frame.f_code, frame.f_locals) if frame else f"{code.co_name}()"

        self.recorder.begin(self.recorder.lane(label, task.get_name(), task))
        return True


def _where(code: Any) -> tuple[str, str]:
    return code.co_filename, code.co_name


def _watch(hooks: _Hooks) -> Any:
    """Call hooks.start/end as functions start (or resume) and end (or yield); returns how
    to stop. sys.monitoring (3.12+) is only called for the code it watches, so the script
    runs at its own speed; before 3.12, a profile function sees every call."""
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:

        def profile(frame: Any, event: str, arg: Any) -> None:
            if hooks.wanted(frame.f_code):
                if event == "call":
                    hooks.start(frame)
                elif event == "return":
                    hooks.end(frame)

        sys.setprofile(profile)
        return lambda: sys.setprofile(None)

    events = monitoring.events
    # A free tool id: the script may profile itself (cProfile takes PROFILER_ID).
    tool = next(t for t in range(5, 0, -1) if monitoring.get_tool(t) is None)
    monitoring.use_tool_id(tool, "asyncio-basics trace")

    def on(hook: Any, local: bool = True) -> Any:
        def callback(code: Any, *_: Any) -> Any:
            if not hooks.wanted(code):
                return monitoring.DISABLE if local else None  # never again for this code
            hook(sys._getframe(1))  # the frame of `code`
            return None

        return callback

    watched = {
        events.PY_START: on(hooks.start),
        events.PY_RESUME: on(hooks.start),
        events.PY_THROW: on(hooks.start, local=False),  # a generator resumed by throw()
        events.PY_RETURN: on(hooks.end),
        events.PY_YIELD: on(hooks.end),
        events.PY_UNWIND: on(hooks.end, local=False),  # a call that raised ends too
    }
    for event, callback in watched.items():
        monitoring.register_callback(tool, event, callback)
    monitoring.set_events(tool, functools.reduce(operator.or_, watched))

    def stop() -> None:
        monitoring.set_events(tool, 0)
        monitoring.free_tool_id(tool)
        monitoring.restart_events()

    return stop


class Tracing:
    """Recording a run of a script in this process, from here to stop(). `filename` is the
    one its code was compiled with; `tee`: its output goes on to the real streams too."""

    def __init__(self, filename: str, tee: bool = False) -> None:
        self.filename = filename
        self.recorder = _Recorder()
        self._real = sys.stdout, sys.stderr
        self._unwatch = _watch(_Hooks(self.recorder, self.filename))
        sys.stdout, sys.stderr = (_Capture(self.recorder, real, tee) for real in self._real)

    def stop(self, returncode: int) -> dict[str, Any]:
        """What was recorded; the script's streams are the real ones again."""
        self._unwatch()
        sys.stdout, sys.stderr = self._real
        return self.recorder.result(returncode)


def exit_status(code: Any) -> int:
    """The exit status `python` gives for SystemExit(code): None is 0, a message is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def trace(path: str) -> dict[str, Any]:
    """Run the script at `path` as __main__ and return what was recorded."""
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))  # as `python path` puts it
    tracing = Tracing(os.path.abspath(path))  # runpy compiles it with the name it is given
    returncode = 0
    try:
        runpy.run_path(tracing.filename, run_name="__main__")
    except SystemExit as exit:
        returncode = exit_status(exit.code)
    except BaseException:
        import traceback

        traceback.print_exc()
        returncode = 1
    return tracing.stop(returncode)


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
