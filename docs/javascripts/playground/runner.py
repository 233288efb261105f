"""Run one snippet in the browser's Python (Pyodide) the way `python <snippet>` runs it.

worker.js runs this file once in a fresh interpreter and calls `main(job, tools)` with a JSON job:
{"path": "snippets/<lesson>/<name>.py", "source": "...", "args": ["-X", "dev"],
"env": {"PYTHONASYNCIODEBUG": "1"}, "trace": true}. It returns the exit status; the output
goes to file descriptors 1 and 2, which the worker streams to the page. With "trace", the
run is recorded by the build's own tracer, and `timeline()` then draws it with the build's
own drawing code: `tools` holds tools/pipeline/trace.py and picture.py, which the build
copies beside this file. tests/test_playground.py runs
this same file through the same worker in Node, and compares with the transcripts.

What it does, and why:
- The script runs as `__main__`, from its own file (so tracebacks and warnings name
  `snippets/<lesson>/<name>.py` and quote its lines), with `sys.argv == [path]`.
- asyncio gets CPython's own event loop: a `BaseEventLoop` over a selector with no I/O
  that sleeps out each timeout. Pyodide's WebLoop would give other orders and messages
  (no "Task was destroyed", no debug mode, no warnings from `get_event_loop`).
- `-X dev`, `-W` and the environment are applied after Pyodide's start-up: the interpreter
  is started before the reader picks a snippet, and `-W error::DeprecationWarning` during
  start-up breaks Pyodide itself.
- Tracebacks and stack summaries stop at the script: no frame of this runner or of Pyodide.
"""

import asyncio
import atexit
import gc
import io
import json
import os
import selectors
import sys
import time
import traceback
import types
import warnings

# What tools/pipeline/runner.py's BASE_ENV gives a real run, where it still matters after start-up.
BASE_ENV = {
    "PYTHONUNBUFFERED": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
    "PYTHON_COLORS": "0",
    "NO_COLOR": "1",
    "LC_ALL": "C.UTF-8",
    "COLUMNS": "80",
}


_RUNNER = (lambda: None).__code__.co_filename  # this file's name in tracebacks


class UnsupportedOption(Exception):
    pass


def _idle_sleep():
    """A wait that leaves the CPU alone where the host allows it.

    Pyodide's time.sleep spins until the time is up, so a loop waiting for a timer keeps a
    core busy. Atomics.wait blocks instead, where JavaScript may block: in Node, and in a
    cross-origin isolated worker. Elsewhere (a page without COOP/COEP) it spins as before."""
    try:
        import js

        cell = js.Int32Array.new(js.SharedArrayBuffer.new(4))
        wait = js.Atomics.wait
    except (ImportError, AttributeError):  # not in Pyodide, or no SharedArrayBuffer here
        return time.sleep

    def sleep(seconds):
        wait(cell, 0, 0, seconds * 1000)

    return sleep


class _NoIOSelector(selectors.BaseSelector):
    """Nothing to watch in a browser: waiting for I/O only ever means waiting for a timer."""

    def __init__(self):
        self._map = {}
        self._sleep = _idle_sleep()

    def register(self, fileobj, events, data=None):
        raise OSError("file descriptors cannot be watched in the browser")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        if timeout is None:  # no timer and nothing ready: a real loop would hang here too
            while True:
                self._sleep(3600)
        if timeout > 0:
            self._sleep(timeout)
        return []

    def get_map(self):
        return self._map


class _Loop(asyncio.BaseEventLoop):
    """CPython's own scheduling (ready queue, timers in deadline order), without I/O."""

    def __init__(self):
        super().__init__()
        self._selector = _NoIOSelector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass  # one thread only: no loop ever sleeps while another thread wakes it


_BasePolicy = getattr(asyncio.events, "_BaseDefaultEventLoopPolicy", None) or asyncio.events.BaseDefaultEventLoopPolicy


class _Policy(_BasePolicy):
    _loop_factory = _Loop


def _use_cpython_loop():
    """Undo what Pyodide's start-up did to asyncio and time.sleep, and install our loop."""
    try:
        from pyodide import webloop
    except ImportError:  # not in Pyodide
        webloop = None
    if webloop is not None:
        asyncio.run = getattr(webloop, "_orig_run", asyncio.runners.run)
        time.sleep = getattr(webloop, "_orig_sleep", time.sleep)
    asyncio.events._set_running_loop(None)  # the WebLoop sets itself running for good
    sys.set_asyncgen_hooks(None, None)
    setter = getattr(asyncio.events, "_set_event_loop_policy", None)  # 3.14: the public one warns
    (setter or asyncio.set_event_loop_policy)(_Policy())


def _options(args, env):
    """(dev mode, warning options in CPython's order: lowest priority first)."""
    dev, w_options = False, []
    items = list(args)
    while items:
        item = items.pop(0)
        if item in ("-X", "-W") and items:
            value = items.pop(0)
        elif item.startswith(("-X", "-W")) and len(item) > 2:
            item, value = item[:2], item[2:]
        else:
            raise UnsupportedOption(f"the in-browser Python does not support the option {item}")
        if item == "-X" and value == "dev":
            dev = True
        elif item == "-W":
            w_options.append(value)
        else:
            raise UnsupportedOption(f"the in-browser Python does not support the option {item} {value}")
    if env.get("PYTHONDEVMODE"):
        dev = True
    from_env = [w for w in env.get("PYTHONWARNINGS", "").split(",") if w]
    return dev, (["default"] if dev else []) + from_env + w_options


def _streams():
    """Unbuffered stdout and stderr, as PYTHONUNBUFFERED=1 gives: their lines keep their order."""
    out = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
    )
    sys.stdout = sys.__stdout__ = out
    sys.stderr = sys.__stderr__ = err


def _stop_stacks_at(code):
    """Stack summaries (asyncio debug mode's "created at", traceback.print_stack) end at the script."""
    walk = traceback.walk_stack

    def walk_stack(f):
        for frame, lineno in walk(f):
            yield frame, lineno
            if frame.f_code is code:
                return

    traceback.walk_stack = walk_stack

    # Where an unawaited coroutine was created: the interpreter records it (cr_origin), and
    # the warnings module formats it; the same text as 3.14's, without this runner's frame.
    def _warn_unawaited_coroutine(coro):
        import linecache

        origin = []
        for filename, lineno, funcname in coro.cr_origin or ():
            if filename == _RUNNER:
                break
            origin.append((filename, lineno, funcname, linecache.getline(filename, lineno)))
        lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
        if coro.cr_origin is not None:
            lines.append("Coroutine created at (most recent call last)\n")
            lines += traceback.format_list(origin[::-1])
        warnings.warn("".join(lines).rstrip("\n"), category=RuntimeWarning, stacklevel=2, source=coro)

    warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine


def _print_exception(error, skip):
    tb = error.__traceback__
    for _ in range(skip):  # this runner's own frames
        if tb is not None:
            tb = tb.tb_next
    sys.excepthook(type(error), error, tb)


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


_traced = {}  # the last traced run: its trace and its snippet


def main(job_json, tools=None):
    job = json.loads(job_json)
    path, source, env = job["path"], job["source"], job.get("env", {})
    _streams()
    try:
        dev, warn_options = _options(job.get("args", []), env)
    except UnsupportedOption as error:
        print(error, file=sys.stderr)
        return 2
    os.environ.update(BASE_ENV)
    os.environ.update(env)
    # The script's own file, so that linecache quotes its lines, and its folder first on sys.path.
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(source)
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    if dev:  # what -X dev changes for asyncio: debug mode in every new loop
        asyncio.coroutines._is_debug_mode = lambda: True
    sys.warnoptions[:] = warn_options
    # The filters are still CPython's defaults here (a fresh interpreter); options go in front.
    warnings._processoptions(warn_options)
    _use_cpython_loop()

    module = types.ModuleType("__main__")
    module.__file__ = os.path.abspath(path)
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    tracing = tools["trace"]["Tracing"](path, tee=True) if job.get("trace") and tools else None
    status = _execute(source, path, module)
    if tracing is not None:
        _traced.update(trace=tracing.stop(status), snippet=path, tools=tools)
    return status


def _execute(source, path, module):
    """Run the script as the interpreter runs `python <path>`; its exit status."""
    status = 0
    try:
        code = compile(source, path, "exec")
    except SyntaxError as error:
        traceback.print_exception(type(error), error, None)
        return 1
    _stop_stacks_at(code)
    try:
        exec(code, module.__dict__)
    except SystemExit as error:
        status = _exit_status(error.code)
    except BaseException as error:  # noqa: BLE001 (what the interpreter does at the top level)
        _print_exception(error, skip=1)
        status = 1
    # Interpreter shutdown: exit functions, then the script's globals go, and what they held.
    try:
        atexit._run_exitfuncs()
    except SystemExit as error:
        status = _exit_status(error.code)
    module.__dict__.clear()
    del module
    gc.collect()
    return status


def verdict(checks_source):
    """The last traced run, judged by an exercise's conditions (grading.py): JSON of
    [[condition, holds], ...]; a run that never started (an option the browser lacks)
    meets none."""
    if not _traced:
        return json.dumps([["the script starts in the browser", False]])
    grade = _traced["tools"]["grading"]["grade"]
    return json.dumps(grade(checks_source, _traced["trace"]))


def timeline():
    """The last traced run, drawn as the build draws its pictures: JSON of {"html", "trace"},
    or "" when no run was traced."""
    if not _traced:
        return ""
    data, snippet = _traced["trace"], _traced["snippet"]
    if not data["steps"]:
        drawn = (
            '<p class="timeline-none">No timeline: no asyncio task ran in this run, and '
            "<code>main</code> called no function of the script (or it stopped before).</p>"
        )
    else:
        ident = "run-timeline-" + "".join(c if c.isalnum() else "-" for c in snippet)
        caption = (
            f"Drawn from this very run, in your browser, on Python {data['python']}; "
            "tracing adds a little time to every step."
        )
        drawn = _traced["tools"]["picture"]["render"](data, snippet, ident, caption)
    return json.dumps({"html": drawn, "trace": data})
