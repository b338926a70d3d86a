"""Fault injection: pages that fail the way real sites do, for the robustness tests and for a person to try.

Served under ``/_fault/`` only by ``DemoServer(faults=True)`` (``cxaudit demo --serve --faults``); never on
the ordinary demo index. Every page that leads to a fault is ``/_fault/to/<fault>``: a page with a link
"Continue" to ``/_fault/<fault>``, so the fault happens on a step, not on the start page::

    /_fault/                 index of the faults
    /_fault/ok               a healthy page; "Continue" leads to /_fault/ok/done ("Your request has been completed")
    /_fault/500, /503        the server fails (503 with Retry-After); the error page has a "Continue" link on
    /_fault/stall            the body starts, then never completes (the connection stays open, bounded)
    /_fault/stall-image      the page is there, but an image never finishes: the load event never comes
    /_fault/loop             redirects to itself without end
    /_fault/modal            a "Stay with us" overlay that comes back each time it is closed
    /_fault/alert-flood      alert() after alert(), without end
    /_fault/popups           window.open() every 20 ms
    /_fault/grow             appends to the page without end
    /_fault/grow-above       adds a table row every 10 ms above its "Continue" link, which never stops moving
    /_fault/chat             a chat widget whose bot never answers

A stall holds its request thread for at most ``STALL_S`` seconds (less when the server stops); the server is
threading, so other requests go on.
"""

from __future__ import annotations

from markupsafe import escape

from cxaudit.demo.core import Response, html, redirect

STALL_S = 60.0
DONE = "Your request has been completed"

FAULTS = {
    "500": "the server answers HTTP 500",
    "503": "the server answers HTTP 503 (Retry-After)",
    "stall": "the page never finishes loading (its body stalls)",
    "stall-image": "the page never finishes loading (an image stalls)",
    "loop": "a redirect loop",
    "modal": "an overlay that reappears whenever it is closed",
    "alert-flood": "alert() in a loop",
    "popups": "window.open() in a loop",
    "grow": "a page that grows without end",
    "grow-above": "a page that grows without end above the link to click",
    "chat": "a chat bot that never answers",
}


def _page(title: str, body: str, script: str = "", status: int = 200) -> Response:
    js = f"<script>{script}</script>" if script else ""
    return html(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><link rel="icon" href="data:,">
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:40px;max-width:720px}}
#modal{{position:fixed;inset:0;background:rgba(0,0,0,.6)}} #modal div{{background:#fff;margin:20vh auto;width:320px;padding:1em}}
.msg{{margin:4px 0}}</style></head><body>{body}{js}</body></html>""", status)


def _account(title: str, href: str, extra: str = "", script: str = "") -> Response:
    return _page(title, f'<h1>{escape(title)}</h1><p><a href="{escape(href)}">Continue</a></p>{extra}', script)


_HIDDEN_WAY_ON = '<h1>Your account</h1><p id="on" hidden><a href="/_fault/ok/done">Continue</a></p>'


def handle(method: str, raw_path: str) -> Response | None:
    """The response for a ``/_fault/...`` path, or None (not found)."""
    path = raw_path.partition("?")[0]
    name = path[len("/_fault/"):].strip("/") if path.startswith("/_fault/") else None
    if name is None or method not in ("GET", "HEAD"):
        return None
    if name == "":
        items = "".join(f'<li><a href="/_fault/to/{k}">{escape(v)}</a></li>' for k, v in FAULTS.items())
        return _page("Faults", f"<h1>Faults</h1><p><a href='/_fault/ok'>A healthy page</a></p><ul>{items}</ul>")
    if name == "ok":
        return _account("Your account", "/_fault/ok/done")
    if name == "ok/done":
        return _page("Done", f"<h1>{DONE}</h1>")
    if name.startswith("to/") and name[3:] in FAULTS:
        return _account("Your account", f"/_fault/{name[3:]}")
    if name in ("500", "503"):
        status = int(name)
        headers = [("Retry-After", "120")] if status == 503 else []
        # as real error pages do, it offers a way on: a journey that clicks it must still fail where the error was
        resp = _page(f"Error {status}", f'<h1>Error {status}</h1><p>Something went wrong.</p>'
                     f'<p><a href="/_fault/ok/done">Continue</a></p>', status=status)
        resp.headers += headers
        return resp
    if name == "stall":
        return Response(200, b"<!doctype html><html><head><title>Loading</title></head><body><h1>Loading",
                        stall_s=STALL_S)
    if name == "stall.png":
        return Response(200, b"\x89PNG\r\n\x1a\n", "image/png", stall_s=STALL_S)
    if name == "stall-image":
        return _page("Almost there", f'<h1>{DONE}</h1><img src="/_fault/stall.png" alt="">')
    if name == "loop":
        return redirect("/_fault/loop", 302)
    if name == "modal":
        return _account("Your contract", "/_fault/ok/done", extra=(
            '<div id="modal" role="dialog" aria-modal="true" aria-label="Stay with us"><div>Stay with us!'
            '<button id="close">Close</button></div></div>'), script=(
            "const m = document.getElementById('modal');"
            "document.getElementById('close').onclick = () => { m.hidden = true;"
            # back within two frames: always before the recorder's settle window ends, never a race
            " requestAnimationFrame(() => requestAnimationFrame(() => { m.hidden = false; })); };"))
    # the way on shows only once the flood is past the recorder's bound (a blocking alert() counts only when it
    # was answered; window.open() returns null once switched off), so a slow machine cannot leave it too early
    if name == "alert-flood":
        return _page("Your account", _HIDDEN_WAY_ON, script=(
            "let n = 0; (function again() { alert('Offer ' + (++n) + ': stay with us!');"
            " if (n > 25) document.getElementById('on').hidden = false; setTimeout(again, 10); })();"))
    if name == "popups":
        return _page("Your account", _HIDDEN_WAY_ON, script=(
            "setInterval(() => { if (window.open('/_fault/ok', '_blank') === null)"
            " document.getElementById('on').hidden = false; }, 20);"))
    if name == "grow":
        return _account("Your account", "/_fault/ok/done", script=(
            "let n = 0; setInterval(() => { const p = document.createElement('p');"
            " p.textContent = 'More news ' + (++n); document.body.append(p); }, 10);"))
    if name == "grow-above":  # a live feed above the way on: the link moves down a row every 10 ms
        return _page("Your account", '<h1>Your account</h1><table><tbody id="feed"></tbody></table>'
                     '<p><a href="/_fault/ok/done">Continue</a></p>', script=(
                         "let n = 0; setInterval(() => { const r = document.createElement('tr');"
                         " r.innerHTML = '<td>Update ' + (++n) + '</td>';"
                         " document.getElementById('feed').append(r); }, 10);"))
    if name == "chat":
        return _page("Help", (
            '<h1>Help centre</h1><div id="log"><p class="msg bot">Hi! How can I help?</p></div>'
            '<input placeholder="Type your message" aria-label="Message"><button>Send</button>'), script=(
            "document.querySelector('button').onclick = () => { const i = document.querySelector('input');"
            " const p = document.createElement('p'); p.className = 'msg me'; p.textContent = i.value;"
            " document.getElementById('log').append(p); i.value = ''; };"))
    return None
