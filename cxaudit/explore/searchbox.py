"""A site's own search as a way to the goal: a help centre whose articles are found by searching, not by a
link in sight. The search box is filled with the goal's word and sent with Enter, as a customer would; the
results are then clicked like any page's links (two journey steps, two actions: ``fill`` and ``press``)."""

from __future__ import annotations

import re
from typing import Any

from cxaudit.explore import words
from cxaudit.results.observation import FormField

# what a customer types into a site's search for each goal
QUERY = {
    "cancel": {"en": "cancel", "de": "kündigen", "fr": "résilier"},
    "uninstall": {"en": "uninstall", "de": "deinstallieren", "fr": "désinstaller"},
    "contact_support": {"en": "contact", "de": "Kontakt", "fr": "contact"},
}
SEARCH_FIELD = re.compile(r"(?i)\bsearch|\bsuche\w*|\bsuchen\b|\bsuchbegriff\w*|durchsuch\w*|\brecherch\w*|"
                          r"\bfind\s+(?:an?\s+)?(?:answer|article|help)")
SEARCH_NAME = frozenset({"q", "query", "s", "search", "suche", "recherche", "keywords"})
HELP_PAGE_SCORE, OTHER_PAGE_SCORE = 5.0, 2.0  # a help centre's search is the way into its articles


def search_field(fields: list[FormField]) -> FormField | None:
    """The empty, visible search box among one form's ``fields``: ``type=search``, or the form's only field to
    type in, labelled, named or hinted as a search (a contact form's "such as 10042" is no search)."""
    typed = [f for f in fields if not f.hidden and f.type not in ("checkbox", "radio", "hidden", "submit", "button", "file")]
    for f in typed:
        if f.disabled or f.value.strip() or f.type not in ("search", "text", "") or (f.type != "search" and len(typed) > 1):
            continue
        said = " ".join([f.label, f.placeholder, f.autocomplete])
        if f.type == "search" or SEARCH_FIELD.search(said) or f.name.lower() in SEARCH_NAME:
            return f
    return None


def search_move_steps(f: FormField, target: dict[str, Any], goal: str, lang: str | None) -> list[dict[str, Any]] | None:
    query = QUERY.get(goal, {}).get(lang if lang in ("en", "de", "fr") else "en")
    if query is None:
        return None
    return [{"fill": {**target, "value": query}}, {"press": {"key": "Enter", "target": dict(target)}}]


def search_score(url: str, title: str, headings: list[str], lang: str | None) -> float:
    """Higher on a help centre (its address, title or a heading says help) than on any other page."""
    texts = [url.replace("/", " ").replace("-", " "), title, *headings[:2]]
    helpish = any("help" in words.tags("way", t, lang) for t in texts if t)
    return HELP_PAGE_SCORE if helpish else OTHER_PAGE_SCORE
