"""The chat driver: open a chat widget (page, iframe or shadow root), send messages one at a time, wait
for each reply, keep the transcript, and stop when the success condition holds or the turns run out."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from cxaudit.journey import ChatParams
from cxaudit.record.failures import is_closed
from cxaudit.record.locate import scope_for
from cxaudit.record.snapshot import observe_element
from cxaudit.record.steps.basic import click_explained, count
from cxaudit.results.model import ChatTranscript, ChatTurn, StepRecord

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

QUIET_S = 0.7  # a reply is complete when no new message came for this long
MAX_TEXT = 1000


async def replies_text(replies: Any) -> list[str]:
    try:
        return [" ".join(t.split())[:MAX_TEXT] for t in await replies.all_inner_texts()]
    except Exception as exc:  # noqa: BLE001 - the frame is reloading
        if is_closed(exc):  # the page or the browser is gone: no reply will come
            raise
        return []


async def wait_for_replies(replies: Any, seen: int, timeout: float) -> tuple[list[str], float, bool]:
    """Wait for messages beyond the first ``seen``, then until they stop coming; bounded by ``timeout``."""
    t0 = time.monotonic()
    deadline = t0 + timeout
    texts = await replies_text(replies)
    while len(texts) <= seen and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        texts = await replies_text(replies)
    if len(texts) <= seen:
        return [], round(time.monotonic() - t0, 3), True
    first = time.monotonic()
    last_n = len(texts)
    quiet_since = first
    while time.monotonic() - quiet_since < QUIET_S and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        texts = await replies_text(replies)
        if len(texts) != last_n:
            last_n, quiet_since = len(texts), time.monotonic()
    return texts[seen:], round(first - t0, 3), False


async def run_chat(s: JourneySession, p: ChatParams, record: StepRecord, timeout: float) -> None:
    transcript = ChatTranscript(frame=" > ".join(p.frames) or None)
    record.chat = transcript
    if p.open is not None:
        launcher = await s.locate(p.open, timeout)
        record.element = await observe_element(launcher, secrets=s.secrets)
        await click_explained(launcher, p.open, timeout)
        count(record, "click")
    replies = scope_for(s.page, p.frames).locator(p.replies)
    box = await s.locate(p.input, timeout, p.frames)
    greeting, _, _ = await wait_for_replies(replies, 0, min(3.0, p.reply_timeout))
    transcript.greeting = [s.redact(t) for t in greeting]
    seen = len(greeting)
    for turn_no, message in enumerate(p.messages[: p.max_turns or len(p.messages)], start=1):
        box = await s.locate(p.input, timeout, p.frames)
        seen = max(seen, len(await replies_text(replies)))
        await box.fill(message, timeout=timeout * 1000)
        if p.send is not None:
            send = await s.locate(p.send, timeout, p.frames)
            await send.click(timeout=timeout * 1000)
        else:
            await box.press("Enter", timeout=timeout * 1000)
        count(record, "chat_message")
        record.characters_typed += len(message)
        new, wait_s, timed_out = await wait_for_replies(replies, seen, p.reply_timeout)
        seen += len(new)
        transcript.turns.append(
            ChatTurn(sent=s.redact(message), replies=[s.redact(t) for t in new], wait_s=wait_s, timed_out=timed_out)
        )
        if p.success is not None and await _chat_success(s, p, transcript):
            transcript.success = True
            transcript.turns_to_success = turn_no
            break


async def _chat_success(s: JourneySession, p: ChatParams, transcript: ChatTranscript) -> bool:
    cond = p.success
    assert cond is not None
    if cond.text is not None:
        said = "\n".join(r for t in transcript.turns for r in t.replies).casefold()
        if not any(t.casefold() in said for t in cond.text):
            return False
    if cond.url is not None or cond.element is not None:
        ok, _ = await s.holds(cond.model_copy(update={"text": None}), await s.observe_quietly())
        return ok
    return True


async def chat_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    await run_chat(s, step.params, record, timeout)
