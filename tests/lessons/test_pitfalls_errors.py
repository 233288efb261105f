"""docs/pitfalls-errors.md: an error thrown away, the same error shown, and finally blocks."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/pitfalls-errors.md")

SWALLOWED = "snippets/pitfalls-errors/swallowed.py"
UNSWALLOWED = "snippets/pitfalls-errors/unswallowed.py"
CLEANUP = "snippets/pitfalls-errors/cleanup.py"
CHECKPOINT = "snippets/pitfalls-errors/checkpoint_leftover.py"

BIG, TINY, BY_ZERO = "508000 / 34113", "500 / 3", "100052 / 0"


def finding(label: str) -> str:
    inrange, div_by = label.split(" / ")
    return f"finding numbers below {inrange} divisible by {div_by}"


def message(version: str) -> str:
    """What `x % 0` says: it changed in 3.11, and again in 3.14."""
    if version == "3.10":
        return "integer division or modulo by zero"
    return "integer modulo by zero" if version in ("3.11", "3.12", "3.13") else "division by zero"


def cut(out) -> list[str]:
    """The lines with their durations cut off."""
    return [line.split(" after ")[0] for line in out.lines]


def frames(out) -> list[tuple[str, str]]:
    return [
        (line.strip(), out.lines[i + 1].strip())
        for i, line in enumerate(out.lines)
        if line.strip().startswith('File "')
    ]


# --- Swallowing errors ---------------------------------------------------------------------


@page.claim(
    "Three searches start, the tiny one finishes, and then the program ends with exit status 0",
    SWALLOWED,
)
def _(out):
    assert cut(out) == [finding(BIG), finding(BY_ZERO), finding(TINY), f"done with {TINY}"]
    assert out.returncode == 0


@page.claim("The found ... line of main never appears, and nothing says why", SWALLOWED)
def _(out):
    assert not out.starting("found")
    assert not [
        line for line in out.lines if "Error" in line or "Traceback" in line or "Warning" in line
    ]


@page.claim("The medium search raised a ZeroDivisionError at once", CLEANUP)
def _(out):
    # At i = 0, before its first pause: the cleanup script's finally block says where.
    assert out.index(f"{BY_ZERO} stops at 0") == out.index(finding(BY_ZERO)) + 1


@page.claim("Nor did the large search finish, again without a word", SWALLOWED, CLEANUP)
def _(out, cleanup):
    assert not out.starting(f"done with {BIG}")
    assert not [line for line in out.lines if "Cancelled" in line]
    # The same searches with a `finally` that reports: the large one stops after main ends.
    assert cleanup.index("main is finished") < cleanup.index(f"{BIG} stops at")


@page.claim("the program says what went wrong, and where", UNSWALLOWED, SWALLOWED)
def _(shown, swallowed):
    assert cut(shown)[:4] == cut(swallowed)  # the same run, up to the traceback
    assert shown.lines[4] == "Traceback (most recent call last):"


@page.claim(
    "The traceback goes to standard error and ends at line 10, if i % div_by == 0:, with the "
    "ZeroDivisionError; the exit status is 1",
    UNSWALLOWED,
)
def _(out):
    start = out.index("Traceback (most recent call last):")
    assert out.stderr == out.lines[start:]
    assert frames(out)[-1] == (
        f'File "{UNSWALLOWED}", line 10, in find_divisibles',
        "if i % div_by == 0:",
    )
    assert out.lines[-1].startswith("ZeroDivisionError: ")
    assert out.returncode == 1


# --- Cleaning up -------------------------------------------------------------------------------


@page.claim("Each search reports where it stopped", CLEANUP)
def _(out):
    assert [line for line in cut(out) if " stops at " in line] == [
        f"  {BY_ZERO} stops at 0", f"  {TINY} stops at 499", f"  {BIG} stops at 150000",
    ]  # fmt: skip


@page.claim("the finally block runs while the ZeroDivisionError passes through it", CLEANUP)
def _(out):
    assert out.index(f"{BY_ZERO} stops at 0") < out.index("a search failed: ZeroDivisionError")


@page.claim("the tiny search ends normally, then prints its done line", CLEANUP)
def _(out):
    assert out.index(f"done with {TINY}") == out.index(f"{TINY} stops at 499") + 1


@page.claim("asyncio.gather raised the first error in main", CLEANUP)
def _(out):
    assert out.starting("a search failed:") == [
        f"a search failed: ZeroDivisionError('{message(out.version)}')"
    ]


@page.claim("so the large search is still running when main finishes", CLEANUP)
def _(out):
    assert not out.starting(f"done with {BIG}")
    assert out.index("main is finished") < out.index(f"{BIG} stops at")


@page.claim("508000 / 34113 stops at 150000 comes after main is finished", CLEANUP)
def _(out):
    assert out.index(f"{BIG} stops at 150000") == out.index("main is finished") + 1


@page.claim("Only then did asyncio.run return", CLEANUP)
def _(out):
    assert out.lines[-2:] == [f"  {BIG} stops at 150000", "asyncio.run has returned"]


# --- Checkpoint ------------------------------------------------------------------------------


@page.claim(
    "The main coroutine returns while the worker still sleeps; asyncio.run then cancels the worker, "
    "whose finally block prints before asyncio.run returns",
    CHECKPOINT,
)
def _(out):
    assert out.lines == [
        "main returns; worker done: False",
        "worker cleans up",
        "asyncio.run has returned",
    ]


# --- The lines the page names by number (the source, not the output) --------------------------


def test_the_lines_the_page_names(line_number) -> None:
    assert line_number(SWALLOWED, "find_divisibles(100052, 0),") == 22
    assert line_number(SWALLOWED, "except Exception:") == 31
    assert line_number(UNSWALLOWED, "if i % div_by == 0:") == 10


def test_without_the_try_is_the_only_change(change) -> None:
    changed = change(SWALLOWED, UNSWALLOWED)
    assert sorted(changed.removed) == [29, 30, 31, 32] and sorted(changed.added) == [29]


test_claims = page.test()
