"""What each step type does to the page, and what it counts. Called by JourneySession."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..journey import SECRET_MASK, FillParams, Target
from ..model import FilledValue, StepRecord
from ..notes import note
from .describe import target_action
from .locate import NotFound
from .snapshot import element_info

if TYPE_CHECKING:
    from .session import JourneySession

DISMISS_TIMEOUT = 5.0


def count(record: StepRecord, kind: str, n: int = 1) -> None:
    record.actions += n
    record.action_kinds[kind] = record.action_kinds.get(kind, 0) + n


async def run_step(s: JourneySession, step: Any, record: StepRecord) -> None:
    from .chat import run_chat
    from .gate import run_gate
    from .session import StepFailed

    kind = step.type
    p = step.params
    timeout = step.option("timeout") or s.step_timeout
    optional = step.option("optional", kind == "dismiss")
    try:
        if kind == "goto":
            url = p.url if not p.url.startswith("/") else s.start_url_base() + p.url
            s.attempted_url = url
            await s.page.goto(url, wait_until="domcontentloaded")
        elif kind == "click":
            await click(s, p, record, timeout)
        elif kind == "dismiss":
            await click(s, p, record, DISMISS_TIMEOUT if step.option("timeout") is None else timeout)
        elif kind == "fill":
            await fill(s, p, record, timeout)
        elif kind == "select":
            loc = await acted_on(s, p, record, timeout)
            try:
                await loc.select_option(label=p.option, timeout=timeout * 1000)
            except Exception:  # noqa: BLE001 - not a label: try it as a value
                await loc.select_option(value=p.option, timeout=timeout * 1000)
            count(record, "select")
            record.filled.append(filled_value(s, record.element, p.option))
        elif kind == "check":
            loc = await acted_on(s, p, record, timeout)
            await loc.set_checked(p.checked, timeout=timeout * 1000)
            count(record, "check")
            record.filled.append(filled_value(s, record.element, "checked" if p.checked else "unchecked"))
        elif kind == "press":
            target = p.target
            if target is not None:
                loc = await acted_on(s, target, record, timeout)
                await loc.press(p.key, timeout=timeout * 1000)
            else:
                await s.page.keyboard.press(p.key)
            count(record, "press")
        elif kind == "wait_for":
            if p.state in ("visible",):
                await s.locate(p, timeout)
            else:
                from .locate import all_candidates

                raw = all_candidates(s.page, p)[0][0]
                await raw.first.wait_for(state=p.state, timeout=timeout * 1000)
        elif kind == "expect":
            await s.settle()
            obs = await s.observe_quietly()
            ok, why = await s.holds(p, obs)
            if not ok:
                raise StepFailed(note("err_expectation", why=why.dump() if why else []))
        elif kind == "screenshot":
            await s.settle()
            name = f"{record.index:02d}-{(p.name or 'extra')}"
            record.screenshot = await s.screenshot(name, p.full_page)
        elif kind == "login":
            await login(s, p, record, timeout)
        elif kind == "gate":
            await run_gate(s, p, record, timeout)
        elif kind == "chat":
            await run_chat(s, p, record, timeout)
        else:  # pragma: no cover - the journey model admits no other type
            raise StepFailed(f"unknown step type {kind}")
    except NotFound:
        if optional:
            record.status = "skipped"
            record.error = None
            return
        raise


async def acted_on(s: JourneySession, target: Target, record: StepRecord, timeout: float) -> Any:
    """Find the target and record what it looked like right before the action."""
    loc = await s.locate(target, timeout)
    if record.element is None:
        record.element = await element_info(loc, secrets=s.secrets)
    return loc


async def click(s: JourneySession, target: Target, record: StepRecord, timeout: float) -> None:
    loc = await acted_on(s, target, record, timeout)
    await click_explained(loc, target, timeout)
    count(record, "click")


async def click_explained(loc: Any, target: Target, timeout: float) -> None:
    """Click; when it cannot be done, say why in words (covered by an overlay, stayed disabled)."""
    try:
        await loc.click(timeout=timeout * 1000)
    except Exception as exc:  # noqa: BLE001
        raise_blocked_click(exc, target, timeout)


def raise_blocked_click(exc: Exception, target: Target, timeout: float) -> None:
    from .session import StepFailed

    text = str(exc)
    if "intercepts pointer events" in text:
        raise StepFailed(note("err_covered", target=target_action(target), timeout=timeout)) from None
    if "not enabled" in text or "disabled" in text:
        raise StepFailed(note("err_disabled", target=target_action(target), timeout=timeout)) from None
    raise exc


async def fill(s: JourneySession, p: FillParams, record: StepRecord, timeout: float, kind: str = "fill") -> None:
    loc = await s.locate(p, timeout)
    info = await element_info(loc, secrets=s.secrets)
    if record.element is None:
        record.element = info
    await loc.fill(p.value, timeout=timeout * 1000)
    if kind == "fill":
        count(record, "fill")
    record.characters_typed += len(p.value)
    record.filled.append(filled_value(s, info, p.value))


def filled_value(s: JourneySession, info: dict | None, value: str) -> FilledValue:
    info = info or {}
    secret = value in s.journey.secrets or info.get("type") == "password"
    return FilledValue(
        label=info.get("label") or info.get("name") or None,
        name=info.get("field_name") or info.get("html_name") or None,
        autocomplete=info.get("autocomplete") or None,
        type=info.get("type") or None,
        value=SECRET_MASK if secret else value,
        secret=secret,
        characters=len(value),
    )


async def login(s: JourneySession, p: Any, record: StepRecord, timeout: float) -> None:
    await fill(s, p.username, record, timeout, kind="login")
    await fill(s, p.password, record, timeout, kind="login")
    await click_explained(await s.locate(p.submit, timeout), p.submit, timeout)
    count(record, "login")
