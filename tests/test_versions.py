"""Versioned publishing with mike (tools/publish.py), in a small project of its own.

Deploys what the docs workflow deploys, a release tag and main, into the local gh-pages
branch of a small copy of the project (the real tools, theme and mkdocs.yml, one lesson),
then reads that branch as GitHub Pages would serve it. Versioning does not depend on how
many pages there are; every page is built by the suite's own build.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import Project

from tools import publish
from tools.pipeline import fence, interpreters, transcripts

LESSON = "snippets/synchronous-baseline/find_divisibles.py"
LESSON_PAGE = "synchronous-baseline/index.html"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def _mike_list(root: Path) -> str:
    mike = str(Path(sys.executable).parent / "mike")
    return subprocess.run(
        [mike, "list"], cwd=root, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project.create(tmp_path_factory.mktemp("versions") / "repo")
    project.copy(LESSON)
    project.page(
        "synchronous-baseline.md", f'# A lesson\n\n```python exec="on"\n--8<-- "{LESSON}"\n```\n'
    )
    with (project.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("nav:\n  - index.md\n  - synchronous-baseline.md\n")  # llms-full.txt lists nav
    project.write(".gitignore", (fence.ROOT / ".gitignore").read_text(encoding="utf-8"))  # site/
    publish.commit_as_repository(project.root)
    # One Python is enough here; the version matrix is test_snippets.py's job. A narrowed
    # build is only deployed as a preview (`make versions`); test_guards.py checks that a
    # real deploy refuses it.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ASYNCIO_BASICS_PYTHONS", interpreters.current().version)
        publish.deploy("refs/tags/v0.1", project.root, preview=True)
        publish.deploy("refs/heads/main", project.root, preview=True)
    return project.root


def test_mike_leaves_the_branch_it_deploys_from_alone(repo: Path) -> None:
    assert _git(repo, "branch", "--list", "gh-pages").strip(), "no gh-pages branch"
    assert _git(repo, "status", "--porcelain") == "", "mike left files behind"
    assert (repo / LESSON).read_text() == (fence.ROOT / LESSON).read_text()


def test_mike_lists_both_versions_and_the_alias(repo: Path) -> None:
    printed = _mike_list(repo)
    print(printed)  # shown with `pytest -s`
    assert printed.splitlines() == ["dev", "0.1 [latest]"]


def test_versions_json_names_the_alias(repo: Path) -> None:
    versions = json.loads(_git(repo, "show", "gh-pages:versions.json"))
    assert {v["version"]: v["aliases"] for v in versions} == {"dev": [], "0.1": ["latest"]}


def test_the_site_root_opens_latest(repo: Path) -> None:
    assert 'url=latest/"' in _git(repo, "show", "gh-pages:index.html")


@pytest.mark.parametrize("version", ["0.1", "dev"])
def test_each_version_shows_its_executed_output(repo: Path, version: str) -> None:
    html = _git(repo, "show", f"gh-pages:{version}/{LESSON_PAGE}")
    expected = transcripts.read(LESSON, interpreters.current().version)
    assert expected and "finding numbers below 500 divisible by 3" in expected
    text = (
        re.sub(r"<[^>]+>", "", html).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
    )
    assert transcripts.mask(expected.rstrip("\n")) in transcripts.mask(text)
    # llms-full.txt of that version carries the same output
    full = _git(repo, "show", f"gh-pages:{version}/llms-full.txt")
    assert "finding numbers below 500 divisible by 3" in full


@pytest.mark.parametrize("version", ["0.1", "dev"])
def test_each_version_has_the_selector_and_the_banner(repo: Path, version: str) -> None:
    html = _git(repo, "show", f"gh-pages:{version}/{LESSON_PAGE}")
    config = json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)[1]
    )
    assert config["version"] == {"provider": "mike", "default": "latest", "alias": True}
    # mkdocs-material unhides the banner on versions without the `latest` alias
    banner = re.search(r'data-md-component="outdated" hidden>(.*?)</aside>', html, re.S)
    assert banner, "the outdated-version banner is missing"
    assert 'href="../../latest/"' in banner[1]


def test_the_root_404_page_is_the_latest_release_s(repo: Path) -> None:
    root_404 = _git(repo, "show", "gh-pages:404.html")
    assert root_404 == _git(repo, "show", "gh-pages:0.1/404.html")
    assert "404 - Not found" in root_404
    # absolute links, so that it works at any depth
    assert re.search(r'href="/[^"]*0\.1/assets/stylesheets/', root_404)


def _clone(repo: Path, dest: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(repo), str(dest)], check=True)
    _git(dest, "branch", "gh-pages", "origin/gh-pages")
    for key, value in publish.PREVIEW_IDENTITY.items():
        _git(dest, "config", key, value)
    return dest


def test_an_older_release_does_not_take_latest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The choice is ours (mike deploys what it is told): a unit test, no build."""
    ran: list[list[str]] = []
    monkeypatch.setattr(publish, "_run", lambda args, root, **kwargs: ran.append(args) or "")
    monkeypatch.setattr(publish, "_copy_404_to_root", lambda version, root: None)
    published = [{"version": "dev"}, {"version": "0.1", "aliases": ["latest"]}]
    monkeypatch.setattr(publish, "published", lambda root: published)
    monkeypatch.delenv(interpreters.SELECT_ENV, raising=False)
    publish.deploy("refs/tags/v0.0", tmp_path)
    assert [args[1:] for args in ran] == [["deploy", "0.0"]]
    publish.deploy("refs/tags/v0.2", tmp_path)  # a newer one does
    assert ran[1][1:] == ["deploy", "--update-aliases", "0.2", publish.LATEST]


def test_a_drifted_output_is_not_deployed(repo: Path, tmp_path: Path) -> None:
    """mike builds strictly: a snippet whose output changed stops the deploy."""
    root = _clone(repo, tmp_path / "repo")
    before = _git(root, "rev-parse", "gh-pages")
    transcript = transcripts.shared_path(LESSON, root)
    transcript.write_text(
        transcript.read_text().replace("below 500 divisible", "below 501 divisible")
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ASYNCIO_BASICS_PYTHONS", interpreters.current().version)
        with pytest.raises(publish.PublishError) as failure:
            publish.deploy("refs/heads/main", root, preview=True)
    assert "output differs from the committed transcript" in str(failure.value)
    assert _git(root, "rev-parse", "gh-pages") == before


@pytest.mark.parametrize(
    ("ref", "version", "release"),
    [
        ("refs/heads/main", "dev", False),
        ("refs/tags/v1.2", "1.2", True),
        ("refs/tags/v10.0", "10.0", True),
    ],
)
def test_version_for_a_ref(ref: str, version: str, release: bool) -> None:
    assert publish.version_for(ref) == (version, release)


@pytest.mark.parametrize(
    "ref", ["refs/heads/feature", "refs/tags/v1", "refs/tags/v1.2.3", "refs/tags/1.2"]
)
def test_other_refs_are_refused(ref: str) -> None:
    with pytest.raises(publish.PublishError, match=re.escape(f"cannot publish {ref!r}")):
        publish.version_for(ref)


def test_a_preview_copies_the_working_tree_into_a_repository_of_its_own(tmp_path: Path) -> None:
    """`make versions` deploys a copy, so that mike never touches the working tree's branches."""
    copy = tmp_path / "copy"
    publish.copy_working_tree(fence.ROOT, copy)
    listed = _git(fence.ROOT, "ls-files", "--cached", "--others", "--exclude-standard")
    present = sorted(f for f in listed.splitlines() if (fence.ROOT / f).is_file())
    assert _git(copy, "ls-files").splitlines() == present, "the copy is not the working tree"
    assert _git(copy, "log", "--format=%s") == "Working tree to preview\n"
    assert (copy / LESSON).read_text() == (fence.ROOT / LESSON).read_text()
