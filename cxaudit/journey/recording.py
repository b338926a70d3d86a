"""A Chrome DevTools Recorder export (the @puppeteer/replay JSON schema) as a journey file.

Steps map one to one where the journey format has the step: ``navigate`` (the first is ``start:``, later
ones ``goto``), ``click`` / ``doubleClick``, ``change`` (``fill``, or ``select`` on a combobox), ``keyDown``
(``press``; its ``keyUp`` is part of it), ``waitForElement`` (``wait_for``); ``setViewport`` with
``isMobile`` makes the journey ``device: mobile``. The recorder's selectors become the target, ARIA and text
first (``aria/Name[role="button"]`` is ``{role: button, name: Name}``), the rest as ``fallbacks``. What the
journey format cannot say (hover, scroll, custom steps, frame indexes) is left out and listed in ``skipped``.

A recording says nothing about success: ``success`` comes from the caller, else the last
``waitForElement`` with a text or ARIA name, else the URL of the last navigation the recording asserted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from cxaudit.errors import CxauditError
from cxaudit.journey.loader import parse_journey

ARIA = re.compile(r'^aria/(?P<name>.*?)(?:\[role="(?P<role>[\w-]+)"\])?$')
GOALS = (("cancel", r"cancel|kündig|résili|terminate"), ("uninstall", r"uninstall|deinstall|désinstall"),
         ("contact_support", r"contact|support|kontakt|help"), ("signup", r"sign\s?up|register|registr|inscri"))


@dataclass
class Imported:
    journey: dict[str, Any]
    origin: str
    skipped: list[str] = field(default_factory=list)

    def yaml(self) -> str:
        head = f"# Imported from a Chrome DevTools recording of {self.origin}; run with --base-url {self.origin}\n"
        if self.skipped:
            head += "".join(f"# left out: {s}\n" for s in self.skipped)
        return head + yaml.safe_dump(self.journey, allow_unicode=True, sort_keys=False, width=120)


def _one(selector: Any) -> dict[str, Any] | None:
    """One recorder selector as a target; a chain (shadow roots, frames) by its last part."""
    if isinstance(selector, list):
        if not selector:
            return None
        selector = selector[-1]
    text = str(selector).strip()
    if not text:
        return None
    if text.startswith("aria/"):
        m = ARIA.match(text)
        name, role = (m.group("name"), m.group("role")) if m else (text[5:], None)
        if not name.strip():
            return None
        return {"role": role, "name": name} if role else {"auto": name}
    if text.startswith("text/"):
        return {"text": text[5:]} if text[5:].strip() else None
    if text.startswith("xpath/"):
        return {"css": f"xpath={text[6:]}"}
    if text.startswith("pierce/"):
        return {"css": text[7:]}  # Playwright's CSS goes through open shadow roots by itself
    return {"css": text}


def _rank(target: dict[str, Any]) -> int:
    return 0 if "role" in target else 1 if "auto" in target or "text" in target else 2


def target_of(selectors: list[Any], where: str) -> dict[str, Any]:
    found = [t for t in (_one(s) for s in selectors or []) if t]
    if not found:
        raise CxauditError(f"{where}: no selector the journey format can use")
    unique = {json.dumps(t, sort_keys=True): t for t in found}
    found = sorted(unique.values(), key=_rank)
    best, rest = found[0], found[1:]
    return {**best, "fallbacks": rest} if rest else best


def _key(key: str) -> str:
    return {" ": "Space"}.get(key, key)


def convert(data: Any, path: str = "<recording>", goal: str | None = None, success: str | None = None) -> Imported:
    """The journey a recording describes (a dict in the journey file's shape), validated."""
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        raise CxauditError(f"{path}: not a Chrome DevTools recording (a JSON object with `steps`)",
                           tip="export it from DevTools > Recorder > Export > JSON")
    title = str(data.get("title") or Path(path).stem)
    steps: list[dict[str, Any]] = []
    skipped: list[str] = []
    start = origin = None
    device = "desktop"
    waited: str | None = None
    navigated: str | None = None
    for i, step in enumerate(data["steps"]):
        where = f"{path}: steps[{i}] ({step.get('type') if isinstance(step, dict) else '?'})"
        if not isinstance(step, dict):
            raise CxauditError(f"{where}: a step must be an object")
        kind = step.get("type")
        for event in step.get("assertedEvents") or []:
            if isinstance(event, dict) and event.get("type") == "navigation" and event.get("url"):
                navigated = str(event["url"])
        if step.get("frame"):
            skipped.append(f"steps[{i}] ({kind}) in a frame by index {step['frame']} (use the frame's CSS in `frame:`)")
            continue
        if kind == "setViewport":
            device = "mobile" if step.get("isMobile") else device
        elif kind == "navigate":
            url = str(step.get("url") or "")
            parts = urlsplit(url)
            if start is None:
                origin = f"{parts.scheme}://{parts.netloc}"
                start = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            else:
                steps.append({"goto": url})
        elif kind in ("click", "doubleClick"):
            steps.append({"click": target_of(step.get("selectors"), where)})
        elif kind == "change":
            target = target_of(step.get("selectors"), where)
            value = str(step.get("value", ""))
            if target.get("role") == "combobox" or re.search(r"\bselect\b", str(target.get("css", ""))):
                steps.append({"select": {**target, "option": value}})
            else:
                steps.append({"fill": {**target, "value": value}})
        elif kind == "keyDown":
            if steps and "fill" in steps[-1] and step.get("key") in ("Tab",):
                continue  # moving on from a field: the next step's own locating does that
            steps.append({"press": _key(str(step.get("key", "")))})
        elif kind == "keyUp":
            continue
        elif kind == "waitForElement":
            target = target_of(step.get("selectors"), where)
            steps.append({"wait_for": target})
            waited = target.get("name") or target.get("auto") or target.get("text") or waited
        else:
            skipped.append(f"steps[{i}] ({kind}): the journey format has no such step")
    if start is None:
        raise CxauditError(f"{path}: the recording has no navigate step, so no start page",
                           tip="record from the page the customer starts on")
    if not steps:
        raise CxauditError(f"{path}: the recording has no step after opening the start page")
    if success:
        condition: dict[str, Any] = {"text": success}
    elif waited:
        condition = {"text": waited}
    elif navigated:
        parts = urlsplit(navigated)
        condition = {"url": (parts.path or "/") + (f"?{parts.query}" if parts.query else "")}
    else:
        raise CxauditError(f"{path}: the recording does not say what success looks like",
                           tip="pass --success TEXT (words the page shows when the goal is reached)")
    chosen = goal or next((g for g, rx in GOALS if re.search(rx, title, re.IGNORECASE)), "custom")
    journey = {"name": title, "goal": chosen, "device": device, "start": start, "steps": steps, "success": condition}
    parse_journey(yaml.safe_dump(journey, allow_unicode=True, sort_keys=False), path, need_env=False)
    return Imported(journey, origin or "", skipped)


def import_recording(path: Path, goal: str | None = None, success: str | None = None) -> Imported:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CxauditError(f"{path}: cannot read the recording ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise CxauditError(f"{path}:{exc.lineno}: not JSON ({exc.msg})",
                           tip="export the recording as JSON from DevTools > Recorder") from None
    return convert(data, str(path), goal, success)
