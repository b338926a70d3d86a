"""The demo web server: every demo site on one loopback port.

URL map (``<v>`` is the variant: ``hostile`` = all frictions on, ``clean`` = all off, ``clean+<flag>[+<flag>]``
= the clean site with only those frictions on, e.g. ``/streamline/clean+mandatory_exit_survey/account``: the
clean cancel flow with a required "Why are you leaving?" survey before its confirm view)::

    /                                   index of all sites, variants and flows
    /static/<file>                      CSS and JS shared by the sites
    /_fault/...                         pages that fail (500, stalls, loops, dialog floods ...), only with
                                        faults=True (``cxaudit demo --serve --faults``): see faults.py

    /streamline/<v>/                    video streaming (en)
        plans -> signup -> welcome       sign-up
        account[/...]                    account SPA (pushState views):
            hostile: account -> account/cancel -> account/cancel/pause -> account/cancel/survey
                     -> account/cancel/confirm -> account/cancelled
            clean:   account -> account/cancel -> account/cancelled
        account/confirmation.txt         downloadable confirmation (clean)
    /funknetz/<v>/                      mobile telco (de)
        tarife -> bestellen -> bestellen/danke                       sign-up
        hostile: mein-funknetz/kuendigung (login wall: login?next=...) -> .../bestaetigen
                 -> .../angebot -> .../abschluss -> .../eingegangen
        clean:   kuendigen -> kuendigen/bestaetigung (+ kuendigen/bestaetigung.txt)
    /kontofix/<v>/                      finance software (de)
        deinstallieren -> deinstalliert
    /parcelpal/<v>/, /paketblitz/<v>/   parcel help centre (en / de)
        (home with chat launcher) chat-frame (iframe), api/chat (JSON), contact -> contact/sent
    /tagesblatt/<v>/                    newspaper (de)
        abo -> abo/kuendigen -> abo/kuendigen/bestaetigung (clean; hostile ends on abo/kuendigen)

State lives in memory per ``sid`` cookie, separately per site and variant.
"""

from __future__ import annotations

import json
import mimetypes
import secrets
import threading
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from cxaudit.demo import faults as _faults
from cxaudit.demo.core import STATIC_DIR, VARIANTS, Request, Response, redirect, render, variant_flags
from cxaudit.demo.sites import SITES

__all__ = ["DemoServer", "serve"]


class SessionStore:
    def __init__(self) -> None:
        self._data: dict[str, dict] = {}
        self._lock = threading.Lock()

    def get(self, sid: str, key: str) -> dict:
        with self._lock:
            return self._data.setdefault(sid, {}).setdefault(key, {})


def _not_found() -> Response:
    return render("not_found.html", status=404)


def dispatch(method: str, raw_path: str, headers: dict[str, str], body: bytes, state_for) -> Response:
    """Route one request. ``state_for(key)`` returns the session dict for a site/variant."""
    parts = urlsplit(raw_path)
    path = parts.path
    query = dict(parse_qsl(parts.query))
    if path == "/":
        if method == "POST":
            return Response(405, b"", headers=[("Allow", "GET, HEAD")])
        return render("index.html", sites=SITES.values(), variants=VARIANTS)
    if path.startswith("/static/"):
        return _static(path[len("/static/"):])
    segments = path.split("/", 3)           # "", site, variant, rest
    site = SITES.get(segments[1]) if len(segments) > 1 else None
    if site is None or len(segments) < 3:
        return _not_found()
    flags = variant_flags(site, segments[2])
    if flags is None:
        return _not_found()
    if len(segments) == 3:
        return redirect(path + "/", 301)
    form: dict[str, str] = {}
    data = None
    ctype = headers.get("content-type", "")
    if method == "POST":
        if ctype.startswith("application/json"):
            try:
                data = json.loads(body or b"null")
            except ValueError:
                return Response(400, b"bad json", "text/plain; charset=utf-8")
        else:
            form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    base = f"/{site.name}/{segments[2]}"
    req = Request(method=method, path="/" + segments[3], query=query, form=form, headers=headers,
                  state=state_for(base), base=base, flags=flags, variant=segments[2], json=data)
    resp = site.handle(req)
    return resp if resp is not None else _not_found()


def _static(name: str) -> Response:
    if "/" in name or "\\" in name or name.startswith("."):
        return _not_found()
    target = STATIC_DIR / name
    if not target.is_file():
        return _not_found()
    ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if ctype.startswith("text/") or ctype in ("application/javascript",):
        ctype += "; charset=utf-8"
    return Response(200, target.read_bytes(), ctype, [("Cache-Control", "max-age=60")])


class _Handler(BaseHTTPRequestHandler):
    server_version = "cxaudit-demo/1"
    protocol_version = "HTTP/1.1"
    sessions: SessionStore  # set on the subclass made per server
    faults: bool = False  # serve the fault pages under /_fault/ (DemoServer(faults=True))
    stopping: threading.Event  # set when the server stops: ends the stalls of fault pages

    def log_message(self, format, *args):
        pass

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("Cookie", ""))
        except Exception:  # a malformed cookie header is treated as none
            cookie = SimpleCookie()
        sid = cookie["sid"].value if "sid" in cookie else ""
        new_sid = not sid or len(sid) > 64
        if new_sid:
            sid = secrets.token_urlsafe(16)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            fault = _faults.handle(method, self.path) if self.faults and self.path.startswith("/_fault/") else None
            resp = fault or dispatch(method, self.path, headers, body, lambda key: self.sessions.get(sid, key))
        except Exception:  # keep the server alive; a demo page should never take it down
            resp = Response(500, b"Internal error", "text/plain; charset=utf-8")
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        if resp.stall_s:  # no length: the body ends when the connection closes, after the stall
            self.send_header("Connection", "close")
        else:
            self.send_header("Content-Length", str(len(resp.body)))
        if resp.content_type.startswith("text/html"):
            self.send_header("Cache-Control", "no-store")
        if new_sid:
            self.send_header("Set-Cookie", f"sid={sid}; Path=/; HttpOnly; SameSite=Lax")
        for k, v in resp.headers:
            self.send_header(k, v)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(resp.body)
        if resp.stall_s:
            self.wfile.flush()
            self.stopping.wait(resp.stall_s)  # this request's thread only; the server is threading
            self.close_connection = True

    def do_GET(self):
        self._handle("GET")

    def do_HEAD(self):
        self._handle("HEAD")

    def do_POST(self):
        self._handle("POST")


def _make_server(host: str, port: int, faults: bool = False) -> ThreadingHTTPServer:
    handler = type("DemoHandler", (_Handler,), {"sessions": SessionStore(), "faults": faults,
                                                 "stopping": threading.Event()})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


class DemoServer:
    """The demo sites on ``host:port`` (port 0 = a free port), in a daemon thread; ``faults=True`` adds the
    fault pages under ``/_fault/`` (see :mod:`cxaudit.demo.faults`)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, faults: bool = False) -> None:
        self.host = host
        self.port = port
        self.faults = faults
        self.base_url = ""
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        if self._server is None:
            self._server = _make_server(self.host, self.port, self.faults)
            self.port = self._server.server_address[1]
            self.base_url = f"http://{self.host}:{self.port}"
            self._thread = threading.Thread(target=self._server.serve_forever, name="cxaudit-demo",
                                            daemon=True)
            self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.RequestHandlerClass.stopping.set()
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the demo sites until interrupted (blocking). Prints nothing."""
    server = _make_server(host, port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
