"""MkDocs hooks: run every snippet a page includes and show what it really printed.

A page writes, in markdown-exec's own syntax,

    ```python exec="on"
    --8<-- "snippets/synchronous-baseline/find_divisibles.py"
    ```

markdown-exec's validator reads the fence options and its `base_format` renders the
source and the result; only the run itself is ours (tools/runner.py), because
markdown-exec's python executor runs code in-process, where `__name__` is not
"__main__" and stderr, warnings and the exit code are lost.

Every problem is logged as an error naming the page and line, so `mkdocs build --strict`
fails, and is also shown on the page, so `mkdocs serve` shows it where it happened.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path
    sys.path.insert(0, str(ROOT))

import markdown_exec  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from tools import exec_cache, notebook, reader, reproducible, runner, snippets, timeline  # noqa: E402
from tools import playground  # noqa: E402  # in-browser runner

log = logging.getLogger("mkdocs.plugins.asyncio_basics")

# Filled per page by on_page_markdown, read by the fence formatter: snippet -> usage.
_page_usages: dict[str, snippets.Usage] = {}
# Annotation lists (`1.  ...` right after a fence whose snippet has `# (1)!`): snippet -> list.
_page_annotations: dict[str, str] = {}
_ANNOTATED = re.compile(
    r'(?P<fence>^[ \t]*(?P<ticks>`{3,}|~{3,})[ \t]*(?:python|py)\b[^\n]*exec="[^"]*"[^\n]*\n'
    r'[ \t]*--8<--[ \t]+"(?P<snippet>[^"]+)"[ \t]*\n[ \t]*(?P=ticks)[ \t]*\n)'
    r"(?P<list>(?:[ \t]*\n)+(?:\d+\.[ \t].*\n(?:(?:[ \t]*\n)*(?: {4}|\t).*\n)*)+)",
    re.M,
)


def on_config(config: Any) -> Any:
    plugin = config.plugins.get("markdown-exec")
    if plugin is None:
        raise PluginError("mkdocs.yml: the markdown-exec plugin must be enabled")
    if {"python", "py"} & set(plugin.config.languages):
        raise PluginError(
            "mkdocs.yml: markdown-exec must not run python in-process; "
            "set plugins.markdown-exec.languages so that it excludes python and py"
        )
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    for name in ("python", "py"):
        fences.append({"name": name, "class": "python", "validator": markdown_exec.validator, "format": _format})
    _list_pages_for_llms(config)
    try:  # `make serve` may replay unchanged runs; strict builds always run everything
        exec_cache.configure(config.strict, config.plugins)
    except exec_cache.SwitchError as error:
        raise PluginError(str(error)) from None
    reproducible.set_source_date_epoch()  # sitemap dates from the commit, not the clock
    return config


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
        usages = snippets.find_usages()
    except snippets.ProjectError as error:
        raise PluginError(str(error)) from None
    for problem in snippets.stray_files(usages):
        log.error(problem)
    for snippet in sorted({u.snippet for u in usages}):  # each script, as shown, for download
        try:
            shown, _ = reader.shown_source((ROOT / snippet).read_text(encoding="utf-8"), snippet)
        except reader.MarkerError as error:
            raise PluginError(str(error)) from None
        files.append(File.generated(config, snippet, content=shown))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _page_usages.clear()
    page_path = f"{snippets.DOCS}/{page.file.src_uri}"
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    for usage in snippets.scan_page(source, page_path):
        _page_usages[usage.snippet] = usage
    markdown = _take_annotations(markdown)
    # Give each exec fence its snippet's path as a title: readers see which file to run,
    # and the formatter learns which file it is running.
    return re.sub(
        r'^([ \t]*(?:`{3,}|~{3,})[ \t]*(?:python|py)\b[^\n]*exec="[^"]*"[^\n]*)\n([ \t]*--8<--[ \t]+"([^"]+)")',
        lambda m: (m[1] if "title=" in m[1] else f'{m[1]} title="{m[3]}"') + "\n" + m[2],
        markdown,
        flags=re.M,
    )


def _take_annotations(markdown: str) -> str:
    """Move each annotated snippet's list from after its fence to right after its code.

    mkdocs-material looks for a code block's annotations in the list that directly follows
    it; the output of an exec fence comes between the two, so `_run` puts the list first.
    """
    _page_annotations.clear()

    def take(match: re.Match) -> str:
        snippet = match["snippet"]
        if snippet not in _page_usages or not reader.annotations((ROOT / snippet).read_text(encoding="utf-8")):
            return match[0]  # an ordinary list that happens to follow the fence
        _page_annotations[snippet] = match["list"].strip("\n") + "\n\n"
        return match["fence"] + "\n"

    markdown = _ANNOTATED.sub(take, markdown)
    for usage in _page_usages.values():
        numbers = reader.annotations((ROOT / usage.snippet).read_text(encoding="utf-8"))
        listed = [int(n) for n in re.findall(r"^(\d+)\.", _page_annotations.get(usage.snippet, ""), re.M)]
        if numbers and sorted(numbers) != listed:
            log.error(
                f"{usage.where}: {usage.snippet} has annotations {numbers}, but the list right after "
                f"its fence gives {listed or 'none'}; write `1.  text` for each, after one blank line"
            )
    return markdown


def _format(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    extra = options.pop("extra")
    for name in ("args", "env", "timeout", "min_python", "max_python", "no_browser"):  # not attributes; no_browser: in-browser runner
        extra.pop(name, None)
    options["source"] = options["source"] or "above"
    # Lines marked `# new` are shown highlighted, without the marker (tools/reader.py).
    try:
        shown, marked = reader.page_source(source, extra.get("title", ""))
    except reader.MarkerError as error:
        log.error(str(error))
        shown, marked = source, []
    if marked:
        if "hl_lines" in extra:
            log.error(f"{extra.get('title')}: has `{reader.MARKER}` markers and an hl_lines option; keep one")
        extra["hl_lines"] = reader.hl_lines(marked)
    run = functools.partial(_run, timeline=snippets._truthy(extra.pop("timeline", "off")))
    return markdown_exec.base_format(
        language="python", run=run, code=source, md=md, extra=extra, **options,
        transform_source=lambda code: (code, shown),  # run the file, show it without markers
    )


def _run(code: str, returncode: int = 0, title: str = "", timeline: bool = False, **_: Any) -> str:
    usage = _page_usages.get(title)
    if usage is None:
        log.error(f"exec fence titled {title!r} is not a snippet include; see CONTRIBUTING.md")
        return _failure([f"exec fence titled {title!r} is not a snippet include"])
    if code.strip() != (ROOT / usage.snippet).read_text(encoding="utf-8").strip():
        log.error(f"{usage.where}: the code shown is not the content of {usage.snippet}")
    results = []
    problems = []
    for version in runner.SUPPORTED_PYTHONS:
        if not usage.options.runs_on(version):
            continue
        expected = snippets.expected_transcript(usage.snippet, version)
        interpreter = runner.find_interpreter(version) if version in runner.requested_versions() else None
        if interpreter is None:
            if expected is not None and version in runner.DEFAULT_PYTHONS:
                log.info(f"{usage.snippet}: Python {version} not found; showing its recorded transcript")
                results.append((version, expected, False))
            continue
        run = exec_cache.run_snippet(usage.snippet, interpreter, usage.options, expected)
        results.append((version, run.transcript, True))
        problems += [f"{usage.where}: {p}" for p in snippets.check_run(run, usage.options, expected)]
    if any(reader.MARKER in transcript for _, transcript, _ in results):
        problems.append(
            f"{usage.where}: the output quotes a line marked `{reader.MARKER}` (in a traceback), "
            "where the marker would show; remove the marker from that line"
        )
    for problem in problems:
        log.error(problem)
    picture = _timeline(usage) if timeline else ""
    notes = _page_annotations.get(usage.snippet, "")  # first: the theme looks right after the code
    controls = playground.controls_html(usage.snippet, usage.options, usage.no_browser)  # in-browser runner
    return notes + (_failure(problems) if problems else "") + render_results(results) + controls + picture


def _timeline(usage: snippets.Usage) -> str:
    """The picture of which task held the event loop when (tools/timeline.py)."""
    if exec_cache.mode.no_exec:
        return ""
    try:
        figure = timeline.picture(usage.snippet, usage.options, f"timeline-{Path(usage.snippet).stem}")
    except timeline.TimelineError as error:
        log.error(f"{usage.where}: {error}")
        return "\n\n" + _failure([str(error)])
    return "\n\n" + figure + "\n\n"


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """A notebook runs on the build's own kernel, and a cell that raises names itself."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is not None and page.file.src_uri.endswith(".ipynb") and plugin.config["execute"]:
        where = f"{snippets.DOCS}/{page.file.src_uri}"
        notebook.guard_render(page, where, plugin.config["kernel_name"], config.strict)
    return page


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """A download link in the title bar of every snippet on the page."""
    if page.file.src_uri.endswith(".ipynb"):  # nbconvert's page: no CDN scripts
        html, remote = notebook.tidy(html)
        for found in remote:
            log.error(
                f"{snippets.DOCS}/{page.file.src_uri}: loads from another host ({found}); "
                "the site must work offline: keep images and scripts in the repository"
            )
    for usage in _page_usages.values():
        if usage.page != f"{snippets.DOCS}/{page.file.src_uri}":
            continue  # left from another page: this one had no Markdown to scan
        href = get_relative_url(usage.snippet, page.file.url)
        script, _ = reader.shown_source((ROOT / usage.snippet).read_text(encoding="utf-8"))
        html, found = reader.add_download_link(html, usage.snippet, href, script)
        if not found:
            log.error(f"{usage.where}: no code block titled {usage.snippet} to add its download link to")
    return html


def on_post_build(config: Any) -> None:  # in-browser runner: Pyodide, once, for every page
    playground.copy_runtime(Path(config.site_dir))


def on_post_page(output: str, page: Any, config: Any) -> str:
    output, found = reader.name_search_dialog(output)
    if not found and "md-search" in output:
        log.error("mkdocs-material's search markup changed; update tools/reader.py (name_search_dialog)")
    return output


def render_results(results: list[tuple[str, str, bool]]) -> str:
    """One console block when every version printed the same, else a tab per version."""
    if not results:
        return ""
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for result in results:
        groups.setdefault(runner.mask(result[1]), []).append(result)
    if len(groups) == 1:
        versions = [v for v, _, _ in results]
        label = f"Python {versions[0]}" if len(versions) == 1 else f"Python {versions[0]}–{versions[-1]}"
        return markdown_exec.code_block("console", results[-1][1].rstrip("\n"), title=f"Output ({label})")
    tabs = []
    for version, transcript, ran in results:
        note = "" if ran else " (recorded)"
        tabs.append((f"Python {version}{note}", markdown_exec.code_block("console", transcript.rstrip("\n"))))
    return markdown_exec.tabbed(*tabs)


def _failure(problems: list[str]) -> str:
    body = "\n\n".join(problems)
    return f'!!! failure "This example failed in this build"\n\n    ```text\n{_indent(body)}\n    ```\n\n'


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))
