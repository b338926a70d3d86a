"""CX402 no_human_handoff: the customer asked for a person in the chat and was not handed over."""

from __future__ import annotations

from cxaudit.judge.detectors._chat import chat_box, chats, handoff_turn, no_chat, request_turn
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, clip, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import join, note


@detector("no_human_handoff")
def no_human_handoff(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    found = chats(journey)
    if not found:
        return no_chat()
    asked_any, evidence, handed = False, [], []
    for step, chat in found:
        lang = ctx.language_of(journey, step.index)
        asked = request_turn(chat, ctx, lang)
        if asked is None:
            continue
        asked_any = True
        n, words = asked
        got = handoff_turn(chat, ctx, lang, start=n)
        if got is not None:
            handed.append({"step": step.index, "asked_turn": n, "handoff_turn": got[0], "words": got[1]})
            continue
        after = chat.turns[n - 1 :]
        replies = " / ".join(" ".join(t.replies) for t in after) or "(no reply)"
        timed_out = sum(t.timed_out for t in after)
        evidence.append(Evidence(
            step=step.index, words=clip(replies), box=chat_box(step), screenshot_step=step.index,
            note=join([note("asked_for_person", n=n, sent=clip(chat.turns[n - 1].sent, 60)), note("no_person_after", n=len(after)),
                       *([note("without_reply", n=timed_out)] if timed_out else [])]),
            data={"asked_turn": n, "asked_words": words, "turns_after": len(after), "timed_out": timed_out},
        ))
    if not asked_any:
        return Detection(score=None, details={"reason": "the journey never asked for a person in the chat"})
    return Detection(score=0.0 if evidence else 1.0, evidence=evidence, details={"handoffs": handed})
