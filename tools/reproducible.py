"""Reproducible builds: two builds of the same commit give the same site.

Dates: MkDocs takes the sitemap's <lastmod> and the timestamp inside sitemap.xml.gz from
SOURCE_DATE_EPOCH when it is set. The build hook sets it to the last commit's date (unless
the caller set it already), so these no longer depend on the day the site was built.

Snippet outputs: a page shows what its snippets printed in this build, including the
durations they measured, which honestly change from run to run. `compare_sites` therefore
compares text files after runner.mask (the same masking that compares a run with its
committed transcript), and every other file byte for byte. Lines that a fence declares
optional (`optional_lines`: they appear or not by timing) are left out of both sides. A difference anywhere else is a
reproducibility bug.

    python -m tools.reproducible SITE_A SITE_B   # exit 1 and list the differences
"""

from __future__ import annotations

import difflib
import html
import re
import os
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
        return [re.compile(p) for p in sorted({f.run.optional_lines for f in fence.find_all()} - {""})]
    except fence.FenceError:
        return []


def _without_optional(text: str) -> str:
    patterns = _optional_patterns()
    if not patterns:
        return text
    kept = []
    for line in text.splitlines(keepends=True):
        plain = html.unescape(re.sub(r"<[^>]+>", "", line)).strip()
        if not any(p.search(plain) for p in patterns):
            kept.append(line)
    return "".join(kept)


def compare_sites(a: Path, b: Path) -> tuple[list[str], list[str]]:
    """(differences, files that differ only in masked values) between two built sites."""
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
            text_a = mask(_without_optional(mask_pictures(data_a.decode("utf-8", "replace"))))
            text_b = mask(_without_optional(mask_pictures(data_b.decode("utf-8", "replace"))))
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
