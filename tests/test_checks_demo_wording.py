"""The wording checks on the demo site: each fires on its hostile journey at the right step with the
triggering words, and gives no finding on the clean twins and the sign-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxaudit.judge.catalogue import load_catalogue
from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.jurisdiction import resolve
from cxaudit.judge.language import journey_language_of
from cxaudit.judge.lexicon import load_lexicons

pytestmark = pytest.mark.browser
CHECKS = Path(__file__).resolve().parents[1] / "checks"
LEXICONS = load_lexicons([CHECKS])
SPECS = {s.id: s for s in load_catalogue([CHECKS])}
REGISTRY = load_detectors()
MINE = ("excessive_verification", "channel_redirect", "retention_offer", "premature_rating_prompt", "confirmshaming",
        "limited_contact_channels", "wait_time_notice", "misleading_button_label", "missing_confirmation_details")


def judge(check: str, run, journey_id: str):
    spec = SPECS[check]
    journey = run.journey(journey_id)
    ctx = DetectorContext(params=dict(spec.params), lexicons=LEXICONS, run=run, language_of=journey_language_of,
                          jurisdiction=resolve(journey).code)  # as the engine judges it: German pages are de
    return REGISTRY[spec.detector](journey, ctx)


def words_at(detection, step: int) -> str:
    return " | ".join(e.words for e in detection.evidence if e.step == step)


# (check, hostile journey, clean twin, {step: words expected in that step's evidence})
HOSTILE = [
    ("excessive_verification", "funknetz-cancel-hostile", "funknetz-cancel-clean",
     {5: "Kundenkennwort (PIN)", 6: "erstes Haustier"}),
    ("channel_redirect", "tagesblatt-cancel-hostile", "tagesblatt-cancel-clean", {2: "nur schriftlich per Post"}),
    ("retention_offer", "streamline-cancel-hostile", "streamline-cancel-clean", {2: "50% off", 4: "Pause your membership"}),
    ("retention_offer", "funknetz-cancel-hostile", "funknetz-cancel-clean", {9: "20 % Rabatt"}),
    ("premature_rating_prompt", "parcelpal-contact-hostile", "parcelpal-contact-clean", {1: "How would you rate"}),
    ("premature_rating_prompt", "parcelpal-chat-hostile", "parcelpal-chat-clean",
     {1: "How would you rate", 3: "Was this helpful?"}),
    ("premature_rating_prompt", "paketblitz-chat-hostile", "paketblitz-chat-clean",
     {1: "Wie viele Sterne", 3: "War das hilfreich?"}),
    ("confirmshaming", "streamline-cancel-hostile", "streamline-cancel-clean",
     {4: "No thanks, I'd rather pay full price", 5: "No, I don't want to save money"}),
    ("confirmshaming", "funknetz-cancel-hostile", "funknetz-cancel-clean", {11: "Nein danke, ich zahle lieber mehr"}),
    ("limited_contact_channels", "parcelpal-contact-hostile", "parcelpal-contact-clean", {3: "Call us"}),
    ("wait_time_notice", "parcelpal-contact-hostile", "parcelpal-contact-clean", {3: "about 90 minutes"}),
    ("misleading_button_label", "funknetz-cancel-hostile", "funknetz-cancel-clean",
     {2: "Vertragsservice", 12: "Kündigungsabsicht abschicken"}),
    ("missing_confirmation_details", "streamline-cancel-hostile", "streamline-cancel-clean",
     {7: "Your membership has been cancelled."}),
    ("missing_confirmation_details", "funknetz-cancel-hostile", "funknetz-cancel-clean", {12: "Vielen Dank"}),
]


@pytest.mark.parametrize(("check", "hostile", "clean", "expected"), HOSTILE, ids=[f"{c}-{h}" for c, h, _, _ in HOSTILE])
def test_fires_on_hostile_at_the_right_step_not_on_clean_twin(demo_run, check, hostile, clean, expected):
    run, _ = demo_run
    found = judge(check, run, hostile)
    assert found.score is not None and found.score < 1, (check, hostile, found)
    for step, words in expected.items():
        assert words in words_at(found, step), (check, hostile, step, [(e.step, e.words) for e in found.evidence])
    twin = judge(check, run, clean)
    assert twin.score in (1, None), (check, clean, twin)


def test_specific_figures(demo_run):
    run, _ = demo_run
    assert judge("wait_time_notice", run, "parcelpal-contact-hostile").value == 90
    assert judge("retention_offer", run, "streamline-cancel-hostile").value == 2
    assert judge("limited_contact_channels", run, "parcelpal-contact-clean").details["channels"] == [
        "chat", "email", "form", "phone"]
    redirect = judge("channel_redirect", run, "tagesblatt-cancel-hostile")
    assert redirect.score == 0 and "0800 987 65 43" in redirect.details["contact_points"]
    shaming = judge("confirmshaming", run, "streamline-cancel-hostile")
    assert {e.screenshot_step for e in shaming.evidence} == {3, 4}
    labels = judge("misleading_button_label", run, "funknetz-cancel-hostile")
    assert labels.details["R2"]["label"] == "Vertragsservice" and labels.details["R7"]["ok"] is False
    # judged in de (§ 312k R9): the page confirms the receipt ("eingegangen") but lacks the rest
    assert judge("missing_confirmation_details", run, "funknetz-cancel-hostile").details["missing"] == [
        "date", "time", "save"]


def test_no_finding_on_any_clean_journey_or_sign_up(demo_run):
    run, _ = demo_run
    quiet = [j.id for j in run.journeys if j.id.endswith("-clean") or j.goal == "signup"]
    assert len(quiet) >= 10
    for journey_id in quiet:
        for check in MINE:
            if not SPECS[check].applies_to(run.journey(journey_id).goal):
                continue  # the engine does not call the detector: the check is not applicable (its goals: in YAML)
            found = judge(check, run, journey_id)
            assert found.score in (1, None), (check, journey_id, found.score, [(e.step, e.words) for e in found.evidence])
