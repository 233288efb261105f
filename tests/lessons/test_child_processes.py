"""docs/child-processes.md: child Pythons one after another and together, and lines as they come."""

from tests.lessons.claims import Page

page = Page("docs/child-processes.md")
BOTH = "snippets/child-processes/one_then_together.py"
LINES = "snippets/child-processes/line_by_line.py"
CHECKPOINT = "snippets/child-processes/checkpoint_started.py"


def section(out, title):
    """{child: seconds} for the lines printed under `one after another:` or `together:`."""
    start = out.lines.index(title) + 1
    rows = out.lines[start : start + 3]
    names = [line.split()[0] for line in rows]
    assert names == ["slow", "medium", "quick"], rows
    assert all(", exit status 0, after " in line for line in rows), rows
    return {line.split()[0]: float(line.split()[-2]) for line in rows}


WAITS = {"slow": 0.3, "medium": 0.2, "quick": 0.1}


@page.claim("One after another, each child takes about its own wait", BOTH)
def _(out):
    took = section(out, "one after another:")
    assert all(WAITS[n] <= took[n] < WAITS[n] + 0.5 for n in WAITS), took  # start-up varies


@page.claim("the quick child is done after about 0.1 s and the slow one after about 0.3 s", BOTH)
def _(out):
    took = section(out, "together:")
    # generous: a child Python may be slow to start on a busy machine
    assert all(WAITS[n] <= took[n] < WAITS[n] + 0.5 for n in WAITS), took


@page.claim("The lines come in the same order as before, because gather returns", BOTH)
def _(out):
    assert section(out, "together:").keys() == section(out, "one after another:").keys()
    assert list(section(out, "together:")) == ["slow", "medium", "quick"]


@page.claim("One after another takes a little more than the sum of the three waits", BOTH)
def _(out):
    one_after_another = out.number(r"^one after another: (\d+\.\d+) s$")
    assert 0.6 <= one_after_another < 1.8


@page.claim("Together takes a little more than the longest wait, 0.3 s", BOTH)
def _(out):
    together = out.number(r"^together: (\d+\.\d+) s$")
    assert 0.3 <= together < 0.8


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


@page.claim("returns right after slow.wait(), at about 0.3 s and not 0.4 s", CHECKPOINT)
def _(out):
    assert out.lines[0] == "both children started"
    slow = out.number(r"^slow\.wait\(\) returned after (\d+\.\d+) s$")
    quick = out.number(r"^quick\.wait\(\) returned after (\d+\.\d+) s$")
    assert out.index("slow.wait()") < out.index("quick.wait()")
    assert 0.3 <= slow < 0.7 and quick - slow < 0.05  # not another 0.1 s after slow


test_claims = page.test()
