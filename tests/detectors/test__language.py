"""The page language the wording checks match their lexicons in."""

from __future__ import annotations

from factories import observation

from cxaudit.judge.language import journey_language_of, page_language
from cxaudit.results.observation import SnapshotError

from .pages import journey, page, step


def test_page_language_order_and_cache():
    german = observation(texts=["Ihre Kündigung ist bei uns eingegangen und wird bearbeitet."])
    assert page_language(german) == "de"
    assert page_language(german) == "de"  # cached
    assert page_language(observation(lang="fr-FR")) == "fr"
    assert page_language(observation(lang="de"), hint="en") == "en"
    assert page_language(observation(texts=["Hi"])) == "unknown"
    assert page_language(None) == "unknown"
    failed = SnapshotError(error="Target page, context or browser has been closed", url="http://x/")
    assert page_language(failed) == "unknown" and page_language(failed, hint="de") == "de"


def test_journey_language_of_uses_step_and_falls_back():
    j = journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, None, "wait_for")])
    assert journey_language_of(j, 0) == "de" and journey_language_of(j, 1) == "de" and journey_language_of(j, None) == "de"
