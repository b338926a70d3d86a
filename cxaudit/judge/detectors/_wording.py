"""Helpers for the wording checks: what a customer read on a page (text blocks, controls, dialogs, chat
replies), lexicon matching per page language, and evidence built from it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from cxaudit.journey import SECRET_MASK
from cxaudit.judge.detectors.base import DetectorContext, Evidence, box_of
from cxaudit.judge.lexicon import Lexicon, LexMatch
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import Element, ElementInfo, Observed, PageBox, page_of
from cxaudit.words.notes import Note

MAX_WORDS = 200
CLICK_TYPES = ("click", "gate")
_TAG = re.compile(r"\(\?P<(\w+)>")
# what a masked secret reads as to the lexicons on a page whose observation says one of that kind was masked
# (``masked``): "sent to ••••••" is still a confirmation by e-mail. Never written: see ``unread``.
STAND_INS = {"email": "masked.address@example.invalid"}


# the landmarks of a site's furniture (header, navigation, footer, side bars), the same on every page
CHROME_LANDMARKS = {"header", "banner", "nav", "navigation", "footer", "contentinfo", "complementary", "aside"}


def in_chrome(el: Element | ElementInfo) -> bool:
    """A control of the site's furniture (header, navigation, footer, side bar), not of a dialog over it."""
    return not el.in_dialog and (el.in_footer or (el.landmark or "") in CHROME_LANDMARKS)


# a number a label calls something else: "company no. 09127734", "HRB 12345", "Kundennummer 0451 2231"
_IDENTIFIER_BEFORE = re.compile(
    r"(?:company|registration|registered|reg|vat|tax|hrb|hra|handelsregister|amtsgericht|ust(?:-?id)?|steuer\w*|"
    r"siret|siren|rcs|iban|bic|customer|kunden|order|bestell|invoice|rechnungs?|contract|vertrags?|member(?:ship)?|"
    r"mitglieds|account|konto|client|commande|contrat|facture)\s*-?\s*(?:no\.?|nr\.?|number|nummer|id|n°|num[ée]ro)?"
    r"\s*[:.#]?\s*$", re.IGNORECASE)


def labelled_identifier(text: str, start: int) -> bool:
    """Whether the number at ``text[start:]`` is labelled as a registration, customer or order number."""
    return bool(_IDENTIFIER_BEFORE.search(text[max(0, start - 40):start]))


@dataclass(frozen=True)
class Snippet:
    """One piece of text a customer met after a step: a text block, a control, a dialog or a chat reply."""

    step: int
    text: str
    source: str  # text | element | dialog | alert | chat
    box: PageBox | None = None
    element: Element | ElementInfo | None = None


def tag_of(match: LexMatch) -> str | None:
    """The named group a tagged lexicon pattern starts with (``(?P<phone>...)``), if any."""
    found = _TAG.search(match.pattern)
    return found.group(1) if found else None


def label(element: Element | ElementInfo | None) -> str:
    if element is None:
        return ""
    return " ".join((element.name or element.text).split())


def visible_elements(observation: Observed) -> list[Element]:
    return [e for e in page_of(observation).elements if not e.hidden]


def snippets(step: StepRecord, *, elements: bool = True, dialogs: bool = True, chat: bool = True,
             alerts: bool = False) -> list[Snippet]:
    obs = page_of(step.observation)
    out: list[Snippet] = []
    for block in obs.text_blocks:
        text = " ".join(block.text.split())
        if text:
            out.append(Snippet(step.index, text, "text", block.box))
    if elements:
        for el in visible_elements(obs):
            if label(el):
                out.append(Snippet(step.index, label(el), "element", el.box, el))
    if dialogs:
        for d in obs.dialogs:
            for said in (d.name, d.text):
                text = " ".join(said.split())
                if text:
                    out.append(Snippet(step.index, text, "dialog", d.box))
        for met in step.native_dialogs:  # a browser dialog ("Are you sure?") the customer answered at this step
            text = " ".join(met.message.split())
            if text:
                out.append(Snippet(step.index, text, "dialog"))
    if alerts:
        for a in obs.alerts:
            text = " ".join(a.text.split())
            if text:
                out.append(Snippet(step.index, text, "alert"))
    if chat:
        out += chat_snippets(step)
    return out


def chat_snippets(step: StepRecord, turns: int | None = None) -> list[Snippet]:
    """What a chat on ``step`` said: its greeting and the replies to its first ``turns`` messages (all of them
    when None)."""
    if step.chat is None:
        return []
    said = [*step.chat.greeting, *(r for turn in step.chat.turns[:turns] for r in turn.replies)]
    return [Snippet(step.index, " ".join(text.split()), "chat") for text in said]


def read_masks(items: Iterable[Snippet], step: StepRecord) -> list[Snippet]:
    """The snippets with each mask read as a value of the kind masked on the step's page (an e-mail address),
    where the observation names one kind with a stand-in; as they are otherwise."""
    kinds = [k for k in page_of(step.observation).masked or () if k in STAND_INS]
    if len(kinds) != 1:
        return list(items)
    return [replace(i, text=i.text.replace(SECRET_MASK, STAND_INS[kinds[0]])) for i in items]


def unread(text: str) -> str:
    """``read_masks`` undone: the words for evidence show the mask again, never the stand-in."""
    for stand_in in STAND_INS.values():
        text = text.replace(stand_in, SECRET_MASK)
    return text


def find(lexicon: Lexicon, items: Iterable[Snippet], lang: str | None) -> Iterator[tuple[Snippet, LexMatch]]:
    for item in items:
        for match in lexicon.matches(item.text, lang):
            yield item, match


def words(item: Snippet, match: LexMatch) -> str:
    """The snippet verbatim when short, else a window of at most 200 characters around the match."""
    text = item.text
    if len(text) <= MAX_WORDS:
        return text
    start = max(0, min(match.start - 60, len(text) - MAX_WORDS))
    return text[start:start + MAX_WORDS].strip()


def page_language(ctx: DetectorContext, journey: JourneyResult, step: StepRecord) -> str:
    return ctx.language_of(journey, step.index)


def furniture(journey: JourneyResult, *, dialogs: bool = True) -> frozenset[str]:
    """The texts the journey's start page showed: the site's furniture (a promo banner, a trailer's "2:14", a
    hotline's hours), which a later page repeats without saying anything of the way out."""
    start = next((s for s in journey.steps if s.observation), None)
    return frozenset(item.text for item in snippets(start, chat=False, dialogs=dialogs)) if start else frozenset()


def success_index(journey: JourneyResult) -> int | None:
    """The step whose page is the goal's success page (the last observed step of a completed journey)."""
    if journey.outcome != "completed":
        return None
    observed = [s.index for s in journey.steps if s.observation]
    return observed[-1] if observed else None


def first_heading(observation: Observed) -> str:
    """The first heading with words in it ("" when there is none)."""
    return next((h.text for h in page_of(observation).headings if h.text), "")


def view_of(step: StepRecord) -> str:
    return step.view_key or page_of(step.observation).view_key or f"step-{step.index}"


def evidence(item: Snippet, match: LexMatch | None, note: Note, **data: Any) -> Evidence:
    return Evidence(step=item.step, words=words(item, match) if match else item.text[:MAX_WORDS],
                    element=item.element, box=item.box, screenshot_step=item.step, note=note, data=dict(data))


def clicked_evidence(step: StepRecord, note: Note, **data: Any) -> Evidence:
    """Evidence for the control clicked in ``step``: it is on the previous step's screenshot."""
    el = step.element
    return Evidence(step=step.index, words=label(el)[:MAX_WORDS], element=el, box=box_of(el),
                    screenshot_step=max(step.index - 1, 0), note=note, data=dict(data))
