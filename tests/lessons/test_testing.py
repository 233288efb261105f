"""docs/testing.md: unittest.IsolatedAsyncioTestCase, one fresh loop in debug mode per test."""

from __future__ import annotations

from tests.lessons.claims import Page

page = Page("docs/testing.md")

TESTS = "snippets/testing/test_find_divisibles.py"
CHECKPOINT = "snippets/testing/checkpoint_failing_test.py"

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


@page.claim("No: FAILED (failures=1), and the script exits with status 1", CHECKPOINT)
def _(out):
    assert out.lines[-1] == "FAILED (failures=1)"
    assert out.returncode == 1


@page.claim("The labels are noted in the order the waits end, ['fast', 'slow']", CHECKPOINT)
def _(out):
    assert "AssertionError: Lists differ: ['fast', 'slow'] != ['slow', 'fast']" in out.lines


test_claims = page.test()
