"""The notebook page: committed without outputs, executed by the build, fails it on an error.

docs/notebook.ipynb is executed by mkdocs-jupyter on every build, in a kernel running the
build's own Python (tools/pipeline/notebook.py checks that). What its markdown cells say about the
outputs is checked here against the page the build produced.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from support import Project

from tools.pipeline import fence, interpreters, notebook

NOTEBOOK = fence.ROOT / "docs" / "notebook.ipynb"
PAGE = "notebook/index.html"


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


# --- the committed notebook ---------------------------------------------------------


def test_committed_notebook_has_no_outputs() -> None:
    """Outputs come from the build; a stored one could show what no build produced."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    stored = [
        f"cell {n} ({cell.get('id')})"
        for n, cell in enumerate(nb.cells, start=1)
        if cell.cell_type == "code"
        and (cell.outputs or cell.execution_count is not None or "execution" in cell.metadata)
    ]
    assert not stored, (
        f"{NOTEBOOK.relative_to(fence.ROOT)}: stored outputs in {', '.join(stored)}; "
        "clear them (Jupyter: Edit > Clear Outputs of All Cells) before committing"
    )
    assert nb.metadata.kernelspec.name == "python3", "the notebook must name the python3 kernel"


def test_the_coroutine_is_the_one_of_the_results_lesson() -> None:
    """The notebook says so; the function must not drift from that lesson's script."""
    text = "".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "markdown")
    assert "the `find_divisibles` of the Getting results lesson" in text
    script = (fence.ROOT / "snippets/results/gather_order.py").read_text(encoding="utf-8")
    function = script[script.index("async def find_divisibles") :]
    function = function[: function.index("return located\n") + len("return located\n")]
    cell = next("".join(c["source"]) for c in _cells() if c.get("id") == "define")
    assert function.rstrip("\n") in cell


def test_notebook_kernel_is_the_build_python() -> None:
    notebook.check_kernel(NOTEBOOK, "docs/notebook.ipynb")  # raises if it is not


def test_a_kernel_spec_for_another_python_is_refused(tmp_path: Path, monkeypatch) -> None:
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    other = "/usr/bin/python3" if sys.executable != "/usr/bin/python3" else "/usr/bin/python"
    argv = [other, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Another Python", "language": "python"}),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))  # searched before every other folder
    with pytest.raises(notebook.NotebookError) as error:
        notebook.check_kernel(NOTEBOOK, "docs/notebook.ipynb")
    message = str(error.value)
    assert message.startswith("docs/notebook.ipynb: its kernel 'python3'")
    assert str(spec / "kernel.json") in message and f"starts {other}," in message


def test_what_the_notebook_says_about_asyncio_run_and_await(version: str) -> None:
    """Its markdown quotes two failures it does not run; each Python must fail that way."""
    text = "".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "markdown")
    quoted = "RuntimeError: asyncio.run() cannot be called from a running event loop"
    assert f"`{quoted}`" in text
    assert "`await` outside an `async def` is a `SyntaxError`" in text
    interpreter = interpreters.find(version)
    if interpreter is None:
        pytest.fail(f"Python {version} not found: install it, or set ASYNCIO_BASICS_PYTHONS")
    program = (
        "import asyncio\n"
        "async def main():\n"
        "    coroutine = asyncio.sleep(0)\n"
        "    try:\n"
        "        asyncio.run(coroutine)\n"
        "    except RuntimeError as error:\n"
        "        print(f'RuntimeError: {error}')\n"
        "    coroutine.close()\n"
        "asyncio.run(main())\n"
        "try:\n"
        "    compile('await asyncio.sleep(0)', 'script.py', 'exec')\n"
        "except SyntaxError as error:\n"
        "    print(type(error).__name__)\n"
    )
    proc = subprocess.run(
        [interpreter.executable, "-c", program], capture_output=True, text=True, timeout=30
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"{quoted}\nSyntaxError\n", "")


@pytest.fixture(params=interpreters.requested())
def version(request: pytest.FixtureRequest) -> str:
    return request.param


# --- the built page -------------------------------------------------------------------


def test_the_notebook_can_be_downloaded_from_its_page(built_site: Path) -> None:
    page = (built_site / PAGE).read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+\.ipynb)" download', page)
    assert links == ["notebook.ipynb"], f"{PAGE}: download links {links}"
    copied = built_site / "notebook" / links[0]
    assert copied.read_bytes() == NOTEBOOK.read_bytes(), "the download is not docs/notebook.ipynb"


def test_the_page_loads_nothing_from_a_cdn(built_site: Path) -> None:
    page = (built_site / PAGE).read_text(encoding="utf-8")
    assert '<script src="">' not in page and "x-mathjax-config" not in page
    assert "cdnjs" not in page and "cdn.jsdelivr" not in page
    remote = re.findall(r"""(?:\bsrc=|\bimport\()\s*["']?(?:https?:)?//[^"' )]*""", page)
    assert remote == [], f"{PAGE} loads {remote}"


def test_remote_images_and_scripts_are_reported() -> None:
    rendered = (
        '<script src=""> </script>\n'
        '<script type="text/x-mathjax-config">init_mathjax();</script>\n'
        '<script type="module">const m = (await import("https://cdnjs.example/m.mjs")).default;</script>\n'
        '<p><img src="https://example.com/picture.png" alt="remote"></p>\n'
        '<p><a href="https://docs.python.org/3/">a link is fine</a></p>\n'
    )
    page, remote = notebook.tidy(rendered)
    assert "script" not in page
    assert len(remote) == 1 and "https://example.com/picture.png" in remote[0], remote


# --- a broken notebook fails the build ------------------------------------------------


def _project(tmp_path: Path, cells: list[dict]) -> Project:
    """The small copy of the project (tests/support.py), with the notebook cut to `cells`."""
    project = Project.create(tmp_path / "project", index="# Home\n")
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    nb["cells"] = cells
    project.page("notebook.ipynb", json.dumps(nb, indent=1))
    return project


@pytest.mark.builds
def test_only_notebooks_become_notebook_pages(tmp_path: Path) -> None:
    """The control for the next test, and mkdocs-jupyter's `include` kept to *.ipynb."""
    project = _project(tmp_path, _cells()[:4])  # up to the first code cell
    project.page("example.py", 'print("a file to download")\n')
    code, log = project.build()
    assert code == 0, log
    site = project.site
    assert (site / "notebook" / "index.html").is_file()
    assert (site / "example.py").read_text(encoding="utf-8") == 'print("a file to download")\n'
    assert not (site / "example" / "index.html").exists(), "a .py file became a notebook page"


RAISES = [
    nbformat.v4.new_code_cell("1 / 0", id="divide"),
    nbformat.v4.new_code_cell('print("never runs")', id="after"),
]


@pytest.mark.builds
def test_a_cell_that_raises_fails_the_build(tmp_path: Path) -> None:
    code, log = _project(tmp_path, _cells()[:4] + RAISES).build()
    assert code != 0, log
    start = log.find("docs/notebook.ipynb: cell 5 (id 'divide') raised ZeroDivisionError")
    assert start >= 0, log
    message = log[start : log.index("Fix the cell", start)]
    assert "----> 1 1 / 0" in message  # the cell's own traceback
    assert "\x1b[" not in message  # without colour codes
    assert "never runs" not in log  # the build stopped at the error


@pytest.mark.builds
def test_make_serve_shows_the_error_on_the_page(tmp_path: Path) -> None:
    """Not strict, as in `make serve`: the build goes on and the page shows what failed."""
    project = _project(tmp_path, _cells()[:4] + RAISES)
    code, log = project.build("--no-strict")
    assert code == 0, log
    assert "ERROR" in log and "cell 5 (id 'divide') raised ZeroDivisionError" in log
    page = project.html("notebook/index.html")
    assert "This notebook failed in this build" in page
    assert "cell 5 (id &#x27;divide&#x27;) raised ZeroDivisionError: division by zero" in page
