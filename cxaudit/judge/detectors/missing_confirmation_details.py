"""CX502 missing_confirmation_details: what the confirmation page of a completed cancellation lets the
customer keep (§ 312k BGB R9: date, time, reference, a way to save)."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import (
    Snippet,
    first_heading,
    label,
    page_language,
    read_masks,
    snippets,
    success_index,
    tag_of,
    unread,
)
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import page_of
from cxaudit.words.notes import note

DETAILS = ("date", "time", "reference", "save")


@detector("missing_confirmation_details")
def missing_confirmation_details(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """R9: the confirmation page of a completed cancellation shows date, time, reference and a way to save."""
    success = success_index(journey)
    if success is None:
        return Detection(score=None, details={"reason": "no completed cancellation"})
    step = next(s for s in journey.steps if s.index == success)
    lang = page_language(ctx, journey, step)
    lex = ctx.lexicon("confirmation_details")
    present: dict[str, str] = {}
    # "sent to ••••••" where the page showed the customer's e-mail address (masked): still a copy by e-mail
    for item in read_masks(snippets(step, chat=False), step):
        for match in lex.matches(item.text, lang):
            tag = tag_of(match)
            if tag in DETAILS and tag not in present:
                present[tag] = unread(match.text)
    for el in page_of(step.observation).elements:
        href = el.href.lower()
        if not el.hidden and (href.endswith(".pdf") or "download" in href) and "save" not in present:
            present["save"] = label(el) or href
    time_langs = tuple(ctx.params.get("time_required_languages", ("de",)))
    required = [d for d in DETAILS if d != "time" or lang in time_langs]
    missing = [d for d in required if d not in present]
    score = (len(required) - len(missing)) / len(required)
    heading = first_heading(step.observation)
    items = []
    if missing:
        snip = Snippet(step.index, str(heading or step.title_after), "text")
        items.append(Evidence(step=step.index, words=snip.text[:200], screenshot_step=step.index,
                              note=note("confirmation_lacks", missing=missing), data={"present": present}))
    return Detection(score=score, evidence=items, value=float(len(required) - len(missing)),
                     details={"present": present, "missing": missing, "required": required, "language": lang})
