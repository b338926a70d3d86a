"""The PDF: the HTML report printed by Chromium (A4, print styles, page numbers in the footer).

The HTML is loaded from its file with every request that is not a data: URI refused, so printing cannot
reach the network either.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from cxaudit.atomic import atomic_path
from cxaudit.record.browser import find_browser, launch

FOOTER = ('<div style="width:100%;font-size:8px;color:#59636e;padding:0 12mm;display:flex;'
          'justify-content:space-between;font-family:system-ui,sans-serif">'
          '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


async def _print(html: Path, out: Path, browser_path: str | None) -> Path:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        found = find_browser(browser_path, playwright_path=pw.chromium.executable_path)
        browser = await launch(pw, found)
        try:
            page = await browser.new_page()

            async def guard(route):  # noqa: ANN001 - Playwright's Route
                url = route.request.url
                if url.startswith("data:") or url == html.resolve().as_uri():
                    await route.continue_()
                else:
                    await route.abort()

            await page.route("**/*", guard)
            await page.goto(html.resolve().as_uri(), wait_until="load")
            await page.emulate_media(media="print")
            with atomic_path(out) as tmp:
                await page.pdf(path=str(tmp), format="A4", print_background=True, prefer_css_page_size=True,
                               display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                               margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
        finally:
            await browser.close()
    return out


def render_pdf(html: Path, out: Path, browser_path: str | None = None) -> Path:
    """Print ``html`` to ``out``; works inside a running event loop too (in a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_print(html, out, browser_path))
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _print(html, out, browser_path)).result()
