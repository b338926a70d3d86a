"""Run axe-core (WCAG 2 A and AA rules) on every page and state of the unseen5 sites.

    /work/main/.venv/bin/python eval/unseen5/axe_check.py

Serves sites/ on 127.0.0.1 and prints one line per page or state; exit status 1 when any rule is violated.
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
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHATS = {
    "skyvia/contact.html": ["My checked bag did not arrive on flight SV 218 from Lisbon", "Can I speak to an agent please?"],
    "finora/kontakt.html": ["Meine Karte wird beim Bezahlen abgelehnt", "Ich möchte mit einem Mitarbeiter sprechen"],
}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def check(page, axe, label):
    result = axe.run(page, options=OPTIONS)
    violations = result.response["violations"]
    names = ", ".join(f"{v['id']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in violations)
    print(f"{'ok ' if not violations else 'BAD'} {label}" + (f"  {names}" if names else ""))
    return len(violations)


def states(page, axe, base, rel):
    bad = 0
    page.goto(f"{base}/{rel}")
    page.evaluate("window.localStorage.clear()")
    page.reload()
    bad += check(page, axe, rel + " (cookie banner)")
    page.locator("#cc button").first.click()
    bad += check(page, axe, rel)
    if page.locator("details.acct").count():
        page.locator("details.acct summary").click()
        bad += check(page, axe, rel + " (account menu open)")
        page.locator("details.acct summary").click()
    if rel in CHATS:
        page.locator("#chat-open").click()
        for message in CHATS[rel]:
            page.locator("#chat-input").fill(message)
            page.locator("#chat-form button").click()
            page.wait_for_timeout(700)
        bad += check(page, axe, rel + " (chat after messages)")
    if rel == "clearpdf/uninstall-survey.html":
        page.locator("input[name=r]").first.check()
        bad += check(page, axe, rel + " (reason chosen)")
    if rel == "moovia/umfrage.html":
        page.locator("#f button").click()
        bad += check(page, axe, rel + " (validation message)")
    return bad


def main():
    handler = functools.partial(Quiet, directory=str(SITES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted(str(p.relative_to(SITES)) for p in SITES.glob("*/*.html") if p.parent.name != "shared")
    axe = Axe()
    bad = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        for rel in pages:
            bad += states(page, axe, base, rel)
        browser.close()
    server.shutdown()
    print(f"{len(pages)} pages, {bad} violations")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
