"""The reports in a browser: the HTML opens offline (no request leaves), axe finds no violations, the PDF
prints, and hostile page text stays text in every format."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cxaudit.report import FORMATS, Branding, render
from cxaudit.results.model import Box, CheckResult, Finding

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).parent / "fixtures" / "journeys" / "hostile-markup.yaml"


def _open(html_path: Path, check=None):
    """Open a file in Chromium with every non-data: request refused; return the refused URLs and check(page)."""
    from playwright.sync_api import sync_playwright

    from cxaudit.record.browser import find_browser, launch_args

    refused: list[str] = []
    result = None
    with sync_playwright() as pw:
        found = find_browser(playwright_path=pw.chromium.executable_path)
        browser = pw.chromium.launch(executable_path=found.executable, args=launch_args())
        try:
            page = browser.new_page()
            own = html_path.resolve().as_uri()

            def guard(route):
                url = route.request.url
                if url.startswith("data:") or url == own:
                    route.continue_()
                else:
                    refused.append(url)
                    route.abort()

            page.route("**/*", guard)
            page.on("dialog", lambda d: (refused.append(f"dialog:{d.message}"), d.dismiss()))
            page.goto(own, wait_until="load")
            if check:
                result = check(page)
        finally:
            browser.close()
    return refused, result


def _axe(page):
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


@pytest.fixture(scope="module")
def demo_html(recorded_demo, tmp_path_factory):
    from cxaudit.judge.engine import judge_run

    run, folder = recorded_demo
    judge_run(run)
    out = tmp_path_factory.mktemp("html")
    paths = {lang: render(run, folder, ["html"], lang, Branding(client="ACME GmbH"), out_dir=out)[0] for lang in ("en", "de")}
    return run, folder, out, paths


@pytest.mark.parametrize("lang", ["en", "de"])
def test_html_offline_and_accessible(demo_html, lang):
    refused, violations = _open(demo_html[3][lang], _axe)
    assert refused == []
    summary = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in violations]
    assert summary == []


def test_pdf(demo_html):
    run, folder, out, _ = demo_html
    small = run.model_copy(update={"journeys": run.journeys[:3]})
    (pdf,) = render(small, folder, ["pdf"], out_dir=out / "pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert not list((out / "pdf").glob("*.html"))  # the HTML it printed was temporary
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Executive summary" in text and "Appendix" in text
    pages = text.count("\f")
    assert pages >= 3 and f"1 / {pages}" in text


# --- hostile markup --------------------------------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(3)", "{{ 7*7 }}", "]]>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from cxaudit.demo.server import DemoServer
    from cxaudit.demo.sites import SITES, TEST_SITES
    from cxaudit.journey import load_journeys
    from cxaudit.judge.engine import judge_run
    from cxaudit.record.runner import RunOptions, run_journeys

    SITES.update(TEST_SITES)
    try:
        with DemoServer() as server:
            run, folder = run_journeys(load_journeys([str(FIXTURE)]),
                                       RunOptions(base_url=server.base_url, out=tmp_path_factory.mktemp("hostile"), workers=1))
    finally:
        for name in TEST_SITES:
            SITES.pop(name, None)
    judge_run(run)
    j = run.journeys[0]
    assert j.outcome == "completed", j.error
    text = " ".join(b.text for b in j.steps[0].observation.text_blocks)
    for h in HOSTILE:
        assert h in text  # the page showed them as text
    # a finding that quotes the page, as a detector would
    words = " ".join(HOSTILE)
    j.checks.append(CheckResult(id="hostile_text", code="CX990", kind="blocker", category="transparency", severity="high",
                                weight=6, status="fail", score=0,
                                findings=[Finding(check="hostile_text", code="CX990", severity="high", step=0, screenshot_step=0,
                                                  words=words, note=words, box=Box(x=40, y=40, width=300, height=40),
                                                  element={"role": "link", "name": words})]))
    out = folder / "out"
    files = render(run, folder, list(FORMATS), "en", Branding(client="<b>Client</b> {{ 7*7 }}"), out_dir=out)
    return run, out, files


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        embedded = dict(attrs).get("src", "").startswith("data:")
        if tag in ("script", "iframe", "object", "embed", "link", "base", "form") or tag == "img" and not embedded:
            self.bad.append(tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.bad.append(f"{tag}[{k}]")
            if k in ("href", "src", "action", "xlink:href") and v and not v.startswith(("data:", "#")):
                self.bad.append(f"{tag}[{k}={v[:40]}]")

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_text_in_html(hostile):
    _, out, _ = hostile
    html = (out / "report.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(html)
    assert audit.bad == []
    text = "".join(audit.text)
    for h in (*HOSTILE, "<b>Client</b>"):
        assert h in text  # shown to the reader as text
    assert " ".join(HOSTILE) in text  # verbatim: not evaluated as a template, not cut at ]]>
    refused, alerts = _open(out / "report.html", lambda page: page.evaluate("document.querySelectorAll('script,[onerror]').length"))
    assert refused == [] and alerts == 0


def test_hostile_text_in_other_formats(hostile):
    run, out, files = hostile
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md
    root = ET.parse(out / "junit.xml").getroot()  # parses: ]]> and < are escaped
    texts = [f.text or "" for f in root.iter("failure") if f.get("type") == "high"]
    assert any("<script>alert(1)</script>" in t and "]]>" in t for t in texts), texts
    findings = (out / "findings.csv").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in findings  # CSV is data: the text verbatim
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["journeys"][0]["checks"][-1]["findings"][0]["words"] == " ".join(HOSTILE)
    import pandas as pd

    assert "<img src=x onerror=alert(2)>" in " ".join(pd.read_excel(out / "report.xlsx", sheet_name="findings")["words"])
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
    pdf_text = subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(pdf_text.split())
    for h in ("<script>alert(1)</script>", "{{ 7*7 }}", "]]>"):
        assert h in flat
