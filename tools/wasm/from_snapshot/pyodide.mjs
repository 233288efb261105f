// Stands in for Pyodide's pyodide.mjs when node_worker.mjs runs a job from a snapshot:
// worker.js imports it and calls loadPyodide exactly as on the page; this adds the
// snapshot and points back at the real runtime.
const { indexURL, snapshot } = globalThis.fromSnapshot;
const pyodide = await import(indexURL + "pyodide.mjs");

export async function loadPyodide(options) {
  const py = await pyodide.loadPyodide({ ...options, indexURL, _loadSnapshot: snapshot });
  // A restored interpreter has "" twice at the head of sys.path, a fresh one once (Pyodide
  // 314.0.7); runner.py replaces the first with the script's folder, as `python` does.
  py.runPython("import sys\nif sys.path[:2] == ['', '']: del sys.path[0]");
  return py;
}
