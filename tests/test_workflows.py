"""The GitHub workflows: valid against GitHub's schema, clean under zizmor, and wired as
the project needs (the Python matrix, deploying only after the tests). All offline.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools.pipeline import fence, interpreters

WORKFLOWS = fence.ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
BLOCKING = {"Medium", "High"}  # zizmor severities that fail the test


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def check_schema(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    return subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=120)


def audit(paths: list[Path]) -> list[str]:
    """zizmor's findings of medium severity or above, one line each: file:line: audit: what."""
    proc = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Exit codes: 0 no finding, 10-14 findings by highest severity, anything else an error.
    assert proc.returncode == 0 or 10 <= proc.returncode <= 14, f"zizmor failed:\n{proc.stderr}"
    blocking = []
    for finding in json.loads(proc.stdout):
        if finding["determinations"]["severity"] in BLOCKING:
            where = finding["locations"][0]["symbolic"]
            line = finding["locations"][0]["concrete"]["location"]["start_point"]["row"] + 1
            path = where["key"].get("Local", {}).get("verbatim_path", where["key"])
            blocking.append(f"{path}:{line}: {finding['ident']}: {finding['desc']}")
    return blocking


def test_both_workflows_exist() -> None:
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["ci.yml", "docs.yml"]


def test_workflows_match_githubs_schema() -> None:
    proc = check_schema(sorted(WORKFLOWS.glob("*.yml")))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing_medium_or_above() -> None:
    findings = audit(sorted(WORKFLOWS.glob("*.yml")))
    assert not findings, "\n".join(findings)


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "ci.yml"
    broken.write_text((WORKFLOWS / "ci.yml").read_text().replace("    steps:\n", "    stepz:\n", 1))
    proc = check_schema([broken])
    assert proc.returncode != 0
    assert "ci.yml" in proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("change", "audit_name"),
    [
        (("  pull_request:\n", "  pull_request_target:\n"), "dangerous-triggers"),
        (
            ("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1", "actions/checkout@v7"),
            "unpinned-uses",
        ),
        (("        with:\n          persist-credentials: false\n", ""), "artipacked"),
    ],
    ids=["pull_request_target", "unpinned-action", "persisted-credentials"],
)
def test_zizmor_catches_an_unsafe_workflow(
    tmp_path: Path, change: tuple[str, str], audit_name: str
) -> None:
    text = (WORKFLOWS / "ci.yml").read_text()
    assert change[0] in text, "the workflow changed: update this test's edit"
    unsafe = tmp_path / "ci.yml"
    unsafe.write_text(text.replace(*change))
    findings = audit([unsafe])
    assert any(f": {audit_name}: " in f for f in findings), findings


def test_ci_runs_every_supported_python() -> None:
    jobs = _load("ci.yml")["jobs"]
    assert jobs["test"]["strategy"]["matrix"]["python"] == list(interpreters.SUPPORTED)
    assert jobs["test"]["env"]["ASYNCIO_BASICS_PYTHONS"] == "${{ matrix.python }}"
    assert "make test" in [step.get("run") for step in jobs["test"]["steps"]]
    assert "make build" in [step.get("run") for step in jobs["build"]["steps"]]


def _installed_pythons(job: dict) -> set[str]:
    for step in job["steps"]:
        if step.get("uses", "").startswith("actions/setup-python@"):
            return set(step["with"]["python-version"].split())
    raise AssertionError("no actions/setup-python step")


def _selected_in(job: dict) -> set[str]:
    """The versions a job's build runs: its ASYNCIO_BASICS_PYTHONS, else the Makefile's default."""
    if interpreters.SELECT_ENV in job.get("env", {}):
        return set(str(job["env"][interpreters.SELECT_ENV]).split())
    makefile = (fence.ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^export {interpreters.SELECT_ENV} \?= (.+)$", makefile, re.M)
    assert found, f"the Makefile no longer sets a default {interpreters.SELECT_ENV}"
    return set(found[1].split())


def test_the_strict_build_job_runs_and_installs_every_supported_python() -> None:
    """A strict build fails for a selected Python it cannot find; CI builds what is published."""
    build = _load("ci.yml")["jobs"]["build"]
    assert _selected_in(build) == set(interpreters.SUPPORTED)
    assert _installed_pythons(build) == set(interpreters.SUPPORTED)


def test_the_deploy_job_installs_every_supported_python() -> None:
    """A published version shows every supported Python's output (tools/publish.py)."""
    deploy = _load("docs.yml")["jobs"]["deploy"]
    assert interpreters.SELECT_ENV not in deploy.get("env", {}), "the deploy must not be narrowed"
    assert _installed_pythons(deploy) == set(interpreters.SUPPORTED)


def test_docs_deploys_only_tested_commits_with_the_least_permissions() -> None:
    docs = _load("docs.yml")
    assert docs["on"] == {"push": {"branches": ["main"], "tags": ["v[0-9]+.[0-9]+"]}}
    assert docs["permissions"] == {}
    jobs = docs["jobs"]
    assert jobs["test"]["uses"] == "$/.github/workflows/ci.yml"
    assert jobs["deploy"]["needs"] == "test"
    writers = [name for name, job in jobs.items() if "write" in job.get("permissions", {}).values()]
    assert writers == ["deploy"]
    assert jobs["deploy"]["concurrency"] == {"group": "gh-pages", "cancel-in-progress": False}
    checkout = jobs["deploy"]["steps"][0]["with"]
    assert checkout["fetch-depth"] == 0
    runs = [step.get("run", "") for step in jobs["deploy"]["steps"]]
    assert '.venv/bin/python -m tools.publish deploy "$GITHUB_REF"' in runs


def test_no_checkout_keeps_credentials() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in _load(path.name)["jobs"].items():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, f"{path.name}: job {name}"
