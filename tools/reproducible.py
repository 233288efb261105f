"""Reproducible builds: two builds of the same commit give the same site.

Dates: MkDocs takes the sitemap's <lastmod> and the timestamp inside sitemap.xml.gz from
SOURCE_DATE_EPOCH when it is set. The build hook sets it to the last commit's date (unless
the caller set it already: tools/pipeline/hooks.py), so these do not depend on the day of
the build.

Snippet outputs: a page shows what its snippets printed in this build, including the
durations they measured, which honestly change from run to run. `compare_sites` therefore
compares text files after transcripts.mask (the same masking that compares a run with its
committed transcript), and every other file byte for byte. The lines that a fence's runs
printed and its own `optional_lines` declare optional (they appear or not by timing) are
left out of both sides, in each form a site carries them: escaped in pages, raw in
llms-full.txt, inside the search index's JSON strings. A difference anywhere else is a
reproducibility bug.

    python -m tools.reproducible SITE_A SITE_B RECORD_A RECORD_B   # exit 1, list differences
"""

from __future__ import annotations

import difflib
import html
import json
import re
import sys
from pathlib import Path

from tools.pipeline import fence
from tools.pipeline.timeline import mask_pictures
from tools.pipeline.transcripts import mask

# Files that can carry snippet output as text (pages, search index, llms.txt, sitemap).
TEXT_SUFFIXES = {".html", ".json", ".txt", ".xml", ".md"}


def optional_lines(record: dict) -> set[str]:
    """The lines of a build's runs that their own fence declares optional, masked.

    Only a fence's own output is held to its `optional_lines`: a line that another fence's
    pattern would match, but that this fence requires, is never left out."""
    try:
        patterns = {f.snippet: f.run.optional_lines for f in fence.find_all()}
    except fence.FenceError:
        return set()
    found = set()
    for run in record.get("runs", []):
        pattern = patterns.get(run["snippet"], "")
        if pattern:
            lines = run["output"].splitlines()
            found |= {mask(line).strip() for line in lines if re.search(pattern, line)}
    return found


def _is_optional(line: str, optional: set[str]) -> bool:
    # The same output line reaches the site raw (llms-full.txt is Markdown, where
    # "<Task ...>" is text) and as HTML ("&lt;Task" inside tags): try both readings.
    readings = (line.strip(), html.unescape(re.sub(r"<[^>]+>", "", line)).strip())
    return any(mask(text) in optional for text in readings)


def _drop_lines(text: str, optional: set[str]) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(line for line in lines if not _is_optional(line, optional))


def _without_optional(text: str, suffix: str, optional: set[str]) -> str:
    """`text` without the optional output lines; in JSON (the search index is one line),
    the lines inside each string value."""
    if not optional:
        return text
    if suffix != ".json":
        return _drop_lines(text, optional)
    try:
        data = json.loads(text)
    except ValueError:
        return _drop_lines(text, optional)

    def walk(value):
        if isinstance(value, str):
            return _drop_lines(value, optional)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    return json.dumps(walk(data), ensure_ascii=False, indent=0)


def compare_sites(
    a: Path, b: Path, optional: set[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """(differences, files that differ only in masked values) between two built sites.

    `optional`: the output lines left out of both sides (`optional_lines` of both builds'
    run records)."""
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
                        mask_pictures(data.decode("utf-8", "replace")), suffix, optional
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
    if len(argv) not in (2, 4):
        print(
            "usage: python -m tools.reproducible SITE_A SITE_B [RECORD_A RECORD_B]\n"
            "  RECORD_*: the builds' run records (ASYNCIO_BASICS_RUN_RECORD=<file> mkdocs build),\n"
            "  to leave out the lines each fence declares optional",
            file=sys.stderr,
        )
        return 2
    optional: set[str] = set()
    for record in argv[2:]:
        optional |= optional_lines(json.loads(Path(record).read_text(encoding="utf-8")))
    problems, masked_only = compare_sites(Path(argv[0]), Path(argv[1]), optional)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} differences; {len(masked_only)} files differ only in masked values")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
