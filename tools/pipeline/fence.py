"""A page's exec fences, parsed once: which snippet, how to run it, how to show it.

A page includes a snippet with an exec fence in markdown-exec's own syntax:

    ```python exec="on" returncode="1"
    --8<-- "snippets/pitfalls-await/await_in_def.py"
    ```

`scan` turns a page into `Fence`s, and everything else (the build, the executor, the
timeline, downloads, the tests, the maintainer commands) works from those objects. The
fence's body stays the include line: the formatter reads the snippet's path there and
finds its Fence by that path (one fence per snippet).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tools.pipeline.interpreters import SUPPORTED, version_key

ROOT = Path(__file__).resolve().parents[2]
DOCS = "docs"
SNIPPETS = "snippets"
EXERCISES = "exercises"
DEFAULT_TIMEOUT = 30.0

_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<ticks>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<attrs>.*)$"
)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')
_LIST_ITEM = re.compile(r"^(\d+)\.[ \t]")
_ANSWER = re.compile(r'^\?\?\?\+?[ \t]+\w+[ \t]+"Answer"[ \t]*$')

RUN_OPTIONS = {"exec", "returncode", "args", "env", "timeout", "min_python", "max_python",
               "streams", "optional_lines"}  # fmt: skip
DISPLAY_OPTIONS = {"title", "source", "hl_lines", "linenums", "id", "timeline", "checkpoint",
                   "no_browser", "browser_optional_lines"}  # fmt: skip
OPTIONS = RUN_OPTIONS | DISPLAY_OPTIONS


class FenceError(Exception):
    """A fence the build cannot run; the message names the page and line, and the fix."""


def truthy(value: str) -> bool:
    return value.lower() not in {"", "no", "off", "false", "0"}


@dataclass(frozen=True)
class RunOptions:
    """What decides a snippet's output and how it is compared: one transcript per set."""

    returncode: int = 0
    # Exit statuses that change from a version on: returncode="0, 1 from 3.14" gives ((3.14, 1),)
    returncode_from: tuple[tuple[str, int], ...] = ()
    args: tuple[str, ...] = ()  # interpreter options, e.g. ("-X", "dev")
    env: tuple[tuple[str, str], ...] = ()  # extra environment, shown in the command
    timeout: float = DEFAULT_TIMEOUT
    min_python: str = SUPPORTED[0]
    max_python: str = SUPPORTED[-1]
    streams: bool = False  # also record which lines went to stderr (a second run)
    optional_lines: str = ""  # regex: lines that honestly appear or not, by timing

    def command(self, snippet: str) -> str:
        """The command line a reader types, as shown on the page and in the transcript."""
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env)
        return " ".join(p for p in (env, "python", *self.args, snippet) if p)

    def expected_returncode(self, version: str) -> int:
        code = self.returncode
        for since, changed in self.returncode_from:
            if version_key(version) >= version_key(since):
                code = changed
        return code

    def runs_on(self, version: str) -> bool:
        return version_key(self.min_python) <= version_key(version) <= version_key(self.max_python)


@dataclass(frozen=True)
class Fence:
    """One exec fence on one page."""

    page: str  # "docs/suspension.md"
    line: int  # 1-based line of its --8<-- include
    snippet: str  # "snippets/suspension/sleep_zero.py"
    run: RunOptions
    display: dict[str, str] = field(default_factory=dict, compare=False)  # title, hl_lines, ...
    timeline: bool = False
    checkpoint: bool = False
    no_browser: str = ""  # why it cannot run in the reader's browser, or ""
    # A regex: lines that only the slower WebAssembly build prints (a step that crosses debug
    # mode's 100 ms there); ignored when an engine's run is compared, never recorded.
    browser_optional_lines: str = ""
    annotations: str = ""  # the `1.  ...` list after the fence, if the snippet has (1)! marks
    # Lines of the page (0-based, end exclusive) of the annotation list the hooks move.
    annotation_span: tuple[int, int] | None = None
    answer_line: int | None = None  # the `??? success "Answer"` line of a checkpoint

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def title(self) -> str:
        return self.display.get("title") or self.snippet

    @property
    def site_path(self) -> str:
        """Where the built site serves this fence's page: site_path(...) of it."""
        return site_path(self.page.removeprefix(f"{DOCS}/"))


def site_path(source: str) -> str:
    """Where MkDocs serves a page of docs/, from the site's root, with directory URLs:
    "queues.md" -> "queues/", "notebook.ipynb" -> "notebook/", "index.md" -> ""."""
    stem = source.rsplit(".", 1)[0]
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def parse_run_options(attrs: dict[str, str], where: str) -> RunOptions:
    env = []
    for item in shlex.split(attrs.get("env", "")):
        name, sep, value = item.partition("=")
        if not sep:
            raise FenceError(f'{where}: env="{attrs["env"]}" must be NAME=value pairs')
        env.append((name, value))
    limits = {}
    for name, default in (("min_python", SUPPORTED[0]), ("max_python", SUPPORTED[-1])):
        limits[name] = attrs.get(name, default)
        if limits[name] not in SUPPORTED:
            raise FenceError(
                f"{where}: {name}={limits[name]!r} is not one of {', '.join(SUPPORTED)}"
            )
    optional = attrs.get("optional_lines", "")
    base, *changes = [part.strip() for part in attrs.get("returncode", "0").split(",")]
    returncode_from = []
    for change in changes:
        code, _, since = change.partition(" from ")
        if since not in SUPPORTED or not code.strip().lstrip("-").isdigit():
            raise FenceError(
                f'{where}: returncode="{attrs["returncode"]}": write the exit status, then any change '
                f'as "<status> from <version>", e.g. returncode="0, 1 from 3.14"'
            )
        returncode_from.append((since, int(code)))
    try:
        re.compile(optional)
        return RunOptions(
            returncode=int(base),
            returncode_from=tuple(sorted(returncode_from, key=lambda c: version_key(c[0]))),
            args=tuple(shlex.split(attrs.get("args", ""))),
            env=tuple(env),
            timeout=float(attrs.get("timeout", DEFAULT_TIMEOUT)),
            streams=truthy(attrs.get("streams", "")),
            optional_lines=optional,
            **limits,
        )
    except (ValueError, re.error) as error:
        raise FenceError(f"{where}: bad exec fence option: {error}") from None


def include_path(body: str) -> str | None:
    """The snippet that an exec fence's body (`--8<-- "snippets/..."`) names, or None."""
    lines = [line for line in body.split("\n") if line.strip()]
    match = _INCLUDE.match(lines[0]) if len(lines) == 1 else None
    return match["path"] if match else None


def scan(text: str, page: str, root: Path = ROOT) -> list[Fence]:
    """The exec fences of a page, in order; FenceError for one the build cannot run."""
    return list(_scan(text.split("\n"), page, root))


def _scan(lines: list[str], page: str, root: Path) -> Iterator[Fence]:
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        start, ticks = i, match["ticks"]
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(ticks):
            end += 1
        i = end + 1
        lang = match["lang"].lower()
        attrs = dict(_ATTR.findall(match["attrs"]))
        where = f"{page}:{start + 1}"
        if not truthy(attrs.get("exec", "")):
            shown = include_path("\n".join(lines[start + 1 : end])) or ""
            if shown.startswith(EXERCISES + "/"):
                continue  # an exercise's code, shown as it is (tools/pipeline/exercise.py)
            if lang in {"python", "py"}:
                raise FenceError(
                    f'{where}: a python code block must be a snippet: ```python exec="on"``` '
                    f'with --8<-- "snippets/<lesson>/<name>.py" as its only line'
                )
            continue
        if lang not in {"python", "py"}:
            raise FenceError(f"{where}: only python fences run here, not {lang!r}")
        body = [line for line in lines[start + 1 : end] if line.strip()]
        include = _INCLUDE.match(body[0]) if len(body) == 1 else None
        if not include:
            raise FenceError(
                f'{where}: an exec fence must hold exactly one line, --8<-- "snippets/<lesson>/<name>.py"'
            )
        snippet = include["path"]
        where = f"{page}:{start + 2}"
        unknown = sorted(set(attrs) - OPTIONS)
        if unknown:
            raise FenceError(
                f"{where}: unknown exec fence option(s) {', '.join(unknown)}; known: {', '.join(sorted(OPTIONS))}"
            )
        if not (snippet.startswith(SNIPPETS + "/") and snippet.endswith(".py")):
            raise FenceError(f"{where}: {snippet!r} is not a .py file under {SNIPPETS}/")
        if not (root / snippet).is_file():
            raise FenceError(
                f"{where}: snippet {snippet} does not exist; create it or fix the path"
            )
        try:
            re.compile(attrs.get("browser_optional_lines", ""))
        except re.error as error:
            raise FenceError(f"{where}: bad browser_optional_lines: {error}") from None
        annotations, annotation_span = _annotation_list(lines, i)
        checkpoint = truthy(attrs.get("checkpoint", ""))
        answer = _answer_line(lines, i) if checkpoint else None
        if checkpoint and answer is None:
            raise FenceError(
                f'{where}: checkpoint="on" needs a collapsed answer after the question: '
                '`??? success "Answer"`, its text indented by four spaces'
            )
        yield Fence(
            page=page,
            line=start + 2,
            snippet=snippet,
            run=parse_run_options(attrs, where),
            display={
                k: v
                for k, v in attrs.items()
                if k in {"title", "source", "hl_lines", "linenums", "id"}
            },
            timeline=truthy(attrs.get("timeline", "")),
            checkpoint=checkpoint,
            no_browser=attrs.get("no_browser", ""),
            browser_optional_lines=attrs.get("browser_optional_lines", ""),
            annotations=annotations,
            annotation_span=annotation_span,
            answer_line=answer,
        )


def _annotation_list(lines: list[str], i: int) -> tuple[str, tuple[int, int] | None]:
    """The ordered list that directly follows a fence (after blank lines), with its span."""
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or not _LIST_ITEM.match(lines[j]):
        return "", None
    end = j
    while end < len(lines):
        line = lines[end]
        if _LIST_ITEM.match(line) or line.startswith(("    ", "\t")):
            end += 1
        elif (
            not line.strip()
            and end + 1 < len(lines)
            and (_LIST_ITEM.match(lines[end + 1]) or lines[end + 1].startswith(("    ", "\t")))
        ):
            end += 1
        else:
            break
    return "\n".join(lines[j:end]) + "\n\n", (j, end)


def _answer_line(lines: list[str], i: int) -> int | None:
    """The `??? success "Answer"` line within a few paragraphs after a checkpoint fence."""
    for j in range(i, min(i + 12, len(lines))):
        if _ANSWER.match(lines[j]):
            return j
        if _OPEN.match(lines[j]) or lines[j].startswith("#"):
            return None
    return None


def annotation_numbers(annotations: str) -> list[int]:
    return [int(m[1]) for m in map(_LIST_ITEM.match, annotations.split("\n")) if m]


def find_all(root: Path = ROOT) -> list[Fence]:
    """Every exec fence in docs/, in page order. FenceError on the first bad one."""
    fences = []
    for page in sorted((root / DOCS).rglob("*.md")):
        fences += scan(page.read_text(encoding="utf-8"), page.relative_to(root).as_posix(), root)
    first: dict[str, Fence] = {}
    for fence in fences:
        seen = first.setdefault(fence.snippet, fence)
        if seen is not fence:
            raise FenceError(
                f"{fence.where}: {fence.snippet} is already included at {seen.where}; a snippet "
                "has one fence (one run, one transcript, one place on the site): copy the "
                "snippet to show it again or to run it another way"
            )
    return fences


def named(fences: list[Fence], wanted: list[str]) -> list[Fence]:
    """The fences of the `wanted` snippets, all of them when none is named; FenceError names
    a snippet that no page runs (a typo would otherwise record nothing, silently)."""
    if not wanted:
        return fences
    found = by_snippet(fences)
    unknown = [snippet for snippet in wanted if snippet not in found]
    if unknown:
        raise FenceError(
            f"no page runs {', '.join(unknown)}: name snippets as the fences include them, "
            "snippets/<lesson>/<name>.py"
        )
    return [found[snippet] for snippet in dict.fromkeys(wanted)]


def by_snippet(fences: list[Fence]) -> dict[str, Fence]:
    """Each snippet's fence (find_all allows one per snippet)."""
    found: dict[str, Fence] = {}
    for fence in fences:
        found.setdefault(fence.snippet, fence)
    return found
