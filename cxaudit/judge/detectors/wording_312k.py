"""§ 312k BGB wording on cancel journeys: the entry and confirm labels (R2, R7) on German pages, and what
the confirmation page lets the customer keep (R9: date, time, reference, a way to save)."""

from __future__ import annotations

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.judge.detectors.wording_common import (
    CLICK_TYPES,
    Snippet,
    clicked_evidence,
    label,
    page_language,
    snippets,
    success_index,
    tag_of,
)
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.words.notes import Note, note

DETAILS = ("date", "time", "reference", "save")


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
    if journey.goal != "cancel":
        return Detection(score=None)
    languages = tuple(ctx.params.get("languages", ("de",)))
    clicks = [s for s in journey.steps if s.type in CLICK_TYPES and label(s.element)
              and _before_language(ctx, journey, s) in languages]
    if not clicks:
        return Detection(score=None, details={"reason": "no click on a German page"})
    success = success_index(journey)
    final = clicks[-1] if success is not None and clicks[-1].index == success else None
    before_final = [s for s in clicks if final is None or s.index < final.index]
    entry = next((s for s in before_final if _judge(ctx, label(s.element), "de")[0]), None)
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


@detector("missing_confirmation_details")
def missing_confirmation_details(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """R9: the confirmation page of a completed cancellation shows date, time, reference and a way to save."""
    success = success_index(journey)
    if journey.goal != "cancel" or success is None:
        return Detection(score=None, details={"reason": "no completed cancellation"})
    step = next(s for s in journey.steps if s.index == success)
    lang = page_language(ctx, journey, step)
    lex = ctx.lexicon("confirmation_details")
    present: dict[str, str] = {}
    for item in snippets(step, chat=False):
        for match in lex.matches(item.text, lang):
            tag = tag_of(match)
            if tag in DETAILS and tag not in present:
                present[tag] = match.text
    for el in (step.observation or {}).get("elements") or []:
        href = str(el.get("href") or "").lower()
        if not el.get("hidden") and (href.endswith(".pdf") or "download" in href) and "save" not in present:
            present["save"] = label(el) or href
    time_langs = tuple(ctx.params.get("time_required_languages", ("de",)))
    required = [d for d in DETAILS if d != "time" or lang in time_langs]
    missing = [d for d in required if d not in present]
    score = (len(required) - len(missing)) / len(required)
    heading = next((h.get("text") for h in (step.observation or {}).get("headings") or [] if h.get("text")), "")
    items = []
    if missing:
        snip = Snippet(step.index, str(heading or step.title_after), "text")
        items.append(Evidence(step=step.index, words=snip.text[:200], screenshot_step=step.index,
                              note=note("confirmation_lacks", missing=missing), data={"present": present}))
    return Detection(score=score, evidence=items, value=float(len(required) - len(missing)),
                     details={"present": present, "missing": missing, "required": required, "language": lang})
