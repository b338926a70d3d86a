"""What a page or a client-side view is, and what a customer can read on it, from an observation."""

from __future__ import annotations

from urllib.parse import urlsplit


def shorter_than(observation: dict | None, height: float) -> bool:
    doc = (observation or {}).get("document") or {}
    return isinstance(doc.get("height"), int | float) and doc["height"] <= height


def no_password_field(observation: dict | None) -> bool:
    """True only when a complete snapshot shows no password field (then the screenshot needs no such mask)."""
    if not isinstance(observation, dict) or observation.get("truncated") or "forms" not in observation:
        return False
    return not any(
        (f.get("type") or "").lower() == "password" for form in observation["forms"] or [] for f in form.get("fields") or []
    )


def page_key(url: str, observation: dict | None) -> str:
    """A page or client-side view: the URL without the origin, plus the first heading."""
    parts = urlsplit(url)
    heading = ""
    for h in (observation or {}).get("headings") or []:
        heading = h.get("text", "")
        break
    path = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return f"{path}|{heading}"


def visible_text(observation: dict | None) -> str:
    """All the words a customer can see in an observation: text blocks, controls, dialogs, alerts."""
    if not observation:
        return ""
    parts: list[str] = []
    parts += [b.get("text", "") for b in observation.get("text_blocks") or []]
    parts += [e.get("name") or e.get("text") or "" for e in observation.get("elements") or [] if not e.get("hidden")]
    parts += [d.get("text", "") for d in observation.get("dialogs") or []]
    parts += [a.get("text", "") for a in observation.get("alerts") or []]
    return "\n".join(p for p in parts if p)
