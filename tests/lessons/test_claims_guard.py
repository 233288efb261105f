"""The claims themselves can fail: for each kind of claim, a false sentence and a false output.

Each case is one claim checked by `claims.verify` against a page and an output made here,
so this runs without a build. Every case first passes as written, then goes red twice:
with the sentence changed on the page, and with the output changed under it; both
messages name the page, the line of the sentence and the claim.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.lessons.claims import Claim, ClaimFailed, Output, normalise, verify

SOURCE = "# A lesson\n\nSome prose.\n\n{sentence}\n\nMore prose.\n"


def _out(text: str, returncode: int = 0, seconds: float = 0.2, stderr: str | None = None) -> Output:
    return Output("snippets/x/y.py", "3.12", text, returncode, seconds, stderr)


def _order(out):
    assert out.index("done with tiny") < out.index("done with large")


def _count(out):
    assert len(out.starting("pause")) == 3


def _value(out):
    assert out.find(r"^\[0, 3, 6\]$")


def _exit(out):
    assert out.returncode == 1


def _stream(out):
    assert out.stderr == ["Task was destroyed but it is pending!"]


def _timing(out):
    assert out.number(r"together: (\d+\.\d+) s") < 0.7 * out.number(
        r"one after another: (\d+\.\d+) s"
    )


CASES = {
    # kind: (sentence, check, true output, false output)
    "order": (
        "the tiny task finishes before the large one",
        _order,
        _out("done with tiny\ndone with large\n"),
        _out("done with large\ndone with tiny\n"),
    ),
    "count": (
        "it pauses three times",
        _count,
        _out("pause\npause\npause\n"),
        _out("pause\npause\n"),
    ),
    "value": ("it prints the list [0, 3, 6]", _value, _out("[0, 3, 6]\n"), _out("[0, 3, 9]\n")),
    "exit status": ("the script exits with status 1", _exit, _out("boom\n", 1), _out("boom\n", 0)),
    "stream": (
        "the warning goes to standard error",
        _stream,
        _out(
            "hi\nTask was destroyed but it is pending!\n",
            stderr="Task was destroyed but it is pending!\n",
        ),
        _out("hi\nTask was destroyed but it is pending!\n", stderr=""),
    ),
    "timing": (
        "together takes about as long as the longest child",
        _timing,
        _out("one after another: 0.61 s\ntogether: 0.31 s\n"),
        _out("one after another: 0.61 s\ntogether: 0.58 s\n"),
    ),
}


@pytest.mark.parametrize("kind", CASES)
def test_a_claim_holds_then_fails_when_its_sentence_or_its_output_changes(kind: str) -> None:
    sentence, check, good, bad = CASES[kind]
    claim = Claim("docs/lesson.md", sentence, ("snippets/x/y.py",), check)
    source = SOURCE.format(sentence=f"So {sentence}.")
    page = normalise(f"A lesson Some prose. So {sentence}. More prose.")
    verify(claim, page, source, [good])  # as written: holds

    with pytest.raises(ClaimFailed) as wrong_output:
        verify(claim, page, source, [bad])
    assert str(wrong_output.value).startswith(
        f"docs/lesson.md:5: claim “{sentence}” does not hold on Python 3.12"
    )

    edited = replace(
        claim, text=sentence.replace("the", "no", 1) if "the" in sentence else sentence + " twice"
    )
    with pytest.raises(ClaimFailed) as wrong_sentence:
        verify(edited, page, source, [good])
    assert "is not on the built page" in str(wrong_sentence.value)
    assert str(wrong_sentence.value).startswith("docs/lesson.md:")


def test_a_stream_claim_without_streams_on_says_what_to_add() -> None:
    claim = Claim(
        "docs/lesson.md", "the warning goes to standard error", ("snippets/x/y.py",), _stream
    )
    source = SOURCE.format(sentence="The warning goes to standard error.")
    with pytest.raises(ClaimFailed, match='add streams="on" to its fence'):
        verify(claim, "the warning goes to standard error", source, [_out("x\n")])


def test_markup_in_the_source_does_not_hide_the_line() -> None:
    from tests.lessons.claims import source_line

    source = "# T\n\nIntro.\n\nThe `done` line of the *tiny* task comes\nfirst, see [here](x.md).\n"
    assert source_line(source, "The done line of the tiny task comes first, see here") == 5


def test_every_page_of_the_site_has_its_claims_module() -> None:
    """A page without a claims module would say things about output that nothing checks."""
    import importlib.util

    from tools.pipeline.fence import DOCS, ROOT

    missing = []
    for path in sorted((ROOT / DOCS).glob("*.md")) + sorted((ROOT / DOCS).glob("*.ipynb")):
        module = ROOT / "tests" / "lessons" / f"test_{path.stem.replace('-', '_')}.py"
        if not module.is_file():
            missing.append(f"{path.relative_to(ROOT)}: no claims module {module.relative_to(ROOT)}")
            continue
        spec = importlib.util.spec_from_file_location(f"claims_of_{path.stem}", module)
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        page = getattr(loaded, "page", None)
        if (
            page is None
            or page.path != path.relative_to(ROOT).as_posix()
            or not hasattr(loaded, "test_claims")
        ):
            missing.append(
                f"{module.relative_to(ROOT)}: needs `page = Page({path.relative_to(ROOT).as_posix()!r})` and `test_claims = page.test()`"
            )
    assert not missing, "\n".join(missing) + "\nSee CONTRIBUTING.md, Claims."


def test_a_version_this_machine_cannot_run_is_claimed_on_its_committed_transcript() -> None:
    """3.14's output of a snippet, from its transcript: text, the fence's exit status, streams."""
    from tools.pipeline import fence, transcripts

    snippet = "snippets/original-program/no_wait.py"
    options = fence.by_snippet(fence.find_all())[snippet].run
    out = Output.from_transcript(snippet, "3.14", options)
    _, expected = transcripts.split(transcripts.read(snippet, "3.14"))
    assert out.text == expected and out.returncode == 1 and out.seconds is None
    assert out.stderr == out.lines  # the whole traceback went to stderr, as the engine recorded
    printer = transcripts.printer(snippet, "3.14")  # Pyodide here; CPython once GitHub records it
    assert out.source == (
        f"snippets/original-program/no_wait.3.14.out, printed by {printer['engine']} "
        f"(Python {printer['python']})"
    )
    claim = Claim("docs/p.md", "every search finishes", (snippet,), _exit)
    verify(claim, "every search finishes", SOURCE.format(sentence="every search finishes"), [out])
    false = Claim("docs/p.md", "every search finishes", (snippet,), lambda o: _count(o))
    with pytest.raises(
        ClaimFailed,
        match=r"(?s)does not hold on Python 3\.14: .*no_wait\.3\.14\.out, printed by ",
    ):
        verify(
            false, "every search finishes", SOURCE.format(sentence="every search finishes"), [out]
        )


def test_a_page_without_claims_says_why_and_runs_no_script() -> None:
    from tests.lessons.claims import Page

    Page("docs/index.md", makes_no_claims="it runs no script").test()()
    with pytest.raises(AssertionError, match=r"docs/index.md: no claims; write them"):
        Page("docs/index.md").test()()
    with pytest.raises(
        AssertionError, match=r"docs/coroutines.md runs snippets/coroutines/.* but makes no claim"
    ):
        Page("docs/coroutines.md", makes_no_claims="an overview").test()()


def test_every_lesson_ends_with_a_checkpoint() -> None:
    """CONTRIBUTING.md: each lesson (every page but the home page and the notebook) ends with
    a question whose answer is a script's output."""
    from tools.pipeline import fence
    from tools.pipeline.fence import DOCS, ROOT

    missing = []
    for path in sorted((ROOT / DOCS).glob("*.md")):
        if path.name == "index.md":
            continue
        page = path.relative_to(ROOT).as_posix()
        fences = fence.scan(path.read_text(encoding="utf-8"), page)
        sections = [
            line for line in path.read_text(encoding="utf-8").split("\n") if line.startswith("## ")
        ]
        if sections[-1:] != ["## Checkpoint"] or not fences or not fences[-1].checkpoint:
            missing.append(
                f'{page}:1: a lesson ends with `## Checkpoint` and a checkpoint="on" fence '
                "(CONTRIBUTING.md, Checkpoints)"
            )
    assert not missing, "\n".join(missing)


MAIN_PATH_WORDS_PER_PAGE = 1000  # a lesson a beginner reads in one sitting
MAIN_PATH_WORDS = 11000  # the whole path before the Reference part: a course one finishes


def test_the_main_path_is_short_enough_to_finish() -> None:
    """Every page before the nav's Reference part: at most 1,000 words of prose (code,
    outputs, scripts and exercises not counted), so a beginner finishes it in one sitting; and at
    most 11,000 for the whole path."""
    from tests.test_metadata import _config, _nav_pages
    from tools.pipeline.fence import DOCS, ROOT

    main_path = [item for item in _config()["nav"] if "Reference" not in item]
    too_long, total = [], 0
    for page in _nav_pages(main_path):
        if not page.endswith(".md"):
            continue
        text = (ROOT / DOCS / page).read_text(encoding="utf-8")
        # Exercises are practice, not the lesson: their sections are not counted.
        text = re.sub(r"^## Exercise\b.*?(?=^## )", "", text, flags=re.M | re.S)
        words = len(re.sub(r"^```.*?^```", "", text, flags=re.M | re.S).split())
        total += words
        if words > MAIN_PATH_WORDS_PER_PAGE:
            too_long.append(
                f"{DOCS}/{page}:1: {words} words of prose, more than {MAIN_PATH_WORDS_PER_PAGE}: "
                "split the page, or move what only some readers need to the Reference part"
            )
    if total > MAIN_PATH_WORDS:
        too_long.append(
            f"mkdocs.yml:1: the main path has {total} words of prose, more than {MAIN_PATH_WORDS}: "
            "say it in fewer words, or move what only some readers need to the Reference part"
        )
    assert not too_long, "\n".join(too_long)
