"""CX403 limited_contact_channels: the contact channels offered over a contact journey."""

from __future__ import annotations

import re

from cxaudit.judge.clauses import sentences
from cxaudit.judge.detectors._wording import (
    Snippet,
    clicked_evidence,
    evidence,
    find,
    label,
    labelled_identifier,
    page_language,
    snippets,
    tag_of,
    view_of,
    visible_elements,
)
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.judge.lexicon import Lexicon
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import FormField, page_of
from cxaudit.words.notes import note


def _refused(lex: Lexicon, text: str, lang: str | None) -> list[str]:
    """The sentences of ``text`` that say a channel is not served (the lexicon's ``refused`` tag: "Anfragen per
    E-Mail … können wir leider nicht bearbeiten", "e-mails to this address are not monitored")."""
    return [s for s in sentences(text) if any(tag_of(m) == "refused" for m in lex.matches(s, lang))]


def _form_channel(step: StepRecord) -> FormField | None:
    """A form the customer can write a message in: a visible textarea on a page with a button."""
    obs = page_of(step.observation)
    buttons = [e for e in visible_elements(obs) if e.role == "button" and not e.disabled]
    for form in obs.forms:
        for field in form.fields:
            if field.type == "textarea" and not field.hidden and buttons:
                return field
    return None


@detector("limited_contact_channels")
def limited_contact_channels(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """The contact channels offered over the journey (phone, e-mail, form, chat, post, social, callback,
    video); applies when the journey visited a contact page."""
    contact_page = re.compile(str(ctx.params.get("contact_page_pattern", r"contact|kontakt")), re.IGNORECASE)
    if not any(contact_page.search(view_of(s)) for s in journey.steps if s.observation):
        return Detection(score=None, details={"reason": "the journey did not visit a contact page"})
    lex = ctx.lexicon("contact_channels")
    own = {f.value.lower() for s in journey.steps for f in s.filled if f.value and not f.secret}
    found: dict[str, Evidence] = {}
    for step in journey.steps:
        if not (step.observation or step.chat):
            continue
        lang = page_language(ctx, journey, step)
        refused: dict[str, list[str]] = {}
        for item, match in find(lex, snippets(step, chat=False), lang):
            channel = tag_of(match)
            if not channel or channel in ("refused", *found) or match.text.lower() in own:
                continue
            if channel == "phone" and labelled_identifier(item.text, match.start):
                continue  # "Registered in England, company no. 09127734" is no phone line
            if item.text not in refused:
                refused[item.text] = _refused(lex, item.text, lang)
            if any(" ".join(match.text.split()) in sentence for sentence in refused[item.text]):
                continue  # "… per E-Mail … können wir leider nicht bearbeiten" offers no e-mail
            found[channel] = evidence(item, match, note("channel_offered", channel=channel), channel=channel)
        for el in visible_elements(step.observation):
            href = el.href.lower()
            for prefix, channel in (("tel:", "phone"), ("mailto:", "email")):
                if href.startswith(prefix) and channel not in found:
                    found[channel] = evidence(Snippet(step.index, label(el), "element", el.box, el), None,
                                              note("channel_offered", channel=channel), channel=channel)
        field = _form_channel(step)
        if field and "form" not in found:
            found["form"] = evidence(Snippet(step.index, field.label or "message", "text", field.box),
                                     None, note("contact_form"), channel="form")
        if step.chat and (step.chat.turns or step.chat.greeting) and "chat" not in found:
            found["chat"] = clicked_evidence(step, note("chat_opened"), channel="chat")
    channels = sorted(found)
    count = len(channels)
    good = int(ctx.params.get("pass_channels", 3))
    score = 1.0 if count >= good else 0.5 if count == good - 1 else 0.0
    return Detection(score=score, evidence=[found[c] for c in channels], value=float(count),
                     details={"channels": channels})
