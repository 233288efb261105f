"""Record every snippet's transcript on purpose: `make update-examples`.

Runs each snippet on every Python version it can find and rewrites the .out files
whose masked text changed. It refuses to record a run that hung or exited with a code
its fence does not expect, so an accident is never committed as the truth.
"""

from __future__ import annotations

import sys

from tools import runner, snippets


def main() -> int:
    usages = {u.snippet: u for u in snippets.find_usages()}
    versions = [v for v in runner.requested_versions() if runner.find_interpreter(v)]
    missing = sorted(set(runner.requested_versions()) - set(versions))
    print(f"Python versions: {', '.join(versions)}" + (f" (not found: {', '.join(missing)})" if missing else ""))
    failures, changed = [], []
    for snippet, usage in usages.items():
        produced = {}
        for version in versions:
            if not usage.options.runs_on(version):
                continue
            run = runner.run_snippet(snippet, runner.find_interpreter(version), usage.options)
            refused = snippets.check_run(run, usage.options, expected=run.transcript)  # exit code only
            if refused:
                failures += [f"{usage.where}: {p}" for p in refused]
            else:
                produced[version] = run.transcript
        if not any(f.startswith(usage.where) for f in failures):
            changed += snippets.write_transcripts(snippet, produced, usage.options)
    for path in changed:
        print(f"updated {path.relative_to(runner.ROOT)}")
    print(f"{len(usages)} snippets, {len(changed)} transcript files changed")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    if missing:
        print(f"warning: not recorded for {', '.join(missing)}: interpreter not found", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
