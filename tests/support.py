"""Helpers shared by the tests that build a small copy of the project.

`Project.create` makes the one kind of small copy every such test uses: the real tools/
and overrides/, the real mkdocs.yml minus its nav, a docs/index.md, and an empty snippets/
and exercises/. Because the tools and the configuration are the real ones, removing a guard from either
makes the tests that rely on it fail. `mkdocs_build` is the one way those tests build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.pipeline import executor, fence, interpreters

INDEX = "# Home\n\n## A home\n"


def mkdocs_build(
    root: Path, *flags: str, site_dir: Path | None = None, **env: str
) -> tuple[int, str]:
    """`mkdocs build` the project at `root` into `site_dir` (root/../site); return (exit code, log).

    No --strict unless a flag asks: mkdocs.yml's own `strict: true` must be what fails
    the build. One Python is enough here (the version matrix is test_snippets.py's job),
    unless `env` selects others; the caller's cache switches and SOURCE_DATE_EPOCH never
    leak in (the hook sets the latter from the last commit).
    """
    skip = (executor.CACHE_ENV, executor.NO_EXEC_ENV, "SOURCE_DATE_EPOCH")
    environ = {k: v for k, v in os.environ.items() if k not in skip}
    environ |= {
        interpreters.SELECT_ENV: interpreters.current().version,
        "NO_MKDOCS_2_WARNING": "1",
        **env,
    }
    site = site_dir or root.parent / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(site)],
        cwd=root,
        env=environ,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return proc.returncode, proc.stdout + proc.stderr


@dataclass
class Project:
    """A small copy of the project under `root`; it builds into root/../site."""

    root: Path

    @classmethod
    def create(cls, root: Path, index: str = INDEX) -> Project:
        no_cache = shutil.ignore_patterns("__pycache__", "node_modules")  # tools/lighthouse/
        shutil.copytree(fence.ROOT / "tools", root / "tools", ignore=no_cache)
        shutil.copytree(fence.ROOT / "overrides", root / "overrides")  # theme.custom_dir
        config = (fence.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", "", config, flags=re.M)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        (root / "snippets").mkdir()  # watched by mkdocs.yml
        (root / "exercises").mkdir()  # watched too; kept in a git copy by its .gitkeep
        (root / "exercises" / ".gitkeep").touch()
        project = cls(root)
        project.page("index.md", index)
        return project

    @property
    def site(self) -> Path:
        return self.root.parent / "site"

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def page(self, name: str, text: str) -> Path:
        """Write docs/<name>."""
        return self.write(f"docs/{name}", text)

    def copy(self, snippet: str) -> None:
        """Copy a snippet of the real project, with its transcripts."""
        source = fence.ROOT / snippet
        for path in source.parent.iterdir():
            if path.name == source.name or (
                path.name.startswith(source.stem + ".") and path.suffix == ".out"
            ):
                dest = self.root / path.relative_to(fence.ROOT)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, dest)

    def build(self, *flags: str, **env: str) -> tuple[int, str]:
        return mkdocs_build(self.root, *flags, **env)

    def html(self, rel: str) -> str:
        """A built page: "lesson/index.html"."""
        return (self.site / rel).read_text(encoding="utf-8")
