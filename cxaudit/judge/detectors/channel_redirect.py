"""CX105 channel_redirect: wording that sends the customer to phone, post, branch or chat instead of online."""

from __future__ import annotations

from cxaudit.judge.clauses import offers_online, redirects, rules_out_online
from cxaudit.judge.detectors._wording import Snippet, evidence, find, labelled_identifier, page_language, snippets, tag_of
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


def _contact_points(ctx: DetectorContext, journey: JourneyResult, step, lang: str) -> list[str]:
    points: list[str] = []
    texts = snippets(step, elements=False, chat=False)
    for item, match in find(ctx.lexicon("contact_channels"), texts, lang):
        if tag_of(match) == "phone" and sum(c.isdigit() for c in match.text) >= 6 \
                and not labelled_identifier(item.text, match.start):
            points.append(match.text)
    for _, match in find(ctx.lexicon("postal_address"), texts, lang):
        points.append(match.text.strip(" ,·"))
    return list(dict.fromkeys(points))


@detector("channel_redirect")
def channel_redirect(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """The goal is not reachable online: a sentence that sends the customer to phone, post, branch or chat to
    reach it, on a page that offers no online way, or one that says the site cannot do it, whatever else the
    page explains (every text is judged whole, sentence by sentence)."""
    lex = ctx.lexicon("channel_redirect")
    items: list[Evidence] = []
    points: list[str] = []
    for step in journey.steps:
        if not step.observation:
            continue
        lang = page_language(ctx, journey, step)
        texts = snippets(step, elements=False, chat=True)
        online = offers_online(lex, [t.text for t in texts], lang)
        hits = [(Snippet(t.step, sentence, t.source, t.box, t.element), match)
                for t in texts for sentence, match in redirects(lex, t.text, lang)
                if not online or rules_out_online(lex, sentence, lang)]
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
