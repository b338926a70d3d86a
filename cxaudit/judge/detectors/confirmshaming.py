"""CX301 confirmshaming: guilt-tripping wording on the control clicked to go on, and on decline controls shown."""

from __future__ import annotations

from cxaudit.judge.clauses import shaming
from cxaudit.judge.detectors._wording import CLICK_TYPES, Snippet, clicked_evidence, evidence, label, page_language, visible_elements
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


@detector("confirmshaming")
def confirmshaming(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Guilt-tripping wording on the control the journey clicked to go on, and on decline controls shown: a
    decline marker or first-person verb that refuses or gives up something good, or chooses something bad
    (cxaudit/judge/clauses.py reads the parts from the lexicon)."""
    lex = ctx.lexicon("confirmshaming")
    found: dict[str, Evidence] = {}
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        name = label(step.element)
        if step.type in (*CLICK_TYPES, "dismiss") and name and shaming(lex, name, lang):
            found[name.lower()] = clicked_evidence(step, note("shaming_clicked"),
                                                   clicked=True)
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        for el in visible_elements(step.observation):
            name = label(el)
            if not name or name.lower() in found or el.role not in ("link", "button", "generic", "menuitem"):
                continue
            match = shaming(lex, name, lang)
            if match:
                found[name.lower()] = evidence(Snippet(step.index, name, "element", el.box, el), match,
                                               note("shaming_shown"), clicked=False)
    items = sorted(found.values(), key=lambda e: e.step)
    return Detection(score=0.0 if items else 1.0, evidence=items, value=float(len(items)))
