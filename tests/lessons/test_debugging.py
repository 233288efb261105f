"""docs/debugging.md: one script with two mistakes, run four ways; only -X dev or -W default
show the ResourceWarning of an unclosed event loop."""

from tests.lessons.claims import Page

page = Page("docs/debugging.md")
PLAIN = "snippets/debugging/forgotten.py"
ENV = "snippets/debugging/forgotten_env.py"
DEBUG = "snippets/debugging/forgotten_debug.py"
DEV = "snippets/debugging/forgotten_dev.py"
CHECKPOINT = "snippets/debugging/checkpoint_warnings.py"
SLOW_STEP = (
    r"^Executing <Task finished name='Task-2' coro=<main\(\) done, .* took (\d+\.\d+) seconds$"
)
UNCLOSED = r"ResourceWarning: unclosed event loop <_UnixSelectorEventLoop .*debug=(\w+)>$"
PROGRAM = ["main: settings {'retries': 3}", "main is finished"]


@page.claim("Run normally, it says nothing about either", PLAIN)
def _(out):
    assert out.lines == PROGRAM


@page.claim("the blocking step is reported, and the unclosed loop is not", ENV)
def _(out):
    assert out.lines[:2] == PROGRAM
    assert out.findall(SLOW_STEP) and not out.findall("ResourceWarning")


@page.claim("main's whole run was one step, and it took at least 0.15 s", ENV)
def _(out):
    assert out.number(SLOW_STEP) >= 0.15  # the sleep, plus whatever else the step did


@page.claim("The task is Task-2 because load_settings was the first", ENV)
def _(out):
    assert out.find(SLOW_STEP)  # the pattern names Task-2
    assert not out.findall("Task-1")


@page.claim("in the code gives the same report", DEBUG)
def _(out):
    assert out.lines[:2] == PROGRAM and len(out.lines) == 3
    assert 0.15 <= out.number(SLOW_STEP) < 0.3


@page.claim("at the very end, when Python frees the loop that was never closed", DEV)
def _(out):
    assert out.lines[:2] == PROGRAM
    assert out.find(SLOW_STEP)
    assert out.findall(UNCLOSED) and out.lines[-1].endswith(out.findall(UNCLOSED)[0][0])


@page.claim("The warning shows debug=True", DEV)
def _(out):
    assert out.find(UNCLOSED)[1] == "True"


@page.claim("Only the unclosed event loop is reported", CHECKPOINT)
def _(out):
    assert out.lines[0] == "main is finished" and len(out.lines) == 2
    assert out.find(UNCLOSED)[1] == "False"
    assert not out.findall("^Executing")


test_claims = page.test()
