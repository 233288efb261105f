"""docs/child-processes.md: child Pythons one after another and together, and lines as they come."""

from tests.lessons.claims import Page

page = Page("docs/child-processes.md")
BOTH = "snippets/child-processes/one_then_together.py"
LINES = "snippets/child-processes/line_by_line.py"
CHECKPOINT = "snippets/child-processes/checkpoint_started.py"


def section(out, title):
    """The children's lines printed under `one after another:` or `together:`."""
    start = out.lines.index(title) + 1
    rest = out.lines[start:]
    end = next(i for i, line in enumerate(rest) if not line.startswith("  "))
    return [line.split(" child")[0].strip() for line in rest[:end]]


@page.claim("the children finish in the order they were started: slow, medium, quick", BOTH)
def _(out):
    assert section(out, "one after another:") == ["slow", "medium", "quick"]


@page.claim("the quick child finishes first and the slow one last", BOTH)
def _(out):
    assert section(out, "together:") == ["quick", "medium", "slow"]


@page.claim("One after another takes a little more than the sum of the three waits", BOTH)
def _(out):
    one_after_another = out.number(r"^one after another: (\d+\.\d+) s$")
    assert 0.6 <= one_after_another < 1.2


@page.claim("Together takes a little more than the longest wait, 0.3 s", BOTH)
def _(out):
    together = out.number(r"^together: (\d+\.\d+) s$")
    assert 0.3 <= together < 0.6


@page.claim("so three waits cost no more than one", BOTH)
def _(out):
    together = out.number(r"^together: (\d+\.\d+) s$")
    one_after_another = out.number(r"^one after another: (\d+\.\d+) s$")
    assert together < 0.7 * one_after_another


@page.claim("Each line arrives about 0.2 s after the one before, as the child prints it", LINES)
def _(out):
    times = [float(m[1]) for m in out.findall(r"^after (\d+\.\d+) s: line \d$")]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(0.15 <= gap < 0.35 for gap in gaps), gaps


@page.claim("returns its exit status, 0", LINES)
def _(out):
    assert out.lines[-1].endswith(": the child exited with status 0")
    assert out.returncode == 0


@page.claim("The quick child is done before the slow one, and both before main waited", CHECKPOINT)
def _(out):
    order = [
        out.index("both children started"),
        out.index("quick child is done"),
        out.index("slow child is done"),
        out.index("main waited for the slow child"),
        out.index("main waited for the quick child"),
    ]
    assert order == sorted(order)


test_claims = page.test()
