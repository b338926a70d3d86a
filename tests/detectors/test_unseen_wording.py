"""The lexicons generalise: they match wording they were not written from (tests/detectors/unseen_wording.yaml)
and leave near misses alone. The phrases must appear neither in the friction catalogue nor in the demo site,
so the file stays honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cxaudit.judge.clauses import offers_online, redirects, shaming
from cxaudit.judge.lexicon import load_lexicons

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = yaml.safe_load((Path(__file__).parent / "unseen_wording.yaml").read_text(encoding="utf-8"))
# the steering repo's shared/ sits beside the checkout (as in CI); without it only the demo site is checked
CATALOGUE = ROOT.parent / "shared" / "friction-catalogue.md"
LEXICONS = load_lexicons([ROOT / "checks"])
TAG = re.compile(r"\(\?P<(\w+)>")


def _offered(lang: str, text: str) -> bool:
    """retention_offer's lexicon is read by tag (an offer, or an amount with a cue, never negated): judge a
    phrase the way its detector reads a page that shows it."""
    from cxaudit.judge.detectors._offers import offers

    from .pages import page, step

    return bool(offers(LEXICONS["retention_offer"], step(1, page(text, lang=lang)), lang))


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _corpus() -> str:
    parts = [CATALOGUE.read_text(encoding="utf-8")] if CATALOGUE.is_file() else []
    for path in sorted((ROOT / "cxaudit" / "demo").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".js", ".css", ".json", ".txt", ".md"):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((ROOT / "journeys" / "demo").glob("*")):
        parts.append(path.read_text(encoding="utf-8"))
    return _fold("\n".join(parts))


CORPUS = _corpus()


def _redirect(lexicon, text, lang):
    return [] if offers_online(lexicon, [text], lang) else [m for _, m in redirects(lexicon, text, lang)]


# lexicons whose patterns are parts of a clause (cxaudit/judge/clauses.py): judged by their matcher, as the
# detector judges them; the others by their patterns' matches
STRUCTURED = {"confirmshaming": lambda lex, text, lang: [m for m in [shaming(lex, text, lang)] if m],
              "channel_redirect": _redirect}


def matches(lexicon: str, text: str, lang: str):
    judge = STRUCTURED.get(lexicon)
    return judge(LEXICONS[lexicon], text, lang) if judge else LEXICONS[lexicon].matches(text, lang)


def _cases(kind: str):
    for lexicon, langs in UNSEEN.items():
        for lang, sets in langs.items():
            for item in sets.get(kind, []):
                text, tag = (item["text"], item.get("tag")) if isinstance(item, dict) else (item, None)
                yield pytest.param(lexicon, lang, text, tag, id=f"{lexicon}-{lang}-{text[:40]}")


def test_enough_phrases_per_lexicon_and_language():
    for lexicon, langs in UNSEEN.items():
        for lang in ("en", "de"):
            assert len(langs[lang]["positive"]) >= 6, (lexicon, lang)
            assert len(langs[lang]["negative"]) >= 4, (lexicon, lang)


@pytest.mark.parametrize(("lexicon", "lang", "text", "tag"), [*_cases("positive"), *_cases("negative")])
def test_phrase_is_unseen(lexicon, lang, text, tag):
    assert _fold(text) not in CORPUS, f"{text!r} appears in the catalogue or the demo site: pick another phrase"


@pytest.mark.parametrize(("lexicon", "lang", "text", "tag"), list(_cases("positive")))
def test_positive_matches(lexicon, lang, text, tag):
    if lexicon == "retention_offer":
        assert _offered(lang, text), f"{lexicon}/{lang} misses {text!r}"
        return
    found = matches(lexicon, text, lang)
    assert found, f"{lexicon}/{lang} misses {text!r}"
    if tag:
        tags = {t for m in found for t in TAG.findall(m.pattern)[:1]}
        assert tag in tags, f"{lexicon}/{lang}: {text!r} matched {tags}, expected {tag}"


@pytest.mark.parametrize(("lexicon", "lang", "text", "tag"), list(_cases("negative")))
def test_negative_does_not_match(lexicon, lang, text, tag):
    if lexicon == "retention_offer":
        assert not _offered(lang, text), f"{lexicon}/{lang} wrongly offers {text!r}"
        return
    found = matches(lexicon, text, lang)
    assert not found, f"{lexicon}/{lang} wrongly matches {text!r}: {[m.text for m in found]}"
