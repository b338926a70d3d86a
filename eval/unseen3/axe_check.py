"""Run axe-core (WCAG 2 A and AA rules) on every page of eval/unseen3/sites, with the chat panels opened too.

    /work/main/.venv/bin/python eval/unseen3/axe_check.py

Serves the sites on 127.0.0.1 (a free port), opens each HTML page headless in Chromium, runs axe-core
with the tags wcag2a, wcag2aa, wcag21a and wcag21aa, prints one line per page and exits 1 when any rule
is violated. It judges nothing of cxaudit's: it only shows the pages have no WCAG A/AA violations axe can see.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

SITES = Path(__file__).resolve().parent / "sites"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    handler = functools.partial(Quiet, directory=str(SITES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check(page, axe, url, label):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = results.response.get("violations", [])
    status = "ok" if not violations else "FAIL"
    print(f"{status:4}  {label}")
    for v in violations:
        targets = [n.get("target") for n in v.get("nodes", [])][:3]
        print(f"      {v['id']} ({v.get('impact')}): {len(v.get('nodes', []))} nodes {targets}")
    return len(violations)


def main():
    server = serve()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    axe = Axe()
    failures = 0
    pages = sorted(p for p in SITES.glob("*/*.html") if p.parent.name != "shared")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for path in pages:
            rel = path.relative_to(SITES).as_posix()
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/{rel}")
            failures += check(page, axe, rel, rel)
            chat = page.locator("#chat-open")
            if chat.count():
                chat.click()
                page.wait_for_timeout(300)
                failures += check(page, axe, rel, rel + " (chat open)")
            context.close()
        browser.close()
    server.shutdown()
    print(f"{len(pages)} pages, {failures} violated rules")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
