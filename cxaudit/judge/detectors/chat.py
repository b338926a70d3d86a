"""Chat frictions, judged on the recorded chat transcripts: a bot that repeats itself, and no way to a person.

Lexicons (checks/lexicons/): ``chat_boilerplate`` (lines a bot appends to every reply, removed before
comparing), ``human_request`` (the customer asks for a person), ``human_handoff`` (a person joins, a queue,
or another channel is offered).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, clip, detector
from cxaudit.results.model import ChatTranscript, JourneyResult, StepRecord
from cxaudit.words.notes import join, note

WORD = re.compile(r"\w+", re.UNICODE)


def chats(journey: JourneyResult) -> list[tuple[StepRecord, ChatTranscript]]:
    return [(s, s.chat) for s in journey.steps if s.chat is not None and s.chat.turns]


def chat_box(step: StepRecord) -> dict[str, float] | None:
    """The chat panel's box: the one iframe of the page, or the one named like the transcript's frame."""
    frames = [f for f in (step.observation or {}).get("iframes") or [] if f.get("box")]
    if len(frames) == 1:
        return dict(frames[0]["box"])
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


# ------------------------------------------------------------------ chatbot_loop
@detector("chatbot_loop")
def chatbot_loop(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    found = chats(journey)
    if not found:
        return Detection(score=None, details={"reason": "no chat was driven on this journey"})
    threshold = float(ctx.params.get("similarity", 0.8))
    fail_share = float(ctx.params.get("fail_share", 0.67))
    boiler = ctx.lexicons.get("chat_boilerplate")
    evidence, compared, repeated, pairs = [], 0, 0, []
    for step, chat in found:
        lang = ctx.language_of(journey, step.index)
        earlier: list[tuple[int, str]] = [(0, strip_lexicon(" ".join(chat.greeting), boiler, lang))] if chat.greeting else []
        answered = 0
        for n, turn in enumerate(chat.turns, start=1):
            reply = strip_lexicon(" ".join(turn.replies), boiler, lang)
            if not reply:
                continue
            answered += 1
            best, where = 0.0, 0
            for label, text in earlier:
                sim = similarity(reply, text)
                if sim > best:
                    best, where = sim, label
            if answered > 1 or best >= threshold:  # the first answer can only repeat the greeting
                compared += 1
            if best >= threshold:
                repeated += 1
                repeats = f"turn {where}" if where else "the greeting"
                pairs.append({"step": step.index, "turn": n, "repeats": repeats, "similarity": best})
                evidence.append(Evidence(
                    step=step.index, words=clip(" ".join(turn.replies)), box=chat_box(step), screenshot_step=step.index,
                    note=note("reply_repeats_turn", n=n, sent=clip(turn.sent, 50), earlier=where, similarity=best) if where
                    else note("reply_repeats_greeting", n=n, sent=clip(turn.sent, 50), similarity=best),
                    data={"turn": n, "sent": turn.sent, "repeats": repeats, "similarity": best},
                ))
            earlier.append((n, reply))
    if compared == 0:
        return Detection(score=None, details={"reason": "fewer than two answered turns to compare"})
    share = repeated / compared
    score = max(0.0, 1.0 - share / fail_share) if fail_share > 0 else float(share == 0)
    return Detection(score=round(score, 3), evidence=evidence, value=round(share, 3),
                     details={"turns_compared": compared, "turns_repeated": repeated, "pairs": pairs, "threshold": threshold})


# ------------------------------------------------------------------ no_human_handoff
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


@detector("no_human_handoff")
def no_human_handoff(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    found = chats(journey)
    if not found:
        return Detection(score=None, details={"reason": "no chat was driven on this journey"})
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
