"""docs/limiting-concurrency.md: a semaphore bounds the requests in flight, and who goes next."""

from tests.lessons.claims import Page

page = Page("docs/limiting-concurrency.md")
SEMAPHORE = "snippets/limiting-concurrency/semaphore.py"
WHO = "snippets/limiting-concurrency/who_waits.py"
CHECKPOINT = "snippets/limiting-concurrency/checkpoint_limit.py"


def events(out):
    """["A starts", "B starts", ...] in order, and {event: seconds}."""
    found = out.findall(r"^(\d+\.\d+) s: (\w+ (?:starts|ends))$")
    assert len(found) == len(out.lines)
    return [m[2] for m in found], {m[2]: float(m[1]) for m in found}


@page.claim("Without a limit, all 20 requests are in flight at once", SEMAPHORE)
def _(out):
    assert out.number(r"^no limit: at most (\d+) in flight") == 20
    assert 0.1 <= out.number(r"^no limit: .*, (\d+\.\d+) s$") < 0.25


@page.claim("never more than 5 are in flight, and the batch takes about 0.4 s", SEMAPHORE)
def _(out):
    assert out.number(r"^Semaphore\(5\): at most (\d+) in flight") == 5
    limited = out.number(r"^Semaphore\(5\): .*, (\d+\.\d+) s$")
    assert 0.4 <= limited < 0.6
    assert limited > 3 * out.number(r"^no limit: .*, (\d+\.\d+) s$")


@page.claim("A and B start at once", WHO)
def _(out):
    order, at = events(out)
    assert order[:2] == ["A starts", "B starts"]
    assert at["B starts"] - at["A starts"] < 0.06


@page.claim("When B ends, after 0.1 s, C takes its permit; when C ends, D takes it", WHO)
def _(out):
    order, at = events(out)
    assert order[2:6] == ["B ends", "C starts", "C ends", "D starts"]
    assert 0.1 <= at["B ends"] < 0.2
    assert at["C starts"] - at["B ends"] < 0.06 and at["D starts"] - at["C ends"] < 0.06


@page.claim("A runs for its whole 0.5 s in the meantime", WHO)
def _(out):
    order, at = events(out)
    assert order.index("D starts") < order.index("A ends")
    assert 0.5 <= at["A ends"] < 0.6


@page.claim("the batch ends at about 0.6 s, when D ends", WHO)
def _(out):
    order, at = events(out)
    assert order[-1] == "D ends"
    assert 0.6 <= at["D ends"] < 0.8


@page.claim("B starts only after A ends, and the total is about 0.3 s", CHECKPOINT)
def _(out):
    assert out.lines[:4] == ["A starts", "A ends", "B starts", "B ends"]
    assert 0.3 <= out.number(r"^total: (\d+\.\d+) s$") < 0.45


test_claims = page.test()
