"""Live snapshots against the observation model: every page of the demo site (crawled from its index on
loopback) and every fixture page, through the recorder's own functions (take_snapshot, element_info,
run_axe). Each observation must validate and dump back to exactly what the script returned (keys,
order, ints), so typing the observation changes nothing in results.json.

``CXAUDIT_UPDATE_OBSERVATIONS=1`` also rewrites tests/fixtures/observations/snapshot_pages.json, the
recorded observations of the fixture pages that tests/test_observation.py checks offline.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from cxaudit.record.axe import run_axe
from cxaudit.record.snapshot import element_info, take_snapshot
from cxaudit.results.observation import parse_element, parse_observation

pytestmark = pytest.mark.browser

TESTS = Path(__file__).parent
CHROMIUM = os.environ.get("CXAUDIT_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RECORDED = TESTS / "fixtures" / "observations" / "snapshot_pages.json"
MAX_DEMO_PAGES = 80
ELEMENTS_PER_PAGE = 3

if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


def same_json(a, b) -> bool:
    """Equal as JSON text: the same keys in the same order, ints as ints."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


async def observe_all(urls: list[str], crawl_origin: str | None, axe_on: int) -> list[tuple[str, str, dict]]:
    """(url, kind, raw record) for every page: its snapshot and up to three element records.

    With ``crawl_origin``, links to that origin are followed (breadth first, at most MAX_DEMO_PAGES pages).
    """
    from playwright.async_api import async_playwright

    out: list[tuple[str, str, dict]] = []
    queue, seen = list(urls), set(urls)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = await browser.new_page(viewport={"width": 1280, "height": 720})
        try:
            while queue and len(out) < 10 * MAX_DEMO_PAGES:
                url = queue.pop(0)
                await page.goto(url, wait_until="load")
                obs = await take_snapshot(page, secrets=["hunter2"])
                if axe_on > 0:
                    obs["axe"] = await run_axe(page)
                    axe_on -= 1
                out.append((url, "observation", obs))
                controls = page.locator("a[href], button, input, select, textarea")
                for i in range(min(ELEMENTS_PER_PAGE, await controls.count())):
                    info = await element_info(controls.nth(i), timeout=1.0)
                    if info is not None:
                        out.append((url, "element", info))
                if crawl_origin:
                    for e in obs.get("elements", []):
                        link = urljoin(url, e["href"]).split("#")[0] if e["href"] else ""
                        if link.startswith(crawl_origin) and link not in seen and len(seen) < MAX_DEMO_PAGES:
                            seen.add(link)
                            queue.append(link)
            await page.close()
            out.append(("a closed page", "observation", await take_snapshot(page)))  # the {error, url} shape
        finally:
            await browser.close()
    return out


def check(records: list[tuple[str, str, dict]]) -> None:
    problems = []
    for url, kind, raw in records:
        try:
            model = parse_observation(raw) if kind == "observation" else parse_element(raw)
        except ValueError as exc:
            problems.append(f"{url} {kind}: {exc}")
            continue
        if not same_json(model.model_dump(), raw):
            problems.append(f"{url} {kind}: the model does not dump back to what the script returned")
    assert not problems, "\n".join(problems[:20])


def test_every_demo_page_validates_and_round_trips(demo_url):
    records = asyncio.run(observe_all([demo_url + "/"], demo_url, axe_on=2))
    pages = {u for u, k, _ in records if k == "observation"}
    assert len(pages) >= 20, pages  # the crawl reached the sites, not only the index
    assert sum(k == "element" for _, k, _ in records) >= 20
    assert any("violations" in (r.get("axe") or {}) for _, _, r in records)
    check(records)


def test_every_fixture_page_validates_and_round_trips(pages_url):
    pages = sorted((TESTS / "fixtures" / "pages").glob("*.html"))
    snapshot_pages = sorted((TESTS / "fixtures" / "snapshot").glob("*.html")) + [RECORDED.parent / "parts.html"]
    urls = [f"{pages_url}/{p.name}" for p in pages] + [p.resolve().as_uri() for p in snapshot_pages]
    records = asyncio.run(observe_all(urls, None, axe_on=0))
    assert {u for u, k, _ in records if k == "observation"} == {*urls, "a closed page"}
    assert "error" in records[-1][2] and "viewport" not in records[-1][2]
    check(records)
    if os.environ.get("CXAUDIT_UPDATE_OBSERVATIONS"):
        recorded: dict[str, list] = {}
        for u, kind, raw in records:
            if u in urls:
                recorded.setdefault(urlsplit(u).path.rsplit("/", 1)[-1], []).append({"kind": kind, "record": raw})
        text = json.dumps(recorded, indent=1, ensure_ascii=False) + "\n"
        RECORDED.parent.mkdir(exist_ok=True)
        RECORDED.write_text(re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:8000", text), encoding="utf-8")  # no free port
