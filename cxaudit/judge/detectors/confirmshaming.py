"""CX301 confirmshaming: guilt-tripping wording on the control clicked to go on, and on decline controls shown."""

from __future__ import annotations

from cxaudit.judge.clauses import shaming, voiced_decline
from cxaudit.judge.detectors._wording import (
    CLICK_TYPES,
    Snippet,
    clicked_evidence,
    evidence,
    in_chrome,
    label,
    page_language,
    visible_elements,
)
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.judge.detectors.retention_offer import offers
from cxaudit.judge.lexicon import LexMatch
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import Element, ElementInfo
from cxaudit.words.notes import note


@detector("confirmshaming")
def confirmshaming(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Guilt-tripping wording on the control the journey clicked to go on, and on decline controls shown: a
    decline marker or first-person verb that refuses or gives up something good, or chooses something bad
    (cxaudit/judge/clauses.py reads the parts from the lexicon)."""
    lex = ctx.lexicon("confirmshaming")
    offer_lex = ctx.lexicons.get("retention_offer")
    offered: dict[int, bool] = {}

    start = next((s.index for s in journey.steps if s.observation), None)

    def on_offer(step: StepRecord | None) -> bool:
        """Whether ``step``'s page, after the start page, offers something to stay (what makes a voiced control a
        decline of it)."""
        if step is None or offer_lex is None or not step.observation or step.index == start:
            return False
        if step.index not in offered:
            offered[step.index] = bool(offers(offer_lex, step, page_language(ctx, journey, step)))
        return offered[step.index]

    def declines(el: Element | ElementInfo | None, name: str, lang: str, page: StepRecord | None) -> LexMatch | None:
        """A voiced decline of the offer on ``page``: not the site's furniture, nor the offer's own control
        ("Recevoir ma bouteille offerte" takes the offer, in any language)."""
        if (el is not None and in_chrome(el)) or not on_offer(page) or offer_lex.first(name) is not None:
            return None
        return voiced_decline(lex, name, lang)

    def shames(el: Element | ElementInfo | None, name: str, lang: str, page: StepRecord | None) -> object:
        return shaming(lex, name, lang) or declines(el, name, lang, page)

    found: dict[str, Evidence] = {}
    before: StepRecord | None = None
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        name = label(step.element)
        page, before = before, (step if step.observation else before)
        if step.type in (*CLICK_TYPES, "dismiss") and name and shames(step.element, name, lang, page):
            found[name.lower()] = clicked_evidence(step, note("shaming_clicked"),
                                                   clicked=True)
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        for el in visible_elements(step.observation):
            name = label(el)
            if not name or name.lower() in found or el.role not in ("link", "button", "generic", "menuitem"):
                continue
            match = shaming(lex, name, lang) or declines(el, name, lang, step)
            if match:
                found[name.lower()] = evidence(Snippet(step.index, name, "element", el.box, el), match,
                                               note("shaming_shown"), clicked=False)
    items = sorted(found.values(), key=lambda e: e.step)
    return Detection(score=0.0 if items else 1.0, evidence=items, value=float(len(items)))
