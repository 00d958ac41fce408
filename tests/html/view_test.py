#!/usr/bin/env python3
"""The HTML view (`wirelink extract --format html`) in headless Chromium.

For each input dispatch: render it with the CLI, open the page in Chromium through the
DevTools protocol (the `websockets` package, pinned in requirements.txt), then check

* the page's own script ran (`data-wirelink="ready"` on <html>) and nothing was logged as an
  error: no console error, no uncaught exception, no error in the browser log;
* every mention of the JSON output is a <mark> with its entity id and the kind of its entity
  (and the named ones the test knows by heart: Lukashenko, Putin, Sochi, Belarus);
* every relation is a row with its type, its arguments' entity ids and its spans;
* a real mouse move onto a relation row lights its trigger (`.s.tr`, whose text is the
  trigger's text) and its evidence (`.s.ev`, inside the evidence span), moving to another row
  lights that one instead, and moving away clears both; pointing at a mention outlines every
  mention of its entity (`mark.same`);
* a PNG screenshot of the whole page, with the first meeting (or the first relation) lit.

It prints one line per failed check and ends with `N passed, N failed`; the exit code is 1 when
anything failed. Chromium is the one the caller names (default /usr/bin/chromium); it runs with
a new empty profile that is removed afterwards.
"""

import argparse
import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1400,900",
    "--hide-scrollbars",
    # A container's /dev/shm is often too small for Chromium's shared memory.
    "--disable-dev-shm-usage",
]

# Entities the dispatches of the issue name, by a surface that must be highlighted.
KNOWN = {
    "alexander-lukashenko": "person",
    "vladimir-putin": "person",
    "491422": "city",
    "BLR": "country",
}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}", flush=True)
        return ok


class Browser:
    """One headless Chromium, one page, spoken to over the DevTools protocol."""

    def __init__(self, chromium, log, timeout=60):
        self.profile = tempfile.mkdtemp(prefix="wirelink-chromium-")
        self.timeout = timeout
        self.log = log
        self.stack = contextlib.ExitStack()
        self.proc = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=self.stack.enter_context(open(log, "wb")),
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and len(port_file.read_text().split("\n")) >= 2):
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited ({self.proc.returncode}); its log: {log}")
            if time.monotonic() > deadline:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().split("\n")[:2]
        self.ws = self.stack.enter_context(connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=timeout))
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ["Page", "Runtime", "Log"]:
            self.call(f"{domain}.enable", session=True)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv(timeout=self.timeout))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def page(self, method, params=None):
        return self.call(method, params, session=True)

    def wait_for(self, event):
        seen = len(self.events)
        deadline = time.monotonic() + self.timeout
        while True:
            for e in self.events[seen:]:
                if e["method"] == event:
                    return e
            seen = len(self.events)
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"no {event}")
            reply = json.loads(self.ws.recv(timeout=left))
            if "method" in reply:
                self.events.append(reply)

    def js(self, expression):
        r = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def mouse(self, x, y):
        self.page("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        # Let the listeners and a frame run.
        self.js("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")

    def errors(self):
        """Console errors, uncaught exceptions and browser log errors seen so far."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif e["method"] == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append("exception: " + d.get("exception", {}).get("description", d.get("text", "")))
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append("log: " + p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        return out

    def close(self):
        try:
            self.stack.close()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# The DOM as the test reads it.
READ_DOM = r"""(() => {
  const marks = [...document.querySelectorAll('.text mark.m')].map(m => ({
    text: m.textContent, entity: m.dataset.entity, classes: [...m.classList], tip: m.dataset.tip }));
  const rows = [...document.querySelectorAll('tr.rel')].map(r => ({
    id: r.id, type: r.querySelector('.type').textContent,
    trigger: r.dataset.trigger || null, evidence: r.dataset.evidence || null,
    args: [...r.querySelectorAll('.arg')].map(a => ({
      role: a.querySelector('.role').textContent,
      entity: (a.querySelector('[data-entity]') || {dataset: {}}).dataset.entity || null,
      item: (a.querySelector('q.item') || {}).textContent || null })),
    badges: [...r.querySelectorAll('.badge')].map(b => b.textContent) }));
  return { ready: document.documentElement.dataset.wirelink || null,
           status: document.getElementById('wl-status').textContent,
           marks, rows,
           height: Math.ceil(document.documentElement.scrollHeight) };
})()"""

# What is lit in the text: the pieces with class tr and ev, with their byte offsets.
READ_LIT = r"""(() => {
  const lit = c => [...document.querySelectorAll('.text .s.' + c)].map(p => ({
    s: Number(p.dataset.s), e: Number(p.dataset.e), text: p.textContent }));
  return { tr: lit('tr'), ev: lit('ev'), same: [...document.querySelectorAll('.text mark.same')].map(m => m.dataset.entity) };
})()"""


def center_of(browser, selector):
    """Scrolls the element into view; the viewport point at its centre."""
    return browser.js(
        "(() => { const el = document.querySelector(%s); el.scrollIntoView({block: 'center'});"
        " const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        % json.dumps(selector)
    )


def check_page(browser, checks, name, doc, html_path, screenshot):
    c = checks.check
    browser.events.clear()
    browser.page("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.page("Page.navigate", {"url": html_path.resolve().as_uri()})
    browser.wait_for("Page.loadEventFired")
    dom = browser.js(READ_DOM)

    c(dom["ready"] == "ready", f"{name}: the page's script did not finish: data-wirelink={dom['ready']!r}, status {dom['status']!r}")
    c("every trigger found" in dom["status"], f"{name}: status line {dom['status']!r}")

    # Mentions: one mark per mention, with the entity id and the kind of its entity.
    kinds = {e["id"]: e["kind"] for e in doc["entities"]}
    marks = dom["marks"]
    c(len(marks) == len(doc["mentions"]), f"{name}: {len(marks)} marks for {len(doc['mentions'])} mentions")
    for m, mark in zip(doc["mentions"], marks):
        ok = mark["text"] == m["text"] and mark["entity"] == m["entity"] and kinds[m["entity"]] in mark["classes"]
        c(ok, f"{name}: mention {m['text']!r} ({m['entity']}, {kinds.get(m['entity'])}) drawn as {mark}")
        c((m["form"] != "name") == ("other" in mark["classes"]), f"{name}: form {m['form']} of {m['text']!r}: classes {mark['classes']}")
        c(mark["tip"].startswith(m["entity"]), f"{name}: the tip of {m['text']!r} is {mark['tip']!r}")
    for entity, kind in KNOWN.items():
        found = [m for m in marks if m["entity"] == entity and kind in m["classes"]]
        c(found, f"{name}: no {kind} mark for {entity}")

    # Relations: one row each, in order, with type, arguments and spans.
    rows = dom["rows"]
    c(len(rows) == len(doc["relations"]) > 0, f"{name}: {len(rows)} rows for {len(doc['relations'])} relations")
    for r, row in zip(doc["relations"], rows):
        c(row["type"] == r["type"], f"{name}: row {row['id']} is {row['type']}, not {r['type']}")
        want = [(a["role"], a.get("entity"), a.get("text")) for a in r["args"]]
        got = [(a["role"], a["entity"], a["item"]) for a in row["args"] if a["role"] not in ("location", "date")]
        c(got == want, f"{name}: arguments of row {row['id']}: {got} != {want}")
        c(row["trigger"] == f"{r['trigger']['start']} {r['trigger']['end']}", f"{name}: trigger of {row['id']}: {row['trigger']}")
        c(row["evidence"] == f"{r['evidence']['start']} {r['evidence']['end']}", f"{name}: evidence of {row['id']}: {row['evidence']}")
        c(("negated" in row["badges"]) == r["negated"], f"{name}: negation badge of {row['id']}: {row['badges']}")
        c((r["modality"] in row["badges"]) == (r["modality"] != "asserted"), f"{name}: modality badge of {row['id']}: {row['badges']}")

    # Hover: nothing lit before, the row's trigger and evidence under the pointer, then cleared.
    lit = browser.js(READ_LIT)
    c(not lit["tr"] and not lit["ev"], f"{name}: lit before any hover: {lit}")
    text_bytes = html_path.with_suffix(".txt").read_bytes()

    def hover_row(k):
        x, y = center_of(browser, f"#{rows[k]['id']}")
        browser.mouse(x, y)
        lit = browser.js(READ_LIT)
        r = doc["relations"][k]
        trigger = text_bytes[r["trigger"]["start"]:r["trigger"]["end"]].decode()
        c("".join(p["text"] for p in lit["tr"]) == trigger, f"{name}: hovering {rows[k]['id']} lit {lit['tr']} as trigger, not {trigger!r}")
        ev = r["evidence"]
        c(lit["ev"] and all(ev["start"] <= p["s"] and p["e"] <= ev["end"] for p in lit["ev"]), f"{name}: evidence lit for {rows[k]['id']}: {lit['ev'][:3]}")
        return lit

    meeting = next((k for k, r in enumerate(doc["relations"]) if r["type"] == "met_with"), 0)
    for k in range(len(rows)):
        if k != meeting:
            hover_row(k)
    browser.mouse(1, 1)
    lit = browser.js(READ_LIT)
    c(not lit["tr"] and not lit["ev"], f"{name}: still lit after the pointer left: {lit}")

    # Pointing at a mention outlines every mention of that entity, and only those.
    first = next(i for i, m in enumerate(marks) if m["entity"] in KNOWN)
    x, y = center_of_mark(browser, first)
    browser.mouse(x, y)
    lit = browser.js(READ_LIT)
    entity = marks[first]["entity"]
    want = [m["entity"] for m in marks if m["entity"] == entity]
    c(lit["same"] == want, f"{name}: pointing at {marks[first]['text']!r} outlined {lit['same']}, not the {len(want)} marks of {entity}")
    browser.mouse(1, 1)

    # The screenshot: the whole page, the meeting lit.
    browser.page("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": max(900, dom["height"]), "deviceScaleFactor": 1, "mobile": False})
    browser.js("window.scrollTo(0, 0)")
    height = browser.js("Math.ceil(document.documentElement.scrollHeight)")
    browser.page("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": height, "deviceScaleFactor": 1, "mobile": False})
    lit = hover_row(meeting)
    shot = browser.page("Page.captureScreenshot", {"format": "png"})
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    screenshot.write_bytes(base64.b64decode(shot["data"]))
    c(screenshot.stat().st_size > 10_000, f"{name}: screenshot {screenshot} is only {screenshot.stat().st_size} bytes")

    errors = browser.errors()
    c(not errors, f"{name}: errors in the browser: {errors}")
    print(f"{name}: {len(marks)} marks, {len(rows)} relation rows, screenshot {screenshot} ({height} px high)", flush=True)


def center_of_mark(browser, index):
    return browser.js(
        "(() => { const el = document.querySelectorAll('.text mark.m')[%d]; el.scrollIntoView({block: 'center'});"
        " const r = el.getClientRects()[0]; return [r.left + Math.min(r.width / 2, 8), r.top + r.height / 2]; })()" % index
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wirelink", required=True, help="the wirelink binary")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--out", default="target/html", help="folder for the pages and screenshots")
    ap.add_argument("inputs", nargs="+", help="dispatches (.txt)")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    browser = Browser(a.chromium, out / "chromium.log")
    try:
        version = browser.call("Browser.getVersion")
        print(f"{version['product']} through the DevTools protocol", flush=True)
        for txt in map(Path, a.inputs):
            name = txt.name
            stem = txt.name.removesuffix(".txt")
            # The page and a copy of the text side by side, so the test reads the same bytes.
            page = out / f"{stem}.html"
            shutil.copyfile(txt, out / f"{stem}.txt")
            # Run beside the input, so that the page is titled with the file's name only.
            wirelink, here = str(Path(a.wirelink).resolve()), txt.parent
            with open(page, "wb") as f:
                subprocess.run([wirelink, "extract", "--format", "html", txt.name], stdout=f, check=True, cwd=here)
            run = subprocess.run([wirelink, "extract", txt.name], capture_output=True, check=True, cwd=here)
            doc = json.loads(run.stdout)
            check_page(browser, checks, name, doc, page, out / f"{stem}.png")
    finally:
        browser.close()
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
