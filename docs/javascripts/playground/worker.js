// One Python per run, in a module Web Worker, so a long computation never freezes the page
// and Stop is worker.terminate(). playground.js starts a worker ahead of time ("boot"),
// then sends it one snippet ("run"); the worker streams what the script writes to its
// standard output and error, then the run's timeline (a traced job), the verdict of an
// exercise's conditions (a job with "checks", the source of its checks.py), its exit status. tests/test_playground.py drives this
// same file in Node, through tools/wasm/node_worker.mjs.

let booted = null;

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "boot") {
      booted = boot(data);
      const { version, ms } = await booted;
      self.postMessage({ type: "ready", version, ms });
    } else if (data.type === "run") {
      run(await booted, data.job);
    }
  } catch (error) {
    self.postMessage({ type: "error", message: String((error && error.stack) || error) });
  }
};

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

// runnerURL: runner.py; toolURLs: {trace, picture, grading}, the build's tracer, drawing and
// grading code,
// each run in a namespace of its own (not imported: the script's sys.modules stays as it was).
async function boot({ indexURL, runnerURL, toolURLs }) {
  const started = performance.now();
  const names = Object.keys(toolURLs);
  const [{ loadPyodide }, source, ...sources] = await Promise.all([
    import(indexURL + "pyodide.mjs"),
    text(runnerURL),
    ...names.map((name) => text(toolURLs[name])),
  ]);
  const pyodide = await loadPyodide({ indexURL });
  const dict = pyodide.globals.get("dict");
  const tools = dict();
  names.forEach((name, i) => {
    const namespace = dict();
    pyodide.runPython(sources[i], { globals: namespace, filename: `${name}.py` });
    tools.set(name, namespace);
  });
  const namespace = dict();
  pyodide.runPython(source, { globals: namespace, filename: "runner.py" });
  const version = pyodide.runPython("import sys; sys.version.split()[0]");
  const [main, timeline, verdict] = ["main", "timeline", "verdict"].map((name) => namespace.get(name));
  return { pyodide, main, timeline, verdict, tools, version, ms: performance.now() - started };
}

function run({ pyodide, main, timeline, verdict, tools }, job) {
  for (const [stream, set] of [["stdout", "setStdout"], ["stderr", "setStderr"]]) {
    const decoder = new TextDecoder();
    pyodide[set]({
      write(bytes) {
        self.postMessage({ type: "output", stream, text: decoder.decode(bytes, { stream: true }) });
        return bytes.length;
      },
    });
  }
  const started = performance.now();
  const status = main(JSON.stringify(job), tools);
  const ms = performance.now() - started;
  const drawn = job.trace && timeline(); // "" when the script never started
  if (drawn) self.postMessage({ type: "timeline", ...JSON.parse(drawn), ms: performance.now() - started - ms });
  if (job.checks) self.postMessage({ type: "verdict", results: JSON.parse(verdict(job.checks)) });
  self.postMessage({ type: "exit", status, ms });
}
