"""Reproducible builds: two builds of the same commit give the same site.

Dates: MkDocs takes the sitemap's <lastmod> and the timestamp inside sitemap.xml.gz from
SOURCE_DATE_EPOCH when it is set. The build hook sets it to the last commit's date (unless
the caller set it already), so these no longer depend on the day the site was built.

Snippet outputs: a page shows what its snippets printed in this build, including the
durations they measured, which honestly change from run to run. `compare_sites` therefore
compares text files after runner.mask (the same masking that compares a run with its
committed transcript), and every other file byte for byte. Lines that a fence declares
optional (`optional_lines`: they appear or not by timing) are left out of both sides, in each
form a site carries them: escaped in pages, raw in llms-full.txt, inside the search index's JSON
strings. A difference anywhere else is a reproducibility bug.

    python -m tools.reproducible SITE_A SITE_B   # exit 1 and list the differences
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tools.build import fence
from tools.build.fence import ROOT
from tools.build.timeline import mask_pictures
from tools.build.transcripts import mask

# Files that can carry snippet output as text (pages, search index, llms.txt, sitemap).
TEXT_SUFFIXES = {".html", ".json", ".txt", ".xml", ".md"}


def set_source_date_epoch(root: Path = ROOT) -> str | None:
    """Set SOURCE_DATE_EPOCH to the last commit's time, unless already set; return it."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        try:
            out = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""  # no git (a source archive): MkDocs uses today's date
        if out.isdigit():
            os.environ["SOURCE_DATE_EPOCH"] = out
    return os.environ.get("SOURCE_DATE_EPOCH")


def _optional_patterns() -> list[re.Pattern[str]]:
    """The fences' optional_lines: output lines that appear or not, by timing, in any build."""
    try:
        return [
            re.compile(p) for p in sorted({f.run.optional_lines for f in fence.find_all()} - {""})
        ]
    except fence.FenceError:
        return []


def _is_optional(line: str, patterns: list[re.Pattern[str]]) -> bool:
    # The same output line reaches the site raw (llms-full.txt is Markdown, where
    # "<Task ...>" is text) and as HTML ("&lt;Task" inside tags): try both readings.
    readings = (line.strip(), html.unescape(re.sub(r"<[^>]+>", "", line)).strip())
    return any(p.search(text) for p in patterns for text in readings)


def _drop_lines(text: str, patterns: list[re.Pattern[str]]) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(line for line in lines if not _is_optional(line, patterns))


def _without_optional(text: str, suffix: str, patterns: list[re.Pattern[str]]) -> str:
    """`text` without the optional output lines; in JSON (the search index is one line),
    the lines inside each string value."""
    if not patterns:
        return text
    if suffix != ".json":
        return _drop_lines(text, patterns)
    try:
        data = json.loads(text)
    except ValueError:
        return _drop_lines(text, patterns)

    def walk(value):
        if isinstance(value, str):
            return _drop_lines(value, patterns)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    return json.dumps(walk(data), ensure_ascii=False, indent=0)


def compare_sites(
    a: Path, b: Path, optional: list[re.Pattern[str]] | None = None
) -> tuple[list[str], list[str]]:
    """(differences, files that differ only in masked values) between two built sites.

    `optional`: the output lines left out of both sides; by default the fences'."""
    patterns = _optional_patterns() if optional is None else optional
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    problems = [f"{rel}: only in {a}" for rel in sorted(files_a - files_b)]
    problems += [f"{rel}: only in {b}" for rel in sorted(files_b - files_a)]
    masked_only = []
    for rel in sorted(files_a & files_b):
        data_a, data_b = (a / rel).read_bytes(), (b / rel).read_bytes()
        if data_a == data_b:
            continue
        if Path(rel).suffix in TEXT_SUFFIXES:
            # Timeline pictures are drawn to the scale of a real run's times: masked too.
            suffix = Path(rel).suffix
            text_a, text_b = (
                mask(
                    _without_optional(
                        mask_pictures(data.decode("utf-8", "replace")), suffix, patterns
                    )
                )
                for data in (data_a, data_b)
            )
            if text_a == text_b:
                masked_only.append(rel)
                continue
            diff = difflib.unified_diff(
                text_a.splitlines(),
                text_b.splitlines(),
                "first build",
                "second build",
                lineterm="",
                n=0,
            )
            problems.append(f"{rel}: differs beyond masked values:\n" + "\n".join(list(diff)[:20]))
        else:
            problems.append(
                f"{rel}: binary content differs ({len(data_a)} and {len(data_b)} bytes)"
            )
    return problems, masked_only


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tools.reproducible SITE_A SITE_B", file=sys.stderr)
        return 2
    problems, masked_only = compare_sites(Path(argv[0]), Path(argv[1]))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} differences; {len(masked_only)} files differ only in masked values")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
