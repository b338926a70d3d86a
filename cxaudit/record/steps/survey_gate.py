"""The gate probe: try to proceed without answering, record whether and how the way was blocked.

This measures a mandatory "why are you leaving?" question instead of guessing it from wording.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from cxaudit.journey import GateParams
from cxaudit.record.describe import describe
from cxaudit.record.failures import StepFailed, plain_error
from cxaudit.record.locate import NotFound
from cxaudit.record.snapshot import observe_element
from cxaudit.record.steps.basic import BASIC, click_explained, count, perform
from cxaudit.record.views import page_key
from cxaudit.results.model import Box, GateProbe, StepRecord
from cxaudit.results.observation import FormField, Observation, Observed
from cxaudit.words.notes import note

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

PROBE_CLICK_TIMEOUT = 3.0


def view_signature(url: str, obs: Observed) -> str:
    """The page key plus the form fields on show: a gate passed when this changes."""
    fields = sorted(f"{f.label or f.name}:{f.type}" for f in _fields(obs) if not f.hidden)
    return page_key(url, obs) + "|" + ",".join(fields)


def _fields(obs: Observed) -> list[FormField]:
    return [f for form in obs.forms for f in form.fields] if isinstance(obs, Observation) else []


def required_unanswered(obs: Observed) -> list[str]:
    """Labels of required fields left empty (a radio group counts once, when none of it is checked)."""
    out: list[str] = []
    groups: dict[str, bool] = {}
    for f in _fields(obs):
        if not f.required or f.disabled:
            continue
        label = f.label or f.name or f.id or "?"
        if f.type in ("radio", "checkbox"):
            key = f.name or label
            groups[key] = groups.get(key, False) or bool(f.checked)
            if key not in out and f.type == "radio":
                out.append(key)
            elif f.type == "checkbox" and not f.checked:
                out.append(label)
        elif not f.value.strip():
            out.append(label)
    return [x for x in out if not groups.get(x, False)]


def _alerts(obs: Observed) -> list[str]:
    return [a.text for a in obs.alerts] if isinstance(obs, Observation) else []


def validation_messages(obs: Observed, before: Observed) -> list[str]:
    """Validation messages on fields, and alerts that were not there before the probe."""
    msgs = [f.validation_message for f in _fields(obs) if f.invalid and f.validation_message]
    old = set(_alerts(before))
    msgs += [text for text in _alerts(obs) if text and text not in old]
    return list(dict.fromkeys(m for m in msgs if m))


async def run_gate(s: JourneySession, p: GateParams, record: StepRecord, timeout: float) -> None:
    before = s.last_observation
    before_sig = view_signature(s.page.url, before)
    probe = GateProbe(name=s.redact(p.name) if p.name else p.name, blocked=False)
    record.gate = probe
    loc = await s.locate(p.proceed, timeout)
    info = await observe_element(loc, secrets=s.secrets)
    probe.proceed_element = record.element = info
    disabled = bool(info and info.disabled) or await _disabled(loc)
    if disabled:
        probe.blocked = True
        probe.signals.append("disabled_control")
        obs = before
    else:
        clicked = True
        try:
            await loc.click(timeout=PROBE_CLICK_TIMEOUT * 1000)
        except Exception:  # noqa: BLE001 - covered or not clickable: the way is blocked as it stands
            clicked = False
        await s.settle()
        obs = await s.observe_quietly()
        if clicked and view_signature(s.page.url, obs) != before_sig:
            count(record, "click")  # the way was open: the probe was the customer's real click
            return
        probe.blocked = True
        record.probe_actions += 1
        probe.signals.append("same_view" if clicked else "not_clickable")
    probe.validation_messages = validation_messages(obs, before)
    probe.required_fields = required_unanswered(obs)
    if probe.validation_messages:
        probe.signals.append("validation_message")
    if probe.required_fields:
        probe.signals.append("required_fields")
    await _picture_of_block(s, record, probe, obs)
    await _answer(s, p, record)
    probe.answered = True
    probe.answer_actions = record.actions
    await click_explained(await s.locate(p.proceed, timeout), p.proceed, timeout)
    count(record, "click")
    await s.settle()
    after = await s.observe_quietly()
    probe.passed_after_answer = view_signature(s.page.url, after) != before_sig
    if not probe.passed_after_answer:
        still = validation_messages(after, before)
        raise StepFailed(note("err_gate_still_blocks", messages="; ".join(still[:3])) if still else note("err_gate_check_answers"))


async def _picture_of_block(s: JourneySession, record: StepRecord, probe: GateProbe, obs: Observed) -> None:
    """Keep the page as the customer sees it while blocked, before answering: the step's own screenshot shows the
    page after the gate. ``message_box``: where the validation message is on it, else the field it is about."""
    probe.message_box = message_box(obs, probe.validation_messages, probe.required_fields)
    if s.options.screenshots:  # the recorder's time, not the customer's: kept out of the step's duration
        t = time.monotonic()
        probe.screenshot = await s.screenshot(f"{record.index:02d}-gate-blocked", observation=obs)
        record.timings["gate_picture"] = round(time.monotonic() - t, 4)


def message_box(obs: Observed, messages: list[str], required: list[str]) -> Box | None:
    """The box of the first validation message: a text block on the page that says it (an error line the site
    shows), else the invalid field it belongs to (a browser's own bubble, which no page picture shows), else the
    first required field left empty."""
    if not isinstance(obs, Observation):
        return None
    said = [" ".join(m.split()).casefold() for m in messages]
    for block in obs.text_blocks:
        text = " ".join(block.text.split()).casefold()
        if text and any(m and m in text for m in said) and block.box.width > 0:
            return _box(block.box)
    fields = [f for f in _fields(obs) if not f.hidden and f.box.width > 0]
    for f in fields:
        if f.invalid and f.validation_message:
            return _box(f.box)
    for f in fields:
        if (f.label or f.name or f.id) in required or (f.type == "radio" and f.name in required):
            return _box(f.box)
    return None


def _box(b: Any) -> Box:
    return Box(x=float(b.x), y=float(b.y), width=float(b.width), height=float(b.height))


async def _disabled(loc: Any) -> bool:
    try:
        if await loc.is_disabled(timeout=1000):
            return True
        return (await loc.get_attribute("aria-disabled", timeout=1000)) == "true"
    except Exception:  # noqa: BLE001
        return False


async def _answer(s: JourneySession, p: GateParams, record: StepRecord) -> None:
    for n, sub in enumerate(p.answer, start=1):
        description, action = describe(sub)
        part = StepRecord(index=record.index, type=sub.type, description=description, action=action)
        try:
            await perform(s, sub, part, BASIC)
        except (StepFailed, NotFound) as exc:
            raise StepFailed(note("err_answer", n=n, type=sub.type, why=exc.note.dump())) from None
        except Exception as exc:  # noqa: BLE001
            raise StepFailed(note("err_answer", n=n, type=sub.type, why=plain_error(exc).dump())) from None
        record.actions += part.actions
        for kind, n_kind in part.action_kinds.items():
            record.action_kinds[kind] = record.action_kinds.get(kind, 0) + n_kind
        record.characters_typed += part.characters_typed
        record.filled.extend(part.filled)


async def gate_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await run_gate(s, step.params, record, timeout)
