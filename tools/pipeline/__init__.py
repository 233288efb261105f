"""The build pipeline: from a page's exec fence to the output shown under it.

    fence.py         a page's exec fences, parsed once (snippet, run and display options)
    interpreters.py  which Pythons are supported, which this build runs, where they are
    runner.py        one snippet, one Python, one real process
    transcripts.py   the committed .out files: where they live, their format, how a run
                     is compared with them (exit status and output, separately)
    cache.py         replaying unchanged runs in `make serve`
    executor.py      made once per build: runs every fence's snippet, concurrently
    render.py        what a reader gets: highlighted source, outputs, downloads
    timeline.py      the timeline pictures (drawn from a run under trace.py)
    notebook.py      the notebook page
    playground.py    the in-browser runner: Run / Stop / Reset, Pyodide copied into the site
    hooks.py         the MkDocs hooks that tie these together (mkdocs.yml: hooks)

Maintainer commands (bench, stress, publish, update_examples, update_browser_examples,
rehearse, reproducible) live in tools/; Python 3.14 and 3.15 as WebAssembly builds in Node,
for the tests and the recording, in tools/wasm/. Nothing here imports either.
"""
