"""Claims: every sentence a page says about output, bound to its text, checked against the build.

A lesson's claims module (`tests/lessons/test_<page>.py`) lists, for each sentence (or table
cell, or list item) of `docs/<page>.md` that says what a program printed or did, the exact
text a reader sees and a check:

    page = Page("docs/suspension.md")

    @page.claim("the medium and the tiny task finish before the large one", EVERY_500000)
    def _(out):
        assert out.index("done with 100052 / 3210") < out.index("done with 508000 / 34113")

    test_claims = page.test()  # last line: one test per claim and Python version

Each test (a) finds the text on the page as the suite's build rendered it, so editing the
sentence fails the claim until it is revisited, and (b) runs the check once per supported
Python version: on the output of that build's own run where the build ran the version, and
otherwise on the version's committed transcript (which the build, GitHub's native job or the
WebAssembly engines in tests/test_playground.py hold to a real run of that version). So a
sentence never contradicts any committed transcript, 3.14's and 3.15's included, even where
this machine cannot install them. A failure names the page, the line of the sentence, the
claim and the version, and shows the output.
"""

from __future__ import annotations

import difflib
import html
import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tools.pipeline import fence, interpreters, transcripts

ROOT = fence.ROOT
KERNEL = "the notebook's kernel"
# find_divisibles' three searches, each started and finished before the next (times cut off):
# the order of the synchronous baseline, which several pages compare with.
IN_TURN = [
    "finding numbers below 508000 divisible by 34113",
    "done with 508000 / 34113",
    "finding numbers below 100052 divisible by 3210",
    "done with 100052 / 3210",
    "finding numbers below 500 divisible by 3",
    "done with 500 / 3",
]


class ClaimFailed(Exception):
    """A claim whose text is not on its page, or whose check fails; the message says where."""


@dataclass(frozen=True)
class Output:
    """One snippet's output on one Python: this build's run, or the committed transcript."""

    snippet: str
    version: str
    text: str  # what the page shows under the command: stdout and stderr interleaved
    returncode: int | None
    seconds: float | None  # None: from a transcript, which records no time
    stderr_text: str | None = None  # only with streams="on" on the fence
    source: str = "this build's run"  # where the output comes from, for failure messages

    @property
    def lines(self) -> list[str]:
        return self.text.rstrip("\n").split("\n") if self.text else []

    @property
    def steps(self) -> list[str]:
        """The lines without their measured times (" after 12.3 ms")."""
        return [line.split(" after ")[0] for line in self.lines]

    @property
    def stderr(self) -> list[str]:
        if self.stderr_text is None:
            raise AssertionError(
                f'{self.snippet}: add streams="on" to its fence to claim what goes to stderr'
                f" (and record its transcripts again: {self.source} has no streams)"
            )
        return self.stderr_text.rstrip("\n").split("\n") if self.stderr_text else []

    @property
    def stdout(self) -> list[str]:
        """The lines that did not go to stderr, in order (needs streams="on"). The stderr
        lines come from a second run, so they are matched with durations masked."""
        rest = [transcripts.mask(line) for line in self.stderr]
        out = []
        for line in self.lines:
            if rest and transcripts.mask(line) == rest[0]:
                rest.pop(0)
            else:
                out.append(line)
        return out

    def index(self, line: str) -> int:
        """Position of the line that starts with `line`, which must appear exactly once."""
        found = [i for i, text in enumerate(self.lines) if text.strip().startswith(line)]
        assert len(found) == 1, f"expected one line starting {line!r}, found {len(found)}"
        return found[0]

    def starting(self, prefix: str) -> list[str]:
        return [line.strip() for line in self.lines if line.strip().startswith(prefix)]

    def find(self, pattern: str) -> re.Match[str]:
        match = re.search(pattern, self.text, re.M)
        assert match, f"no match for {pattern!r}"
        return match

    def findall(self, pattern: str) -> list[re.Match[str]]:
        return list(re.finditer(pattern, self.text, re.M))

    def number(self, pattern: str) -> float:
        found = self.findall(pattern)
        assert len(found) == 1, f"expected {pattern!r} to match once, it matched {len(found)} times"
        return float(found[0][1])

    @classmethod
    def from_transcript(cls, snippet: str, version: str, options: fence.RunOptions) -> Output:
        """The committed transcript of a version this build did not run, with the exit status
        that the run which printed it recorded (snippets/transcripts.json)."""
        file = transcripts.path_for(snippet, version)
        text = transcripts.read(snippet, version)
        assert text is not None, f"{file}: no transcript for Python {version}"
        _, output = transcripts.split(text)
        printer = transcripts.printer(snippet, version) or {}
        said = transcripts.recorded(text, printer)
        returncode = (
            options.expected_returncode(version) if said.returncode is None else said.returncode
        )
        by = f", printed by {printer['engine']} (Python {printer['python']})" if printer else ""
        return cls(snippet, version, output, returncode, None, said.stderr, source=f"{file}{by}")

    @classmethod
    def from_record(cls, record: dict) -> Output:
        """This build's run, from the build's run record (transcripts.Run.to_record)."""
        run = transcripts.Run.from_record(record)
        return cls(
            run.snippet,
            run.interpreter.version,
            run.output,
            run.returncode,
            run.seconds,
            run.stderr,
        )


@dataclass
class Claim:
    page: str
    text: str
    snippets: tuple[str, ...]
    check: Callable[..., None]
    versions: tuple[str, ...] | None = None
    cell: str | None = None  # a notebook page's claim is about a code cell's outputs

    @property
    def label(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:57] + "..."


@dataclass
class Page:
    path: str  # "docs/suspension.md"
    # Why a page makes no claim about output (it runs no script); checked, not skipped.
    makes_no_claims: str = ""
    claims: list[Claim] = field(default_factory=list)

    def claim(
        self,
        text: str,
        *snippets: str,
        versions: tuple[str, ...] | None = None,
        cell: str | None = None,
    ):
        """Register a check of `text`; it gets one Output per snippet (or the notebook cell's)."""

        def register(check: Callable[..., None]) -> Callable[..., None]:
            self.claims.append(Claim(self.path, text, snippets, check, versions, cell))
            return check

        return register

    def cases(self) -> list:
        fences = _fences()
        cases = []
        for claim in self.claims:
            if claim.cell is not None:  # the notebook runs once, on the build's own kernel
                cases.append(pytest.param(claim, KERNEL, id=f"{claim.label}-cell {claim.cell}"))
                continue
            for snippet in claim.snippets:
                assert snippet in fences, (
                    f"{self.path}: claim {claim.label!r} names {snippet}, which no page runs"
                )
            for version in interpreters.SUPPORTED:
                if claim.versions is not None and version not in claim.versions:
                    continue
                if not all(fences[s].run.runs_on(version) for s in claim.snippets):
                    continue
                case = f"{claim.label}-py{version}"
                missing = [s for s in claim.snippets if transcripts.read(s, version) is None]
                if version not in interpreters.requested() and missing:
                    why = f"no Python {version} transcript of {', '.join(missing)} yet: GitHub's native job records it"
                    cases.append(
                        pytest.param(claim, version, id=case, marks=pytest.mark.skip(reason=why))
                    )
                else:
                    cases.append(pytest.param(claim, version, id=case))
        return cases

    def test(self):
        page = self
        if not self.claims:
            return self._no_claims_test()

        @pytest.mark.parametrize(("claim", "version"), self.cases())
        def test_claims(site_build, claim: Claim, version: str) -> None:
            outputs = []
            if claim.cell is not None:
                outputs.append(cell_output(site_build.site, page.path, claim.cell))
            usages = _fences()
            for snippet in claim.snippets:
                run = site_build.runs(snippet).get(version)
                if run is not None:  # this build ran the version: its own run
                    outputs.append(Output.from_record(run))
                else:  # a version this machine cannot run natively: its committed transcript
                    outputs.append(Output.from_transcript(snippet, version, usages[snippet].run))
            failure = None
            try:
                verify(claim, page_text(site_build.site, page.path), source(page.path), outputs)
            except ClaimFailed as error:
                failure = str(error)
            if failure:
                pytest.fail(failure, pytrace=False)

        return test_claims

    def _no_claims_test(self):
        page = self

        def test_claims() -> None:
            """A page without claims says why, and runs no script whose output it could describe."""
            runs = [f.snippet for f in fence.find_all() if f.page == page.path]
            assert page.makes_no_claims, (
                f"{page.path}: no claims; write them (CONTRIBUTING.md, Claims), or say why the page "
                'makes none: Page("{page.path}", makes_no_claims="it runs no script")'
            )
            assert not runs, (
                f"{page.path} runs {', '.join(runs)} but makes no claim about its output: "
                "write a claim for each sentence that says what it printed or did"
            )

        return test_claims


@cache
def _fences() -> dict[str, fence.Fence]:
    return fence.by_snippet(fence.find_all())


def verify(claim: Claim, text_on_page: str, page_source: str, outputs: list[Output]) -> None:
    """Raise ClaimFailed unless the claim's text is on the page and its check holds."""
    wanted = normalise(claim.text)
    if claim.page.endswith(".ipynb"):  # a notebook has cells, not lines: name the cell
        where = f"{claim.page} (Markdown cell {markdown_cell_of(claim.page, claim.text)!r})"
    else:
        line = source_line(page_source, claim.text)
        where = f"{claim.page}:{line or earlier_line(claim.page, claim.text, page_source)}"
    if wanted not in text_on_page:
        raise ClaimFailed(
            f"{where}: claim “{claim.text}” is not on the built page (the line is where it "
            "was in the last commit, or the closest match). If you edited the "
            f"sentence, revisit its claim in tests/lessons/test_{Path(claim.page).stem.replace('-', '_')}.py: "
            "the text must read as the page does, and the check must still say the same."
        )
    try:
        claim.check(*outputs)
    except Exception as error:  # an assert, or a check that cannot even read the output
        shown = "\n\n".join(
            f"{o.snippet} on Python {o.version} ({o.source}, exit status {o.returncode}"
            + (f", {o.seconds:.2f} s" if o.seconds is not None else "")
            + "):\n"
            + "\n".join("    " + line for line in o.lines)
            for o in outputs
        )
        versions = sorted({o.version for o in outputs} - {KERNEL})
        on = f" on Python {', '.join(versions)}" if versions else " in the notebook's kernel"
        reason = (
            str(error) if isinstance(error, AssertionError) else f"{type(error).__name__}: {error}"
        )
        raise ClaimFailed(
            f"{where}: claim “{claim.text}” does not hold{on}: {reason}\n{shown}"
        ) from None


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def source_line(page_source: str, text: str) -> int | None:
    """The line of the page's Markdown where the claim's text starts, markup ignored."""
    words = normalise(text).split(" ")
    # What Markdown shows differently from its source: links, code and emphasis marks.
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", page_source)
    plain = re.sub(r"`|\*", "", plain)
    flat, starts = "", []
    for number, line in enumerate(plain.split("\n"), 1):
        starts.append((len(flat), number))
        flat += normalise(line) + " "
    position = flat.find(" ".join(words))
    if position < 0:
        return None
    return max(n for offset, n in starts if offset <= position)


def earlier_line(page: str, text: str, page_source: str) -> int:
    """Where the claim's text was in the last commit's page, or the closest line now."""
    try:
        committed = subprocess.run(
            ["git", "show", f"HEAD:{page}"], cwd=ROOT, capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        committed = ""
    return source_line(committed, text) or closest_line(page_source, text)


def closest_line(page_source: str, text: str) -> int:
    """The line of the page's Markdown most like the claim's text: where it probably was."""
    wanted = normalise(text).lower()
    best, best_line = 0.0, 1
    lines = page_source.split("\n")
    for number in range(1, len(lines) + 1):
        window = normalise(" ".join(lines[number - 1 : number + 2])).lower()
        matcher = difflib.SequenceMatcher(None, wanted, window, autojunk=False)
        score = sum(block.size for block in matcher.get_matching_blocks()) / max(len(wanted), 1)
        if score > best:
            best, best_line = score, number
    return best_line


class _Text(HTMLParser):
    """The readable text of a built page's article, without code blocks' markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script>, <style>, <svg> text we do not read

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article":
            self.depth += 1
        if tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in {"script", "style"}:
            self.skip -= 1
        if tag in {"p", "li", "td", "th", "h1", "h2", "h3", "summary", "div", "pre"}:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


@cache
def page_text(site: Path, page: str) -> str:
    rel = Path(page).relative_to("docs").with_suffix("")
    built = site / ("" if rel.name == "index" else rel) / "index.html"
    parser = _Text()
    parser.feed(built.read_text(encoding="utf-8"))
    text = normalise(html.unescape("".join(parser.parts)))
    return text.replace("¶", "")


@cache
def source(page: str) -> str:
    """The page's Markdown; for a notebook, its Markdown cells, one after another."""
    text = (ROOT / page).read_text(encoding="utf-8")
    if page.endswith(".ipynb"):
        cells = json.loads(text)["cells"]
        text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return text


def markdown_cell_of(page: str, text: str) -> str:
    """The id of the notebook's Markdown cell that holds the text (or is most like it)."""
    cells = [
        c
        for c in json.loads((ROOT / page).read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "markdown"
    ]
    for c in cells:
        if source_line("".join(c["source"]), text):
            return c.get("id", "?")
    return max(cells, key=lambda c: closest_score("".join(c["source"]), text)).get("id", "?")


def closest_score(page_source: str, text: str) -> float:
    wanted = set(normalise(text).lower().split())
    return len(wanted & set(normalise(page_source).lower().split())) / max(len(wanted), 1)


def cell_output(site: Path, page: str, cell: str) -> Output:
    """A notebook code cell's outputs on the built page, joined as one text."""
    built = (site / Path(page).relative_to("docs").with_suffix("") / "index.html").read_text(
        encoding="utf-8"
    )
    start = built.find(f'id="cell-id={cell}"')
    assert start >= 0, f"{page}: no cell {cell!r} on the built page: did nbconvert's markup change?"
    end = built.find('id="cell-id=', start + 1)
    _, _, outputs = built[start : end if end > 0 else len(built)].partition("jp-Cell-outputWrapper")
    pres = re.findall(r"<pre>(.*?)</pre>", outputs, flags=re.S)
    text = "".join(html.unescape(re.sub(r"<[^>]+>", "", p)).strip("\n") + "\n" for p in pres)
    return Output(f"{page} cell {cell}", KERNEL, text, 0, 0.0)
