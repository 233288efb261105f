// Run docs/javascripts/playground/worker.js in Node, as the browser runs it, on one of the
// WebAssembly builds in tools/wasm (for tests/test_playground.py, `make update-browser-examples`):
//   node node_worker.mjs <pyodide dir> <job.json> [<snapshot>]   run one job
//   node node_worker.mjs <pyodide dir> --make-snapshot <file>    save a fresh interpreter
// A run prints one JSON message per line, the ones the worker posts to the page.
// With a snapshot, the interpreter starts from the saved memory of one that had just
// started (0.8 s instead of 4 s of CPU); worker.js is the same, see from_snapshot/.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtime, jobFile, snapshotFile] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const playground = path.resolve(here, "../../docs/javascripts/playground");
const indexURL = path.resolve(runtime) + "/"; // Pyodide in Node wants a path, not a file: URL

if (jobFile === "--make-snapshot") {
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  await writeFile(snapshotFile, pyodide.makeMemorySnapshot());
  process.exit(0);
}

// What a module worker has and Node lacks: self, postMessage, fetch for files.
globalThis.self = globalThis;
globalThis.postMessage = (message) => {
  const last = message.type === "exit" || message.type === "error";
  // Exit once the pipe has taken every line: process.exit cuts a pending write short.
  process.stdout.write(JSON.stringify(message) + "\n", last ? () => process.exit(0) : undefined);
};
globalThis.fetch = async (url) => new Response(await readFile(new URL(url)));

let bootURL = indexURL;
if (snapshotFile) {
  globalThis.fromSnapshot = { indexURL, snapshot: await readFile(snapshotFile) };
  bootURL = path.join(here, "from_snapshot") + "/";
}
await import(pathToFileURL(path.join(playground, "worker.js")));
const job = JSON.parse(await readFile(jobFile, "utf-8"));
const runnerURL = pathToFileURL(path.join(playground, "runner.py")).href;
const pipeline = path.resolve(here, "../pipeline"); // what the build copies beside runner.py
const toolURLs = Object.fromEntries(
  ["trace", "picture", "grading"].map((name) => [name, pathToFileURL(path.join(pipeline, `${name}.py`)).href]),
);
self.onmessage({ data: { type: "boot", indexURL: bootURL, runnerURL, toolURLs } });
self.onmessage({ data: { type: "run", job } });
