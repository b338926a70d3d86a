"""What explore reads in words: its own lexicons (cxaudit/explore/lexicons/*.yaml) beside the shipped ones
(checks/lexicons: cancel_entry, cookie_consent, channel_redirect, contact_channels, wait_time), and the
page-level judgements built on them: how much a control's name says the goal, whether it buys, whether the
page says the goal was reached, or that the online path ends here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cxaudit.judge.clauses import offers_online, redirects, sentences
from cxaudit.judge.detectors._wording import tag_of
from cxaudit.judge.lexicon import Lexicon, fold, load_lexicon_file, load_lexicons
from cxaudit.results.observation import Element, Observation
from cxaudit.shipped import shipped

HERE = Path(__file__).resolve().parent / "lexicons"
GOALS = ("cancel", "uninstall", "contact_support", "signup")
# which tags of the `way` lexicon lead towards each goal, and how strongly
WAY_WEIGHTS = {
    "cancel": {"account": 4.0, "login": 3.0, "settings": 2.5, "help": 1.5},
    "uninstall": {"settings": 4.0, "account": 1.5, "help": 1.0},
    "contact_support": {"help": 4.0, "problem": 2.0, "account": 1.0},
    "signup": {"plans": 4.0, "account": 0.5},
}
GOAL_SCORE, ONWARD_SCORE = 10.0, 6.0
MENU_CARET = re.compile(r"[▾▼⌄˅⏷]\s*$")  # a control whose name ends in a caret opens a menu
DECLINE = re.compile(r"(?i)^\W*(?:no|nope|nein|non|not\s+now|nicht\s+jetzt|pas\s+maintenant)\b")


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    lex = load_lexicons([shipped("checks")])
    for path in sorted(HERE.glob("*.yaml")):
        own, _ = load_lexicon_file(path)
        lex[own.name] = own
    return lex


def tags(name: str, text: str, lang: str | None) -> set[str]:
    """The tags of lexicon ``name`` that match ``text`` (an untagged match counts as tag ``""``)."""
    return {tag_of(m) or "" for m in lexicons()[name].matches(text, lang)}


def says(name: str, text: str, lang: str | None) -> bool:
    return lexicons()[name].first(text, lang) is not None


def label(el: Element) -> str:
    return " ".join((el.name or el.text or "").split())


@dataclass(frozen=True)
class Verdict:
    score: float  # how much the name says the way to the goal; 0 = no reason to click it
    why: str  # "goal", "onward", "way:account", "" ...


def intent(name: str, goal: str, lang: str | None, *, in_flow: bool) -> Verdict:
    """How strongly a control named ``name`` leads to ``goal``. ``in_flow``: the journey is past its first
    page, where "Continue" and "No thanks" are the way on."""
    text = fold(name)
    if not text or len(text) > 120:
        return Verdict(0.0, "")
    if says(f"goal_{goal}", text, lang) or (goal == "cancel" and says("cancel_entry", text, lang)):
        bare = re.fullmatch(r"(?i)\s*(cancel|abbrechen|annuler)\s*", text) is not None
        return Verdict(GOAL_SCORE / 2 if bare else GOAL_SCORE, "goal")
    if in_flow and says("onward", text, lang):
        return Verdict(ONWARD_SCORE, "onward")
    best, why = 0.0, ""
    if MENU_CARET.search(text):  # "Morgan ▾": a menu of its own, most often the account's
        best, why = WAY_WEIGHTS[goal].get("account", 0.0) * 0.75, "way:menu"
    for tag in tags("way", text, lang):
        weight = WAY_WEIGHTS[goal].get(tag, 0.0)
        if weight > best:
            best, why = weight, f"way:{tag}"
    return Verdict(best, why)


def forbidden(name: str, goal: str, lang: str | None) -> str | None:
    """Why explore must not click this control (it buys, upgrades, subscribes, takes an offer, signs out), or
    None. On a sign-up exploration subscribing is the goal, buying still is not."""
    text = fold(name)
    if says("avoid", text, lang):
        return "avoid"
    if DECLINE.match(text):
        return None  # "No thanks, I'd rather pay full price" declines; it buys nothing
    found = tags("purchase", text, lang)
    if goal == "signup":
        found -= {"subscribe", "buy"}  # signing up is ordering (§ 312j: "zahlungspflichtig bestellen"); a
        # payment form is still never sent (moves.form_moves)
        if says("goal_cancel", text, lang):
            return "cancel"  # a sign-up never cancels what it is measuring
    if goal == "cancel" and found <= {"offer", "subscribe"} and says("cancel_entry", text, lang) \
            and not says("goal_signup", text, lang):
        found = set()  # "Continue to cancel" is no offer; "Cancel and keep nothing" neither
    return sorted(found)[0] if found else None


def page_text(obs: Observation) -> list[str]:
    texts = [b.text for b in obs.text_blocks if not b.frame]
    texts += [h.text for h in obs.headings]
    texts += [a.text for a in obs.alerts]
    texts += [d.text for d in obs.dialogs]
    return [t for t in texts if t and t.strip()]


def success_text(obs: Observation, goal: str, lang: str | None, chat: bool = True) -> str | None:
    """The words that say the goal was reached on this page, as a success condition can quote them
    (``chat=False``: not a person joining a chat, only a message received)."""
    candidates = [h.text for h in obs.headings] + [a.text for a in obs.alerts] + page_text(obs)
    for text, m in _success_matches(candidates, goal, lang):
        if chat or not re.search(r"(?i)chat|agent|verbinde|relation|rejoint", m.text):
            return _quote(text, m.start, m.end)
    # "Your plan will end on …" is the receipt only where no control says the goal any more: a confirmation page
    # says it above its "Cancel membership" button
    for text, m in _success_matches(candidates, f"{goal}_after", lang):  # the page's controls read only for a match
        if any(intent(label(e), goal, lang, in_flow=True).why == "goal" for e in obs.elements if not e.hidden and label(e)):
            return None
        return _quote(text, m.start, m.end)
    return None


# a sentence that says what would happen ("If you cancel today, your plan will end on …") says nothing happened
CONDITIONAL = re.compile(r"(?i)\b(?:if|once|when|after|wenn|falls|sobald|nachdem|si|lorsque|quand|dès\s+que|une\s+fois)\b")


def _success_matches(texts: list[str], goal: str, lang: str | None) -> Iterator[tuple[str, Any]]:
    """Each match of the goal's success wording in ``texts``, with its text (offsets into the folded text),
    unless its sentence makes it a condition before it."""
    lex = lexicons()["success"]
    for text in texts:
        folded = ""
        for m in lex.matches(text, lang):
            if tag_of(m) != goal:
                continue
            folded = folded or " ".join(fold(text).split())  # folded once per text, and only for a match of the goal
            if not CONDITIONAL.search(re.split(r"[.!?]\s", folded[:m.start])[-1]):
                yield text, m


def reply_success(replies: list[str], goal: str, lang: str | None) -> str | None:
    """The words of a chat reply that say the goal was reached (a person joined; the contract was ended):
    only the matched words, since the agent's name or a reference in the sentence changes from chat to chat."""
    for reply, m in _success_matches(replies, goal, lang):
        return " ".join(reply.split())[m.start:m.end]
    return None


HANDOVER_UNDER_WAY = re.compile(
    r"(?i)\b(?:connect\w*|transferr?\w*)\s+you\b|\bput(?:ting)?\s+you\s+through\b|\bhand(?:ing)?\s+you\s+over\b"
    r"|\bpass(?:ing)?\s+you\s+(?:on|over)\b|\bin\s+the\s+queue\b|\bwill\s+be\s+with\s+you\b"
    r"|\bverbinde\w*\s+(?:sie|dich)\b|\bleite\w*\s+(?:sie|dich|ihre\s+anfrage)\s+weiter\b|\bweitergeleitet\b|\bwarteschlange\b"
    r"|\bmet\w*\s+en\s+relation\b|\btransf[èe]r\w*\s+(?:votre|vers)\b|\btransmets\s+votre\b|\bfile\s+d.attente\b")


def handover_under_way(replies: list[str]) -> bool:
    """A reply that says a person is being connected ("I'm connecting you to our team now"): a customer waits
    for the person to join before writing again."""
    return any(HANDOVER_UNDER_WAY.search(fold(r)) for r in replies)


def reply_quote(reply: str) -> str:
    """A short piece of a reply a `blocked:` condition can look for: its first sentence, or its first words."""
    flat = " ".join(reply.split())
    first = next(iter(sentences(flat)), flat)
    return first.rstrip(".!?") if len(first) <= 90 else " ".join(first[:80].split()[:-1])


CHAT_WORD = re.compile(r"(?i)\bchat\w*|\bassist\w*|\bdiscut\w*")


def chat_to_cancel(obs: Observation, lang: str | None) -> bool:
    """The page says cancelling goes through the chat ("To cancel, chat with our assistant")."""
    for text in page_text(obs):
        for sentence in sentences(" ".join(text.split())):
            folded = fold(sentence)
            if CHAT_WORD.search(folded) and (says("goal_cancel", folded, lang) or says("cancel_entry", folded, lang)):
                return True
    return False


# "Contact us", "Get in touch": a heading or link that invites contact, not a channel the page ends in
INVITATION = re.compile(r"(?i)contact\s+(?:us|our|the|customer)|get\s+in\s+touch|kontaktieren\s+sie|wenden\s+sie\s+sich|contact\w*")


def dead_end_text(obs: Observation, goal: str, lang: str | None) -> str | None:
    """The sentence that sends the customer off the website (phone, post, a branch), on a page that offers no
    online way; for contact_support, a waiting time or a hotline as the only way offered."""
    texts = page_text(obs)
    if goal == "contact_support":
        if any(f.type == "textarea" and not f.hidden and not f.disabled for form in obs.forms for f in form.fields):
            return None  # a message form on the page is a way to write to a person online
        for name in ("wait_time", "channel_redirect"):
            for text in texts:
                # the first match, passing over a chat: that is the way to a person here, not the end of the path
                m = next((m for m in lexicons()[name].matches(text, lang)
                          if not CHAT_WORD.search(m.text) and not INVITATION.fullmatch(m.text.strip())), None)
                if m is not None and (name == "wait_time" or tag_of(m) == "channel"):
                    return _quote(text, m.start, m.end)
        return None
    lex = lexicons()["channel_redirect"]
    for text in texts:  # "cancelling isn't possible on this website" is the end, whatever else the page says
        for sentence, m in redirects(lex, text, lang):
            if tag_of(m) == "offline":
                return _quote(sentence, 0, len(sentence))
    if offers_online(lex, texts, lang):
        return None
    for text in texts:
        found = redirects(lex, text, lang)
        if found:
            sentence, _ = found[0]
            return _quote(sentence, 0, len(sentence))
    return None


def consent_buttons(obs: Observation, lang: str | None) -> list[tuple[Element, str]]:
    """The buttons of a consent banner on show, with "reject" or "accept": short controls that say so, on a
    page that speaks of cookies, tracking or partners. Rejects first."""
    found = []
    for el in obs.elements:
        name = label(el)
        if el.hidden or el.offscreen or not name or len(name) > 40 or el.role not in ("button", "link", None):
            continue
        found += [(el, tag) for tag in ("reject", "accept") if tag in tags("consent", name, lang)][:1]
    if not found or not any(says("cookie_consent", t, lang) for t in page_text(obs)):
        return []
    return sorted(found, key=lambda f: f[1] != "reject")


def _quote(text: str, start: int, end: int) -> str:
    """What a text condition quotes: the sentence around the match when it is short and printed as one line,
    else the matched words (offsets are into the whitespace-folded text)."""
    flat = " ".join(text.split())
    for sentence in sentences(flat):
        at = flat.find(sentence)
        if at <= start and end <= at + len(sentence):
            if len(sentence) <= 90 and sentence in text and not any(c.isdigit() for c in sentence):
                return sentence.rstrip(".!")
            break
    return flat[start:end]
