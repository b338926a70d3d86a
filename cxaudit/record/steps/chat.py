"""The chat driver: open a chat widget (page, iframe or shadow root), send messages one at a time, wait
for each reply, keep the transcript, and stop when the success condition holds or the turns run out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxaudit.journey import ChatParams, Target
from cxaudit.record import prechat
from cxaudit.record.chat_infer import (
    ChatNotFound,
    best_box,
    box_key,
    box_target,
    boxes,
    find_box,
    frame_chain,
    mark,
    send_target,
    settle,
    wait_quiet,
    wait_replies,
)
from cxaudit.record.failures import is_closed
from cxaudit.record.locate import all_candidates, first_visible, scope_for
from cxaudit.record.snapshot import observe_element
from cxaudit.record.steps.basic import click_explained, count
from cxaudit.results.model import ChatTranscript, ChatTurn, StepRecord

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

QUIET_S = 0.7  # a reply is complete when no new message came for this long
LINGER_S = 4.0  # after the last message without success: how long more replies are waited for
MAX_TEXT = 1000


async def replies_text(replies: Any) -> list[str]:
    """The replies' words; an element without any (a typing indicator) is no reply."""
    try:
        return [" ".join(t.split())[:MAX_TEXT] for t in await replies.all_inner_texts() if t.strip()]
    except Exception as exc:  # noqa: BLE001 - the frame is reloading
        if is_closed(exc):  # the page or the browser is gone: no reply will come
            raise
        return []


async def wait_for_replies(replies: Any, seen: int, timeout: float) -> tuple[list[str], float, bool]:
    """Wait for messages beyond the first ``seen``, then until they stop coming; bounded by ``timeout``."""
    texts, wait_s, timed_out = await wait_quiet(lambda: replies_text(replies), lambda t: len(t) > seen, timeout,
                                                QUIET_S, key=len)
    return ([] if timed_out else texts[seen:]), wait_s, timed_out


async def run_chat(s: JourneySession, p: ChatParams, record: StepRecord, timeout: float) -> None:
    transcript = ChatTranscript(frame=" > ".join(p.frames) or None)
    record.chat = transcript
    before = {box_key(f, b) for f, b in await boxes(s.page)} if p.input is None else set()
    if p.open is not None:
        launcher = await s.locate(p.open, timeout)
        record.element = await observe_element(launcher, secrets=s.secrets)
        await prechat.mark_all(s.page)  # a form on show before the launcher is no pre-chat form
        await click_explained(launcher, p.open, timeout)
        count(record, "click")
    if p.open is not None or p.prechat:
        used = await prechat.meet(s, p.prechat, record, max(timeout, 3.0), lambda: _box_ready(s, p, before))
        if used is not None:
            transcript.inferred = {"prechat": used}
    frames, box_target_, send = p.frames, p.input, p.send
    frame = None
    if p.input is None:
        frame, box = await find_box(s.page, before, max(timeout, 3.0), opened=p.open is not None)
        chain = await frame_chain(frame)
        if chain is None:
            raise ChatNotFound("the chat sits in a frame without an id, name, title or address; name it with `frame:`")
        frames, box_target_ = chain, box_target(box)
        send = p.send or await send_target(frame, box)
        transcript.frame = " > ".join(frames) or None
    messages = p.messages[: p.max_turns or len(p.messages)]
    replies = scope_for(s.page, frames).locator(p.replies) if p.replies else None
    seen = 0
    if replies is not None:
        greeting, _, _ = await wait_for_replies(replies, 0, min(3.0, p.reply_timeout))
        transcript.greeting = [s.redact(t) for t in greeting]
        seen = len(greeting)
    else:
        if frame is None:
            frame = await (await (await s.locate(box_target_, timeout, frames)).element_handle()).owner_frame()
        await settle(frame, min(3.0, p.reply_timeout))  # the greeting comes before the mark
    for turn_no, message in enumerate(messages, start=1):
        box_el = await s.locate(box_target_, timeout, frames)
        if replies is not None:
            seen = max(seen, len(await replies_text(replies)))
        else:
            await mark(frame)  # what is there now is not a reply to this message
        await box_el.fill(message, timeout=timeout * 1000)
        if send is not None:
            await (await s.locate(send, timeout, frames)).click(timeout=timeout * 1000)
        else:
            await box_el.press("Enter", timeout=timeout * 1000)
        count(record, "chat_message")
        record.characters_typed += len(message)
        if replies is None:  # the first reply says what a reply is (none came: the next one will)
            picked, wait_s, timed_out = await wait_replies(frame, message, p.reply_timeout, QUIET_S)
            new = []
            if picked is not None:
                replies = scope_for(s.page, frames).locator(picked["selector"])
                texts = await replies_text(replies)
                transcript.greeting = [s.redact(t) for t in texts[: picked["before"]]]
                new, seen = texts[picked["before"]:], len(texts)
                transcript.inferred = {**(transcript.inferred or {}), "frame": frames, "input": _dump(box_target_),
                                       "send": _dump(send), "replies": picked["selector"]}
        else:
            new, wait_s, timed_out = await wait_for_replies(replies, seen, p.reply_timeout)
            seen += len(new)
        transcript.turns.append(
            ChatTurn(sent=s.redact(message), replies=[s.redact(t) for t in new], wait_s=wait_s, timed_out=timed_out)
        )
        if await _chat_success(s, p, transcript):
            transcript.success = True
            transcript.turns_to_success = turn_no
            break
        if turn_no < len(messages) and s.chat_wait and s.chat_wait(new):  # "connecting you now": wait before writing again
            seen += await _linger(s, p, transcript, replies, seen)
            if transcript.success:
                break
    else:
        await _linger(s, p, transcript, replies, seen)


async def _linger(s: JourneySession, p: ChatParams, transcript: ChatTranscript, replies: Any, seen: int) -> int:
    """Without success yet: listen a little longer, as a customer waits after "Je transmets votre demande à un
    conseiller" for the person who joins a moment later; what comes is the last turn's. Returns how many came."""
    if replies is None or not transcript.turns:
        return 0
    late, _, timed_out = await wait_for_replies(replies, seen, min(LINGER_S, p.reply_timeout))
    if timed_out or not late:
        return 0
    last = transcript.turns[-1]
    last.replies = [*last.replies, *(s.redact(t) for t in late)]
    if await _chat_success(s, p, transcript):
        transcript.success = True
        transcript.turns_to_success = len(transcript.turns)
    return len(late)


async def _box_ready(s: JourneySession, p: ChatParams, before: set) -> bool:
    """The chat's box is on show: the one the step names, else one the launcher brought up."""
    if p.input is None:
        return await best_box(s.page, before, opened=p.open is not None) is not None
    try:
        return await first_visible([u for _, u in all_candidates(s.page, p.input, p.frames)]) is not None
    except Exception:  # noqa: BLE001 - the frame is not there yet
        return False


def _dump(target: Target | None) -> dict[str, Any] | None:
    return target.model_dump(exclude_defaults=True) if target is not None else None


async def _chat_success(s: JourneySession, p: ChatParams, transcript: ChatTranscript) -> bool:
    cond = p.success
    if cond is None:  # explore's own test of the replies (the goal's success wording), when it drives
        return bool(s.chat_done and s.chat_done([r for t in transcript.turns for r in t.replies]))
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
