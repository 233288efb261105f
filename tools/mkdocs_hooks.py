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

from tools import runner, snippets  # noqa: E402

log = logging.getLogger("mkdocs.plugins.asyncio_basics")

# Filled per page by on_page_markdown, read by the fence formatter: snippet -> usage.
_page_usages: dict[str, snippets.Usage] = {}


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
    return config


def on_files(files: Any, config: Any) -> Any:
    try:
        usages = snippets.find_usages()
    except snippets.ProjectError as error:
        raise PluginError(str(error)) from None
    for problem in snippets.stray_files(usages):
        log.error(problem)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _page_usages.clear()
    page_path = f"{snippets.DOCS}/{page.file.src_uri}"
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    for usage in snippets.scan_page(source, page_path):
        _page_usages[usage.snippet] = usage
    # Give each exec fence its snippet's path as a title: readers see which file to run,
    # and the formatter learns which file it is running.
    return re.sub(
        r'^([ \t]*(?:`{3,}|~{3,})[ \t]*(?:python|py)\b[^\n]*exec="[^"]*"[^\n]*)\n([ \t]*--8<--[ \t]+"([^"]+)")',
        lambda m: (m[1] if "title=" in m[1] else f'{m[1]} title="{m[3]}"') + "\n" + m[2],
        markdown,
        flags=re.M,
    )


def _format(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    extra = options.pop("extra")
    for name in ("args", "env", "timeout", "min_python"):  # run options, not code block attributes
        extra.pop(name, None)
    options["source"] = options["source"] or "above"
    return markdown_exec.base_format(language="python", run=_run, code=source, md=md, extra=extra, **options)


def _run(code: str, returncode: int = 0, title: str = "", **_: Any) -> str:
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
        run = runner.run_snippet(usage.snippet, interpreter, usage.options)
        results.append((version, run.transcript, True))
        problems += [f"{usage.where}: {p}" for p in snippets.check_run(run, usage.options, expected)]
    for problem in problems:
        log.error(problem)
    return (_failure(problems) if problems else "") + render_results(results)


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
