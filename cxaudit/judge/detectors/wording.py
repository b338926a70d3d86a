"""Wording detectors: what the customer read on the way (retention offers, guilt-tripping declines, rating
prompts, redirects to other channels, wait times, contact channels, verification questions). Pure functions
of the recorded steps; the § 312k label and confirmation checks are in ``wording_312k``."""

from __future__ import annotations

import re
from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.judge.detectors.wording_common import (
    CLICK_TYPES,
    Snippet,
    clicked_evidence,
    evidence,
    find,
    goal_applies,
    label,
    page_language,
    snippets,
    success_index,
    tag_of,
    view_of,
    visible_elements,
)
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note

_DURATION = re.compile(
    r"(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to|and|bis|à)\s*(\d+(?:[.,]\d+)?))?[\s-]*"
    r"(minutes?|mins?|minuten|min|hours?|hrs?|stunden|std|heures?|h)\b", re.IGNORECASE)


def _level(count: int, partial: int, fail: int) -> float:
    """1 below ``partial``, 0.5 from ``partial``, 0 from ``fail``."""
    if count >= fail:
        return 0.0
    if count >= partial:
        return 0.5
    return 1.0


@detector("retention_offer")
def retention_offer(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Offer screens between the start and the goal, counted by distinct view."""
    if not goal_applies(journey, ("cancel", "uninstall")):
        return Detection(score=None)
    lex = ctx.lexicon("retention_offer")
    observed = [s for s in journey.steps if s.observation]
    if not observed:
        return Detection(score=None, details={"reason": "no observations"})
    start_view = view_of(observed[0])
    success = success_index(journey)
    screens: dict[str, Evidence] = {}
    for step in observed[1:]:
        view = view_of(step)
        if step.index == success or view == start_view or view in screens:
            continue
        lang = page_language(ctx, journey, step)
        hits = list(find(lex, snippets(step, chat=False), lang))
        if hits:
            item, match = hits[0]
            screens[view] = evidence(item, match, note("retention_offer", n=len(hits)),
                                     view=view, phrases=sorted({m.text for _, m in hits})[:6])
    count = len(screens)
    score = _level(count, int(ctx.params.get("partial_screens", 1)), int(ctx.params.get("fail_screens", 2)))
    return Detection(score=score, evidence=list(screens.values()), value=float(count),
                     details={"screens": list(screens)})


@detector("confirmshaming")
def confirmshaming(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Guilt-tripping wording on the control the journey clicked to go on, and on decline controls shown."""
    if not goal_applies(journey, ("cancel", "uninstall", "signup")):
        return Detection(score=None)
    lex = ctx.lexicon("confirmshaming")
    found: dict[str, Evidence] = {}
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        name = label(step.element)
        if step.type in (*CLICK_TYPES, "dismiss") and name and lex.first(name, lang):
            found[name.lower()] = clicked_evidence(step, note("shaming_clicked"),
                                                   clicked=True)
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        for el in visible_elements(step.observation):
            name = label(el)
            if not name or name.lower() in found or el.get("role") not in ("link", "button", "generic", "menuitem"):
                continue
            match = lex.first(name, lang)
            if match:
                found[name.lower()] = evidence(Snippet(step.index, name, "element", el.get("box"), el), match,
                                               note("shaming_shown"), clicked=False)
    items = sorted(found.values(), key=lambda e: e.step)
    return Detection(score=0.0 if items else 1.0, evidence=items, value=float(len(items)))


def _prompt_order(items: list[Snippet]) -> list[Snippet]:
    """Pop-ups and chat replies first: their evidence points at the widget, not at a copy of its text."""
    rank = {"dialog": 0, "chat": 1, "text": 2, "element": 3}
    return sorted(items, key=lambda s: rank.get(s.source, 4))


@detector("premature_rating_prompt")
def premature_rating_prompt(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Rating, review or 'was this helpful' prompts on any step before the goal was reached."""
    lex = ctx.lexicon("rating_prompt")
    success = success_index(journey)
    items: list[Evidence] = []
    for step in journey.steps:
        if step.index == success or not (step.observation or step.chat):
            continue
        lang = page_language(ctx, journey, step)
        reported: list[str] = []
        for item, match in find(lex, _prompt_order(snippets(step)), lang):
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


def _contact_points(ctx: DetectorContext, journey: JourneyResult, step, lang: str) -> list[str]:
    points: list[str] = []
    texts = snippets(step, elements=False, chat=False)
    for _, match in find(ctx.lexicon("contact_channels"), texts, lang):
        if tag_of(match) == "phone" and sum(c.isdigit() for c in match.text) >= 6:
            points.append(match.text)
    for _, match in find(ctx.lexicon("postal_address"), texts, lang):
        points.append(match.text.strip(" ,·"))
    return list(dict.fromkeys(points))


@detector("channel_redirect")
def channel_redirect(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """The goal is not reachable online: wording that sends the customer to phone, post, branch or chat."""
    if not goal_applies(journey, ("cancel", "uninstall", "contact_support")):
        return Detection(score=None)
    lex = ctx.lexicon("channel_redirect")
    items: list[Evidence] = []
    points: list[str] = []
    for step in journey.steps:
        if not step.observation:
            continue
        lang = page_language(ctx, journey, step)
        hits = list(find(lex, snippets(step, elements=False, chat=True), lang))
        if not hits:
            continue
        here = _contact_points(ctx, journey, step, lang)
        points.extend(here)
        seen: set[str] = set()
        for item, match in hits:
            if item.text in seen:
                continue
            seen.add(item.text)
            said = note("redirect_points", points=", ".join(here[:3])) if here else note("redirect")
            items.append(evidence(item, match, said, contact_points=here))
    if not items:
        return Detection(score=1.0)
    blocked = journey.outcome in ("blocked",)
    score = 0.0 if blocked or journey.outcome != "completed" else float(ctx.params.get("score_when_completed", 0.5))
    return Detection(score=score, evidence=items, value=float(len(items)),
                     details={"outcome": journey.outcome, "contact_points": list(dict.fromkeys(points))})


def stated_minutes(text: str) -> float | None:
    """The largest time in ``text`` in minutes (a range counts by its upper bound; hours are converted)."""
    best = None
    for m in _DURATION.finditer(text):
        value = float((m.group(2) or m.group(1)).replace(",", "."))
        unit = m.group(3).lower()
        minutes = value * 60 if unit.startswith(("h", "st")) else value
        best = minutes if best is None else max(best, minutes)
    return best


@detector("wait_time_notice")
def wait_time_notice(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """A stated waiting time for a person; value = the longest stated time in minutes."""
    if not goal_applies(journey, ("contact_support", "cancel")):
        return Detection(score=None)
    lex = ctx.lexicon("wait_time")
    items: list[Evidence] = []
    longest: float | None = None
    seen: set[str] = set()
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        for item, match in find(lex, snippets(step, elements=False), lang):
            minutes = stated_minutes(match.text)
            if minutes is None or match.text.lower() in seen:
                continue
            seen.add(match.text.lower())
            longest = minutes if longest is None else max(longest, minutes)
            items.append(evidence(item, match, note("stated_wait", minutes=minutes), minutes=minutes))
    if longest is None:
        return Detection(score=1.0)
    fail_over = float(ctx.params.get("fail_over_minutes", 10))
    partial_over = float(ctx.params.get("partial_over_minutes", 3))
    score = 0.0 if longest > fail_over else 0.5 if longest > partial_over else 1.0
    return Detection(score=score, evidence=items, value=longest, details={"minutes": longest})


def _form_channel(step) -> dict[str, Any] | None:
    """A form the customer can write a message in: a visible textarea on a page with a button."""
    obs = step.observation or {}
    buttons = [e for e in visible_elements(obs) if e.get("role") == "button" and not e.get("disabled")]
    for form in obs.get("forms") or []:
        for field in form.get("fields") or []:
            if field.get("type") == "textarea" and not field.get("hidden") and buttons:
                return field
    return None


@detector("limited_contact_channels")
def limited_contact_channels(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """The contact channels offered over the journey (phone, e-mail, form, chat, post, social, callback,
    video); applies when the journey visited a contact page."""
    if journey.goal != "contact_support":
        return Detection(score=None)
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
        for item, match in find(lex, snippets(step, chat=False), lang):
            channel = tag_of(match)
            if not channel or channel in found or match.text.lower() in own:
                continue
            found[channel] = evidence(item, match, note("channel_offered", channel=channel), channel=channel)
        for el in visible_elements(step.observation):
            href = str(el.get("href") or "").lower()
            for prefix, channel in (("tel:", "phone"), ("mailto:", "email")):
                if href.startswith(prefix) and channel not in found:
                    found[channel] = evidence(Snippet(step.index, label(el), "element", el.get("box"), el), None,
                                              note("channel_offered", channel=channel), channel=channel)
        field = _form_channel(step)
        if field and "form" not in found:
            found["form"] = evidence(Snippet(step.index, str(field.get("label") or "message"), "text", field.get("box")),
                                     None, note("contact_form"), channel="form")
        if step.chat and (step.chat.turns or step.chat.greeting) and "chat" not in found:
            found["chat"] = clicked_evidence(step, note("chat_opened"), channel="chat")
    channels = sorted(found)
    count = len(channels)
    good = int(ctx.params.get("pass_channels", 3))
    score = 1.0 if count >= good else 0.5 if count == good - 1 else 0.0
    return Detection(score=score, evidence=[found[c] for c in channels], value=float(count),
                     details={"channels": channels})


def _is_login_form(journey: JourneyResult, position: int, form: dict[str, Any]) -> bool:
    steps = journey.steps
    if position + 1 < len(steps) and steps[position + 1].type == "login":
        return True
    fields = [f for f in form.get("fields") or [] if not f.get("hidden") and f.get("type") not in ("hidden", "submit")]
    return len(fields) <= 2 and any(f.get("type") == "password" for f in fields)


def _field_text(field: dict[str, Any]) -> str:
    return " ".join(str(field.get(k) or "") for k in ("label", "placeholder")).strip() or str(field.get("name") or "")


@detector("excessive_verification")
def excessive_verification(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """PINs, passwords and security questions asked on the way out, beyond identity and contract."""
    if not goal_applies(journey, ("cancel", "uninstall")):
        return Detection(score=None)
    lex = ctx.lexicon("verification_fields")
    found: dict[str, Evidence] = {}
    required: set[str] = set()
    for step in journey.steps:  # what the journey had to type
        lang = page_language(ctx, journey, step)
        if step.type == "login":
            continue
        for value in step.filled:
            text = value.label or value.name or ""
            match = lex.first(text, lang)
            if match or (value.type == "password" and text):
                key = text.lower()
                required.add(key)
                found.setdefault(key, clicked_evidence(step, note("verification_answered"),
                                                       field=text, filled=True))
                found[key].words = text[:200]
    for position, step in enumerate(journey.steps):  # what the pages asked for
        lang = page_language(ctx, journey, step)
        for form in (step.observation or {}).get("forms") or []:
            if _is_login_form(journey, position, form):
                continue
            for field in form.get("fields") or []:
                text = _field_text(field)
                if field.get("hidden") or not text:
                    continue
                match = lex.first(text, lang)
                if not (match or field.get("type") == "password"):
                    continue
                key = (field.get("label") or text).lower()
                if field.get("required"):
                    required.add(key)
                if key not in found:
                    found[key] = evidence(Snippet(step.index, text, "text", field.get("box")), match,
                                          note("verification_shown"), field=text, filled=False)
    if not found:
        return Detection(score=1.0)
    score = 0.0 if required else float(ctx.params.get("score_optional_only", 0.5))
    items = sorted(found.values(), key=lambda e: e.step)
    return Detection(score=score, evidence=items, value=float(len(items)),
                     details={"fields": [e.data.get("field") for e in items], "required_or_filled": sorted(required)})
