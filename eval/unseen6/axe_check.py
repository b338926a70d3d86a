"""Run axe-core (WCAG 2 A and AA rules) on every page and state of eval/unseen6/sites with plain Playwright.

    /work/main/.venv/bin/python eval/unseen6/axe_check.py

Serves sites/ on 127.0.0.1 and prints one line per page or state; exit status 1 when any rule is violated.
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
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHAT = [
    "Je voudrais parler à un conseiller",
    "F-20931",
    "Un paiement",
    "Oui",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def audit(axe: Axe, page, label: str) -> int:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = result.response.get("violations", [])
    ids = ", ".join(f"{v['id']} ({len(v['nodes'])})" for v in violations)
    print(f"{'FAIL' if violations else 'ok  '} {label}" + (f": {ids}" if ids else ""))
    return len(violations)


def main() -> int:
    handler = functools.partial(Quiet, directory=str(SITES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    axe = Axe()
    bad = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for html in sorted(SITES.glob("*/*.html")):
            rel = html.relative_to(SITES).as_posix()
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/{rel}")
            bad += audit(axe, page, rel)
            page.locator("#cookie-banner button").first.click()
            bad += audit(axe, page, rel + " (banner dismissed)")
            if rel == "cantine/contact.html":
                page.get_by_role("button", name="Discuter avec l'assistante").click()
                for message in CHAT:
                    page.get_by_placeholder("Écrivez votre message").fill(message)
                    page.get_by_role("button", name="Envoyer").click()
                    page.wait_for_timeout(600)
                bad += audit(axe, page, rel + " (chat after four messages)")
            if rel == "stackharbor/cancel.html":
                page.get_by_role("button", name="Submit cancellation").click()
                bad += audit(axe, page, rel + " (submitted empty)")
            context.close()
        browser.close()
    server.shutdown()
    print("violations:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
