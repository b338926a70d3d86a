"""Runs axe-core (WCAG 2 A and AA rules) on every page and state of eval/unseen4/sites/ with plain Playwright.

    /work/main/.venv/bin/python eval/unseen4/axe_check.py

Serves sites/ on 127.0.0.1 (a free port) and prints one line per page and state, then the violations.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

SITES = Path(__file__).resolve().parent / "sites"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def check(page, axe, label, failures):
    result = axe.run(page, options=OPTIONS)
    violations = result.response["violations"]
    status = "ok" if not violations else "FAIL"
    print(f"{status:4} {label}")
    for v in violations:
        targets = [n["target"] for n in v["nodes"]][:3]
        failures.append(f"{label}: {v['id']} ({v['impact']}) {targets}")


def chat_state(page):
    page.get_by_role("button", name="Chat with Fibi").click()
    page.wait_for_selector(".bot-msg")
    page.get_by_placeholder("Type your message").fill("My broadband is down")
    page.get_by_role("button", name="Send").click()
    page.wait_for_function("document.querySelectorAll('.bot-msg').length >= 2")


def main():
    handler = functools.partial(Quiet, directory=str(SITES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    axe = Axe()
    failures = []
    pages = sorted(p.relative_to(SITES).as_posix() for p in SITES.glob("*/*.html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for rel in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(f"{base}/{rel}")
            check(page, axe, f"{rel} (cookie banner shown)", failures)
            banner = page.locator("#cookie-banner button").first
            if banner.is_visible():
                banner.click()
                check(page, axe, f"{rel} (banner answered)", failures)
            if rel == "fibrewave/contact.html":
                chat_state(page)
                check(page, axe, f"{rel} (chat open, replies shown)", failures)
            context.close()
        mobile = browser.new_context(viewport={"width": 390, "height": 844})
        page = mobile.new_page()
        page.goto(f"{base}/teamloop/billing.html")
        check(page, axe, "teamloop/billing.html (mobile width)", failures)
        mobile.close()
        browser.close()
    server.shutdown()
    print()
    print(f"{len(failures)} violation(s)")
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
