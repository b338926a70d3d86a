"""CX202 premature_rating_prompt: rating, review or 'was this helpful' prompts before the goal was reached."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import (
    Snippet,
    chat_snippets,
    evidence,
    find,
    page_language,
    snippets,
    success_index,
)
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.words.notes import note


def _prompt_order(items: list[Snippet]) -> list[Snippet]:
    """Pop-ups and chat replies first: their evidence points at the widget, not at a copy of its text."""
    rank = {"dialog": 0, "chat": 1, "text": 2, "element": 3}
    return sorted(items, key=lambda s: rank.get(s.source, 4))


def _before_goal(step: StepRecord) -> list[Snippet]:
    """What the customer met on the success step before the goal was reached: a chat that reached a person
    at its n-th message asked everything in its greeting and its first n - 1 replies before that."""
    chat = step.chat
    if chat is None or not chat.success or not chat.turns_to_success:
        return []
    return chat_snippets(step, turns=chat.turns_to_success - 1)


@detector("premature_rating_prompt")
def premature_rating_prompt(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Rating, review or 'was this helpful' prompts on any step before the goal was reached (on the success
    step, in the replies of a chat before the one that reached the goal)."""
    lex = ctx.lexicon("rating_prompt")
    success = success_index(journey)
    items: list[Evidence] = []
    for step in journey.steps:
        if not (step.observation or step.chat):
            continue
        met = _before_goal(step) if step.index == success else _prompt_order(snippets(step))
        lang = page_language(ctx, journey, step)
        reported: list[str] = []
        for item, match in find(lex, met, lang):
            flat = "".join(item.text.split()).lower()
            overlaps = any(flat in r or r in flat for r in reported)
            reported.append(flat)
            if overlaps:  # the same prompt again (a pop-up's title, its text, the page's copy of it)
                continue
            where = {"chat": "in_chat", "dialog": "in_dialog"}.get(item.source, "on_page")
            items.append(evidence(item, match, note("rating_prompt", where=where), source=item.source))
    steps = sorted({e.step for e in items})
    return Detection(score=0.0 if items else 1.0, evidence=items[:20], value=float(len(steps)),
                     details={"steps": steps})
