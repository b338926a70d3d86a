"""What a page or a client-side view is, and what a customer can read on it, from an observation."""

from __future__ import annotations

from urllib.parse import urlsplit

from cxaudit.results.observation import Observation, Observed


def no_password_field(observation: Observed) -> bool:
    """True only when a complete snapshot shows no password field (then the screenshot needs no such mask)."""
    if not isinstance(observation, Observation) or observation.truncated:
        return False
    return not any(f.type.lower() == "password" for form in observation.forms for f in form.fields)


def first_heading(observation: Observed) -> str:
    """The text of the observation's main heading: its first visible h1, else its first visible heading ("" when
    it has none). A menu or a banner that shows a heading of its own above the page's h1 (a mega menu's "Your
    contract") does not make the page another one."""
    if isinstance(observation, Observation) and observation.headings:
        return next((h.text for h in observation.headings if h.level == 1), observation.headings[0].text)
    return ""


def title_of(observation: Observed) -> str:
    return observation.title if isinstance(observation, Observation) else ""


def page_key(url: str, observation: Observed) -> str:
    """A page or client-side view: the URL without the origin, plus the first heading."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return f"{path}|{first_heading(observation)}"


def visible_text(observation: Observed) -> str:
    """All the words a customer can see in an observation: text blocks, controls, dialogs, alerts."""
    if not isinstance(observation, Observation):
        return ""
    parts: list[str] = []
    parts += [b.text for b in observation.text_blocks]
    parts += [e.name or e.text for e in observation.elements if not e.hidden]
    parts += [d.text for d in observation.dialogs]
    parts += [a.text for a in observation.alerts]
    return "\n".join(p for p in parts if p)
