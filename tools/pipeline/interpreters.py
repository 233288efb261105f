"""Which Pythons the site teaches, which this build runs, and where to find them.

One policy for the whole project: the build, the tests, `make update-examples`, the
timeline and the maintainer commands all ask `selected()`.

* Supported: every minor version the pages cover. Each may have its own transcripts.
* Selected: what this build runs. All supported versions, unless ASYNCIO_BASICS_PYTHONS
  narrows the set on purpose (the Makefile does, to the versions installable on a
  contributor's machine). A selected version that cannot be found is an error, never a
  silent skip. A narrowed build labels each output with exactly the versions that
  produced it, and `mike deploy` refuses it (tools/publish.py).
"""

from __future__ import annotations

import functools
import glob
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
END_OF_LIFE = {"3.10": "October 2026"}  # still taught and tested while it costs little
SELECT_ENV = "ASYNCIO_BASICS_PYTHONS"


class SelectionError(Exception):
    """A selected Python that is missing or unknown; the message says what to do."""


@dataclass(frozen=True)
class Interpreter:
    version: str  # "3.12"
    executable: str
    full_version: str  # "3.12.1"
    stdlib: str  # absolute path of its standard library


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def requested() -> tuple[str, ...]:
    """The versions this build runs: all supported ones, or those in $ASYNCIO_BASICS_PYTHONS."""
    raw = os.environ.get(SELECT_ENV, "").replace(",", " ").split()
    unknown = [v for v in raw if v not in SUPPORTED]
    if unknown:
        raise SelectionError(
            f"{SELECT_ENV}={os.environ[SELECT_ENV]!r} names {', '.join(unknown)}, which this "
            f"site does not support; choose among {' '.join(SUPPORTED)}"
        )
    return tuple(sorted(set(raw), key=version_key)) if raw else SUPPORTED


def narrowed() -> bool:
    return requested() != SUPPORTED


def selected() -> list[Interpreter]:
    """An interpreter for every requested version, oldest first; SelectionError if one is missing."""
    missing = [v for v in requested() if find(v) is None]
    if missing:
        raise SelectionError(
            f"Python {', '.join(missing)} not found, and the build runs every snippet on every "
            f"selected version ({' '.join(requested())}).\n" + how_to_install(missing)
        )
    return [i for v in requested() if (i := find(v))]


def how_to_install(missing: list[str]) -> str:
    """What to run for each missing version, with the tools people use, or how to narrow."""
    found = [v for v in requested() if v not in missing] or [
        v for v in SUPPORTED if find(v) is not None
    ]
    versions = " ".join(missing)
    return "\n".join(
        [
            "Install it with one of:",
            f"  pyenv install {versions}            (found under ~/.pyenv/versions)",
            f"  uv python install {versions}        (then ASYNCIO_BASICS_PYTHON_{missing[0].replace('.', '_')}=$(uv python find {missing[0]}))",
            f"  sudo apt-get install {' '.join('python' + v for v in missing)}   (Debian/Ubuntu, where packaged)",
            f"  brew install {' '.join('python@' + v for v in missing)}   (macOS)",
            f"or point ASYNCIO_BASICS_PYTHON_{missing[0].replace('.', '_')}=/path/to/python{missing[0]} at one,",
            f'or run the others on purpose: {SELECT_ENV}="{" ".join(found) or SUPPORTED[0]}" make test',
        ]
    )


@functools.cache
def probe(executable: str) -> Interpreter | None:
    code = "import sys, sysconfig; print(sys.version.split()[0]); print(sysconfig.get_paths()['stdlib'])"
    try:
        out = subprocess.run(
            [executable, "-c", code], capture_output=True, text=True, timeout=20, check=True
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None  # e.g. a pyenv shim for a version that is not installed
    full = out[0].strip()
    return Interpreter(".".join(full.split(".")[:2]), executable, full, out[1].strip())


def _candidates(version: str) -> list[str]:
    found = []
    override = os.environ.get(f"ASYNCIO_BASICS_PYTHON_{version.replace('.', '_')}")
    if override:
        found.append(override)
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    versions = glob.glob(os.path.join(pyenv, "versions", f"{version}.*", "bin", f"python{version}"))
    found += sorted(
        versions, key=lambda p: version_key(Path(p).parents[1].name.split("-")[0]), reverse=True
    )
    which = shutil.which(f"python{version}")
    if which:
        found.append(which)
    if sys.version.startswith(version + "."):
        # The interpreter behind our venv, so snippets never see the tooling's packages.
        found.append(getattr(sys, "_base_executable", sys.executable))
    return found


@functools.cache
def find(version: str) -> Interpreter | None:
    """A working interpreter for a minor version, or None."""
    for candidate in _candidates(version):
        interpreter = probe(candidate)
        if interpreter and interpreter.version == version:
            return interpreter
    return None


def current() -> Interpreter:
    interpreter = probe(sys.executable)
    assert interpreter is not None
    return interpreter


def label(versions: list[str]) -> str:
    """ "Python 3.12", or "Python 3.10–3.13" for a run of consecutive supported versions."""
    if len(versions) == 1:
        return f"Python {versions[0]}"
    positions = [SUPPORTED.index(v) for v in versions]
    if positions == list(range(positions[0], positions[-1] + 1)):
        return f"Python {versions[0]}–{versions[-1]}"
    return "Python " + ", ".join(versions)
