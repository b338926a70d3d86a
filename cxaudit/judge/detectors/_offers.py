"""What a page on the way out offers the customer to stay (retention_offer's reading of an offer), shared by that
check and by the entry rule of _entry.py (a cancel word on an offer's page is the offer's decline)."""

from __future__ import annotations

import re

from cxaudit.judge.detectors._wording import Snippet, in_chrome, label, snippets, tag_of, visible_elements
from cxaudit.judge.lexicon import Lexicon, LexMatch
from cxaudit.results.model import StepRecord
from cxaudit.results.observation import page_of

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_PLAIN = str.maketrans({"’": "'", "´": "'", "‘": "'", "`": "'"})
ANSWER_ROLES = frozenset({"radio", "checkbox", "option", "menuitemradio", "menuitemcheckbox", "switch"})
_FIRST_PERSON = re.compile(r"^(?:i|i'm|i've|i'd|i'll|ich|je|j'|my|mein\w*|mon|ma|mes)\b", re.IGNORECASE)


def _customers_reason(item: Snippet, answers: frozenset[str]) -> bool:
    """An answer the customer may pick (a radio, checkbox or option, or the label of one; ``answers`` are the
    page's answer labels) worded as the customer speaking: a reason for leaving, not the company's offer."""
    if not _FIRST_PERSON.match(item.text.translate(_PLAIN)):
        return False
    return item.element.role in ANSWER_ROLES if item.element is not None else item.text in answers


def _bare(item: Snippet, matches: list[LexMatch]) -> bool:
    """A text block that is one offer word and nothing else ("Gratuite" as the value of "Formule", a "Free"
    badge) names a plan or a tier; on its own it offers nothing to stay (a button "Pausieren" still does)."""
    words = item.text.strip(" .,:;!*()[]").split()
    return item.source == "text" and len(words) == 1 and all(m.text.strip().lower() == words[0].lower() for m in matches)


def _tagged(lex: Lexicon, text: str, lang: str) -> dict[str, list[LexMatch]]:
    """The matches of ``text`` by tag, sentence by sentence, without those of a negated sentence."""
    found: dict[str, list[LexMatch]] = {}
    for sentence in _SENTENCE.split(text.translate(_PLAIN)):
        by_tag: dict[str, list[LexMatch]] = {}
        for match in lex.matches(sentence, lang):
            by_tag.setdefault(tag_of(match) or "offer", []).append(match)
        stay, benefit = by_tag.pop("stay", []), by_tag.pop("benefit", [])
        if stay and benefit:  # "stay on and we'll take a third off", "wenn Sie bleiben, berechnen wir nichts"
            by_tag.setdefault("offer", []).append(min(benefit, key=lambda m: m.start))
        offered = [*by_tag.get("offer", []), *(benefit if stay else [])]
        # a negation inside an offer ("keine Monatsgebühr", "no fee") is the offer, not a denial of it
        if [m for m in by_tag.pop("negation", []) if not any(o.start <= m.start and m.end <= o.end for o in offered)]:
            continue
        for tag, matches in by_tag.items():
            found.setdefault(tag, []).extend(matches)
    return found


def offers(lex: Lexicon, step: StepRecord, lang: str, repeated: frozenset[str] = frozenset()) -> list[tuple[Snippet, LexMatch]]:
    """What the page after ``step`` offers: each snippet with an ``offer`` match, and each text block with an
    amount whose own or neighbouring block says what makes it an offer. The site's furniture offers nothing
    on the way out: controls in its header, navigation, footer or side bars, and ``repeated``, the texts the
    start page showed already (a promo banner on every page). Nor is an answer the customer may pick that speaks
    as the customer ("I'm taking a break from dating" is a reason, not an offer of a break)."""
    answers = frozenset(label(el) for el in visible_elements(step.observation) if el.role in ANSWER_ROLES)
    items = [item for item in snippets(step, chat=False)
             if not (item.element is not None and in_chrome(item.element)) and item.text not in repeated
             and not _customers_reason(item, answers)]
    tags = [_tagged(lex, item.text, lang) for item in items]
    hits = [(item, t["offer"][0]) for item, t in zip(items, tags, strict=True)
            if t.get("offer") and not _bare(item, t["offer"])]
    blocks = [i for i, item in enumerate(items) if item.source == "text"]
    for pos, i in enumerate(blocks):
        if not tags[i].get("price") or tags[i].get("offer"):
            continue
        near = [blocks[j] for j in (pos - 1, pos, pos + 1) if 0 <= j < len(blocks)]
        if any(tags[j].get("cue") for j in near):
            hits.append((items[i], tags[i]["price"][0]))
    # the evidence shown first: what a heading offers, then a paragraph, then a control
    headings = {" ".join(h.text.split()) for h in page_of(step.observation).headings}
    return sorted(hits, key=lambda hit: (hit[0].text not in headings, hit[0].source != "text"))
