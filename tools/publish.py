"""Publish the site with mike: one folder per version on the gh-pages branch.

    python -m tools.publish deploy REF          what the docs workflow runs, then it pushes
    python -m tools.publish preview [--port N]  `make versions`: two versions, served locally

REF is the git ref that was pushed:

* refs/heads/main  ->  version `dev`
* refs/tags/vX.Y   ->  version `X.Y` with the alias `latest`, which the site root redirects
                       to (a tag older than the newest published release gets no alias)

A release also copies its 404 page to the root of gh-pages: GitHub Pages only ever serves
/404.html for a missing page, and mike writes nothing at the root but index.html and
versions.json.

`preview` never touches the repository it runs in: it copies the working tree (tracked
and untracked files, minus what .gitignore ignores) into a temporary git repository,
deploys there, and serves that repository's gh-pages branch until Ctrl+C.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.pipeline import interpreters

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "gh-pages"
LATEST = "latest"
_RELEASE_TAG = re.compile(r"refs/tags/v(\d+\.\d+)")
_RELEASE = re.compile(r"\d+\.\d+")

# Commits in the throwaway preview repository; never in the contributor's own.
PREVIEW_IDENTITY = {"user.name": "Asyncio Basics preview", "user.email": "preview@localhost"}


class PublishError(Exception):
    """Something to fix before publishing; the message says what."""


def version_for(ref: str) -> tuple[str, bool]:
    """The version a pushed ref publishes, and whether it is a release."""
    if ref == "refs/heads/main":
        return "dev", False
    match = _RELEASE_TAG.fullmatch(ref)
    if match:
        return match[1], True
    raise PublishError(
        f"cannot publish {ref!r}: only refs/heads/main (as `dev`) and release tags vX.Y "
        "(as `X.Y`, aliased `latest`) are published; cut a release with "
        "`git tag v1.2 && git push origin v1.2`"
    )


def _release_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _env() -> dict[str, str]:
    # mike runs `mkdocs` from PATH: make it this environment's.
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "NO_MKDOCS_2_WARNING": "1",
    }


def _run(args: list[str], root: Path, *, quiet: bool = False, **kwargs) -> str:
    if not quiet:
        print("$ " + shlex.join(args), flush=True)
    proc = subprocess.run(args, cwd=root, env=_env(), capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise PublishError(
            f"`{shlex.join(args)}` failed in {root} (exit {proc.returncode}):\n"
            + proc.stdout
            + proc.stderr
        )
    if not quiet and proc.stderr.strip():
        print(proc.stderr.rstrip(), file=sys.stderr, flush=True)
    return proc.stdout


def _mike(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "mike"), *args]


def published(root: Path = ROOT) -> list[dict]:
    """What `mike list --json` reports: [{"version": ..., "title": ..., "aliases": [...]}, ...]."""
    return json.loads(_run(_mike("list", "--json"), root, quiet=True) or "[]")


def deploy(ref: str, root: Path = ROOT, preview: bool = False) -> str:
    """Build the site in `root` and commit it to the local gh-pages branch as the version
    `ref` publishes. Pushing is left to the caller (`git push origin gh-pages`).

    A published version shows every supported Python's output, so a build narrowed with
    ASYNCIO_BASICS_PYTHONS is refused, except for a local preview (`make versions`)."""
    if interpreters.narrowed() and not preview:
        raise PublishError(
            f"{interpreters.SELECT_ENV}={os.environ.get(interpreters.SELECT_ENV)!r} narrows the "
            f"build to {' '.join(interpreters.requested())}, but a published version must show "
            f"every supported Python ({' '.join(interpreters.SUPPORTED)}). Unset it, with "
            "every one of them installed."
        )
    version, release = version_for(ref)
    if release:
        newer = [
            v["version"]
            for v in published(root)
            if _RELEASE.fullmatch(v["version"])
            and _release_key(v["version"]) > _release_key(version)
        ]
        if newer:
            print(
                f"{version} is older than the published {', '.join(newer)}: "
                f"deploying it without `{LATEST}`"
            )
            release = False
    if release:
        _run(_mike("deploy", "--update-aliases", version, LATEST), root)
        _run(_mike("set-default", LATEST), root)
        _copy_404_to_root(version, root)
    else:
        _run(_mike("deploy", version), root)
    return version


def _copy_404_to_root(version: str, root: Path) -> None:
    """Commit <version>/404.html as /404.html on gh-pages, without checking anything out."""

    def git(*args: str, env: dict[str, str] | None = None) -> str:
        proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise PublishError(f"`git {shlex.join(args)}` failed in {root}: {proc.stderr.strip()}")
        return proc.stdout.strip()

    parent = git("rev-parse", f"refs/heads/{BRANCH}")
    try:
        blob = git("rev-parse", f"{parent}:{version}/404.html")
    except PublishError:
        raise PublishError(
            f"{version}/404.html is not on {BRANCH}: the theme must build a 404 page"
        ) from None
    with tempfile.TemporaryDirectory() as tmp:
        index = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git("read-tree", parent, env=index)
        git("update-index", "--add", "--cacheinfo", f"100644,{blob},404.html", env=index)
        tree = git("write-tree", env=index)
    if tree == git("rev-parse", f"{parent}^{{tree}}"):
        return
    print(f"copying {version}/404.html to the root of {BRANCH}", flush=True)
    commit = git(
        "commit-tree",
        tree,
        "-p",
        parent,
        "-m",
        f"Serve the 404 page of {version} for every missing page",
    )
    git("update-ref", f"refs/heads/{BRANCH}", commit, parent)


def copy_working_tree(source: Path, dest: Path) -> None:
    """Copy what `git status` would show (not ignored files) into a new repository at dest."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=source,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError) as error:
        raise PublishError(
            f"{source} must be a git repository to preview its versions: {error}"
        ) from None
    for rel in filter(None, listing.split("\0")):
        path = source / rel
        if path.is_file():  # a tracked file may have been deleted from the working tree
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    commit_as_repository(dest)
    if (source / "node_modules").is_dir():  # ignored, but the build copies Pyodide from it
        (dest / "node_modules").symlink_to(source / "node_modules")  # after the commit: a
        # link is not a folder to .gitignore's `node_modules/`, and would be committed


def commit_as_repository(dest: Path) -> None:
    """Make the files at dest the first commit of a new repository, on main."""
    git = ["git", "-C", str(dest)]
    subprocess.run([*git, "init", "--quiet", "--initial-branch", "main"], check=True)
    for key, value in PREVIEW_IDENTITY.items():
        subprocess.run([*git, "config", key, value], check=True)
    subprocess.run([*git, "add", "--all"], check=True)
    subprocess.run([*git, "commit", "--quiet", "--message", "Working tree to preview"], check=True)


def preview(port: int) -> None:
    # Stopped with Ctrl+C or `kill`: either way, remove the temporary copy.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with tempfile.TemporaryDirectory(prefix="asyncio-basics-versions-") as tmp:
        root = Path(tmp)
        copy_working_tree(ROOT, root)
        print(f"Deploying two versions of the working tree into the gh-pages branch of {root}")
        deploy("refs/tags/v0.1", root, preview=True)
        deploy("refs/heads/main", root, preview=True)
        print(_run(_mike("list"), root, quiet=True), end="")
        print(f"Version 0.1 is `{LATEST}`; `dev` shows the banner that links to it.")
        try:
            code = subprocess.run(
                _mike("serve", "--dev-addr", f"127.0.0.1:{port}"), cwd=root, env=_env()
            ).returncode
        except KeyboardInterrupt:
            return
        if code != 0:
            raise PublishError(
                f"`mike serve` exited with {code}: is 127.0.0.1:{port} already in use? "
                "Stop what uses it, or pick another port: "
                "`python -m tools.publish preview --port 8001`"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.publish", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    deploy_cmd = commands.add_parser("deploy", help="deploy the version a pushed ref publishes")
    deploy_cmd.add_argument("ref", help="e.g. refs/heads/main or refs/tags/v1.2 ($GITHUB_REF)")
    preview_cmd = commands.add_parser(
        "preview", help="deploy two versions in a temporary copy and serve them"
    )
    preview_cmd.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    try:
        if args.command == "deploy":
            deploy(args.ref)
        else:
            preview(args.port)
    except PublishError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
