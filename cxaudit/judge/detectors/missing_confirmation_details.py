"""CX502 missing_confirmation_details: what the confirmation page of a completed cancellation lets the
customer keep. What is required depends on the journey's jurisdiction (params ``required``): in Germany
§ 312k BGB (R9): date and time, a way to save, the receipt confirmed; elsewhere, where no rule says what the
confirmation must carry, what a customer needs as proof: date, reference, a way to save.

A receipt is read as the customer reads it: a table row, a ``dl`` pair or a "Label:" block followed by its
value is one "label: value" line, so "Referenznummer | WW-K-0898" in two cells is a reference. A secret the
recorder masked where the page echoed an e-mail address (the observation's ``masked`` kinds) still reads
as an e-mail address, so "sent to ••••••" is a copy by e-mail; the evidence shows the mask, never a value."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import (
    Snippet,
    first_heading,
    furniture,
    label,
    page_language,
    read_masks,
    snippets,
    success_index,
    tag_of,
    unread,
)
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import TextBlock, page_of
from cxaudit.words.notes import note

DETAILS = ("date", "time", "reference", "save", "receipt")
DEFAULT_REQUIRED = ("date", "reference", "save")
LABEL_TAGS = frozenset({"th", "td", "dt"})
LABEL_ROLES = frozenset({"columnheader", "rowheader", "cell", "term"})
VALUE_TAGS = frozenset({"td", "dd"})
VALUE_ROLES = frozenset({"cell", "definition"})


def _is_label(block: TextBlock) -> bool:
    return block.tag in LABEL_TAGS or block.role in LABEL_ROLES or block.text.rstrip().endswith(":")


def _is_value(label_block: TextBlock, block: TextBlock) -> bool:
    """``block`` is the value of ``label_block``: a cell on the same row, a dd after its dt, or the block right
    after a "Label:" block."""
    if label_block.tag == "dt" or label_block.role == "term":
        return block.tag == "dd" or block.role == "definition"
    if label_block.text.rstrip().endswith(":"):
        return True
    same_row = abs(label_block.box.y - block.box.y) <= max(8.0, label_block.box.height / 2)
    return (block.tag in VALUE_TAGS or block.role in VALUE_ROLES) and same_row


def pairs(step: StepRecord) -> list[Snippet]:
    """The label/value pairs of a structured receipt, each as one "label: value" snippet."""
    blocks = [b for b in page_of(step.observation).text_blocks if b.text.strip()]
    out = []
    for first, second in zip(blocks, blocks[1:], strict=False):
        if _is_label(first) and _is_value(first, second):
            text = " ".join(f"{first.text.rstrip().rstrip(':')}: {second.text}".split())
            out.append(Snippet(step.index, text, "text", first.box))
    return out


def required_here(ctx: DetectorContext) -> list[str]:
    by_place = ctx.params.get("required") or {}
    wanted = by_place.get(ctx.jurisdiction, by_place.get("default", DEFAULT_REQUIRED))
    return [d for d in DETAILS if d in wanted]


@detector("missing_confirmation_details")
def missing_confirmation_details(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """The confirmation page of a completed cancellation shows what the journey's jurisdiction requires."""
    success = success_index(journey)
    if success is None:
        return Detection(score=None, details={"reason": "no completed cancellation"})
    step = next(s for s in journey.steps if s.index == success)
    lang = page_language(ctx, journey, step)
    lex = ctx.lexicon("confirmation_details")
    present: dict[str, str] = {}
    # the site's furniture (what the start page showed already) is not the receipt; a journey whose start page
    # is its confirmation has none
    first = next(s for s in journey.steps if s.observation)
    repeated = furniture(journey) if first is not step else frozenset()
    shown = [item for item in snippets(step, chat=False) if item.text not in repeated]
    # "sent to ••••••" where the page showed the customer's e-mail address (masked): still a copy by e-mail
    for item in read_masks([*shown, *pairs(step)], step):
        for match in lex.matches(item.text, lang):
            tag = tag_of(match)
            if tag in DETAILS and tag not in present:
                present[tag] = unread(match.text)
    for el in page_of(step.observation).elements:
        href = el.href.lower()
        if not el.hidden and (href.endswith(".pdf") or "download" in href) and "save" not in present:
            present["save"] = label(el) or href
    required = required_here(ctx)
    missing = [d for d in required if d not in present]
    score = (len(required) - len(missing)) / len(required) if required else 1.0
    heading = first_heading(step.observation)
    items = []
    if missing:
        snip = Snippet(step.index, str(heading or step.title_after), "text")
        items.append(Evidence(step=step.index, words=snip.text[:200], screenshot_step=step.index,
                              note=note("confirmation_lacks", missing=missing), data={"present": present}))
    return Detection(score=score, evidence=items, value=float(len(required) - len(missing)),
                     details={"present": present, "missing": missing, "required": required, "language": lang,
                              "jurisdiction": ctx.jurisdiction})
