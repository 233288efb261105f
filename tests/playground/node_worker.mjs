// Run docs/javascripts/playground/worker.js in Node, as the browser runs it, for
// tests/test_playground.py:  node node_worker.mjs <pyodide dir> <job.json>
// Prints one JSON message per line, the ones the worker posts to the page.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtime, jobFile] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const playground = path.resolve(here, "../../docs/javascripts/playground");

// What a module worker has and Node lacks: self, postMessage, fetch for files.
globalThis.self = globalThis;
globalThis.postMessage = (message) => {
  process.stdout.write(JSON.stringify(message) + "\n");
  if (message.type === "exit" || message.type === "error") process.exit(0);
};
globalThis.fetch = async (url) => new Response(await readFile(new URL(url)));

await import(pathToFileURL(path.join(playground, "worker.js")));
const job = JSON.parse(await readFile(jobFile, "utf-8"));
const indexURL = path.resolve(runtime) + "/"; // Pyodide in Node wants a path, not a file: URL
self.onmessage({ data: { type: "boot", indexURL, runnerURL: pathToFileURL(path.join(playground, "runner.py")).href } });
self.onmessage({ data: { type: "run", job } });
