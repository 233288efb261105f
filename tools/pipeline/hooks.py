"""MkDocs hooks: run every snippet a page includes and show what it really printed.

A page includes a snippet with an exec fence in markdown-exec's own syntax (fence.py).
markdown-exec's validator reads the fence's options and its `base_format` renders the code
and the result; only the run is ours, because markdown-exec's python executor runs code
in-process, where `__name__` is not "__main__" and stderr, warnings and the exit status
are lost.

The state of one build is a `Build`, made in on_config and kept on MkDocs' config object,
which every hook receives. Every problem is logged as an error naming the page and line,
so a strict build fails, and is shown on the page, so `mkdocs serve` shows it in place.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads this file by path
    sys.path.insert(0, str(ROOT))

import markdown_exec  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from tools.pipeline import (  # noqa: E402
    exercise,
    fence,
    interpreters,
    notebook,
    playground,
    render,
    timeline,
    transcripts,
)
from tools.pipeline.executor import Executor, Mode, SwitchError, jobs_from_environment  # noqa: E402
from tools.pipeline.fence import Fence  # noqa: E402

log = logging.getLogger("mkdocs.plugins.asyncio_basics")
RECORD_ENV = "ASYNCIO_BASICS_RUN_RECORD"  # where to write every run of the build, as JSON (tests)
# Set by the test suite for its one build: a run that differs from its transcript is then
# reported by the test named for that snippet and version (tests/test_snippets.py), with its
# diff, instead of failing the whole build and every test that reads it.
RUNS_CHECKED_BY_TESTS_ENV = "ASYNCIO_BASICS_RUNS_CHECKED_BY_TESTS"
OUTPUT_FENCE = "exec-output"  # placed by the hooks in a checkpoint's answer


class FenceNotScanned(Exception):
    """Markdown rendered an exec fence that on_files did not find (the hooks are not loaded)."""


class Build:
    """One build: its executor, and every exec fence of the site by the snippet it runs
    (fence.find_all allows one fence per snippet), so a formatter finds its fence by path."""

    def __init__(
        self, strict: bool, mode: Mode, selected: list[interpreters.Interpreter], jobs: int
    ) -> None:
        self.strict = strict
        self.executor = Executor(selected, mode, jobs)
        self.mode = mode
        self.runs_checked_by_tests = os.environ.get(RUNS_CHECKED_BY_TESTS_ENV) == "1"
        self.fences: dict[str, Fence] = {}  # snippet -> its fence, from on_files
        self.urls: dict[str, str] = {}  # page ("docs/x.md") -> its URL, for download links

    # --- markdown-exec's formatter contract -------------------------------------------

    def validator(self, language: str, inputs: dict, options: dict, attrs: dict, md: Any) -> bool:
        inputs.pop("returncode", None)  # ours, per version (fence.py); markdown-exec wants an int
        return markdown_exec.validator(language, inputs, options, attrs, md)

    def fence_of(self, body: str) -> Fence:
        """The fence whose body (its one `--8<-- "snippets/..."` line) is `body`."""
        include = fence.include_path(body)
        found = self.fences.get(include or "")
        if found is None:
            raise FenceNotScanned(
                f"an exec fence whose body is {body.strip()[:80]!r}: it must be one line, "
                '--8<-- "snippets/<lesson>/<name>.py", naming a snippet that a page of docs/ includes'
            )
        return found

    def format(
        self, source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any
    ) -> str:
        options.pop("extra")  # the fence's own options were parsed once, by fence.scan
        try:
            found = self.fence_of(source)
        except FenceNotScanned as error:
            log.error(str(error))
            return render.failure([str(error)])
        source = (ROOT / found.snippet).read_text(encoding="utf-8")
        try:
            shown, marked = render.code_for_page(source, found.snippet)
        except render.MarkerError as error:
            log.error(str(error))
            shown, marked = source, []
        display = {
            "title": found.title,
            **{k: v for k, v in found.display.items() if k != "source"},
        }
        if marked:
            if "hl_lines" in display:
                log.error(
                    f"{found.where}: has `{render.MARKER}` markers and an hl_lines option; keep one"
                )
            display["hl_lines"] = render.hl_lines(marked)
        options["source"] = found.display.get("source") or "above"
        html = markdown_exec.base_format(
            language="python",
            run=functools.partial(self._below_code, found),
            code=source,
            md=md,
            extra=display,
            **options,
            transform_source=lambda code: (code, shown),  # run the file, show it without markers
        )
        return self._with_download(str(html), found)  # str: Markup.replace would escape the link

    def output_format(
        self, source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any
    ) -> str:
        """A checkpoint's output, inside its collapsed answer (its body names the snippet)."""
        try:
            found = self.fence_of(source)
        except FenceNotScanned as error:
            log.error(str(error))
            return render.failure([str(error)])
        return markdown_exec.base_format(  # its problems were logged with its code
            language="python", run=lambda *_, **__: self._outputs(found), code="", md=md
        )

    # --- what goes below the code ---------------------------------------------------

    def _below_code(self, found: Fence, code: str, **_: Any) -> str:
        problems = []
        results = self.executor.results(found)
        if any(render.MARKER in r.run.transcript for r in results):
            problems.append(
                f"{found.where}: the output quotes a line marked `{render.MARKER}` (in a traceback), "
                "where the marker would show; remove the marker from that line"
            )
        for problem in problems:
            log.error(problem)
        runs = [f"{found.where}: {p}" for r in results for p in r.problems]
        for problem in runs:  # the suite reports each in the test named for its run
            (log.info if self.runs_checked_by_tests else log.error)(problem)
        problems += runs
        notes = (
            found.annotations if render.annotations(code) else ""
        )  # the theme looks right after the code
        failed = render.failure(problems) if problems else ""
        if found.checkpoint:
            return notes + failed  # the output waits in the answer; a Run button would give it away
        controls = playground.controls_html(found.snippet, found.run, found.no_browser)
        return notes + failed + self._outputs(found) + controls + self._timeline(found)

    def _outputs(self, found: Fence) -> str:
        shown = [(r.version, r.run.transcript, r.ran) for r in self.executor.results(found)]
        return render.outputs(
            shown or _recorded_only(found), mask=lambda text: transcripts.mask(text, found.run)
        )

    def _timeline(self, found: Fence) -> str:
        if not found.timeline or self.mode.no_exec:
            return ""
        try:
            data = self.executor.trace(found)
        except timeline.TimelineError as error:
            log.error(f"{found.where}: {error}")
            return "\n\n" + render.failure([str(error)])
        return (
            "\n\n"
            + timeline.render(data, found.snippet, f"timeline-{Path(found.snippet).stem}")
            + "\n\n"
        )

    def _with_download(self, html: str, found: Fence) -> str:
        script, _ = render.code_for_download((ROOT / found.snippet).read_text(encoding="utf-8"))
        href = get_relative_url(found.snippet, self.urls[found.page])
        html, count = render.add_download_link(html, found.title, href, script)
        if not count:
            log.error(
                f"{found.where}: no code block titled {found.title!r} to add its download link to"
            )
        return html


def _recorded_only(found: Fence) -> list[tuple[str, str, bool]]:
    """A snippet that no selected Python runs (3.14's call graphs, on a machine without a
    native 3.14) shows its committed transcripts, each labelled as recorded: what that
    version printed (natively, or with its WebAssembly build; snippets/transcripts.json)."""
    return [
        (version, text, False)
        for version in interpreters.SUPPORTED
        if found.run.runs_on(version)
        and (text := transcripts.read(found.snippet, version)) is not None
    ]


def _build(config: Any) -> Build:
    return config.asyncio_basics_build


# --- the hooks, in the order MkDocs calls them -----------------------------------------


def on_config(config: Any) -> Any:
    plugin = config.plugins.get("markdown-exec")
    if plugin is None:
        raise PluginError("mkdocs.yml: the markdown-exec plugin must be enabled")
    if {"python", "py"} & set(plugin.config.languages):
        raise PluginError(
            "mkdocs.yml: markdown-exec must not run python in-process; "
            "set plugins.markdown-exec.languages so that it excludes python and py"
        )
    try:
        mode = Mode.from_environment(config.strict)
        jobs = jobs_from_environment()
        selected = interpreters.selected()
    except (SwitchError, interpreters.SelectionError) as error:
        if config.strict or isinstance(error, SwitchError):
            raise PluginError(str(error)) from None
        log.error(str(error))  # `make serve` keeps serving with what it found
        selected = [i for v in interpreters.requested() if (i := interpreters.find(v))]
    build = Build(config.strict, mode, selected, jobs)
    config.asyncio_basics_build = build
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault(
        "custom_fences", []
    )
    for name in ("python", "py"):
        fences.append(
            {"name": name, "class": "python", "validator": build.validator, "format": build.format}
        )
    fences.append({"name": OUTPUT_FENCE, "class": "output", "format": build.output_format})
    notebooks = config.plugins.get("mkdocs-jupyter")
    if notebooks is not None:
        notebook.configure(notebooks, mode.cache, mode.no_exec)
    _list_pages_for_llms(config)
    if mode.no_exec:
        log.warning(
            "ASYNCIO_BASICS_BENCH_NO_EXEC is set: no snippet runs, pages show recorded transcripts"
        )
    set_source_date_epoch()  # sitemap dates from the commit, not the clock (reproducible builds)
    return config


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


def _list_pages_for_llms(config: Any) -> None:
    """Give mkdocs-llmstxt every page of `nav`, in reading order, so no lesson is left out."""
    plugin = config.plugins.get("llmstxt")
    if plugin is not None and not plugin.config.sections and config.nav:
        plugin.config.sections = {"Tutorial": _nav_pages(config.nav)}


def _nav_pages(items: list) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += _nav_pages(value)
        elif "://" not in value:  # not an external link
            pages.append(value)
    return pages


def on_files(files: Any, config: Any) -> Any:
    try:
        fences = fence.find_all()
    except fence.FenceError as error:
        raise PluginError(str(error)) from None
    for problem in transcripts.stray_files(fences) + transcripts.unrecorded(fences):
        log.error(problem)
    build = _build(config)
    build.fences = fence.by_snippet(fences)
    build.urls = {f"{fence.DOCS}/{file.src_uri}": file.url for file in files.documentation_pages()}
    build.executor.start(fences)  # every run starts now, on every core
    for snippet in sorted({f.snippet for f in fences}):  # each script, as shown, for download
        try:
            script, _ = render.code_for_download(
                (ROOT / snippet).read_text(encoding="utf-8"), snippet
            )
        except render.MarkerError as error:
            raise PluginError(str(error)) from None
        files.append(File.generated(config, snippet, content=script))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    where = f"{fence.DOCS}/{page.file.src_uri}"
    try:
        fences = fence.scan(markdown, where)
        exercise.scan(markdown, where)
    except fence.FenceError as error:
        raise PluginError(str(error)) from None
    for found in fences:
        _check_annotations(found)
    markdown = with_outputs_in_answers(without_moved_annotations(markdown, fences), fences)
    return exercise.expand(markdown)


def without_moved_annotations(markdown: str, fences: list[Fence]) -> str:
    """The page without the annotation lists that the formatter moves under their code."""
    lines = markdown.split("\n")
    for found in reversed(fences):  # bottom up, so that earlier line numbers stay valid
        has_marks = render.annotations((ROOT / found.snippet).read_text(encoding="utf-8"))
        if found.annotation_span and has_marks:
            start, end = found.annotation_span
            lines[start:end] = [""] * (end - start)  # blank: later fences keep their lines
    return "\n".join(lines)


def with_outputs_in_answers(markdown: str, fences: list[Fence]) -> str:
    """Each checkpoint's output, as the first thing inside its collapsed answer."""
    lines = markdown.split("\n")
    for found in reversed(fences):
        if found.answer_line is not None:
            at = found.answer_line + 1
            lines[at:at] = [
                f"    ```{OUTPUT_FENCE}",
                f'    --8<-- "{found.snippet}"',
                "    ```",
                "",
            ]
    return "\n".join(lines)


def _check_annotations(found: Fence) -> None:
    numbers = render.annotations((ROOT / found.snippet).read_text(encoding="utf-8"))
    listed = fence.annotation_numbers(found.annotations)
    if numbers and sorted(numbers) != listed:
        log.error(
            f"{found.where}: {found.snippet} has annotations {numbers}, but the list right after "
            f"its fence gives {listed or 'none'}; write `1.  text` for each, after one blank line"
        )


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """A notebook runs on the build's own kernel, and a cell that raises names itself."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is not None and page.file.src_uri.endswith(".ipynb") and plugin.config["execute"]:
        where = f"{fence.DOCS}/{page.file.src_uri}"
        notebook.guard_render(page, where, plugin.config["kernel_name"], config.strict)
    return page


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if page.file.src_uri.endswith(".ipynb"):  # nbconvert's page: no CDN scripts
        html, remote = notebook.tidy(html)
        for found in remote:
            log.error(
                f"{fence.DOCS}/{page.file.src_uri}: loads from another host ({found}); "
                "the site must work offline: keep images and scripts in the repository"
            )
        return html
    where = f"{fence.DOCS}/{page.file.src_uri}"
    fences = fence.scan((ROOT / where).read_text(encoding="utf-8"), where)  # as written
    titles = [found.title for found in fences]
    for found in fences:
        if titles.count(found.title) > 1:
            log.error(f"{found.where}: another code block of {where} has the title {found.title!r}")
        elif render.download_marker(found.title) not in html:
            # Markdown did not see a fence there (superfences refused its options, say): the
            # page would show the fence as text and no output.
            log.error(
                f"{found.where}: this exec fence was not rendered as a code block; check its "
                "options and indentation"
            )
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    output, found = render.name_search_dialog(output)
    if not found and "md-search" in output:
        log.error(
            "mkdocs-material's search markup changed; update tools/pipeline/render.py (name_search_dialog)"
        )
    return output


def on_post_build(config: Any) -> None:
    playground.copy_runtime(Path(config.site_dir))  # Pyodide, once, for every page
    exercise.copy_checks(Path(config.site_dir))  # fetched by an exercise's first Check
    build = _build(config)
    record = os.environ.get(RECORD_ENV, "").strip()
    if record:
        _write_record(Path(record), build)
    build.executor.shutdown()


def _write_record(path: Path, build: Build) -> None:
    """Every run of this build, for the tests that check the pages' claims against it."""
    runs = [{**r.run.to_record(), "ran": r.ran} for r in build.executor.all_results()]
    versions = [i.version for i in build.executor.interpreters]
    path.write_text(json.dumps({"versions": versions, "runs": runs}, indent=1), encoding="utf-8")
