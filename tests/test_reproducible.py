"""Two clean builds of the same commit give the same site.

Pages show the durations each build measured, so two builds with real execution are
compared through transcripts.mask in text files (and byte for byte everywhere else); a third
build replays the second one's runs from the execution cache and must then be identical
to it byte for byte, durations included. The two clean builds vary what must not matter:
the hash seed, the time zone, and the output folder.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest
from support import mkdocs_build

from tools import reproducible
from tools.pipeline import executor, fence
from tools.pipeline.hooks import RECORD_ENV


def _build(site: Path, *flags: str, **env: str) -> Path:
    """The real site, on one Python (the version matrix is test_snippets.py's job)."""
    code, log = mkdocs_build(fence.ROOT, *flags, site_dir=site, **env)
    assert code == 0, f"build failed:\n{log}"
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("reproducible")
    cache = {executor.CACHE_ENV: str(tmp / "cache")}
    # Not strict: a broken link or a changed output fails the tests named for it
    # (test_site.py, test_snippets.py), not these three as well; it is reproduced all the same.
    first = _build(
        tmp / "first", "--no-strict", PYTHONHASHSEED="1", TZ="UTC",
        **{RECORD_ENV: str(tmp / "first.json")},
    )  # fmt: skip
    second = _build(
        tmp / "second", "--no-strict", PYTHONHASHSEED="2", TZ="Pacific/Auckland",
        **cache, **{RECORD_ENV: str(tmp / "second.json")},
    )  # fmt: skip
    # The same environment as `second`: the notebook's kernel inherits it, so it is in the key.
    replay = _build(
        tmp / "replay", "--no-strict", PYTHONHASHSEED="2", TZ="Pacific/Auckland", **cache
    )
    return first, second, replay


def test_two_clean_builds_differ_only_in_measured_values(sites) -> None:
    first, second, _ = sites
    optional: set[str] = set()
    for site in (first, second):
        record = json.loads(site.with_suffix(".json").read_text(encoding="utf-8"))
        optional |= reproducible.optional_lines(record)
    problems, _masked_only = reproducible.compare_sites(first, second, optional)
    assert not problems, "\n\n".join(problems)
    assert (first / "index.html").is_file() and len(list(first.rglob("*.html"))) > 1


def test_a_build_from_the_same_runs_is_identical_byte_for_byte(sites) -> None:
    _, second, replay = sites
    problems, masked_only = reproducible.compare_sites(second, replay)
    assert not problems and not masked_only, "\n\n".join(problems) + "\n" + "\n".join(masked_only)


def test_sitemap_dates_come_from_the_last_commit(sites) -> None:
    proc = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=fence.ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        pytest.skip("not a git checkout: MkDocs dates the sitemap with the build day")
    day = (
        datetime.datetime.fromtimestamp(int(proc.stdout), datetime.timezone.utc).date().isoformat()
    )
    dates = re.findall(
        r"<lastmod>([^<]+)</lastmod>", (sites[0] / "sitemap.xml").read_text(encoding="utf-8")
    )
    if not dates:
        pytest.skip("mkdocs.yml has no site_url, so the sitemap lists no pages")
    assert set(dates) == {day}


def test_the_comparison_reports_everything_but_masked_values(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    files = {
        "same.html": ("<p>same</p>", "<p>same</p>"),
        "timed/index.html": ("<code>done after 12.5 ms</code>", "<code>done after 3.0 ms</code>"),
        "stamp/index.html": ("<!-- built 1700000000 -->", "<!-- built 1700000001 -->"),
        "search/search_index.json": ('{"docs": ["a", "b"]}', '{"docs": ["b", "a"]}'),
        "sitemap.xml.gz": ("\x1f\x8b\x08\x00\x01", "\x1f\x8b\x08\x00\x02"),
        "only-a.html": ("x", None),
    }
    for rel, (text_a, text_b) in files.items():
        for root, text in ((a, text_a), (b, text_b)):
            if text is not None:
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(text, encoding="utf-8")
    problems, masked_only = reproducible.compare_sites(a, b)
    assert masked_only == ["timed/index.html"]
    assert [p.split(":")[0] for p in problems] == [
        "only-a.html",
        "search/search_index.json",
        "sitemap.xml.gz",
        "stamp/index.html",
    ]


def test_optional_lines_are_left_out_in_every_form_the_site_carries_them(tmp_path: Path) -> None:
    """A fence's optional line reaches the site three ways: escaped in a page, raw in
    llms-full.txt (Markdown) and inside a JSON string in the search index."""
    report = (
        "Executing <Task pending name='Task-2' coro=<main() running at x.py:3> took 0.1 seconds"
    )
    optional = {reproducible.mask(report)}  # what a fence's optional_lines found in its runs
    kept = "Executing <Task finished name='Task-1' coro=<main() done> took 0.2 seconds"
    escaped = lambda line: line.replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    forms = {
        "page/index.html": lambda lines: (
            "<pre><code>" + "\n".join(map(escaped, lines)) + "</code></pre>\n"
        ),
        "llms-full.txt": lambda lines: "```\n" + "\n".join(lines) + "\n```\n",
        "search/search_index.json": lambda lines: json.dumps(
            {"docs": [{"text": "<pre><code>" + "\n".join(map(escaped, lines)) + "</code></pre>"}]}
        ),
    }

    def compare(second: list[str]) -> tuple[list[str], list[str]]:
        first = ["tick", "done"]
        for root, lines in ((tmp_path / "a", first), (tmp_path / "b", second)):
            for rel, form in forms.items():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(form(lines), encoding="utf-8")
        return reproducible.compare_sites(tmp_path / "a", tmp_path / "b", optional)

    problems, masked_only = compare(["tick", report, "done"])
    assert not problems, "\n\n".join(problems)
    assert masked_only == sorted(forms)
    # A line that is not optional is a difference in every form.
    problems, _ = compare(["tick", kept, "done"])
    assert sorted(p.split(":")[0] for p in problems) == sorted(forms)


def test_a_fences_optional_lines_apply_to_its_own_output_only() -> None:
    """Two fences whose patterns differ: one leaves out every slow-step report, the other
    requires the report of main's last step. That report, printed by the second, stays."""
    loose = "snippets/pitfalls-debug-mode/missing_await_debug.py"  # optional_lines="^Executing <"
    strict = "snippets/debugging/forgotten_debug.py"  # requires Task-2's "finished" report
    fences = fence.by_snippet(fence.find_all())
    assert fences[loose].run.optional_lines == "^Executing <"
    required = (
        "Executing <Task finished name='Task-2' coro=<main() done, defined at "
        f"{strict}:10> result=None created at .../lib/python3.13/asyncio/runners.py:100> took 0.155 seconds"
    )
    assert re.search(fences[loose].run.optional_lines, required)  # the loose pattern would take it
    assert not re.search(fences[strict].run.optional_lines, required)
    slow = f"Executing <Task finished name='Task-1' coro=<main() done, defined at {loose}:19> took 0.105 seconds"
    record = {
        "runs": [
            {"snippet": loose, "output": f"main is finished\n{slow}\n"},
            {"snippet": strict, "output": f"main is finished\n{required}\n"},
        ]
    }
    optional = reproducible.optional_lines(record)
    assert optional == {reproducible.mask(slow)}
    page = "<pre><code>main is finished\n{}</code></pre>\n"
    a = {"page/index.html": page.format(required.replace("<", "&lt;").replace(">", "&gt;"))}
    assert reproducible._is_optional(slow, optional)
    assert not reproducible._is_optional(a["page/index.html"].split("\n")[1], optional)
