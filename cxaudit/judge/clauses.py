"""Structural wording matchers: a lexicon's patterns are tagged with the part of a clause they stand for,
and a small matcher decides from the parts and their order, not from whole sentences.

A pattern starts with a named group giving its part (``(?P<good>...)``); an untagged pattern, or one tagged
``whole``, is a finding on its own (so a user's ``--checks`` lexicon can still add plain patterns).

confirmshaming (``shaming``), parts of a decline control's label:
  decline      a decline marker at the start ("No thanks", "Nein, danke", "Non merci", "Skip")
  refuse       refusing: "I don't want/need/like", "ich möchte nicht/keine", "je ne veux pas"
  forgo        giving something up: "I'll pass on", "ich verzichte auf", "je renonce à"
  prefer       choosing: "I'd rather", "I'll stay", "lieber", "je préfère"
  good         what a customer would want: saving, discounts, "15% off", luck, safety, being informed
  bad          what a customer would not: the full price, paying more, risk, staying uninformed
  ``*_after``  the same verb parts placed after their object ("Glück brauch' ich nicht", "... verzichten")
A good thing refused or given up (an odd number of refuse/forgo parts governing it within a few words of the
same clause: "I don't want to give up my benefits" is not shaming), or a bad thing chosen (prefer) or left
standing after a decline marker, shames the customer.

channel_redirect (``redirects``), parts of one sentence on a page:
  goal         cancelling: cancel, terminate, "end your plan", kündig, Abbestellung, résilier
  channel      a way off the website the customer must take: call, phone number, e-mail us, in writing,
               schriftlich, telefonisch, per Post, branch, chat, callback
  offline      online is ruled out: "not possible online", "nicht online", "pas possible en ligne"
  online       an online way: online, in your account, click, button, in the app
  inbound      the company writing to the customer ("a confirmation by e-mail"): not a redirect
  aside        the sentence is about something else or adds an extra route: "also", "questions", "auch"
  intent       the customer's wish to cancel ("You can cancel at any time.", "Sie möchten kündigen?"),
               carried to the next sentence of the same text
A sentence with a goal (its own or carried) and a channel or an offline part, and with no online, inbound
or aside part, redirects; a page with a sentence offering the goal online redirects nowhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from cxaudit.judge.lexicon import Lexicon, LexMatch, fold

_TAG = re.compile(r"\(\?P<(\w+)>")
WINDOW = 5  # words allowed between a verb part and its object: articles, adjectives, numbers ("15 % of")
_CLAUSE_END = re.compile(r"[,;:.!?()\"]|\s-\s|\b(?:and|but|or|und|aber|oder|et|mais|ou)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"(§\d\w])|(?<=;)\s+")
_ABBREVIATION = re.compile(r"(?:\b(?:z|d|u|e|i|s|vgl|bzw|ca|nr|str|st|inkl|zzgl|usw|etc|abs|art|no|mo|di|mi|do|fr|sa|so|"
                           r"tel|dr|mr|mrs|ms|co|ltd|jr|sen|bsp)|\b\w)\.$", re.IGNORECASE)


def part_of(match: LexMatch) -> str:
    found = _TAG.search(match.pattern)
    return found.group(1) if found else "whole"


def _parts(lexicon: Lexicon, text: str, lang: str | None) -> dict[str, list[LexMatch]]:
    by: dict[str, list[LexMatch]] = defaultdict(list)
    for m in lexicon.matches(text, lang):
        by[part_of(m)].append(m)
    return by


def _overlaps(m: LexMatch, others: Iterable[LexMatch]) -> bool:
    return any(m.start < o.end and o.start < m.end for o in others)


def _span(text: str, start: int, end: int) -> LexMatch:
    return LexMatch("", "", "", text[start:end], start, end)


# ------------------------------------------------------------------ confirmshaming
def shaming(lexicon: Lexicon, text: str, lang: str | None = None) -> LexMatch | None:
    """The words of ``text`` (a control's label) that shame the customer for declining, or None."""
    text = " ".join((text or "").split())
    by = _parts(lexicon, text, lang)
    if by.get("whole"):
        return by["whole"][0]
    verbs = {p: [m for m in by.get(p, []) if not _overlaps(m, by.get("good", []))]  # "lose weight" is good
             for p in ("refuse", "forgo", "prefer", "refuse_after", "forgo_after", "prefer_after")}
    folded = fold(text)

    def near(obj: LexMatch, parts: tuple[str, ...]) -> list[LexMatch]:
        """Verb parts governing ``obj``: before it (or after it, for *_after parts) in the same clause, within
        WINDOW words."""
        out = []
        for part in parts:
            for v in verbs[part]:
                a, b = (obj.end, v.start) if part.endswith("_after") else (v.end, obj.start)
                if a > b:
                    continue
                gap = folded[a:b]
                if not _CLAUSE_END.search(gap) and len(gap.split()) <= WINDOW:
                    out.append(v)
        return out

    for good in by.get("good", []):
        governing = near(good, ("refuse", "forgo", "refuse_after", "forgo_after"))
        if len(governing) % 2 == 1:
            first = min([good, *governing], key=lambda m: m.start)
            last = max([good, *governing], key=lambda m: m.end)
            return _span(text, first.start, last.end)
    declined = any(m.start == 0 for m in by.get("decline", []))
    for bad in by.get("bad", []):
        if near(bad, ("refuse", "refuse_after")):
            continue  # "No, I don't want to pay more" is a reason, not shame
        chosen = near(bad, ("prefer", "prefer_after"))
        if chosen or declined:
            first = min([bad, *chosen], key=lambda m: m.start)
            last = max([bad, *chosen], key=lambda m: m.end)
            return _span(text, first.start, last.end)
    if by.get("loss"):  # "lose my 3,200 followers", "tant pis pour mon bon"
        return by["loss"][0]
    asked = _asked_and_answered(by, text)
    return asked if asked is not None else _explained_decline(by, text)


def _asked_and_answered(by: dict[str, list[LexMatch]], text: str) -> LexMatch | None:
    """The control asks about the good (or bad) thing, then answers for the customer: "Two free months? Not
    for me", "Pay more?! Absolutely". A plain decline never asks a question of its own."""
    mark = text.find("?")
    if mark < 0 or not re.search(r"[^\W\d_]", text[mark + 1:]):
        return None
    asked = [m for m in (*by.get("good", []), *by.get("bad", [])) if m.end <= mark]
    return _span(text, 0, len(text)) if asked else None


# the words a decline may add without saying anything: pronouns, auxiliaries, negation, politeness, articles
_FILLER = frozenset("""
i me my myself it its this that now thanks thank you please do don't dont not no want need really just will would am
is are be sure ok okay yes so the a an to right sorry s ll d m ve re
ich mir mich mein meine es das nicht möchte will brauche bitte danke jetzt nein ja so gerade doch lieber der die den
dem ein eine sorry leider
je j me moi mon ma ça pas ne n veux merci non oui maintenant plutôt le la les un une désolé
""".split())


_NEGATED = re.compile(r"\b(?:not|never|no|don't|dont|doesn't|won't|can't|kein\w*|nicht|nie|nichts|pas|jamais|rien)\b|n't\b")


def _explained_decline(by: dict[str, list[LexMatch]], text: str) -> LexMatch | None:
    """A decline marker, then a clause of its own that is about neither the flow nor nothing: the customer
    is made to explain the refusal ("No, my family can fend for themselves", "Nein, der Planet kann warten")."""
    marker = next((m for m in by.get("marker", []) if m.start == 0), None)
    if marker is None or any(m.start >= marker.end for m in by.get("flow", [])):
        return None
    rest = fold(text[marker.end:]).lower()
    if _NEGATED.search(rest):  # "No, I don't want to pay more", "Nein, ich will kein Geld verschwenden": a reason
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _FILLER]
    return _span(text, 0, len(text)) if len(words) >= 2 else None


# ------------------------------------------------------------------ channel_redirect
def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (and ;-clauses), keeping abbreviations ("z. B.", "Nr.") whole."""
    text = " ".join((text or "").split())
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        if head.endswith(".") and _ABBREVIATION.search(head[-6:]):
            continue
        out.append(head)
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def _judged(lexicon: Lexicon, sentence: str, lang: str | None) -> tuple[dict[str, list[LexMatch]], bool]:
    by = _parts(lexicon, sentence, lang)
    offline = by.get("offline", [])
    by["online"] = [m for m in by.get("online", []) if not _overlaps(m, offline)]
    by["channel"] = [m for m in by.get("channel", []) if not _overlaps(m, by.get("inbound", []))]
    offers_online = bool(by.get("goal") and by["online"] and not offline)
    return by, offers_online


def offers_online(lexicon: Lexicon, texts: Iterable[str], lang: str | None = None) -> bool:
    """Whether any sentence of ``texts`` offers the goal online ("Cancel online in your account")."""
    return any(_judged(lexicon, s, lang)[1] for text in texts for s in sentences(text))


def rules_out_online(lexicon: Lexicon, sentence: str, lang: str | None = None) -> bool:
    """Whether ``sentence`` says in so many words that the goal cannot be reached online or on this site
    ("Cancelling isn't possible on this website"): a redirect even on a page that explains another way,
    such as the steps in a phone's settings."""
    by, _ = _judged(lexicon, sentence, lang)
    return bool(by.get("goal") and by.get("offline") and not by.get("aside"))


def redirects(lexicon: Lexicon, text: str, lang: str | None = None) -> list[tuple[str, LexMatch]]:
    """(sentence, the words that redirect) for each sentence of ``text`` that sends the customer off the
    website to reach the goal. The caller keeps only those that rule the site out (``rules_out_online``)
    when the page also offers the goal online."""
    out: list[tuple[str, LexMatch]] = []
    carried = False
    for sentence in sentences(text):
        by, online = _judged(lexicon, sentence, lang)
        goal = bool(by.get("goal")) or carried
        carried = (bool(by.get("goal")) and not by.get("aside")
                   and (bool(by.get("intent")) or sentence.rstrip().endswith("?")))
        if by.get("whole") and not online:
            out.append((sentence, by["whole"][0]))
            continue
        away = [*by.get("channel", []), *by.get("offline", [])]
        if goal and away and not by["online"] and not by.get("aside"):
            out.append((sentence, min(away, key=lambda m: m.start)))
    return out
