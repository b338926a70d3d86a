"""A chat widget's parts found at run time, for a `chat:` step that names only how to open it (or nothing):
its message box, its send button, and a CSS selector for the replies, found by comparing the page before and
after the first message (the elements that came, less the one that repeats what was sent).

A journey author need not read a widget's markup, and `cxaudit explore` can drive a chat it has never seen.
What was found is kept in the transcript (``ChatTranscript.inferred``), so a journey can be pinned to it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from cxaudit.journey import Target
from cxaudit.record.failures import StepFailed

TYPED = 'textarea, input:not([type]), input[type=text], [contenteditable=""], [contenteditable=true], [role=textbox]'
SEEN_KEY = "cxaudit.seen"  # a WeakSet on the frame's window: the elements there before the first message

VISIBLE_JS = """const vis = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const norm = s => (s || '').replace(/\\s+/g, ' ').trim().toLowerCase();
const cls = e => (typeof e.className === 'string' ? e.className : '');
const roots = () => { const out = [document];
  for (let i = 0; i < out.length; i++) out[i].querySelectorAll('*').forEach(e => { if (e.shadowRoot) out.push(e.shadowRoot); });
  return out; };
const all = sel => roots().flatMap(r => [...r.querySelectorAll(sel)]);  /* open shadow roots too */
const up = e => e.parentElement || (e.parentNode && e.parentNode.host) || null;  /* out of a shadow root */
const within = (box, e) => { for (let a = e; a; a = up(a)) if (a === box) return true; return false; };
const fieldWords = f => [f.labels && f.labels[0] && f.labels[0].innerText, f.getAttribute('aria-label'), f.name, f.id,
                   f.getAttribute('placeholder'), f.getAttribute('autocomplete')].join(' ');
/* a field that asks who the customer is: a name, an e-mail address, a phone number */
const who = f => ['email', 'tel'].includes((f.type || '').toLowerCase())
  || /e-?mail|courriel|\\bname\\b|\\bnom\\b|vorname|nachname|prénom|phone|telefon|téléphone/i.test(fieldWords(f));"""

# typed boxes on show, described for ranking: a chat's box has no other typed field beside it (a contact
# form has a name and an address), sits in something called chat/message/conversation or beside a live log
FIND_BOXES_JS = """() => {
""" + VISIBLE_JS + """
  const typed = TYPED_SEL;
  const out = [];
  all(typed).forEach((e, i) => {
    if (!vis(e) || e.disabled || e.readOnly) return;
    const form = e.closest('form');
    const kinds = ['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset'];
    const others = form ? [...form.querySelectorAll('input, textarea, select')].filter(f => f !== e && vis(f)
      && !kinds.includes((f.type || '').toLowerCase())).length : 0;
    let chatty = false, log = false;
    for (let a = up(e), n = 0; a && n < 6; a = up(a), n++) {
      if (/chat|messag|convers|assist|bot|composer|widget/i.test((a.id || '') + ' ' + cls(a))) chatty = true;
      if (a.querySelector('[role=log], [aria-live]')) log = true;
    }
    const label = (e.labels && e.labels[0] && e.labels[0].innerText) || e.getAttribute('aria-label') || '';
    /* a pre-chat form's field, or a box in one: it asks who the customer is */
    const personal = who(e) || (form ? [...form.querySelectorAll('input, textarea')].some(f => f !== e && who(f)) : false);
    out.push({index: i, id: e.id || '', name: e.getAttribute('name') || '', placeholder: e.getAttribute('placeholder') || '',
              label: label.replace(/\\s+/g, ' ').trim(), type: (e.getAttribute('type') || e.tagName).toLowerCase(),
              others, chatty, log, personal,
              search: /search|such|recherch/i.test([e.getAttribute('type'), e.getAttribute('placeholder'), label, e.name,
                                                    e.id].join(' '))});
  });
  return out;
}""".replace("TYPED_SEL", repr(TYPED))

# the send button beside the box (walking up from it): one that says send, else the box's form's only button
SEND_JS = """(index) => {
""" + VISIBLE_JS + """
  const typed = TYPED_SEL;
  const box = all(typed)[index];
  if (!box) return null;
  const name = b => (b.getAttribute('aria-label') || b.innerText || b.value || b.title || '')
    .replace(/\\s+/g, ' ').trim();
  const says = new RegExp('^(?:send|submit|senden|absenden|abschicken|schicken|envoyer|valider|ok|go|[>»›→➤➔✈⮞]+)$'
    + '|\\\\bsend\\\\b|\\\\bsenden\\\\b|\\\\benvoyer\\\\b', 'i');
  for (let a = up(box), n = 0; a && n < 4; a = up(a), n++) {
    const buttons = [...a.querySelectorAll('button, input[type=submit], [role=button]')]
      .filter(b => vis(b) && !b.contains(box) && b.closest('form') === box.closest('form'));
    const named = buttons.find(b => says.test(name(b)));
    if (named) return {name: name(named), id: named.id || ''};
    if (a.tagName === 'FORM' && buttons.length === 1) return {name: name(buttons[0]), id: buttons[0].id || ''};
  }
  return null;
}""".replace("TYPED_SEL", repr(TYPED))

MARK_JS = "() => {\n" + VISIBLE_JS + "\n  window[Symbol.for('" + SEEN_KEY + "')] = new WeakSet(all('*')); return true; }"

# what came since the mark: the outermost new elements with words, split into the echo of the message sent
# and the rest (the replies); with ``pick`` a selector that matches every reply and no echo, scoped to their
# common container where one can be named
FRESH_JS = """([sent, pick]) => {
""" + VISIBLE_JS + """
  const seen = window[Symbol.for('""" + SEEN_KEY + """')];
  if (!seen) return null;
  const fresh = new Set(all('*').filter(e => !seen.has(e) && within(document.body, e)));
  const skip = ['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT'];
  const tops = [...fresh].filter(e => !fresh.has(up(e)) && !skip.includes(e.tagName) && vis(e) && norm(e.innerText));
  const s0 = norm(sent);
  const isEcho = e => { const t = norm(e.innerText); return t.includes(s0) || (t.length > 8 && s0.includes(t)); };
  const echo = tops.filter(isEcho), replies = tops.filter(e => !isEcho(e));
  if (!pick) return {replies: replies.length, echo: echo.length};
  if (!replies.length) return null;
  const esc = CSS.escape, plain = c => !/\\d{3,}|^(?:ng-|css-|sc-|jsx-)/.test(c);
  const classes = e => [...e.classList].filter(plain);
  const common = list => list.reduce((acc, e) => acc.filter(c => e.classList.contains(c)), classes(list[0]));
  const tag = replies.every(e => e.tagName === replies[0].tagName) ? replies[0].tagName.toLowerCase() : '';
  const mine = common(replies), dot = list => list.map(c => '.' + esc(c)).join('');
  const cands = [];
  if (echo.length) {
    const shared = mine.filter(c => echo.every(e => e.classList.contains(c)));
    const echoOnly = common(echo).filter(c => !replies.some(r => r.classList.contains(c)));
    if (shared.length && echoOnly.length) cands.push(tag + dot(shared) + ':not(.' + esc(echoOnly[0]) + ')');
  }
  if (mine.length) cands.push(tag + dot(mine));
  for (const attr of ['data-author', 'data-from', 'data-sender', 'data-role', 'data-type', 'data-message-author', 'aria-label']) {
    const v = replies[0].getAttribute(attr);
    if (v && replies.every(r => r.getAttribute(attr) === v)) cands.push(tag + '[' + attr + '="' + v.replace(/"/g, '\\\\"') + '"]');
  }
  let box = up(replies[0]);
  while (box && ![...replies, ...echo].every(e => within(box, e))) box = up(box);
  const scopes = [];
  if (box && box !== document.body) {
    if (box.id) scopes.push('#' + esc(box.id));
    if (box.getAttribute('role') === 'log') scopes.push('[role=log]');
    if (classes(box).length) scopes.push(box.tagName.toLowerCase() + dot(classes(box)));
  }
  scopes.push('');
  for (const c of cands) for (const scope of scopes) {
    const sel = scope ? scope + ' ' + c : c;
    let found;
    try { found = all(sel); } catch (err) { continue; }
    if (replies.every(r => found.includes(r)) && !echo.some(e => found.includes(e))) {
      return {selector: sel, before: found.filter(e => seen.has(e) && norm(e.innerText)).length};
    }
  }
  return null;
}"""

FRAME_CSS_JS = """e => { const t = e.tagName.toLowerCase();
  if (e.id) return t + '#' + CSS.escape(e.id);
  for (const a of ['name', 'title', 'src']) {
    const v = e.getAttribute(a);
    if (v) return t + '[' + a + '="' + v.replace(/"/g, '\\\\"') + '"]';
  }
  return null; }"""

MESSAGE_WORDS = ("message", "nachricht", "type", "schreib", "frage", "question", "écri", "tapez", "saisi", "ask", "chat")


class ChatNotFound(StepFailed):
    """No chat box could be told apart on the page (or its replies from the messages sent)."""


async def frame_chain(frame: Any) -> list[str] | None:
    """The `frame:` list that scopes a target to ``frame`` (outermost first); None when a frame has no name."""
    chain: list[str] = []
    while frame.parent_frame is not None:
        css = await (await frame.frame_element()).evaluate(FRAME_CSS_JS)
        if not css:
            return None
        chain.insert(0, css)
        frame = frame.parent_frame
    return chain


def _rank(box: dict[str, Any], new: bool, framed: bool) -> float:
    if box["search"] or box["others"] >= 2 or box["personal"]:
        return 0.0  # a search field, a contact form's message with a name and an address beside it, a pre-chat form
    said = " ".join([box["placeholder"], box["label"], box["name"], box["id"]]).lower()
    score = 3.0 * box["chatty"] + 2.0 * box["log"] + 2.0 * any(w in said for w in MESSAGE_WORDS)
    return score + (3.0 if new else 0.0) + (1.0 if framed and (new or box["chatty"]) else 0.0)


async def boxes(page: Any) -> list[tuple[Any, dict[str, Any]]]:
    found = []
    for frame in page.frames:
        try:
            found += [(frame, b) for b in await frame.evaluate(FIND_BOXES_JS)]
        except Exception:  # noqa: BLE001 - a frame detached or still loading
            continue
    return found


def box_key(frame: Any, box: dict[str, Any]) -> tuple[str, str, str, str]:
    return (frame.url, box["id"], box["name"], box["placeholder"])


async def find_box(page: Any, before: set[tuple[str, str, str, str]], timeout: float,
                   opened: bool = True) -> tuple[Any, dict[str, Any]]:
    """The chat's message box: the best ranked typed box on show, waiting up to ``timeout`` for one. A chat
    opened by a launcher shows a new box; one always on show needs words of its own (a message, a chat)."""
    deadline = time.monotonic() + timeout
    while True:
        best = await best_box(page, before, opened)
        if best is not None:
            return best
        if time.monotonic() >= deadline:
            raise ChatNotFound("no chat message box was found on the page; name it with `input:`")
        await asyncio.sleep(0.2)


async def best_box(page: Any, before: set[tuple[str, str, str, str]], opened: bool) -> tuple[Any, dict[str, Any]] | None:
    """The chat's message box on show now, or None."""
    ranked = sorted(((_rank(b, box_key(f, b) not in before, f.parent_frame is not None), f, b)
                     for f, b in await boxes(page)), key=lambda r: -r[0])
    if ranked and ranked[0][0] >= (3.0 if opened else 2.0):
        return ranked[0][1], ranked[0][2]
    return None


def box_target(box: dict[str, Any]) -> Target:
    if box["placeholder"].strip():
        return Target(placeholder=box["placeholder"], exact=True)
    if box["label"].strip():
        return Target(label=box["label"])
    if box["id"]:
        return Target(css=f"#{box['id']}")
    if box["name"]:
        return Target(css=f"[name='{box['name']}']")
    return Target(css=f"{TYPED} >> nth={box['index']}")


async def send_target(frame: Any, box: dict[str, Any]) -> Target | None:
    """The send button beside the box, or None (the message is sent with Enter)."""
    found = await frame.evaluate(SEND_JS, box["index"])
    if not found:
        return None
    if found["name"]:
        return Target(role="button", name=found["name"], exact=True)
    return Target(css=f"#{found['id']}") if found["id"] else None


async def mark(frame: Any) -> None:
    await frame.evaluate(MARK_JS)


async def wait_quiet(poll: Callable[[], Awaitable[Any]], arrived: Callable[[Any], bool], timeout: float,
                     quiet: float, key: Callable[[Any], Any] = lambda v: v) -> tuple[Any, float, bool]:
    """Poll every 0.1 s until ``arrived(value)``, then until ``key(value)`` has not changed for ``quiet`` seconds;
    all bounded by ``timeout``. The last value, the seconds until it arrived, and whether it never did."""
    t0 = time.monotonic()
    deadline = t0 + timeout
    value = await poll()
    while not arrived(value) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        value = await poll()
    if not arrived(value):
        return value, round(time.monotonic() - t0, 3), True
    first = time.monotonic()
    quiet_since, last = first, key(value)
    while time.monotonic() - quiet_since < quiet and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        value = await poll()
        if key(value) != last:
            last, quiet_since = key(value), time.monotonic()
    return value, round(first - t0, 3), False


async def wait_replies(frame: Any, sent: str, timeout: float, quiet: float) -> tuple[dict[str, Any] | None, float, bool]:
    """After the first message: wait for elements that are not its echo, then until they stop coming, and
    return the replies' selector (with how many matches were there before: the greeting)."""
    async def counts() -> Any:
        return await frame.evaluate(FRESH_JS, [sent, False])

    _, wait_s, timed_out = await wait_quiet(counts, lambda c: bool(c and c["replies"]), timeout, quiet)
    if timed_out:
        return None, wait_s, True
    picked = await frame.evaluate(FRESH_JS, [sent, True])
    if picked is None:
        raise ChatNotFound("the chat's replies could not be told apart from the messages sent; name them with `replies:` (CSS)")
    return picked, wait_s, False


SETTLE_JS = """() => {
""" + VISIBLE_JS + """
  if (!document.body) return '';
  const words = roots().reduce((n, r) => n + ((r.body || r).textContent || '').length, 0);
  return words + ':' + all('*').length; }"""


async def settle(frame: Any, timeout: float, quiet: float = 0.7) -> None:
    """Wait until the frame's words stop changing (a greeting typed in), bounded by ``timeout``."""
    async def size() -> Any:
        try:
            return await frame.evaluate(SETTLE_JS)
        except Exception:  # noqa: BLE001 - still loading
            return None

    await wait_quiet(size, lambda _: True, timeout, quiet)
