"""The entry control of a journey: the click that starts the cancel flow (hidden_cancel_link judges it,
visual_misdirection leaves it to that check), and the reveal clicks right before it."""

from __future__ import annotations

from cxaudit.judge.detectors._offers import offers
from cxaudit.judge.detectors._wording import furniture
from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.results.model import JourneyResult, StepRecord

FORM_STEPS = ("fill", "select", "check", "gate")  # the flow's own form; a log-in is not part of it


def _clicked(s: StepRecord) -> bool:
    return s.type == "click" and s.element is not None and s.status == "ok" and not s.element.in_dialog


def entry_of(journey: JourneyResult, ctx: DetectorContext) -> tuple[int | None, str]:
    """The index in ``journey.steps`` of the entry and how it was found, in this order:

    - ``marked``: the step the journey file marks ``entry: true``;
    - ``named``: the first click (not in a dialog) before the flow's first form step whose control's name says
      the goal (lexicon ``cancel_entry``: cancel, end, kündigen, résilier ...); a "Kündigung absenden" after the
      form is its confirm button, not its entry;
    - ``offer``: where that named click sits on a retention offer's page, it is the offer's decline ("Weiter zur
      Kündigung" under "Mitgliedschaft kostenlos pausieren"): the flow began with the click that led to the
      first offer page ("Mitgliedschaft verwalten"), and that click is the entry;
    - ``opened_form``: else the click that led to the form, the last navigating click before its first step
      (a vague "Vertragsservice"; also how runs recorded before 1.3, which carry no entry marks, are read);
    - None: no such click. The journey's first click (often "Sign in") is never taken for the entry by default.
    """
    steps = journey.steps
    for i, s in enumerate(steps):
        if s.entry and s.element is not None and s.status == "ok":
            return i, "marked"
    form = next((i for i, s in enumerate(steps) if s.type in FORM_STEPS and s.status == "ok"), len(steps))
    words = ctx.lexicon("cancel_entry")
    for i, s in enumerate(steps[:form]):
        if _clicked(s) and words.first(s.element.name or s.element.text):
            led = _led_to_offer(journey, ctx, i)
            return (led, "offer") if led is not None else (i, "named")
    if form < len(steps):
        for i in range(form - 1, 0, -1):
            if _clicked(steps[i]) and (steps[i].navigated or steps[i].view_changed):
                return i, "opened_form"
    return None, ""


def _led_to_offer(journey: JourneyResult, ctx: DetectorContext, before: int) -> int | None:
    """The navigating click before ``before`` that led to the first page offering something to stay (as
    retention_offer reads an offer; the start page and the site's furniture offer nothing), if ``before``'s
    control is on or after that page; None when no offer came first."""
    lex = ctx.lexicon("retention_offer")
    repeated = furniture(journey, dialogs=False)
    for j in range(1, before):
        s = journey.steps[j]
        if not (_clicked(s) and (s.navigated or s.view_changed) and s.observation):
            continue
        if offers(lex, s, ctx.language_of(journey, s.index), repeated):
            return j
    return None


def entry_step(journey: JourneyResult, ctx: DetectorContext) -> tuple[StepRecord | None, list[StepRecord]]:
    """The entry step (see :func:`entry_of`) and the reveal clicks right before it: clicks that opened something
    on the same page (no navigation, no view change), an expander, a drop-down, "more links"; skipped steps
    between them are passed over."""
    at, _how = entry_of(journey, ctx)
    if at is None:
        return None, []
    reveals: list[StepRecord] = []
    for s in reversed(journey.steps[:at]):
        if s.status == "skipped":
            continue
        if not _clicked(s) or s.navigated or s.view_changed:
            break
        reveals.append(s)
    return journey.steps[at], reveals[::-1]
