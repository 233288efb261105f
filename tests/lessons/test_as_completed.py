"""docs/as-completed.md: as_completed yields results in the order the tasks finish."""

from __future__ import annotations

from tests.lessons.claims import ROOT, Page
from tools.pipeline.interpreters import version_key

page = Page("docs/as-completed.md")

AS_COMPLETED = "snippets/as-completed/as_completed.py"
ASYNC_FOR = "snippets/as-completed/async_for_tasks.py"
CHECKPOINT = "snippets/as-completed/checkpoint_arrival_order.py"

GOT = {"167": "tiny", "32": "medium", "15": "large"}
DONE = {"500 / 3": "tiny", "100052 / 3210": "medium", "508000 / 34113": "large"}


def has_async_for(out) -> bool:
    return version_key(out.version) >= (3, 13)


@page.claim(
    "main prints the tiny and the medium searches' numbers before the large search is done",
    AS_COMPLETED,
)
def _(out):
    large_done = out.index("done with 508000 / 34113")
    assert out.index("main got 167 numbers, the last is 498") < large_done
    assert out.index("main got 32 numbers, the last is 99510") < large_done


@page.claim(
    "the main got lines come in the order the searches finished: tiny, medium, large",
    AS_COMPLETED,
)
def _(out):
    got = [GOT[line.split()[2]] for line in out.starting("main got")]
    finished = [
        DONE[line.removeprefix("done with ").split(" after")[0]]
        for line in out.starting("done with")
    ]
    assert got == finished == ["tiny", "medium", "large"]


@page.claim("the reverse of the order of the list", AS_COMPLETED)
def _(out):
    source = (ROOT / AS_COMPLETED).read_text(encoding="utf-8")
    order = [
        source.index(f"find_divisibles({size})")
        for size in ("508000, 34113", "100052, 3210", "500, 3")
    ]
    assert order == sorted(order)  # the list holds large, medium, tiny
    assert [GOT[line.split()[2]] for line in out.starting("main got")] == [
        "tiny",
        "medium",
        "large",
    ]


@page.claim("On 3.13 and later the names come in the order tiny, medium, large", ASYNC_FOR)
def _(out):
    names = [
        line.split()[0] for line in out.lines if line.endswith(" numbers") and line.startswith("  ")
    ]
    assert names == (["tiny", "medium", "large"] if has_async_for(out) else [])


@page.claim("every task the loop gives is one of the tasks created above", ASYNC_FOR)
def _(out):
    if has_async_for(out):
        assert (
            out.starting("one of the tasks created above:")
            == ["one of the tasks created above: True"] * 3
        )


@page.claim(
    "stops the script with TypeError: 'async for' requires an object with __aiter__ method, got generator",
    ASYNC_FOR,
)
def _(out):
    if has_async_for(out):
        assert "TypeError" not in out.text
    else:
        assert (
            out.lines[-1]
            == "TypeError: 'async for' requires an object with __aiter__ method, got generator"
        )
        assert not out.starting("done with")  # it stops before any search has run


@page.claim("it exits with status 1", ASYNC_FOR)
def _(out):
    assert out.returncode == (0 if has_async_for(out) else 1)


@page.claim("fast, medium, slow, after about 0.1, 0.2 and 0.3 s", CHECKPOINT)
def _(out):
    assert [line.split()[0] for line in out.lines] == ["fast", "medium", "slow"]
    seconds = [out.number(rf"^{label} after (\d\.\d) s$") for label in ("fast", "medium", "slow")]
    assert seconds[0] < seconds[1] < seconds[2] < 0.6, seconds


@page.claim("the last line comes after 0.3 s, the longest wait", CHECKPOINT)
def _(out):
    assert 0.3 <= out.number(r"^slow after (\d\.\d) s$") < 0.6


test_claims = page.test()
