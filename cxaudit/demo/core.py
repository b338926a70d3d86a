"""Shared pieces of the demo sites: request/response objects, a tiny router, templates.

A *site* is a set of pages with named frictions (a dict of flag name -> description).
A *variant* is a set of switched-on flags; see :func:`variant_flags`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

ENV = Environment(
    loader=FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]


@dataclass
class Request:
    method: str
    path: str                      # path inside the site, always starting with "/"
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]
    state: dict                    # per browser session, per site and variant
    base: str = ""                 # mount point, e.g. "/streamline/hostile"
    flags: frozenset[str] = frozenset()
    variant: str = ""
    json: object = None


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    stall_s: float = 0.0           # > 0: send the body, then hold the connection open this long (demo faults)


def html(text: str, status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"))


def redirect(location: str, status: int = 303) -> Response:
    return Response(status, b"", "text/plain; charset=utf-8", [("Location", quote(location, safe="/?=&%:#+"))])


def json_response(obj: object, status: int = 200) -> Response:
    return Response(status, json.dumps(obj).encode("utf-8"), "application/json; charset=utf-8")


def text_download(text: str, filename: str) -> Response:
    return Response(200, text.encode("utf-8"), "text/plain; charset=utf-8",
                    [("Content-Disposition", f'attachment; filename="{filename}"')])


def render(template: str, req: Request | None = None, status: int = 200, **ctx) -> Response:
    if req is not None:
        ctx.setdefault("base", req.base)
        ctx.setdefault("flags", req.flags)
        ctx.setdefault("variant", req.variant)
        ctx.setdefault("path", req.path)
    return html(ENV.get_template(template).render(**ctx), status)


def reference(prefix: str, digits: int = 8) -> str:
    return f"{prefix}-{random.randint(10 ** (digits - 1), 10 ** digits - 1)}"


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def date_en(d: datetime) -> str:
    return f"{d.day} {d:%B %Y}"


def date_de(d: datetime) -> str:
    return f"{d:%d.%m.%Y}"


def date_de_long(d: datetime) -> str:
    return f"{d.day}. {GERMAN_MONTHS[d.month - 1]} {d.year}"


def in_days(days: int) -> datetime:
    return now() + timedelta(days=days)


Handler = Callable[[Request], Response]


class Router:
    """Maps (method, path) to handlers. A path ending in ``/*`` matches itself and everything below."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, str, Handler]] = []

    def add(self, methods: str, path: str) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            for m in methods.split(","):
                self.routes.append((m.strip().upper(), path, fn))
            return fn
        return deco

    def get(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("GET", path)

    def post(self, path: str) -> Callable[[Handler], Handler]:
        return self.add("POST", path)

    def match(self, method: str, path: str) -> Handler | None:
        method = "GET" if method == "HEAD" else method
        routes = [(p, fn) for m, p, fn in self.routes if m == method]
        for pattern, fn in routes:          # exact paths win over wildcards
            if pattern == path:
                return fn
        for pattern, fn in routes:
            stem = pattern[:-2]
            if pattern.endswith("/*") and (path == stem or path.startswith(stem + "/")):
                return fn
        return None

    def paths(self, method: str) -> list[str]:
        return [p for m, p, _ in self.routes if m == method]


class Site:
    """One demo website. Subclasses set the class attributes and fill ``router``."""

    name: str = ""
    title: str = ""
    language: str = "en"
    description: str = ""
    frictions: dict[str, str] = {}
    flows: list[tuple[str, str]] = []     # (label, path inside the site) for the index page
    router: Router

    def handle(self, req: Request) -> Response | None:
        fn = self.router.match(req.method, req.path)
        return fn(req) if fn else None


def variant_flags(site: Site, variant: str) -> frozenset[str] | None:
    """The frictions switched on for ``variant`` of ``site``; None for an unknown variant.

    ``hostile`` = every friction of the site, ``clean`` = none, ``clean+<flag>[+<flag>...]`` = the clean
    site with only the named frictions on (e.g. ``clean+mandatory_exit_survey``: one regression to
    measure). A variant is nothing but this set.
    """
    if variant == "hostile":
        return frozenset(site.frictions)
    if variant == "clean":
        return frozenset()
    head, _, rest = variant.partition("+")
    if head == "clean" and rest:
        flags = frozenset(rest.split("+"))
        return flags if flags <= set(site.frictions) else None
    return None


VARIANTS = ("hostile", "clean")
