"""docs/blocking-the-loop.md: a heartbeat stalls under time.sleep, keeps time with the fixes,
and debug mode reports the slow step on stderr."""

from tests.lessons.claims import ROOT, Page

page = Page("docs/blocking-the-loop.md")
BLOCKING = "snippets/blocking-the-loop/blocking.py"
FIX_SLEEP = "snippets/blocking-the-loop/fix_sleep.py"
FIX_THREAD = "snippets/blocking-the-loop/fix_to_thread.py"
DEBUG = "snippets/blocking-the-loop/debug_mode.py"
CHECKPOINT = "snippets/blocking-the-loop/checkpoint_stall.py"
ENDED = "snippets/debugging/forgotten_env.py"
SLOW_STEP = (
    r"^Executing <Task pending name='Task-1' coro=<main\(\) running at (\S+):(\d+)>"
    r".* took (\d+\.\d+) seconds$"
)


def gaps(out):
    ticks = [float(m[1]) for m in out.findall(r"^tick at (\d+\.\d+) s$")]
    assert len(ticks) == 8, ticks
    return [b - a for a, b in zip(ticks, ticks[1:], strict=False)]


@page.claim("After the first tick, the heartbeat goes quiet for 0.3 s", BLOCKING)
def _(out):
    assert out.index("main: time.sleep(0.3)") == 1
    assert 0.29 <= gaps(out)[0] < 0.4


@page.claim("the heartbeat went on with 0.05 s between ticks", BLOCKING)
def _(out):
    assert all(0.04 <= gap < 0.09 for gap in gaps(out)[1:])


@page.claim(
    "The ticks it missed are not made up for: every later tick came about 0.25 s late", BLOCKING
)
def _(out):
    ticks = [float(m[1]) for m in out.findall(r"^tick at (\d+\.\d+) s$")]
    assert len(ticks) == 8  # still eight ticks
    # tick i was due at 0.05 * i s; time.sleep(0.3) began at 0 s and overlapped the first 0.05 s
    late = [tick - 0.05 * i for i, tick in enumerate(ticks) if i > 0]
    assert all(0.23 <= delay < 0.45 for delay in late), late


@page.claim("The ticks keep coming every 0.05 s while main waits", FIX_SLEEP)
def _(out):
    assert all(0.04 <= gap < 0.09 for gap in gaps(out))


@page.claim("The heartbeat is as regular as with asyncio.sleep", FIX_THREAD, FIX_SLEEP)
def _(thread, sleep):
    assert all(0.04 <= gap < 0.09 for gap in gaps(thread))
    assert max(gaps(thread)) < max(gaps(sleep)) + 0.03


@page.claim("took ... seconds, goes to standard error", DEBUG)
def _(out):
    assert [line for line in out.stderr if line.startswith("Executing <Task pending name='Task-1'")]
    assert not [line for line in out.stderr if line.startswith(("tick at", "main:"))]


@page.claim("the line where the step ended, the await beats right after the time.sleep", DEBUG)
def _(out):
    match = out.find(SLOW_STEP)
    assert match[1] == DEBUG
    lines = (ROOT / DEBUG).read_text(encoding="utf-8").split("\n")
    assert lines[int(match[2]) - 1].strip() == "await beats"
    assert lines[int(match[2]) - 2].strip().startswith("time.sleep(0.3)")


@page.claim("The time it gives is the length of the blocking call", DEBUG)
def _(out):
    assert 0.3 <= float(out.find(SLOW_STEP)[3]) < 0.4


@page.claim("so it comes after the step's own output, here main: time.sleep(0.3)", DEBUG)
def _(out):
    report = out.index("Executing <Task pending name='Task-1'")
    assert report == out.index("main: time.sleep(0.3)") + 1


@page.claim("a step that ends its task shows Task finished and done instead", ENDED)
def _(out):
    # debugging.md's script: main never pauses, so its one step ends the task
    assert out.find(
        r"^Executing <Task finished name='Task-2' coro=<main\(\) done, .* took \d+\.\d+ seconds$"
    )


@page.claim("blocks prints first, and waits finishes at about 0.2 s rather than 0.1 s", CHECKPOINT)
def _(out):
    assert out.index("blocks: done") == 0 and out.index("waits: done") == 1
    assert 0.2 <= out.number(r"^waits: done at (\d+\.\d+) s$") < 0.3


test_claims = page.test()
