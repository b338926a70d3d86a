"""A chat's pre-chat form: the short form some widgets show after the launcher and before the chat (a name, an
e-mail address, a topic), as Zendesk's and LiveChat's do. The `chat:` step fills it with the values its
`prechat:` gives (by the fields' labels), or with ``JourneySession.prechat_value`` when explore drives, sends it,
and counts each field and the click as the customer's actions.

A form is a pre-chat form when it came with the launcher (it was not on show before: a contact form beside
the chat is not one) and asks who the customer is (a name, an e-mail address or a phone number).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from cxaudit.journey import Target
from cxaudit.record.chat_infer import VISIBLE_JS, ChatNotFound, frame_chain
from cxaudit.record.steps.basic import count

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

SHOWN_KEY = "cxaudit.shown"  # a WeakSet on the frame's window: the fields on show before the launcher
FIELDS = "input, select, textarea"
SHOWN_JS = "() => {\n" + VISIBLE_JS + "\n  window[Symbol.for('" + SHOWN_KEY + "')] = new WeakSet(all('" + FIELDS + "').filter(vis)); }"

# the fields that came since the mark, when one of them asks who the customer is: their form (or the nearest
# box holding them all) with its fields described and its send button
PRECHAT_JS = """() => {
""" + VISIBLE_JS + """
  const seen = window[Symbol.for('""" + SHOWN_KEY + """')];
  const skip = ['hidden', 'submit', 'button', 'image', 'reset', 'file'];
  const label = e => {  /* the label's own words, not the options of a select inside it */
    const l = e.labels && e.labels[0] ? e.labels[0].cloneNode(true) : null;
    if (l) l.querySelectorAll('select, textarea, input').forEach(x => x.remove());
    return ((l && l.textContent.trim()) || e.getAttribute('aria-label') || '')
      .replace(/\\s+/g, ' ').replace(/\\s*\\*\\s*$/, '').trim(); };
  const fresh = all('""" + FIELDS + """').filter(e => vis(e) && !e.disabled && (!seen || !seen.has(e))
    && !skip.includes((e.type || '').toLowerCase()));
  const first = fresh.find(who);
  if (!first) return null;
  let scope = first.closest('form');
  if (!scope) { scope = up(first); while (scope && !fresh.every(e => within(scope, e))) scope = up(scope); }
  if (!scope) return null;
  const fields = fresh.filter(e => within(scope, e)).map(e => ({
    index: all('""" + FIELDS + """').indexOf(e), label: label(e), name: e.name || '', id: e.id || '',
    placeholder: e.getAttribute('placeholder') || '', autocomplete: e.getAttribute('autocomplete') || '',
    type: e.tagName === 'SELECT' ? 'select' : e.tagName === 'TEXTAREA' ? 'textarea' : (e.type || 'text').toLowerCase(),
    required: e.required || e.getAttribute('aria-required') === 'true', value: e.value || '',
    options: e.tagName === 'SELECT' ? [...e.options].map(o => o.text.trim()) : null}));
  const name = b => (b.getAttribute('aria-label') || b.innerText || b.value || '').replace(/\\s+/g, ' ').trim();
  const buttons = [...scope.querySelectorAll('button, input[type=submit], [role=button]')].filter(b => vis(b) && name(b));
  const says = /start|begin|chat|continue|weiter|starten|beginnen|démarrer|commencer|continuer|discuter|send|senden|envoyer|submit|ok/i;
  const submit = buttons.find(b => (b.type || '').toLowerCase() === 'submit' && says.test(name(b)))
    || buttons.find(b => says.test(name(b))) || (buttons.length === 1 ? buttons[0] : null);
  return {fields, submit: submit ? name(submit) : null};
}"""


async def mark_all(page: Any) -> None:
    """What is on show now (in every frame) is not the pre-chat form."""
    for frame in page.frames:
        try:
            await frame.evaluate(SHOWN_JS)
        except Exception:  # noqa: BLE001 - a frame detached or still loading
            continue


async def find_form(page: Any) -> tuple[Any, dict[str, Any]] | None:
    for frame in page.frames:
        try:
            form = await frame.evaluate(PRECHAT_JS)
        except Exception:  # noqa: BLE001
            continue
        if form and form["fields"]:
            return frame, form
    return None


def _norm(text: str) -> str:
    return re.sub(r"[\s*:]+", " ", text).strip().casefold()


def given_value(field: dict[str, Any], given: dict[str, str]) -> str | None:
    """The journey's value for a field, keyed by its label, placeholder, name or id (the label's words may
    also just begin with the key: `E-mail` for "E-mail address")."""
    names = [_norm(field[k]) for k in ("label", "placeholder", "name", "id") if field[k]]
    for key, value in given.items():
        k = _norm(key)
        if k in names or any(n.startswith(k + " ") for n in names):
            return value
    return None


def field_target(field: dict[str, Any]) -> Target:
    if field["label"]:
        return Target(label=field["label"])
    if field["placeholder"]:
        return Target(placeholder=field["placeholder"], exact=True)
    if field["id"]:
        return Target(css=f"#{field['id']}")
    if field["name"]:
        return Target(css=f"[name='{field['name']}']")
    return Target(css=f"input, select, textarea >> nth={field['index']}")


async def fill_form(s: JourneySession, frame: Any, form: dict[str, Any], given: dict[str, str] | None,
                    record: Any, timeout: float) -> dict[str, str]:
    """Fill the pre-chat form and send it; the values used, by the fields' names (for `prechat:`)."""
    frames = await frame_chain(frame)
    if frames is None:
        raise ChatNotFound("the chat's pre-chat form sits in a frame without an id, name, title or address")
    if form["submit"] is None:
        raise ChatNotFound("the chat's pre-chat form has no button to start the chat that could be told apart")
    some_required = any(f["required"] for f in form["fields"])
    used: dict[str, str] = {}
    missing: list[str] = []
    for f in form["fields"]:
        key = f["label"] or f["placeholder"] or f["name"] or f["id"]
        value = given_value(f, given or {})
        if value is None and (f["required"] or not some_required) and f["type"] != "checkbox":
            value = s.prechat_value(f) if s.prechat_value else None
            if value is None:
                missing.append(key)
                continue
        loc = await s.locate(field_target(f), timeout, frames)
        if f["type"] == "checkbox":
            if f["required"] or value:
                await loc.check(timeout=timeout * 1000)  # a required "I agree": the chat does not start without it
                count(record, "check")
                used[key] = "yes"
            continue
        if value is None or f["value"] == value:
            continue
        if f["type"] == "select":
            await loc.select_option(label=value, timeout=timeout * 1000)
            count(record, "select")
        else:
            await loc.fill(value, timeout=timeout * 1000)
            count(record, "fill")
            record.characters_typed += len(value)
        used[key] = s.redact(value)
    if missing:
        raise ChatNotFound("the chat asks for a form before it opens (" + ", ".join(missing)
                           + "); give the values under the chat step's `prechat:`")
    await (await s.locate(Target(role="button", name=form["submit"], exact=True), timeout, frames)).click(
        timeout=timeout * 1000)
    count(record, "click")
    return used


async def meet(s: JourneySession, given: dict[str, str] | None, record: Any, timeout: float,
               ready: Callable[[], Awaitable[bool]]) -> dict[str, str] | None:
    """After the launcher: wait until the chat is ready, or a pre-chat form came (then fill it and send it);
    the values used, or None when there was no form. Bounded by ``timeout``: the chat step's own search for
    its box then says what is missing."""
    deadline = time.monotonic() + timeout
    while True:
        if await ready():
            return None
        found = await find_form(s.page)
        if found is not None:
            return await fill_form(s, found[0], found[1], given, record, timeout)
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(0.2)
