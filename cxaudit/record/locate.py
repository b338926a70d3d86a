"""Turn a journey target into a Playwright locator and wait for a visible match.

Role, label, text and CSS locators reach into open shadow roots (Playwright pierces them); ``frame``
scopes a target to an iframe (a list for nested frames). The plain-string shorthand tries, in order:
a button, a link, a labelled field, a placeholder, then any visible text with that name.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from cxaudit.journey import Target
from cxaudit.record.describe import target_action
from cxaudit.record.failures import is_closed
from cxaudit.words.notes import Note, note


class NotFound(Exception):
    """No visible element matched the target (nor any fallback) within the timeout."""

    def __init__(self, target: Target, timeout: float, hint: Note | None = None):
        self.target = target
        self.timeout = timeout
        tried = [target_action(t) for t in (target, *target.fallbacks)]
        self.note = note("err_not_found", targets=tried, timeout=timeout) + (hint or Note(()))
        super().__init__(self.note.text("en"))


def scope_for(page: Any, frames: list[str]) -> Any:
    scope = page
    for css in frames:
        scope = scope.frame_locator(css)
    return scope


def candidates(scope: Any, target: Target) -> list[Any]:
    """The locators to try for one target, in priority order (without fallbacks)."""
    exact = target.exact
    if target.role:
        return [scope.get_by_role(target.role, name=target.name, exact=exact) if target.name else scope.get_by_role(target.role)]
    if target.label is not None:
        return [scope.get_by_label(target.label, exact=exact)]
    if target.text is not None:
        return [scope.get_by_text(target.text, exact=exact)]
    if target.placeholder is not None:
        return [scope.get_by_placeholder(target.placeholder, exact=exact)]
    if target.css is not None:
        return [scope.locator(target.css)]
    if target.testid is not None:
        return [scope.get_by_test_id(target.testid)]
    name = target.auto or ""
    return [
        scope.get_by_role("button", name=name, exact=exact),
        scope.get_by_role("link", name=name, exact=exact),
        scope.get_by_label(name, exact=exact),
        scope.get_by_placeholder(name, exact=exact),
        scope.get_by_role("checkbox", name=name, exact=exact),
        scope.get_by_role("radio", name=name, exact=exact),
        scope.get_by_text(name, exact=exact),
    ]


def all_candidates(page: Any, target: Target, extra_frames: list[str] | None = None) -> list[tuple[Any, Any]]:
    """(raw, usable) locator pairs for the target and its fallbacks: usable keeps visible matches or the nth."""
    out = []
    for t in (target, *target.fallbacks):
        scope = scope_for(page, [*(extra_frames or []), *t.frames])
        for loc in candidates(scope, t):
            out.append((loc, loc.filter(visible=True) if t.nth is None else loc.nth(t.nth)))
    return out


async def first_visible(locators: list[Any]) -> Any | None:
    for loc in locators:
        try:
            if await loc.count() > 0:
                return loc.first
        except Exception as exc:  # noqa: BLE001 - frame detached or navigating: treat as not there yet
            if is_closed(exc):  # the page, its context or the browser is gone: no use waiting
                raise
            continue
    return None


async def resolve(page: Any, target: Target, timeout: float, extra_frames: list[str] | None = None) -> Any:
    """Wait up to ``timeout`` seconds for the first candidate with a visible match; raise NotFound."""
    pairs = all_candidates(page, target, extra_frames)
    usable = [u for _, u in pairs]
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        found = await first_visible(usable)
        if found is not None:
            return found
        if time.monotonic() >= deadline:
            raise NotFound(target, timeout, await _hint([raw for raw, _ in pairs]))
        await asyncio.sleep(min(delay, max(0.0, deadline - time.monotonic())))
        delay = min(delay * 1.5, 0.25)


async def _hint(raw_locators: list[Any]) -> Note:
    """Say why nothing was usable: matches exist but are hidden, or there are no matches at all."""
    hidden = 0
    for loc in raw_locators:
        try:
            hidden += await loc.count()
        except Exception:  # noqa: BLE001
            continue
    if hidden:
        return note("err_hidden_matches", n=hidden)
    return note("err_check_name")
