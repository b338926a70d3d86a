"""CX401 chatbot_loop: a chat bot whose replies repeat the greeting or an earlier reply."""

from __future__ import annotations

from cxaudit.judge.detectors._chat import chat_box, chats, no_chat, similarity, strip_lexicon
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, clip, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


@detector("chatbot_loop")
def chatbot_loop(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    found = chats(journey)
    if not found:
        return no_chat()
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
            # the turn a person joined in, and those after it, are the person's: no bot loops there, whatever a
            # widget re-shows of the bot's last line
            person = bool(chat.success and chat.turns_to_success and n >= chat.turns_to_success)
            if answered > 1 or (best >= threshold and not person):  # the first answer can only repeat the greeting
                compared += 1
            if best >= threshold and not person:
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
