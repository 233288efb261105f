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
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.pipeline.fence import DOCS, ROOT, SNIPPETS, Fence, RunOptions
from tools.pipeline.interpreters import SUPPORTED, Interpreter, version_key


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

    def to_record(self) -> dict:
        """A run's one JSON form: the cache stores it, the build's run record lists it, and
        the tests read it back with `from_record`."""
        return {
            "snippet": self.snippet,
            "version": self.interpreter.version,
            "python": self.interpreter.full_version,
            "command": self.command,
            "output": self.output,
            "stderr": self.stderr,
            "returncode": self.returncode,
            "seconds": self.seconds,
        }

    @classmethod
    def from_record(cls, data: dict, interpreter: Interpreter | None = None) -> Run:
        """A run from `to_record`'s form, on `interpreter` (default: the one it names)."""
        if interpreter is None:
            interpreter = Interpreter(data["version"], "", data["python"], "")
        return cls(
            data["snippet"], interpreter, data["command"], data["output"],
            data["returncode"], data["seconds"], data["stderr"],
        )  # fmt: skip

    @property
    def recording(self) -> Recording:
        return Recording(
            self.transcript, NATIVE, self.interpreter.full_version, self.stderr, self.returncode
        )


NATIVE = "CPython"  # a native interpreter; a WebAssembly build names itself ("Pyodide 314.0.7")


@dataclass(frozen=True)
class Recording:
    """A run offered to `write` as the truth for its version, and who printed it."""

    transcript: str
    engine: str  # NATIVE, or the WebAssembly build that printed it
    python: str  # the patch release, "3.14.2"
    stderr: str | None = None  # stderr alone, with streams="on"
    returncode: int | None = None  # its exit status


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
    snippet: str, produced: dict[str, Recording], options: RunOptions, root: Path = ROOT
) -> list[Path]:
    """Record transcripts on purpose; return the files that changed.

    `produced` maps a version to what it just printed. Versions that did not run keep what
    the provenance record says they printed: their own file, or the shared file where the
    record lists them. A shared file that the record does not list a version for is no
    evidence of what it prints, so that version loses it when the others split. A file is only
    rewritten when its masked text changes, so updating twice changes nothing. Who printed each
    file, for each version, is written to the provenance record (PROVENANCE) at the same time.
    """
    record = provenance(root)
    present: dict[str, Recording] = dict(produced)
    kept: dict[str, dict] = {}  # versions that did not run: what the record said of them
    shared = shared_path(snippet, root)
    for v in SUPPORTED:
        own = version_path(snippet, v, root)
        if not options.runs_on(v) or v in produced:
            continue
        for path in (own, shared):
            entry = record.get(_rel(path, root), {}).get(v)
            if path.is_file() and (entry or path == own):
                present[v] = recorded(path.read_text(encoding="utf-8"), entry)
                kept[v] = entry or {}
                break
    changed: list[Path] = []

    def put(path: Path, text: str) -> None:
        # Durations and task numbers alone never rewrite a file; a line more or less does,
        # optional or not, so that the file holds the lines its run printed.
        if not path.is_file() or mask(path.read_text(encoding="utf-8")) != mask(text):
            path.write_text(text, encoding="utf-8")
            changed.append(path)

    def drop(path: Path) -> None:
        if path.is_file():
            path.unlink()
            changed.append(path)

    newest = max(produced or present, key=version_key, default=None)
    if newest and len({mask(r.transcript, options) for r in present.values()}) == 1:
        put(shared, present[newest].transcript)
        for v in SUPPORTED:
            drop(version_path(snippet, v, root))
    else:
        for v in SUPPORTED:
            if v in present:
                put(version_path(snippet, v, root), present[v].transcript)
            else:  # a version that no longer runs it, or that nothing recorded
                drop(version_path(snippet, v, root))
        drop(shared)

    for path in [shared] + [version_path(snippet, v, root) for v in SUPPORTED]:
        record.pop(_rel(path, root), None)
    for v, recording in present.items():
        if v in kept and not kept[v]:
            continue  # kept a file that nothing recorded: `unrecorded` names it
        path = root / path_for(snippet, v, root)
        entry = _printer(recording, path.read_text(encoding="utf-8"), options)
        record.setdefault(_rel(path, root), {})[v] = entry
    _save_provenance(record, root)
    return changed


# --- provenance: which Python printed each committed file ------------------------

PROVENANCE = f"{SNIPPETS}/transcripts.json"


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def provenance(root: Path = ROOT) -> dict[str, dict[str, dict]]:
    """{transcript file: {version: {"engine", "python"[, "stderr"]}}}, as recorded."""
    path = root / PROVENANCE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _save_provenance(record: dict, root: Path) -> None:
    """One line per transcript file, versions in order, so that a review reads one line per
    change and recording in another order changes nothing."""
    lines = [
        f"{json.dumps(file)}: {json.dumps(dict(sorted(by_version.items(), key=lambda v: version_key(v[0]))))}"
        for file, by_version in sorted(record.items())
        if by_version
    ]
    (root / PROVENANCE).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def printer(snippet: str, version: str, root: Path = ROOT) -> dict | None:
    """Who printed the transcript that holds `version`'s output of `snippet`, if recorded."""
    return provenance(root).get(path_for(snippet, version, root), {}).get(version)


def _printer(recording: Recording, committed: str, options: RunOptions) -> dict:
    entry = {"engine": recording.engine, "python": recording.python}
    if recording.returncode is not None:
        entry["returncode"] = recording.returncode
    if options.streams and recording.stderr is not None:
        lines = stderr_lines(committed, recording.stderr, options)
        if lines is not None:  # else no record of streams: a claim on them says so
            entry["stderr"] = lines
    return entry


def recorded(committed: str, entry: dict | None) -> Recording:
    """A committed transcript with what the provenance record says of it (streams as text)."""
    entry = entry or {}
    lines = committed.splitlines()
    stderr = "".join(lines[n - 1] + "\n" for n in entry["stderr"]) if "stderr" in entry else None
    return Recording(
        committed, entry.get("engine", ""), entry.get("python", ""), stderr, entry.get("returncode")
    )


def stderr_lines(
    transcript: str, stderr: str, options: RunOptions | None = None
) -> list[int] | None:
    """The transcript's line numbers (1-based, the command is line 1) that went to stderr, or
    None when the stderr-only run printed a line the transcript lacks.

    Lines are matched in order, masked, so a transcript recorded on another run (other
    durations) still finds its lines. A line the fence declares optional (it appears or not
    by timing) may be in one run and not the other: it is left out of the matching."""
    optional = re.compile(options.optional_lines) if options and options.optional_lines else None

    def required(line: str) -> bool:
        return not (optional and optional.search(line))

    rest = [mask(line) for line in stderr.splitlines() if required(line)]
    found = []
    for number, line in enumerate(transcript.splitlines()[1:], 2):
        if rest and required(line) and mask(line) == rest[0]:
            rest.pop(0)
            found.append(number)
    return None if rest else found


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


def without_lines(text: str, pattern: str) -> str:
    """`text` without the lines that match `pattern` (none when it is empty)."""
    if not pattern:
        return text
    found = re.compile(pattern)
    return "".join(line for line in text.splitlines(keepends=True) if not found.search(line))


def mask(text: str, options: RunOptions | None = None) -> str:
    if options is not None:
        text = without_lines(text, options.optional_lines)
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
    return [
        f"{who}: output differs from the committed transcript:\n"
        + diff(expected, run.transcript, path_for(run.snippet, version, root), f"Python {version}")
        + "\nIf the change is intended: `make update-examples`, then review `git diff snippets/`."
    ]


def diff(expected: str, got: str, committed: str, this_run: str) -> str:
    """A unified diff of a committed transcript (its file) against a run (who printed it)."""
    lines = difflib.unified_diff(
        expected.splitlines(), got.splitlines(),
        fromfile=f"{committed} (committed)", tofile=f"{this_run} (this run)", lineterm="",
    )  # fmt: skip
    return "\n".join(lines)


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
        if path.is_dir() or "__pycache__" in path.parts or path == root / PROVENANCE:
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


def forget_removed(fences: Iterable[Fence], root: Path = ROOT) -> None:
    """Drop the records of transcript files that are gone, or whose snippet no page runs."""
    runs = {f.snippet for f in fences}
    record = provenance(root)
    kept = {
        file: versions
        for file, versions in record.items()
        if (root / file).is_file() and _owner(root / file, root) in runs
    }
    if kept != record:
        _save_provenance(kept, root)


def unrecorded(fences: Iterable[Fence], root: Path = ROOT) -> list[str]:
    """Messages for transcripts whose printer is not recorded, or records that point nowhere.

    A version's own file (<name>.3.14.out) must have been printed by that version; nothing
    else may write one (a judged or copied file is refused). A shared file needs no record:
    the build checks it on every version it runs, and GitHub's native jobs on the rest."""
    runs = {f.snippet: f.run for f in fences}
    record = provenance(root)
    problems = []
    for line, (file, versions) in enumerate(sorted(record.items()), 2):  # one line per file
        snippet = _owner(root / file, root)
        for version in versions:
            if snippet not in runs or not runs[snippet].runs_on(version):
                problems.append(
                    f"{PROVENANCE}:{line}: {file} for Python {version}: no such run; "
                    "`make update-examples` rewrites the record"
                )
            elif path_for(snippet, version, root) != file:
                problems.append(
                    f"{PROVENANCE}:{line}: {file} does not hold Python {version}'s output; "
                    "`make update-examples` rewrites the record"
                )
    for snippet, options in runs.items():
        for version in SUPPORTED:
            own = version_path(snippet, version, root)
            if not own.is_file() or version in record.get(_rel(own, root), {}):
                continue
            if not options.runs_on(version):
                problems.append(
                    f"{_rel(own, root)}:1: its fence does not run {snippet} on Python {version}; delete it"
                )
            else:
                problems.append(
                    f"{_rel(own, root)}:1: nothing recorded that Python {version} printed it; "
                    f"record it with `make update-examples` (native {version}) or, for 3.14 and "
                    "3.15 here, `make update-browser-examples`; a snippet neither can run keeps "
                    "a shared .out that GitHub's native job checks"
                )
    return problems


def untranscribed(fences: Iterable[Fence], version: str, root: Path = ROOT) -> list[Fence]:
    """The fences whose snippet runs on `version` and has no transcript for it yet."""
    return [f for f in fences if f.run.runs_on(version) and read(f.snippet, version, root) is None]
