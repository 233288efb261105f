// One Python per run, in a module Web Worker, so a long computation never freezes the page
// and Stop is worker.terminate(). playground.js starts a worker ahead of time ("boot"),
// then sends it one snippet ("run"); the worker streams what the script writes to its
// standard output and error, then its exit status. tests/test_playground.py drives this
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

async function boot({ indexURL, runnerURL }) {
  const started = performance.now();
  const [{ loadPyodide }, source] = await Promise.all([
    import(indexURL + "pyodide.mjs"),
    fetch(runnerURL).then((response) => {
      if (!response.ok) throw new Error(`${runnerURL}: ${response.status}`);
      return response.text();
    }),
  ]);
  const pyodide = await loadPyodide({ indexURL });
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(source, { globals: namespace, filename: "runner.py" });
  const version = pyodide.runPython("import sys; sys.version.split()[0]");
  return { pyodide, main: namespace.get("main"), version, ms: performance.now() - started };
}

function run({ pyodide, main }, job) {
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
  const status = main(JSON.stringify(job));
  self.postMessage({ type: "exit", status, ms: performance.now() - started });
}
