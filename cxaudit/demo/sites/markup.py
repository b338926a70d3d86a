"""Markup: a page whose visible text is hostile markup, for the report's escaping tests.

The texts (``<script>alert(1)</script>``, ``<img src=x onerror=alert(2)>``, a ``javascript:`` link,
``{{ 7*7 }}``, ``]]>``) are shown as text on the page (escaped here); a report must carry them as text
too and never as live markup. Not listed on the demo index: it is registered in ``TEST_SITES``.
"""

from __future__ import annotations

from markupsafe import escape

from cxaudit.demo.core import Request, Response, Router, Site, html

router = Router()

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
JS_LINK = "javascript:alert(3)"
TEMPLATE = "{{ 7*7 }}"
CDATA_END = "]]>"
ENTRY = f"Cancel {CDATA_END} {TEMPLATE} <b>now</b>"
TEXTS = (SCRIPT, IMG, JS_LINK, TEMPLATE, CDATA_END)


def _page(title: str, body: str) -> Response:
    return html(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><link rel="icon" href="data:,">
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:40px;max-width:720px}} a.cta{{display:inline-block;
padding:10px 18px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none}}</style></head>
<body>{body}</body></html>""")


@router.get("/")
def home(req: Request) -> Response:
    return _page(f"Account {SCRIPT}", f"""
<h1>Your account {escape(SCRIPT)}</h1>
<p id="img">Note: {escape(IMG)}</p>
<p>Help: <a id="js" href="{escape(JS_LINK)}">{escape(JS_LINK)}</a></p>
<p id="tpl">Template: {escape(TEMPLATE)}</p>
<p id="cdata">End of data: {escape(CDATA_END)}</p>
<p><a class="cta" href="{req.base}/done">{escape(ENTRY)}</a></p>""")


@router.get("/done")
def done(req: Request) -> Response:
    return _page("Cancelled", f"""
<h1>Cancelled {escape(SCRIPT)}</h1>
<p>Your membership ends. {escape(IMG)} {escape(TEMPLATE)} {escape(CDATA_END)}</p>""")


class Markup(Site):
    name = "markup"
    title = "Markup"
    language = "en"
    description = "Hostile markup as visible text (report escaping tests)."
    frictions = {}
    flows = [("Cancel", "/")]
    router = router
