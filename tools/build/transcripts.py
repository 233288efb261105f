"""The committed transcripts: where they live, what they hold, how a run is held to them.

Next to snippets/<lesson>/<name>.py:

    <name>.out        the transcript, when every supported Python prints the same
    <name>.3.12.out   one per version, when they differ

A transcript is the command a reader types, after `$ `, then everything the script
printed, stdout and stderr interleaved as a terminal shows them.

Two kinds of normalisation, and nothing else (CONTRIBUTING.md explains them):

* scrub: machine-specific text that means nothing to a reader (the repository's path, the
  standard library's path, memory addresses); replaced everywhere, on the page too.
* mask: what honestly varies from run to run (durations, task numbers, line numbers inside
  the standard library); kept on the page, hidden only when two transcripts are compared.
  Lines that appear or not by timing are a fence's own `optional_lines`, never global.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.build.fence import DOCS, ROOT, SNIPPETS, Fence, RunOptions
from tools.build.interpreters import SUPPORTED, Interpreter, version_key


@dataclass(frozen=True)
class Run:
    """One snippet run on one Python: what the runner measured."""

    snippet: str  # path relative to the repository root, with forward slashes
    interpreter: Interpreter
    command: str
    output: str  # scrubbed stdout+stderr, interleaved
    returncode: int | None  # None when killed at the timeout
    seconds: float
    stderr: str | None = None  # scrubbed stderr alone, from a second run (streams="on")

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    @property
    def transcript(self) -> str:
        return compose(self.command, self.output)


def compose(command: str, output: str) -> str:
    return f"$ {command}\n{output}"


def split(transcript: str) -> tuple[str, str]:
    """(command, output) of a transcript's text."""
    first, _, output = transcript.partition("\n")
    return first.removeprefix("$ "), output


# --- where they live -------------------------------------------------------------


def shared_path(snippet: str, root: Path = ROOT) -> Path:
    path = root / snippet
    return path.with_name(f"{path.stem}.out")


def version_path(snippet: str, version: str, root: Path = ROOT) -> Path:
    path = root / snippet
    return path.with_name(f"{path.stem}.{version}.out")


def path_for(snippet: str, version: str, root: Path = ROOT) -> str:
    """The file that holds (or would hold) a version's transcript, relative to root."""
    own = version_path(snippet, version, root)
    path = (
        own
        if own.is_file() or not shared_path(snippet, root).is_file()
        else shared_path(snippet, root)
    )
    return path.relative_to(root).as_posix()


def read(snippet: str, version: str, root: Path = ROOT) -> str | None:
    path = root / path_for(snippet, version, root)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def write(
    snippet: str, produced: dict[str, str], options: RunOptions, root: Path = ROOT
) -> list[Path]:
    """Record transcripts on purpose; return the files that changed.

    `produced` maps a version to the transcript it just printed. Versions that did not run
    keep their own file if they have one; a shared file is no evidence of what they print,
    so a version never run loses it when the others split. A file is only rewritten when
    its masked text changes, so updating twice changes nothing.
    """
    present = {}
    for v in SUPPORTED:
        own = version_path(snippet, v, root)
        if not options.runs_on(v):
            continue
        if v in produced:
            present[v] = produced[v]
        elif own.is_file():
            present[v] = own.read_text(encoding="utf-8")
    changed: list[Path] = []

    def put(path: Path, text: str) -> None:
        if not path.is_file() or mask(path.read_text(encoding="utf-8"), options) != mask(
            text, options
        ):
            path.write_text(text, encoding="utf-8")
            changed.append(path)

    def drop(path: Path) -> None:
        if path.is_file():
            path.unlink()
            changed.append(path)

    newest = max(produced or present, key=version_key, default=None)
    if newest and len({mask(t, options) for t in present.values()}) == 1:
        put(shared_path(snippet, root), present[newest])
        for v in SUPPORTED:
            drop(version_path(snippet, v, root))
    else:
        for v, text in present.items():
            put(version_path(snippet, v, root), text)
        drop(shared_path(snippet, root))
    return changed


# --- normalisation ---------------------------------------------------------------

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


def scrub(text: str, interpreter: Interpreter, root: Path = ROOT) -> str:
    text = text.replace("\r\n", "\n")
    text = text.replace(str(root) + os.sep, "")
    stdlib = interpreter.stdlib.rstrip(os.sep) + os.sep
    text = text.replace(stdlib, f".../lib/python{interpreter.version}/")
    return _ADDRESS.sub("0x...", text)


MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b\d+(?:\.\d+)?(?: ?(?:s|ms|seconds?)\b)"), "<duration>"),
    (re.compile(r"\bTask-\d+\b"), "Task-<n>"),
    (re.compile(r'(File "\.\.\./lib/python3\.\d+/[^"]+", line )\d+'), r"\g<1><n>"),
    (
        re.compile(r"(\.\.\./lib/python3\.\d+/[\w/]+\.py):\d+"),
        r"\g<1>:<n>",
    ),  # debug mode's "created at"
)


def mask(text: str, options: RunOptions | None = None) -> str:
    if options is not None and options.optional_lines:
        optional = re.compile(options.optional_lines)
        text = "".join(line for line in text.splitlines(keepends=True) if not optional.search(line))
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


# --- holding a run to its transcript: exit status and output, separately ------------


def check_exit(run: Run, options: RunOptions) -> list[str]:
    """The run finished, with the exit status its fence expects."""
    who = f"{run.snippet} on Python {run.interpreter.version}"
    if run.timed_out:
        return [
            f'{who} was killed after {options.timeout:g} s: it hangs (or raise timeout="..." on the fence)'
        ]
    expected = options.expected_returncode(run.interpreter.version)
    if run.returncode == expected:
        return []
    if expected:
        return [
            f"{who} exited with {run.returncode}, but its fence says it fails on purpose there "
            f"(exit status {expected}); fix the snippet or the fence's returncode\n{_tail(run.output)}"
        ]
    return [
        f"{who} exited with {run.returncode}:\n{_tail(run.output)}\n"
        f'If it fails on purpose, add returncode="{run.returncode}" to its fence.'
    ]


def check_output(
    run: Run, options: RunOptions, expected: str | None, root: Path = ROOT
) -> list[str]:
    """The run printed its committed transcript, after masking."""
    version = run.interpreter.version
    who = f"{run.snippet} on Python {version}"
    if expected is None:
        return [
            f"{who}: no transcript; run `make update-examples` and commit the .out file it writes"
        ]
    if mask(expected, options) == mask(run.transcript, options):
        return []
    diff = difflib.unified_diff(
        expected.splitlines(),
        run.transcript.splitlines(),
        fromfile=f"{path_for(run.snippet, version, root)} (committed)",
        tofile=f"Python {version} (this run)",
        lineterm="",
    )
    return [
        f"{who}: output differs from the committed transcript:\n"
        + "\n".join(diff)
        + "\nIf the change is intended: `make update-examples`, then review `git diff snippets/`."
    ]


def check(run: Run, options: RunOptions, root: Path = ROOT) -> list[str]:
    """Everything wrong with a run: its exit status first, then its output."""
    return check_exit(run, options) or check_output(
        run, options, read(run.snippet, run.interpreter.version, root), root
    )


def _tail(output: str, lines: int = 15) -> str:
    return "\n".join("    " + line for line in output.rstrip("\n").split("\n")[-lines:])


# --- tree hygiene ----------------------------------------------------------------


def stray_files(fences: Iterable[Fence], root: Path = ROOT) -> list[str]:
    """Messages for files under snippets/ that no page runs, or that belong to nothing."""
    used = {f.snippet for f in fences}
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
        owner = _owner(path, root)
        if owner is None:
            problems.append(
                f"{rel}: not a snippet (.py) or a transcript (.out); move it out of {SNIPPETS}/"
            )
        elif owner not in used:
            problems.append(f"{rel}: transcript of {owner}, which no page runs; delete it")
    return problems


def _owner(path: Path, root: Path) -> str | None:
    if path.suffix != ".out":
        return None
    stem = path.name[: -len(".out")]
    for version in SUPPORTED:
        if stem.endswith("." + version):
            stem = stem[: -len(version) - 1]
            break
    else:
        if re.search(r"\.3\.\d+$", stem):
            return None  # a transcript for a version we do not support
    return path.with_name(stem + ".py").relative_to(root).as_posix()
