"""Timeline pictures: which task held the event loop when, drawn from a real run.

A fence with `timeline="on"` gets, below its output, an SVG drawn at build time from one
run of the same script under tools/pipeline/trace.py. That run is a separate one from the run whose
output the page shows (tracing adds a little time to every step), so the picture says so;
the build checks that it printed the same lines in the same order as the transcript, so
the picture always shows the order the page shows.

tools/pipeline/picture.py draws it, as it draws every Run's in the reader's browser.

    python -m tools.pipeline.timeline snippets/suspension/sleep_zero.py > /tmp/t.svg   # to look at one
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
import sys
from pathlib import Path
from typing import Any

from tools.pipeline import interpreters, picture, runner, trace, transcripts
from tools.pipeline.fence import RunOptions
from tools.pipeline.transcripts import Run

TRACER = "tools.pipeline.trace"
TRACER_DIGEST = hashlib.sha256(Path(trace.__file__).read_bytes()).hexdigest()


class TimelineError(Exception):
    """The traced run failed, or does not match the transcript."""


def trace_options(options: RunOptions) -> RunOptions:
    """The fence's options, with the script run under tools/pipeline/trace.py."""
    return dataclasses.replace(options, args=(*options.args, "-m", TRACER), streams=False)


def parse_run(run: Run, options: RunOptions) -> dict[str, Any]:
    """The trace a traced run printed; TimelineError if it did not finish."""
    if run.timed_out:
        raise TimelineError(f"{run.snippet}: the traced run was killed after {options.timeout:g} s")
    try:
        return trace.parse(run.output)
    except ValueError as error:
        raise TimelineError(
            f"{run.snippet}: the traced run (python -m {TRACER}) failed: {error}"
        ) from None


def check_against(
    data: dict[str, Any], expected: str | None, snippet: str, options: RunOptions
) -> None:
    """The traced run printed what the page shows (`expected`: the plain run of the same
    Python, as a transcript), in the same order."""
    printed = "".join(text for _, text in data["output"])
    shown = transcripts.split(expected or "")[1]
    if transcripts.mask(printed, options) != transcripts.mask(shown, options):
        raise TimelineError(
            f"{snippet}: the traced run printed something other than the plain run, so its "
            f"picture would not match the output on the page.\n--- plain run\n{shown}"
            f"--- traced run (Python {data['python']})\n{printed}"
        )
    if not data["steps"]:
        raise TimelineError(
            f"{snippet}: the traced run recorded no steps: no asyncio task ran, and `main` "
            'called no function of the snippet. Remove timeline="on" from its fence.'
        )


def render(data: dict[str, Any], snippet: str, ident: str) -> str:
    """The build's figure of a traced run (picture.py draws it, as in the browser)."""
    caption = (
        "Drawn from one real run of "
        f"<code>{html.escape(snippet)}</code> during this build, on Python "
        f"{html.escape(data['python'])}. It is a separate run from the output above, and traced, "
        "so its times differ a little; it printed the same lines in the same order."
    )
    return picture.render(data, snippet, ident, caption)


_PICTURE = re.compile(r'<svg class="timeline".*?</svg>', re.S)


def mask_pictures(text: str) -> str:
    """Hide the measured geometry of timeline pictures, to compare two builds."""
    return _PICTURE.sub(lambda m: re.sub(r"\d+(?:\.\d+)?", "<n>", m[0]), text)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(
            "usage: python -m tools.pipeline.timeline snippets/<lesson>/<name>.py", file=sys.stderr
        )
        return 2
    options = trace_options(RunOptions())
    print(
        render(
            parse_run(runner.run(argv[0], interpreters.current(), options), options),
            argv[0],
            "timeline",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
