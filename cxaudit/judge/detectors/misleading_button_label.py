"""CX501 misleading_button_label: § 312k BGB entry and confirm labels (R2, R7) on German pages."""

from __future__ import annotations

from cxaudit.judge.detectors._entry import entry_of
from cxaudit.judge.detectors._wording import CLICK_TYPES, clicked_evidence, label, success_index
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.words.notes import Note, note


def _before_language(ctx: DetectorContext, journey: JourneyResult, step: StepRecord) -> str:
    """The language of the page the control was clicked on (the page after the previous step)."""
    prev = [s for s in journey.steps if s.index < step.index and s.observation]
    return ctx.language_of(journey, prev[-1].index if prev else step.index)


def _judge(ctx: DetectorContext, text: str, lang: str) -> tuple[bool, Note | None]:
    vague = ctx.lexicon("cancel_label_vague").first(text, lang)
    if vague:
        return False, note("label_vague", words=vague.text)
    if ctx.lexicon("cancel_label_clear").first(text, lang):
        return True, None
    return False, note("label_silent")


@detector("misleading_button_label")
def misleading_button_label(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """R2 entry label and R7 confirm label on German pages of a cancel journey."""
    languages = tuple(ctx.params.get("languages", ("de",)))
    clicks = [s for s in journey.steps if s.type in CLICK_TYPES and label(s.element)
              and _before_language(ctx, journey, s) in languages]
    if not clicks:
        return Detection(score=None, details={"reason": "no click on a German page"})
    success = success_index(journey)
    final = clicks[-1] if success is not None and clicks[-1].index == success else None
    before_final = [s for s in clicks if final is None or s.index < final.index]
    at, how = entry_of(journey, ctx)
    # the journey file says which control is the entry, or the flow began with the click to an offer page
    marked = journey.steps[at] if how in ("marked", "offer") else None
    entry = marked if marked in before_final else None
    entry = entry or next((s for s in before_final if _judge(ctx, label(s.element), "de")[0]), None)
    entry = entry or (before_final[0] if before_final else None)
    judged: list[tuple[str, StepRecord]] = [(r, s) for r, s in (("R2", entry), ("R7", final)) if s is not None]
    items: list[Evidence] = []
    verdicts = {}
    for rule, step in judged:
        text = label(step.element)
        ok, why = _judge(ctx, text, _before_language(ctx, journey, step))
        role = "entry" if rule == "R2" else "confirm"
        verdicts[rule] = {"label": text, "ok": ok}
        if not ok:
            items.append(clicked_evidence(step, note("label_312k", rule=rule, role=role, text=text, why=why.parts[0]),
                                          rule=rule, role=role))
    return Detection(score=0.0 if items else 1.0, evidence=items, value=float(len(items)), details=verdicts)
