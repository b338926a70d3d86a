"""CX604 slow_human_handoff: chat messages from the request for a person to the handover, on the check's curve."""

from __future__ import annotations

from cxaudit.judge.detectors._chat import chat_box, chats, handoff_turn, no_chat, request_turn
from cxaudit.judge.detectors._effort import scored
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


@detector("slow_human_handoff")
def slow_human_handoff(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Messages from the customer's first request for a person (or from the first message, if they never asked)
    up to and including the one a person or another channel answered: 1 = handed over at once. Counting from
    the request keeps the journey author's order of questions out of the figure."""
    found = chats(journey)
    if not found:
        return no_chat()
    sent, asked_at = 0, None
    for step, chat in found:
        lang = ctx.language_of(journey, step.index)
        asked = request_turn(chat, ctx, lang)
        if asked_at is None and asked is not None:
            asked_at = sent + asked[0]
        got = handoff_turn(chat, ctx, lang)
        if got is not None:
            total = sent + got[0]
            turns = total - (asked_at or 1) + 1 if (asked_at or 1) <= total else total
            said = (note("handoff_after_request", turns=turns, asked=asked_at, total=total) if asked_at
                    else note("handoff_after_start", turns=turns, total=total))
            ev = Evidence(step=step.index, words=got[1][:200], box=chat_box(step), screenshot_step=step.index, note=said,
                          data={"turn": got[0], "asked_turn": asked_at, "turns_total": total})
            return scored(float(turns), ctx, (1, 3), evidence=[ev],
                          details={"handoff": True, "turns": turns, "asked_turn": asked_at, "turns_total": total})
        sent += len(chat.turns)
    if any(chat.success for _, chat in found) and asked_at is None:
        return Detection(score=None, details={"reason": "the chat reached its goal without needing a person",
                                              "turns_sent": sent})
    last = found[-1][0]
    ev = Evidence(step=last.index, box=chat_box(last), screenshot_step=last.index,
                  note=note("no_handoff_after_ask", sent=sent, after=sent - asked_at + 1) if asked_at else note("no_handoff", sent=sent),
                  data={"turns_sent": sent, "asked_turn": asked_at})
    return Detection(score=0.0, evidence=[ev], value=None, details={"handoff": False, "turns_sent": sent, "asked_turn": asked_at})
