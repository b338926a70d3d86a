"""The plain step types: what each does to the page, and what it counts. ``BASIC`` maps a type to its runner."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from cxaudit.journey import SECRET_MASK, FillParams, Target
from cxaudit.record.describe import target_action
from cxaudit.record.failures import StepFailed, blocked_click, is_timeout
from cxaudit.record.locate import NotFound, all_candidates
from cxaudit.record.snapshot import observe_element
from cxaudit.results.model import FilledValue, StepRecord
from cxaudit.results.observation import ElementInfo
from cxaudit.words.notes import note

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

DISMISS_TIMEOUT = 5.0

Runner = Callable[["JourneySession", Any, StepRecord, float], Awaitable[None]]


def count(record: StepRecord, kind: str, n: int = 1) -> None:
    record.actions += n
    record.action_kinds[kind] = record.action_kinds.get(kind, 0) + n


async def perform(s: JourneySession, step: Any, record: StepRecord, runners: dict[str, Runner]) -> None:
    """Run ``step`` with the runner its type names; an optional step whose element is missing is skipped."""
    timeout = step.option("timeout") or s.step_timeout
    optional = step.option("optional", step.type == "dismiss")
    runner = runners.get(step.type)
    if runner is None:  # pragma: no cover - the journey model admits no other type
        raise StepFailed(f"unknown step type {step.type}")
    try:
        await runner(s, step, record, timeout)
    except NotFound:
        if optional:
            record.status = "skipped"
            record.error = None
            return
        raise


async def goto(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    url = p.url if not p.url.startswith("/") else s.start_url_base() + p.url
    s.attempted_url = url
    await s.page.goto(url, wait_until="domcontentloaded")


async def click_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await click(s, step.params, record, timeout)


async def dismiss(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await click(s, step.params, record, DISMISS_TIMEOUT if step.option("timeout") is None else timeout)


async def fill_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await fill(s, step.params, record, timeout)


async def select(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    loc = await acted_on(s, p, record, timeout)
    try:
        await loc.select_option(label=p.option, timeout=timeout * 1000)
    except Exception:  # noqa: BLE001 - not a label: try it as a value
        await loc.select_option(value=p.option, timeout=timeout * 1000)
    count(record, "select")
    record.filled.append(filled_value(s, record.element, p.option))


async def check(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    loc = await acted_on(s, p, record, timeout)
    await loc.set_checked(p.checked, timeout=timeout * 1000)
    count(record, "check")
    record.filled.append(filled_value(s, record.element, "checked" if p.checked else "unchecked"))


async def press(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    if p.target is not None:
        loc = await acted_on(s, p.target, record, timeout)
        await loc.press(p.key, timeout=timeout * 1000)
    else:
        await s.page.keyboard.press(p.key)
    count(record, "press")


async def wait_for(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    if p.state in ("visible",):
        await s.locate(p, timeout)
    else:
        raw = all_candidates(s.page, p)[0][0]
        await raw.first.wait_for(state=p.state, timeout=timeout * 1000)


async def expect(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await s.settle()
    obs = await s.observe_quietly()
    ok, why = await s.holds(step.params, obs)
    if not ok:
        raise StepFailed(note("err_expectation", why=why.dump() if why else []))


async def screenshot(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    await s.settle()
    name = f"{record.index:02d}-{(p.name or 'extra')}"
    record.screenshot = await s.screenshot(name, p.full_page)


async def login_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await login(s, step.params, record, timeout)


async def acted_on(s: JourneySession, target: Target, record: StepRecord, timeout: float) -> Any:
    """Find the target and record what it looked like right before the action."""
    loc = await s.locate(target, timeout)
    if record.element is None:
        record.element = await observe_element(loc, secrets=s.secrets)
    return loc


async def click(s: JourneySession, target: Target, record: StepRecord, timeout: float) -> None:
    loc = await acted_on(s, target, record, timeout)
    await click_explained(loc, target, timeout)
    count(record, "click")


# a control that has not stood still for this long (a live feed above it keeps pushing it down) is held still
# in view: after every change to the page, the view scrolls by as much as the control moved, as a customer's
# eyes follow it; Chromium's own scroll anchoring does the same, but only when the control is its anchor
STILL_WITHIN_S = 2.0
HOLD_STILL_JS = """e => {
  e.scrollIntoView({block: 'center', inline: 'nearest'});
  const want = e.getBoundingClientRect().top;
  const watch = new MutationObserver(() => {
    if (!e.isConnected) return;
    const moved = e.getBoundingClientRect().top - want;
    if (moved) window.scrollBy(0, moved);
  });
  watch.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  return () => watch.disconnect();
}"""


async def click_explained(loc: Any, target: Target, timeout: float) -> None:
    """Click; when it cannot be done, say why in words (covered by an overlay, stayed disabled, kept moving).

    Playwright clicks only a control that stood still for two animation frames. One that did not within
    ``STILL_WITHIN_S`` is held still in view (``HOLD_STILL_JS``) and the click is tried again for the rest
    of the step's time."""
    started = time.monotonic()
    first = min(STILL_WITHIN_S, timeout)
    try:
        await loc.click(timeout=first * 1000)
        return
    except Exception as exc:  # noqa: BLE001
        moving = blocked_click(exc) == "moving"
        if first >= timeout or not (moving or is_timeout(exc)):
            raise_blocked_click(exc, target, timeout)
    release = await loc.evaluate_handle(HOLD_STILL_JS) if moving else None
    try:
        await loc.click(timeout=max(timeout - (time.monotonic() - started), 0.1) * 1000)
    except Exception as exc:  # noqa: BLE001
        if is_timeout(exc) and blocked_click(exc) is None:  # say the step's whole time, not the second try's
            raise type(exc)(re.sub(r"Timeout [\d.]+ms", f"Timeout {round(timeout * 1000)}ms", str(exc), count=1)) from None
        raise_blocked_click(exc, target, timeout)
    finally:
        if release is not None:
            await _release(release)


async def _release(handle: Any) -> None:
    """Stop holding the control still; after a navigation the document, and the watcher with it, are gone."""
    try:
        await handle.evaluate("stop => stop()")
        await handle.dispose()
    except Exception:  # noqa: BLE001 - the click navigated: nothing left to stop
        pass


def raise_blocked_click(exc: Exception, target: Target, timeout: float) -> None:
    why = blocked_click(exc)
    if why is None:
        raise exc
    words = {"target": target_action(target), "timeout": timeout}
    if why == "covered":
        raise StepFailed(note("err_covered", **words)) from None
    if why == "disabled":
        raise StepFailed(note("err_disabled", **words)) from None
    raise StepFailed(note("err_moving", **words)) from None


async def fill(s: JourneySession, p: FillParams, record: StepRecord, timeout: float) -> None:
    loc = await s.locate(p, timeout)
    info = await observe_element(loc, secrets=s.secrets)
    if record.element is None:
        record.element = info
    await loc.fill(p.value, timeout=timeout * 1000)
    count(record, "fill")
    record.characters_typed += len(p.value)
    record.filled.append(filled_value(s, info, p.value))


def filled_value(s: JourneySession, info: ElementInfo | None, value: str) -> FilledValue:
    # An element record has no label, field name or autocomplete (a FormField has them): name and
    # autocomplete stay None, the label is the accessible name, as they were when this read a dict.
    kind = info.type if info else ""
    password = kind == "password"
    secret = value in s.journey.secrets or password
    if password:  # the page may echo it: from now on it is masked like a ${...} value
        s.secrets.add(value, "password")
    return FilledValue(
        label=(info.name if info else "") or None,
        type=kind or None,
        value=SECRET_MASK if secret else s.redact(value),  # a literal value may hold a secret in it
        secret=secret,
        characters=len(value),
    )


async def login(s: JourneySession, p: Any, record: StepRecord, timeout: float) -> None:
    """What the customer does: fill each field (1 each), click the submit (1)."""
    await fill(s, p.username, record, timeout)
    await fill(s, p.password, record, timeout)
    await click_explained(await s.locate(p.submit, timeout), p.submit, timeout)
    count(record, "click")


# the step types a gate may use to answer its question, and their runners
BASIC: dict[str, Runner] = {
    "goto": goto, "click": click_step, "dismiss": dismiss, "fill": fill_step, "select": select, "check": check,
    "press": press, "wait_for": wait_for, "expect": expect, "screenshot": screenshot, "login": login_step,
}
