"""docs/testing.md: unittest.IsolatedAsyncioTestCase, one fresh loop in debug mode per test."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/testing.md")

TESTS = "snippets/testing/test_find_divisibles.py"
CHECKPOINT = "snippets/testing/checkpoint_missing_await.py"

NAMES = (
    "test_a_tiny_search",
    "test_b_the_tiny_search_finishes_first",
    "test_c_each_test_has_a_new_loop_in_debug_mode",
)


@page.claim("All three tests pass", TESTS)
def _(out):
    results = [line for line in out.lines if line.startswith("test_")]
    assert [line.split()[0] for line in results] == list(NAMES)
    assert all(line.endswith(" ... ok") for line in results)
    assert out.lines[-1] == "OK" and out.returncode == 0


@page.claim("each test ran on an event loop of its own", TESTS)
def _(out):
    # test_c asserts that the three loops differ and that its own is in debug mode
    assert any(line.startswith(f"{NAMES[2]} ") and line.endswith(" ... ok") for line in out.lines)


@page.claim("unittest.main prints its report to standard error", TESTS)
def _(out):
    assert len(out.stderr) == len(out.lines)  # every line, the verdicts included
    assert not out.stdout


@page.claim("It passes: the report ends with OK", CHECKPOINT)
def _(out):
    assert out.lines[-1] == "OK" and out.returncode == 0
    assert any(line.startswith("Ran 1 test in ") for line in out.lines)


@page.claim("RuntimeWarning: coroutine 'find_divisibles' was never awaited", CHECKPOINT)
def _(out):
    assert any(
        line.endswith("RuntimeWarning: coroutine 'find_divisibles' was never awaited")
        for line in out.lines
    )


@page.claim("its list of calls ends with the line that made the coroutine", CHECKPOINT)
def _(out):
    created = out.index("Coroutine created at (most recent call last)")
    ours = [
        i for i, line in enumerate(out.lines) if line.strip() == "found = find_divisibles(10, 3)"
    ]
    assert len(ours) == 1 and ours[0] > created
    assert "checkpoint_missing_await.py" in out.lines[ours[0] - 1]
    assert not out.lines[ours[0] + 1].startswith("  File ")  # the last call of the list


test_claims = page.test()
