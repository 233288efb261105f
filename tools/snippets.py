"""Where snippets are used, where their transcripts live, and what is out of place.

The pages are the single source of truth for how a snippet is run: an exec fence

    ```python exec="on" returncode="1"
    --8<-- "snippets/pitfalls/await_outside_async.py"
    ```

says which script, and with which options. The build and the tests both read the
pages through `find_usages`, so they can never disagree.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.runner import ROOT, SUPPORTED_PYTHONS, Run, RunOptions, mask, version_key

DOCS = "docs"
SNIPPETS = "snippets"

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<attrs>.*)$")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')

# Options our exec fences understand. Anything else is a typo that would be ignored.
FENCE_OPTIONS = {
    "exec", "returncode", "args", "env", "timeout", "min_python", "max_python",  # how to run it
    "title", "source", "hl_lines", "linenums", "id",  # how to show it
    "timeline",  # draw which task held the event loop when (tools/timeline.py)
    "no_browser",  # why the in-browser runner cannot run it (tools/playground.py); not a run option
}  # fmt: skip


class ProjectError(Exception):
    """A problem a contributor must fix; the message says where and what to do."""


@dataclass(frozen=True)
class Usage:
    """One exec fence on one page."""

    page: str  # "docs/synchronous-baseline.md"
    line: int  # line of the --8<-- include, 1-based
    snippet: str  # "snippets/synchronous-baseline/find_divisibles.py"
    options: RunOptions
    no_browser: str = ""  # shown instead of a Run button; never part of the run or its transcript

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def _truthy(value: str) -> bool:
    return value.lower() not in {"", "no", "off", "false", "0"}


def parse_options(attrs: dict[str, str], where: str) -> RunOptions:
    unknown = sorted(set(attrs) - FENCE_OPTIONS)
    if unknown:
        known = ", ".join(sorted(FENCE_OPTIONS))
        raise ProjectError(f"{where}: unknown exec fence option(s) {', '.join(unknown)}; known: {known}")
    env = []
    for item in shlex.split(attrs.get("env", "")):
        name, sep, value = item.partition("=")
        if not sep:
            raise ProjectError(f'{where}: env="{attrs["env"]}" must be NAME=value pairs')
        env.append((name, value))
    min_python = attrs.get("min_python", SUPPORTED_PYTHONS[0])
    max_python = attrs.get("max_python", SUPPORTED_PYTHONS[-1])
    for name, value in (("min_python", min_python), ("max_python", max_python)):
        if value not in SUPPORTED_PYTHONS:
            raise ProjectError(f"{where}: {name}={value!r} is not one of {', '.join(SUPPORTED_PYTHONS)}")
    try:
        return RunOptions(
            returncode=int(attrs.get("returncode", "0")),
            args=tuple(shlex.split(attrs.get("args", ""))),
            env=tuple(env),
            timeout=float(attrs.get("timeout", RunOptions.timeout)),
            min_python=min_python,
            max_python=max_python,
        )
    except ValueError as error:
        raise ProjectError(f"{where}: bad exec fence option: {error}") from None


def scan_page(text: str, page: str, root: Path = ROOT) -> Iterator[Usage]:
    """Yield the exec fences of a page; raise ProjectError for a fence we cannot run."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        start, fence = i, match["fence"]
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        body = [line for line in lines[start + 1 : end] if line.strip()]
        i = end + 1
        lang = match["lang"].lower()
        attrs = dict(_ATTR.findall(match["attrs"]))
        where = f"{page}:{start + 1}"
        if not _truthy(attrs.get("exec", "")):
            if lang in {"python", "py"}:
                raise ProjectError(
                    f'{where}: a python code block must be a snippet: ```python exec="on"``` '
                    f'with --8<-- "snippets/<lesson>/<name>.py" as its only line'
                )
            continue
        if lang not in {"python", "py"}:
            raise ProjectError(f"{where}: only python fences run here, not {lang!r}")
        include = _INCLUDE.match(body[0]) if len(body) == 1 else None
        if not include:
            raise ProjectError(
                f'{where}: an exec fence must hold exactly one line, --8<-- "snippets/<lesson>/<name>.py"'
            )
        snippet = include["path"]
        where = f"{page}:{start + 2}"
        if not (snippet.startswith(SNIPPETS + "/") and snippet.endswith(".py")):
            raise ProjectError(f"{where}: {snippet!r} is not a .py file under {SNIPPETS}/")
        if not (root / snippet).is_file():
            raise ProjectError(f"{where}: snippet {snippet} does not exist; create it or fix the path")
        yield Usage(page, start + 2, snippet, parse_options(attrs, where), attrs.get("no_browser", ""))


def find_usages(root: Path = ROOT) -> list[Usage]:
    """Every exec fence in docs/, in page order. Raises ProjectError on the first bad one."""
    usages = []
    for page in sorted((root / DOCS).rglob("*.md")):
        rel = page.relative_to(root).as_posix()
        usages += scan_page(page.read_text(encoding="utf-8"), rel, root)
    seen: dict[str, Usage] = {}
    for usage in usages:
        first = seen.setdefault(usage.snippet, usage)
        if first.options != usage.options:
            raise ProjectError(
                f"{usage.where}: {usage.snippet} is run with other options at {first.where}; "
                "one snippet has one transcript, so copy the snippet to run it another way"
            )
    return usages


def all_snippets(root: Path = ROOT) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / SNIPPETS).rglob("*.py"))


# --- transcripts -----------------------------------------------------------------
# Next to snippets/<lesson>/<name>.py:
#   <name>.out          the transcript, when every Python version prints the same
#   <name>.3.12.out     one per version, when they differ


def shared_transcript(snippet: str, root: Path = ROOT) -> Path:
    path = root / snippet
    return path.with_name(f"{path.stem}.out")


def version_transcript(snippet: str, version: str, root: Path = ROOT) -> Path:
    path = root / snippet
    return path.with_name(f"{path.stem}.{version}.out")


def transcript_path(snippet: str, version: str, root: Path = ROOT) -> str:
    """The file that holds (or would hold) a version's transcript, relative to root."""
    own = version_transcript(snippet, version, root)
    path = own if own.is_file() or not shared_transcript(snippet, root).is_file() else shared_transcript(snippet, root)
    return path.relative_to(root).as_posix()


def expected_transcript(snippet: str, version: str, root: Path = ROOT) -> str | None:
    path = root / transcript_path(snippet, version, root)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def write_transcripts(snippet: str, produced: dict[str, str], options: RunOptions, root: Path = ROOT) -> list[Path]:
    """Record transcripts on purpose; return the files that changed.

    `produced` maps a version to the transcript it just printed. Versions that did not
    run keep what was recorded for them. A file is only rewritten when its masked text
    changes, so running the update twice changes nothing.
    """
    present = {}
    for v in SUPPORTED_PYTHONS:
        own = version_transcript(snippet, v, root)
        if not options.runs_on(v):
            continue
        if v in produced:
            present[v] = produced[v]
        elif own.is_file():  # recorded on its own earlier; a shared file is no evidence
            present[v] = own.read_text(encoding="utf-8")
    changed: list[Path] = []

    def put(path: Path, text: str) -> None:
        if not path.is_file() or mask(path.read_text(encoding="utf-8")) != mask(text):
            path.write_text(text, encoding="utf-8")
            changed.append(path)

    def drop(path: Path) -> None:
        if path.is_file():
            path.unlink()
            changed.append(path)

    newest = max(present, key=version_key, default=None)
    if newest and len({mask(t) for t in present.values()}) == 1:
        old = shared_transcript(snippet, root)
        put(old, produced.get(newest) or present[newest])
        for v in SUPPORTED_PYTHONS:
            drop(version_transcript(snippet, v, root))
    else:
        for v, text in present.items():
            put(version_transcript(snippet, v, root), text)
        drop(shared_transcript(snippet, root))
    return changed


# --- checks -------------------------------------------------------------------


def check_run(run: Run, options: RunOptions, expected: str | None) -> list[str]:
    """What is wrong with one run; an empty list when it matches its transcript."""
    version = run.interpreter.version
    who = f"{run.snippet} on Python {version}"
    if run.timed_out:
        return [f"{who} was killed after {options.timeout:g} s: it hangs (or raise timeout=\"...\" on the fence)"]
    problems = []
    if run.returncode != options.returncode:
        if options.returncode:
            problems.append(
                f"{who} exited with {run.returncode}, but its fence says it fails on purpose "
                f'(returncode="{options.returncode}"); fix the snippet or the fence\n{_tail(run.output)}'
            )
        else:
            problems.append(
                f"{who} exited with {run.returncode}:\n{_tail(run.output)}\n"
                f'If it fails on purpose, add returncode="{run.returncode}" to its fence.'
            )
    if expected is None:
        problems.append(f"{who}: no transcript; run `make update-examples` and commit the .out file it writes")
    elif mask(expected) != mask(run.transcript):
        diff = difflib.unified_diff(
            expected.splitlines(),
            run.transcript.splitlines(),
            fromfile=f"{transcript_path(run.snippet, version)} (committed)",
            tofile=f"Python {version} (this run)",
            lineterm="",
        )
        problems.append(
            f"{who}: output differs from the committed transcript:\n"
            + "\n".join(diff)
            + "\nIf the change is intended: `make update-examples`, then review `git diff snippets/`."
        )
    return problems


def _tail(output: str, lines: int = 15) -> str:
    return "\n".join("    " + line for line in output.rstrip("\n").split("\n")[-lines:])


# --- tree hygiene ----------------------------------------------------------------


def stray_files(usages: Iterable[Usage], root: Path = ROOT) -> list[str]:
    """Messages for files under snippets/ that no page runs, or that belong to nothing."""
    used = {u.snippet: u for u in usages}
    problems = []
    for path in sorted((root / SNIPPETS).rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".py":
            if rel not in used:
                problems.append(
                    f'{rel}:1: orphan snippet: no page runs it; add ```python exec="on"``` '
                    f'with --8<-- "{rel}" to a page in {DOCS}/, or delete it'
                )
            continue
        owner = _transcript_owner(path, root)
        if owner is None:
            problems.append(f"{rel}: not a snippet (.py) or a transcript (.out); move it out of {SNIPPETS}/")
        elif owner not in used:
            problems.append(f"{rel}: transcript of {owner}, which no page runs; delete it")
    return problems


def _transcript_owner(path: Path, root: Path) -> str | None:
    if path.suffix != ".out":
        return None
    stem = path.name[: -len(".out")]
    for version in SUPPORTED_PYTHONS:
        if stem.endswith("." + version):
            stem = stem[: -len(version) - 1]
            break
    else:
        if re.search(r"\.3\.\d+$", stem):
            return None  # a transcript for a version we do not support
    return path.with_name(stem + ".py").relative_to(root).as_posix()
