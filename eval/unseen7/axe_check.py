"""Run axe-core's WCAG 2 A and AA rules on every HTML page of eval/unseen7/sites (plain Playwright, no cxaudit).

    /work/main/.venv/bin/python eval/unseen7/axe_check.py [--axe PATH/axe.min.js]

Serves the sites on 127.0.0.1 (a free port), opens each page headless in Chromium, injects axe.min.js and
prints the violations per page. Exit status 0 when every page has none, 1 otherwise. The chat panels and
dialogs, which open on a click, are opened and checked as well.
"""
from __future__ import annotations

import argparse
import functools
import glob
import http.server
import json
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
SITES = HERE / "sites"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# controls that open a panel or dialog on the same page, checked again once open
OPENERS = {"larkair/contact.html": "#open-chat", "azurtel/contact.html": "#open-chat",
           "tunnelfox/billing.html": "#cancel-auto"}


def find_axe(given: str | None) -> str:
    cands = [given] if given else []
    cands += glob.glob("/work/main/node_modules/axe-core/axe.min.js")
    cands += glob.glob("/work/main/.venv/lib/python3*/site-packages/axe_playwright_python/axe.min.js")
    cands += glob.glob("/tmp/*/node_modules/axe-core/axe.min.js")
    for c in cands:
        if c and os.path.exists(c):
            return c
    sys.exit("axe.min.js not found: npm install axe-core into a temp folder and pass --axe")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--axe")
    args = ap.parse_args()
    axe = Path(find_axe(args.axe)).read_text(encoding="utf-8")
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITES)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    pages = sorted(str(p.relative_to(SITES)) for p in SITES.glob("*/*.html"))
    bad = 0
    with sync_playwright() as pw:
        exe = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
        try:
            browser = pw.chromium.launch(headless=True, args=ARGS)
        except Exception:
            browser = pw.chromium.launch(headless=True, args=ARGS, executable_path=exe)
        ctx = browser.new_context()
        page = ctx.new_page()
        page.on("dialog", lambda d: d.dismiss())
        for rel in pages:
            states = [None] + ([OPENERS[rel]] if rel in OPENERS else [])
            for opener in states:
                page.goto(f"{base}/{rel}")
                if opener:
                    page.click(opener)
                page.add_script_tag(content=axe)
                res = page.evaluate("""async () => await axe.run(document,
                    {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
                v = res["violations"]
                label = rel + (f" (after {opener})" if opener else "")
                if v:
                    bad += 1
                    print(f"FAIL {label}: " + json.dumps([(x['id'], x['impact'], [n['target'] for n in x['nodes']][:3]) for x in v]))
                else:
                    print(f"ok   {label}: 0 violations ({len(res['passes'])} rules passed)")
        browser.close()
    srv.shutdown()
    print(f"{len(pages)} pages, {bad} with violations")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
