"""What a step does, as data (``StepRecord.action``) and as the English description the results keep.

The description is rendered from the action by the reports' own renderer (cxaudit/report/actions.py) with
language "en", so reports in any language word the same action and the English never drifts from them. A
description the journey gives itself is kept as written, with no action.
"""

from __future__ import annotations

from typing import Any

from cxaudit.journey import Target
from cxaudit.words.actions import action_text

LOCATORS = ("label", "text", "placeholder", "css", "testid")
CONDITIONS = ("text", "url", "element")


def describe(step: Any) -> tuple[str, dict[str, Any] | None]:
    """(description, action) for a journey step: ``click button 'Continue'``, ``fill label 'E-Mail'``."""
    given = step.option("description")
    if given:
        return given, None
    return _english(step_action(step))


def describe_start(url: str) -> tuple[str, dict[str, Any]]:
    return _english({"verb": "open", "url": url})


def step_action(step: Any) -> dict[str, Any]:
    """A step's action: its verb (the step type), its target and the arguments a report words."""
    p, kind = step.params, step.type
    if kind == "goto":
        return {"verb": "goto", "url": p.url}
    if kind == "press":
        return {"verb": "press", "key": p.key, **({"target": target_action(p.target)} if p.target else {})}
    if kind == "login":
        return {"verb": "login", "fields": [target_action(p.username), target_action(p.password)]}
    if kind == "gate":
        return {"verb": "gate", **({"name": p.name} if p.name else {}), "target": target_action(p.proceed)}
    if kind == "chat":
        return {"verb": "chat", "messages": len(p.messages)}
    if kind == "dialog":
        return {"verb": "dialog", "action": p.action}
    if kind == "expect":
        return {"verb": "expect", "conditions": [c for c in CONDITIONS if getattr(p, c) is not None]}
    if kind == "screenshot":
        return {"verb": "screenshot", **({"name": p.name} if p.name else {})}
    action: dict[str, Any] = {"verb": kind}
    if step.target is not None:
        action["target"] = target_action(step.target)
    if kind == "check":
        action["checked"] = p.checked
    return action


def target_action(target: Target) -> dict[str, Any]:
    """How a step names its element: ``{kind: role, role: button, name: Weiter}``, ``{kind: label, name: E-Mail}``,
    ``{kind: auto, name: Weiter}`` (the first locator, as Target.describe() words it; fallbacks are left out)."""
    if target.role:
        return {"kind": "role", "role": target.role, **({"name": target.name} if target.name else {})}
    for key in LOCATORS:
        value = getattr(target, key)
        if value is not None:
            return {"kind": key, "name": value}
    return {"kind": "auto", "name": target.auto}


def _english(action: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return action_text(action, "en"), action
