"""The path explore found, as a journey file: the same steps, credentials as ${CXAUDIT_USERNAME} /
${CXAUDIT_PASSWORD}, the words that said the goal was reached as ``success:`` (and the dead end's as
``blocked:``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from cxaudit.explore.search import ExploreResult

# what a blocked journey would have said on success: words its dead end does not show
SUCCESS_PHRASES = {
    ("cancel", "en"): "has been cancelled", ("cancel", "de"): "Ihre Kündigung ist eingegangen",
    ("cancel", "fr"): "résiliation a été enregistrée",
    ("uninstall", "en"): "has been uninstalled", ("uninstall", "de"): "wurde deinstalliert",
    ("uninstall", "fr"): "a été désinstallé",
    ("contact_support", "en"): "has joined the chat", ("contact_support", "de"): "ist dem Chat beigetreten",
    ("contact_support", "fr"): "a rejoint la conversation",
    ("signup", "en"): "Welcome to", ("signup", "de"): "Willkommen bei", ("signup", "fr"): "Bienvenue",
}
NOTHING_YET = [{"wait_for": {"state": "attached", "css": "body"}}]  # a journey needs a step; this one does nothing
TITLES = {"cancel": "cancel", "uninstall": "uninstall", "contact_support": "reach a person", "signup": "sign up"}


def success_phrase(goal: str, lang: str) -> str:
    return SUCCESS_PHRASES.get((goal, lang if lang in ("en", "de", "fr") else "en"), "done")


def journey_data(result: ExploreResult, goal: str, name: str | None = None) -> dict[str, Any]:
    from urllib.parse import urlsplit

    host = urlsplit(result.origin).netloc or "site"
    data: dict[str, Any] = {
        "name": name or f"{host} – {TITLES.get(goal, goal)} (explored)",
        "goal": goal,
        "language": result.language,
        "description": f"Found by cxaudit explore: {result.reason}.",
        "tags": ["explored"],
        "site": host,
        "start": result.start,
        "steps": result.steps or NOTHING_YET,
        "success": {"text": result.success or success_phrase(goal, result.language)},
    }
    if result.blocked:
        data["blocked"] = {"text": result.blocked}
    if any("login" in s for s in result.steps):
        data["mask"] = ["input[type=password]"]
    return data


def journey_yaml(result: ExploreResult, goal: str, name: str | None = None) -> str:
    head = (f"# Written by cxaudit explore from {result.origin}{result.start}: {result.outcome}, "
            f"{len(result.steps)} step(s), {result.actions_spent} action(s) tried.\n"
            f"# Replay: cxaudit run journey.yaml --base-url {result.origin}\n")
    return head + yaml.safe_dump(journey_data(result, goal, name), allow_unicode=True, sort_keys=False, width=120)
