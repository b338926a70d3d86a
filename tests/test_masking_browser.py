"""A page that echoes a secret in every encoding: no file of the run folder holds it in any of them; and the
page's RegExp masks exactly as Python's re does."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest
from cli_run import cx
from test_masking import b64_forms, every_form

from cxaudit.journey import SECRET_MASK

SECRET = "Jürgen.Tok+3/9@example.org"  # a ${...} value: an e-mail address with characters every encoding changes
PIN = "pin-literal-8642"  # typed into a password field as it is in the journey file

JOURNEY = """name: echo
goal: cancel
start: /echo.html
steps:
  - fill: {label: Access token, value: "${CX_ECHO_SECRET}"}
  - fill: {label: PIN, value: "PIN_VALUE"}
  - click: Show it back
success: {text: A confirmation has been sent to}
""".replace("PIN_VALUE", PIN)


def texts_of(path: Path) -> list[str]:
    """What a file says: .gz decompressed, each member of an .xlsx (a zip) read, bytes as text."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return [z.read(name).decode("utf-8", "replace") for name in z.namelist()]
    return [data.decode("utf-8", "replace")]


@pytest.mark.browser
def test_a_secret_echoed_in_every_encoding_reaches_no_file(tmp_path, pages_url):
    journey = tmp_path / "echo.yaml"
    journey.write_text(JOURNEY, encoding="utf-8")
    ran = cx("run", str(journey), "--base-url", pages_url, "--out", str(tmp_path / "out"), "--workers", "1",
             "--format", "html,json,csv,xlsx,md,junit", "--quiet", env={"CX_ECHO_SECRET": SECRET})
    assert ran.returncode in (0, 1), ran.stderr
    (folder,) = [p.parent for p in (tmp_path / "out").glob("*/results.json")]
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    (result,) = results["journeys"]
    assert result["outcome"] == "completed", result.get("error")

    # the page did echo it: everywhere the recorder looks there is a mask now
    shown = result["steps"][-1]
    obs = shown["observation"]
    assert "?t=" + SECRET_MASK in shown["url_after"] and SECRET_MASK in shown["title_after"]
    assert sum(SECRET_MASK in b["text"] for b in obs["text_blocks"]) >= 9
    assert any(SECRET_MASK in (e.get("name") or "") for e in obs["elements"])
    assert any(SECRET_MASK in c for c in shown["console_errors"])
    assert any(SECRET_MASK in r["url"] for r in shown["failed_requests"])
    assert obs["masked"] == ["email", "password"]  # the kinds, never the values
    check = next(c for c in result["checks"] if c["id"] == "missing_confirmation_details")
    assert check["details"]["present"]["save"] == f"sent to {SECRET_MASK}."

    # and what the page prints of it is painted black in the screenshot, as password fields are
    from PIL import Image, ImageStat

    def brightness(block: dict) -> float:
        box = block["box"]
        with Image.open(folder / shown["screenshot"]) as im:
            area = im.convert("L").crop((box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]))
            return ImageStat.Stat(area).mean[0]

    echoed = next(b for b in obs["text_blocks"] if b["text"].startswith("Echo: "))
    heading = next(b for b in obs["text_blocks"] if b["text"] == "Your access token")
    assert brightness(echoed) < 40 < 150 < brightness(heading)

    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"results.json", "report.html", "steps.csv", "report.xlsx", "report.md", "junit.xml"}
    forms = {f for s in (SECRET, PIN) for f in every_form(s)}
    b64 = {f for s in (SECRET, PIN) for f in b64_forms(s.encode()) + b64_forms(s.encode("latin-1"))}
    for path in files:
        for text in texts_of(path):
            folded = text.casefold()
            for form in forms:  # base64 in its own case, everything else in any
                assert (form not in text) if form in b64 else (form.casefold() not in folded), (path, form)


@pytest.mark.browser
def test_the_page_masks_exactly_as_python_does():
    """snapshot.js compiles the masker's patterns with ``new RegExp``: for random secrets, each one compiles
    and masks every form the same as Python's ``re`` does."""
    import random

    from playwright.sync_api import sync_playwright

    from cxaudit.record.browser import find_browser, launch_args
    from cxaudit.record.masking import Masker

    rng = random.Random(13)
    alphabet = "aZ09 -_+/=%&<>\"'\\@.:;?#ßüÄé€😀\t"
    cases = []
    for _ in range(150):
        secret = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))).strip() or "x"
        masker = Masker([secret])
        texts = [f"a {form} b{form}c" for form in every_form(secret)]
        cases.append({"masks": masker.script_masks(), "texts": texts, "expected": [masker.text(t) for t in texts]})
    js = """(cases) => cases.map((c) => c.texts.map((t) => {
      for (const [src, flags] of c.masks) t = t.replace(new RegExp(src, 'g' + flags), '\\u2022'.repeat(6));
      return t;
    }))"""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_browser().executable, args=launch_args())
        try:
            got = browser.new_page().evaluate(js, cases)
        finally:
            browser.close()
    for case, result in zip(cases, got, strict=True):
        assert result == case["expected"], case["masks"][:1]
