// The in-browser runner, page side: under each snippet that can run in the browser, Run,
// Stop and Reset, with the code block editable in place. Nothing is downloaded until the
// first Run: then Python (Pyodide, served by this site from assets/pyodide/) starts in a
// module Web Worker (worker.js). Every run gets a fresh interpreter, and the next one is
// started as soon as a run ends, so that the next Run is instant. Below a run's output, the
// worker's drawing of that run: which task held the event loop when.
(() => {
  const here = document.currentScript.src; // .../javascripts/playground/playground.js
  const indexURL = new URL("../../assets/pyodide/", here).href;
  const workerURL = new URL("worker.js", here).href;
  const runnerURL = new URL("runner.py", here).href;
  // The build's tracer and drawing code, copied beside runner.py: every Run draws its timeline.
  const toolURLs = Object.fromEntries(
    ["trace", "picture", "grading"].map((name) => [name, new URL(`${name}.py`, here).href]),
  );
  const siteRoot = new URL("../../", here);
  let spare = null; // a started interpreter, waiting for the next run
  let downloaded = false;

  function start() {
    const worker = new Worker(workerURL, { type: "module" });
    const ready = new Promise((resolve, reject) => {
      worker.addEventListener("message", function ready({ data }) {
        if (data.type === "ready" || data.type === "error") worker.removeEventListener("message", ready);
        if (data.type === "ready") resolve(data);
        if (data.type === "error") reject(new Error(data.message));
      });
      worker.addEventListener("error", (event) => reject(new Error(event.message || "Python did not start")));
    });
    ready.catch(() => {}); // reported when a run waits for it
    worker.postMessage({ type: "boot", indexURL, runnerURL, toolURLs });
    return { worker, ready };
  }

  function codeOf(snippet) {
    for (const block of document.querySelectorAll(".highlight")) {
      const title = block.querySelector(".filename");
      if (title && title.firstChild && title.firstChild.textContent.trim() === snippet) return block;
    }
    return null;
  }

  function setUp(box) {
    const snippet = box.dataset.snippet;
    const block = codeOf(snippet);
    const code = block && block.querySelector("pre > code");
    if (!code) return;
    const original = code.innerHTML;
    const originalCopy = block.dataset.copy;
    const [run, stop, reset] = ["run", "stop", "reset"].map((name) => box.querySelector(`.playground-${name}`));
    const check = box.querySelector(".playground-check"); // an exercise's
    const status = box.querySelector(".playground-status");
    let output = null;
    let current = null;

    // Editable in place: plain text only, so typing never inserts markup.
    code.setAttribute("contenteditable", "plaintext-only");
    if (code.contentEditable !== "plaintext-only") code.setAttribute("contenteditable", "true");
    code.setAttribute("role", "textbox");
    code.setAttribute("aria-multiline", "true");
    code.setAttribute("aria-label", `Code of ${snippet}, editable: Run runs what is here`);
    code.setAttribute("spellcheck", "false");
    code.classList.add("playground-editable");
    const source = () => {
      const copy = code.cloneNode(true);
      copy.querySelectorAll(".md-annotation").forEach((note) => note.remove());
      return copy.textContent.replace(/\n$/, "") + "\n";
    };
    const forget = () => // a verdict or a timeline is of the code that ran, not of an edit
      box.querySelectorAll(".playground-timeline, .playground-verdict").forEach((old) => old.remove());
    code.addEventListener("input", () => {
      forget();
      reset.disabled = false;
      block.dataset.copy = source().replace(/\n$/, ""); // the copy button copies what is shown
    });
    reset.addEventListener("click", () => {
      forget();
      code.innerHTML = original;
      block.dataset.copy = originalCopy;
      reset.disabled = true;
      status.textContent = "Reset to the original script.";
    });

    function write(text, className) {
      const span = document.createElement("span");
      if (className) span.className = className;
      span.textContent = text;
      output.append(span);
      output.scrollTop = output.scrollHeight;
    }

    function finish(line) {
      if (line) write(line, "playground-exit");
      current.worker.terminate();
      const pressed = current.pressed;
      current = null;
      run.disabled = false;
      if (check) check.disabled = false;
      // Keyboard focus stays on the buttons: back to the one pressed, if Stop had it.
      if (document.activeElement === stop || document.activeElement === document.body) pressed.focus();
      stop.disabled = true;
      spare = spare || start(); // the next run starts at once
    }

    let checks = null; // the exercise's checks.py, fetched on the first Check

    function showVerdict(results) {
      const failed = results.filter(([, holds]) => !holds).length;
      const verdict = document.createElement("div");
      verdict.className = `playground-verdict ${failed ? "playground-failed" : "playground-passed"}`;
      const title = document.createElement("p");
      title.textContent = failed
        ? `Not yet: ${failed} of ${results.length} conditions do not hold.`
        : `Well done: all ${results.length} conditions hold.`;
      const list = document.createElement("ul");
      for (const [condition, holds] of results) {
        const item = document.createElement("li");
        item.textContent = `${holds ? "✓ holds" : "✗ does not hold"}: ${condition}`;
        item.className = holds ? "playground-holds" : "playground-fails";
        list.append(item);
      }
      verdict.append(title, list);
      box.insertBefore(verdict, box.querySelector(".playground-timeline"));
      return title.textContent;
    }

    async function go(checking) {
      if (current) return;
      if (!output) {
        const pre = document.createElement("pre");
        pre.className = "playground-output";
        output = document.createElement("code");
        output.setAttribute("role", "log");
        output.setAttribute("aria-label", `Output of ${snippet} in your browser`);
        output.tabIndex = 0;
        pre.append(output);
        box.append(pre);
      }
      output.textContent = "";
      forget();
      write(`$ ${box.dataset.command}\n`);
      const pressed = checking ? check : run;
      const hadFocus = document.activeElement === pressed;
      run.disabled = true;
      if (check) check.disabled = true;
      stop.disabled = false;
      if (hadFocus) stop.focus(); // a disabled button drops the focus
      status.textContent = downloaded ? "Running…" : `Loading Python 3.14 (${box.dataset.download}, once)…`;
      current = spare || start();
      current.pressed = pressed;
      spare = null;
      const mine = current;
      mine.worker.addEventListener("message", ({ data }) => {
        if (current !== mine) return;
        if (data.type === "output") write(data.text, data.stream === "stderr" ? "playground-stderr" : "");
        else if (data.type === "timeline") {
          // Drawn in the worker by the build's own drawing code (tools/pipeline/picture.py).
          const drawing = document.createElement("div");
          drawing.className = "playground-timeline";
          drawing.innerHTML = data.html;
          box.append(drawing);
          mine.drawn = true;
        } else if (data.type === "verdict") {
          mine.verdict = showVerdict(data.results);
        } else if (data.type === "exit") {
          const below = mine.drawn ? " Its timeline is below the output." : "";
          const said = mine.verdict ? `Checked: ${mine.verdict}` : `Ran in your browser, on Python ${mine.version}.`;
          status.textContent = `${said}${below}`;
          finish(`exit status ${data.status}\n`);
        } else if (data.type === "error") {
          status.textContent = "Python failed in your browser.";
          finish(`${data.message}\n`);
        }
      });
      try {
        const info = await mine.ready;
        mine.version = info.version;
      } catch (error) {
        if (current === mine) {
          status.textContent = `Python could not start: ${error.message}`;
          finish("");
        }
        return;
      }
      if (current !== mine) return; // stopped while loading
      downloaded = true;
      status.textContent = `Running on Python ${mine.version}…`;
      const job = JSON.parse(box.dataset.job);
      job.source = source();
      if (checking) {
        try {
          checks = checks || (await fetch(new URL(box.dataset.checks, siteRoot)).then((r) => {
            if (!r.ok) throw new Error(`${box.dataset.checks}: ${r.status}`);
            return r.text();
          }));
        } catch (error) {
          if (current !== mine) return; // stopped (and maybe run again) while it loaded
          status.textContent = `The exercise's checks could not load: ${error.message}`;
          finish("");
          return;
        }
        if (current !== mine) return;
        job.checks = checks;
      }
      mine.worker.postMessage({ type: "run", job });
    }

    run.addEventListener("click", () => go(false));
    check?.addEventListener("click", () => go(true));

    stop.addEventListener("click", () => {
      if (!current) return;
      status.textContent = "Stopped.";
      finish("stopped\n");
    });
    box.hidden = false;
  }

  const boxes = () => document.querySelectorAll(".playground[data-snippet]");
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => boxes().forEach(setUp));
  } else {
    boxes().forEach(setUp);
  }
})();
