"""The notebook page: run on the build's own Python, fail loudly, load nothing remote.

mkdocs-jupyter executes each notebook through nbconvert in a Jupyter kernel. The build
hooks (tools/pipeline/hooks.py) use this module to

* configure the plugin for the build's mode: only `make serve` may replay a cached run;

* check, before a notebook runs, that its kernel is the Python running the build (the one
  in .venv), not a kernel spec left elsewhere on the machine that starts another Python;
* turn a cell that raises into one short error naming the notebook and the cell, instead
  of a page-long traceback through nbconvert;
* tidy the rendered page: remove the script tags nbconvert's template always writes for
  MathJax and Mermaid, which point at a CDN (or at nothing), report anything remote that
  is left, and make each code cell reachable by keyboard, since it scrolls sideways.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Kernel specs that name "python" or "python3" get the current interpreter from
# jupyter_client (KernelManager.format_kernel_cmd), so they are the build's own Python.
_MAJOR, _MINOR = sys.version_info[:2]
_SAME_PYTHON = {"python", f"python{_MAJOR}", f"python{_MAJOR}.{_MINOR}"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

log = logging.getLogger("mkdocs.plugins.asyncio_basics")


class NotebookError(Exception):
    """A notebook that cannot be shown as it should; the message names the notebook."""


def kernel_name(notebook: Path, configured: str = "") -> str:
    """The kernel nbclient will start: the plugin's kernel_name, the notebook's, or python3."""
    if configured:
        return configured
    try:
        metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError) as error:
        raise NotebookError(f"{notebook}: cannot read it as a notebook ({error})") from None
    return metadata.get("kernelspec", {}).get("name") or "python3"


def check_kernel(notebook: Path, where: str, configured: str = "") -> None:
    """Fail unless the notebook's kernel would run on sys.executable (the build's Python)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    name = kernel_name(notebook, configured)
    try:
        spec = KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        raise NotebookError(
            f"{where}: no Jupyter kernel named {name!r} for the build to run it with. "
            "The build's Python needs ipykernel: `.venv/bin/pip install -r requirements.txt`."
        ) from None
    program = spec.argv[0] if spec.argv else ""
    if program in _SAME_PYTHON or os.path.abspath(program) == os.path.abspath(sys.executable):
        return
    raise NotebookError(
        f"{where}: its kernel {name!r} ({Path(spec.resource_dir) / 'kernel.json'}) starts "
        f"{program}, not the Python running this build ({sys.executable}), so the page would "
        "show another environment's output. `.venv/bin/jupyter kernelspec list` shows where "
        f"it comes from: remove it (`jupyter kernelspec remove {name}`), or let this "
        "environment's own come first (unset JUPYTER_PATH; set JUPYTER_PREFER_ENV_PATH=1)."
    )


def configure(plugin: Any, cache: Path | None, no_exec: bool) -> None:
    """Match mkdocs-jupyter to the build's mode (executor.Mode).

    mkdocs-jupyter caches executed notebooks by default; only `make serve` may replay
    one. Its own key is the notebook and the plugin's options, so the folder adds what
    that key leaves out: the kernel's Python, the packages running it, the environment.
    """
    plugin.config["cache"] = cache is not None
    if cache is not None:
        plugin.config["cache_dir"] = str(cache / "notebook" / _digest())
    if no_exec:
        plugin.config["execute"] = False


def _digest() -> str:
    import hashlib
    from importlib import metadata

    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    docs = Path(__file__).resolve().parents[2] / "docs"
    parts = {
        "python": [sys.executable, sys.version],
        "packages": {
            n: version(n)
            for n in ("mkdocs-jupyter", "nbconvert", "nbclient", "ipykernel", "jupytext")
        },
        # The kernel inherits the build's whole environment, except what only the build reads:
        # SOURCE_DATE_EPOCH (the hook sets it) and this project's own switches.
        "environment": {
            k: v
            for k, v in os.environ.items()
            if k != "SOURCE_DATE_EPOCH" and not k.startswith("ASYNCIO_BASICS_")
        },
        "modules": {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(docs.rglob("*.py"))
        },
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def guard_render(page: Any, where: str, kernel: str = "", strict: bool = True) -> None:
    """Wrap the page's render (set by mkdocs-jupyter) with the kernel check and clear errors.

    A strict build stops at the first problem. `make serve` (not strict) logs it and shows
    it in place of the notebook, and keeps serving, as it does for a broken snippet.
    """
    from mkdocs.exceptions import PluginError
    from nbclient.exceptions import CellExecutionError

    render: Callable[..., None] = page.render
    notebook = Path(page.file.abs_src_path)

    def checked_render(config: Any, files: Any) -> None:
        try:
            check_kernel(notebook, where, kernel)
            render(config, files)
            return
        except NotebookError as error:
            message = str(error)
        except CellExecutionError as error:
            message = cell_error(notebook, where, error)
        if strict:
            raise PluginError(message)
        log.error(message)
        page.content = (
            f"<h1>{html.escape(page.title or where)}</h1>\n"
            '<div class="admonition failure"><p class="admonition-title">'
            "This notebook failed in this build</p>\n"
            f"<pre><code>{html.escape(message)}</code></pre></div>\n"
        )

    page.render = checked_render


def cell_error(notebook: Path, where: str, error: Any) -> str:
    """One message for a cell that raised: which cell, what it raised, what to do."""
    text = _ANSI.sub("", str(error))
    # nbclient's message starts with the cell's source between two dashed lines.
    source = text.split("-" * 18 + "\n", 2)[1].rstrip("\n") if text.count("-" * 18) >= 2 else ""
    cell = "a cell"
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        cells = []
    for number, candidate in enumerate(cells, start=1):
        code = "".join(candidate.get("source", "")).rstrip("\n")
        if candidate.get("cell_type") == "code" and code == source:
            cell = f"cell {number}" + (f" (id {candidate['id']!r})" if candidate.get("id") else "")
            break
    trace = text.split("-" * 18 + "\n", 2)[-1].strip() if source else text.strip()
    return (
        f"{where}: {cell} raised {error.ename}: {error.evalue}\n{trace}\n"
        "The build runs every cell of the notebook, and any error fails it. Fix the cell "
        "(run the notebook in Jupyter to try it); if the error is the point of the cell, "
        "catch it there and print it."
    )


# What nbconvert's "lab" template writes whether or not the notebook needs it.
_UNUSED_SCRIPTS = [
    re.compile(r'<script src="">\s*</script>'),  # MathJax, with mkdocs-jupyter's empty URL
    re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?import\("https?://.*?</script>', re.S),
]
_REMOTE = re.compile(r"""(?:\bsrc=|\bimport\(|\burl\(|<link\b[^>]*\bhref=)\s*["']?(https?:)?//""")


def tidy(html: str) -> tuple[str, list[str]]:
    """The rendered notebook, without nbconvert's MathJax and Mermaid loaders, with its code
    cells focusable; and what it still loads from another host."""
    for pattern in _UNUSED_SCRIPTS:
        html = pattern.sub("", html)
    # A region that scrolls must take the keyboard focus (axe-core: scrollable-region-focusable).
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    remote = []
    for match in _REMOTE.finditer(html):
        line = html.count("\n", 0, match.start()) + 1
        remote.append(f"line {line} of the rendered notebook: {html[match.start() :][:80]!r}")
    return html, remote
