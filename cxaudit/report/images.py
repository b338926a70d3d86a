"""Screenshots as compressed data URIs, and the evidence boxes drawn over them as SVG.

A step's screenshot is a full-page JPEG at CSS scale, so a finding's box (document coordinates in CSS px)
maps onto it directly. The report re-encodes each screenshot narrower and at a lower quality, crops very
long pages, and draws the boxes in an SVG whose viewBox is the screenshot's CSS size, so they scale with it.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

WIDTH = 760  # px of the embedded image: sharp in a column of ~500 CSS px on a 1.5x screen, and on A4
QUALITY = 55  # JPEG quality: text stays legible, a typical page is 25-45 KB
MAX_CSS_HEIGHT = 2600  # longer pages are cropped (the boxes below are listed as "outside the screenshot")
LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
              ".webp": "image/webp", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Shot:
    uri: str  # data:image/jpeg;base64,...
    css_width: float  # the screenshot's size in CSS px (after cropping): the SVG overlay's viewBox
    css_height: float
    page_height: float  # the full page's height in CSS px
    bytes: int  # size of the embedded JPEG

    @property
    def cropped(self) -> bool:
        return self.page_height > self.css_height + 1


@lru_cache(maxsize=512)
def _encode(path: str, mtime: float, width: int, quality: int, max_css_height: int) -> Shot | None:
    from PIL import Image

    try:
        with Image.open(path) as im:
            im.load()
            img = im.convert("RGB")
    except (OSError, ValueError):
        return None
    css_w, css_h = float(img.width), float(img.height)  # saved at CSS scale
    page_h = css_h
    if css_h > max_css_height:
        img = img.crop((0, 0, img.width, int(max_css_height)))
        css_h = float(max_css_height)
    if img.width > width:
        img = img.resize((width, max(1, round(img.height * width / img.width))), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    data = buf.getvalue()
    return Shot("data:image/jpeg;base64," + base64.b64encode(data).decode("ascii"), css_w, css_h, page_h, len(data))


def screenshot(folder: Path, relative: str | None, width: int = WIDTH, quality: int = QUALITY,
               max_css_height: int = MAX_CSS_HEIGHT) -> Shot | None:
    """The step's screenshot re-encoded as a data URI, or None when it is missing or unreadable."""
    if not relative:
        return None
    path = (folder / relative).resolve()
    try:
        path.relative_to(folder.resolve())  # a results file must not make the report read files elsewhere
    except ValueError:
        return None
    if not path.is_file():
        return None
    return _encode(str(path), path.stat().st_mtime, width, quality, max_css_height)


@dataclass(frozen=True)
class Mark:
    number: int
    x: float
    y: float
    width: float
    height: float
    severity: str
    visible: bool  # False: the box lies outside the (cropped) screenshot


def marks_for(boxes: list[tuple[int, object, str]], shot: Shot | None) -> list[Mark]:
    """(number, Box, severity) -> marks, clipped to the screenshot."""
    out = []
    for number, box, severity in boxes:
        x, y, w, h = (float(getattr(box, k)) for k in ("x", "y", "width", "height"))
        visible = shot is not None and w > 0 and h > 0 and y < shot.css_height and x < shot.css_width and y + h > 0
        if visible:
            x0, y0 = max(0.0, x), max(0.0, y)
            w, h = min(x + w, shot.css_width) - x0, min(y + h, shot.css_height) - y0
            x, y = x0, y0
        out.append(Mark(number, x, y, w, h, severity, visible))
    return out


def overlay(shot: Shot, marks: list[Mark]) -> Markup:
    """An SVG drawn over the screenshot: one outlined box and a numbered tag per mark. Only numbers go in."""
    vw, vh = shot.css_width, shot.css_height
    r = max(14.0, vw * 0.016)  # the tag's radius in viewBox units: about 9 px when shown 500 px wide
    parts = [
        f'<svg class="overlay" viewBox="0 0 {vw:.0f} {vh:.0f}" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false">'
    ]
    for m in marks:
        if not m.visible:
            continue
        pad = 4
        x, y, w, h = m.x - pad, m.y - pad, m.width + 2 * pad, m.height + 2 * pad
        cx = min(max(x, r), vw - r)
        cy = min(max(y, r), vh - r)
        parts.append(
            f'<g class="mark sev-{_css(m.severity)}"><rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="4" />'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" />'
            f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="{r * 1.25:.1f}" dy="0.35em">{int(m.number)}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _css(severity: str) -> str:
    return severity if severity in ("low", "medium", "high", "critical") else "medium"


def logo_uri(path: str | Path | None) -> str | None:
    """A logo file as a data URI (PNG, JPEG, GIF, WebP or SVG; an SVG in <img> runs no script)."""
    if not path:
        return None
    mime, data = read_logo(path)
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def read_logo(path: str | Path) -> tuple[str, bytes]:
    """The logo's type, read from its first bytes, and its bytes; ``CxauditError`` naming ``--logo`` and the fix
    when the file is missing, unreadable, too large or not an image of the types a report embeds."""
    from cxaudit.errors import CxauditError

    p = Path(path)
    kinds = "a PNG, JPEG, GIF, WebP or SVG file"
    if p.suffix.lower() not in LOGO_TYPES:
        raise CxauditError(f"--logo {p}: a logo must be one of {', '.join(sorted(LOGO_TYPES))}", tip=f"give {kinds}")
    try:
        with p.open("rb") as handle:
            data = handle.read(LOGO_MAX_BYTES + 1)
    except OSError as exc:
        raise CxauditError(f"--logo {p}: cannot be read ({exc.strerror or exc})", tip=f"give {kinds}") from None
    if len(data) > LOGO_MAX_BYTES:
        raise CxauditError(f"--logo {p}: the logo is over {LOGO_MAX_BYTES // 1024} KB",
                           tip=f"keep it under {LOGO_MAX_BYTES // 1024} KB")
    mime = _image_type(data)
    if mime is None:
        raise CxauditError(f"--logo {p}: not an image (its first bytes are {data[:12]!r})", tip=f"give {kinds}")
    return mime, data


def _image_type(data: bytes) -> str | None:
    for signature, mime in ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                            (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif")):
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if b"<svg" in data[:65536]:
        return "image/svg+xml"
    return None
