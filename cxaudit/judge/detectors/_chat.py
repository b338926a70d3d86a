"""Helpers for the chat checks (chatbot_loop, no_human_handoff, slow_human_handoff), on the recorded transcripts.

Lexicons (checks/lexicons/): ``chat_boilerplate`` (lines a bot appends to every reply, removed before
comparing), ``human_request`` (the customer asks for a person), ``human_handoff`` (a person joins, a queue,
or another channel is offered).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext
from cxaudit.results.model import ChatTranscript, JourneyResult, StepRecord
from cxaudit.results.observation import PageBox, page_of
from cxaudit.words.notes import note

WORD = re.compile(r"\w+", re.UNICODE)


def chats(journey: JourneyResult) -> list[tuple[StepRecord, ChatTranscript]]:
    return [(s, s.chat) for s in journey.steps if s.chat is not None and s.chat.turns]


def no_chat() -> Detection:
    """Not applicable: the chat checks judge any journey's chat (its goal does not matter), and this had none."""
    why = note("na_no_chat")
    return Detection(score=None, details={"reason": why.text("en"), "reason_parts": why.dump()})


def chat_box(step: StepRecord) -> PageBox | None:
    """The chat panel's box: the box of the page's iframe, when it has exactly one."""
    frames = page_of(step.observation).iframes
    if len(frames) == 1:
        return frames[0].box
    return None


def strip_lexicon(text: str, lex: Any, lang: str | None) -> str:
    if lex is None:
        return text
    text = " ".join(text.split())
    for m in sorted(lex.matches(text, lang), key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return [t for t in WORD.findall(text.casefold()) if len(t) > 1 or t.isdigit()]


def similarity(a: str, b: str, min_tokens: int = 4) -> float:
    """How much two replies say the same: the larger of the character-sequence ratio and the share of the
    shorter reply's words found in the longer one (a paraphrase that adds no information scores high)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    seq = SequenceMatcher(None, " ".join(ta), " ".join(tb), autojunk=False).ratio()
    sa, sb = set(ta), set(tb)
    small = min(len(sa), len(sb))
    overlap = len(sa & sb) / small if small >= min_tokens else 0.0
    return round(max(seq, overlap), 3)


def handoff_turn(chat: ChatTranscript, ctx: DetectorContext, lang: str | None, start: int = 1) -> tuple[int, str] | None:
    """The first turn (1-based, from ``start``) whose replies hand over to a person or another channel."""
    lex = ctx.lexicon("human_handoff")
    for n, turn in enumerate(chat.turns, start=1):
        if n < start:
            continue
        for reply in turn.replies:
            m = lex.first(reply, lang)
            if m:
                return n, m.text
    return None


def request_turn(chat: ChatTranscript, ctx: DetectorContext, lang: str | None) -> tuple[int, str] | None:
    lex = ctx.lexicon("human_request")
    for n, turn in enumerate(chat.turns, start=1):
        m = lex.first(turn.sent, lang)
        if m:
            return n, m.text
    return None
