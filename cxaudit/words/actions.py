"""A step's action in words, in the report language: ``click link 'Kündigen'`` / ``Link „Kündigen“ anklicken``.

The recorder saves each step's action as data (``StepRecord.action``, made by cxaudit/recorder/describe.py)
and its English description rendered from that data by this module, so the two cannot drift apart. The
shape of an action::

    {"verb": "click", "target": {"kind": "role", "role": "button", "name": "Weiter"}}
    {"verb": "fill", "target": {"kind": "label", "name": "E-Mail"}}         # kind: label text placeholder css testid auto
    {"verb": "open", "url": "https://…"}                                   # the start page; goto has url too
    {"verb": "check", "target": {...}, "checked": false}
    {"verb": "press", "key": "Enter", "target": {...}}                      # target optional
    {"verb": "login", "fields": [{...}, {...}]}
    {"verb": "gate", "name": "survey", "target": {...}}                     # name optional; target: the proceed control
    {"verb": "chat", "messages": 3}
    {"verb": "expect", "conditions": ["text", "url"]}
    {"verb": "screenshot", "name": "after"}                                 # name optional
    {"verb": "dialog", "action": "accept"}                                  # or dismiss

plus select, wait_for and dismiss with a target. Words live in i18n.py (``act_*``, ``by_*``, ``role_*``).
"""

from __future__ import annotations

from typing import Any

from cxaudit.words.format import quote
from cxaudit.words.i18n import STRINGS, plural, t

TARGET_VERBS = ("click", "fill", "select", "check", "wait_for", "dismiss")


def step_text(step: Any, lang: str) -> str:
    """A recorded step's heading (a results StepRecord): the journey's own description as written; else its
    action in ``lang``; else (a run recorded before actions were saved, or an action this version cannot
    word) the recorded description."""
    if step.action:
        try:
            text = action_text(step.action, lang)
        except (KeyError, TypeError, ValueError, AttributeError):
            return step.description
        return text[:1].upper() + text[1:]  # a heading; the recorded English description stays as it was
    return step.description


def action_text(action: dict[str, Any], lang: str) -> str:
    """An action in words; raises KeyError for a verb or shape it does not know."""
    verb = action["verb"]
    target = target_text(action["target"], lang) if action.get("target") else None
    if verb in ("open", "goto"):
        text = t(f"act_{verb}", lang, url=action["url"])
    elif verb == "press":
        keyname = action["key"]
        text = (t("act_press_on", lang, keyname=keyname, target=target) if target
                else t("act_press", lang, keyname=keyname))
    elif verb == "login":
        text = t("act_login", lang, fields=", ".join(target_text(f, lang) for f in action["fields"]))
    elif verb == "gate":
        name = action.get("name")
        if target is None:
            raise KeyError("target")
        # English keeps the quoting the recorder has always written (Python's repr of the name)
        text = (t("act_gate", lang, name=repr(name) if lang == "en" else quote(name, lang), target=target) if name
                else t("act_gate_unnamed", lang, target=target))
    elif verb == "chat":
        text = plural("act_chat", int(action["messages"]), lang)
    elif verb == "dialog":
        if action.get("action") not in ("accept", "dismiss"):
            raise KeyError("action")
        text = t(f"act_dialog_{action['action']}", lang)
    elif verb == "expect":
        text = t("act_expect", lang, conditions=", ".join(t(f"cond_{c}", lang) for c in action["conditions"]))
    elif verb == "screenshot":
        name = action.get("name")
        text = t("act_screenshot_named", lang, name=name).strip() if name else t("act_screenshot", lang)
    elif verb in TARGET_VERBS:
        if target is None:
            raise KeyError("target")
        key = "act_uncheck" if verb == "check" and action.get("checked") is False else f"act_{verb}"
        text = t(key, lang, target=target)
    else:
        raise KeyError(verb)
    return text if lang == "en" else text[:1].upper() + text[1:]


def target_text(target: dict[str, Any], lang: str) -> str:
    """``button 'Weiter'`` / ``Schaltfläche „Weiter“``; a bare name (kind auto) is only quoted."""
    kind, name = target["kind"], target.get("name")
    if kind == "role":
        word = _word("role", target["role"], lang)
        return f"{word} {quote(name, lang)}" if name else word
    if kind == "auto":
        return quote(name, lang)
    return f"{_word('by', kind, lang)} {quote(name, lang)}"


def element_text(element: dict[str, Any], lang: str) -> str:
    """An element the recorder observed: its role in the report language and its name as the page words it,
    ``link “Kündigen”`` / ``Link „Kündigen“``."""
    role = element.get("role") or element.get("tag") or ""
    word = _word("role", role, lang) if role and role != "generic" else ""  # a plain <div>/<span>: just its words
    return f"{word} {t('cite', lang, text=element.get('name') or element.get('text') or '')}".strip()


def _word(group: str, value: str, lang: str) -> str:
    key = f"{group}_{value}"
    return t(key, lang) if key in STRINGS else value
