"""The structural, chat, effort and accessibility checks on the real demo run: each fires on its hostile demo
journey at the step where the customer meets it, with the evidence a client would see, and stays quiet on the
clean twins and the sign-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxaudit.judge.catalogue import load_catalogue
from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.observation import AxeError, AxeSkipped

pytestmark = pytest.mark.browser

CHECKS = Path(__file__).resolve().parents[1] / "checks"
SPECS = {s.id: s for s in load_catalogue([CHECKS])}
LEX = load_lexicons([CHECKS])
REGISTRY = load_detectors()
BLOCKERS = ["mandatory_exit_survey", "login_wall", "repeated_data_entry", "cookie_wall", "visual_misdirection",
            "hidden_cancel_link", "chatbot_loop", "no_human_handoff"]
METRICS = ["too_many_actions", "too_many_pages", "slow_journey", "slow_human_handoff", "cancel_harder_than_signup"]
# frictions a sign-up journey shows on purpose (journeys/demo/README.md)
SIGNUP_FRICTIONS = {("funknetz-signup-hostile", "cookie_wall")}


def detect(demo_run, check_id, journey_id):
    run = demo_run[0]
    spec = SPECS[check_id]
    params = dict(spec.params)
    if spec.curve is not None:
        params["curve"] = spec.curve.model_dump()
    ctx = DetectorContext(params=params, lexicons=LEX, run=run)
    return REGISTRY[spec.detector](run.journey(journey_id), ctx)


def step_of(demo_run, journey_id, index):
    return demo_run[0].journey(journey_id).steps[index]


# ------------------------------------------------------------------ blockers fire where the customer meets them
@pytest.mark.parametrize("jid,index,words", [
    ("streamline-cancel-hostile", 6, "Please tell us why you are leaving"),
    ("funknetz-cancel-hostile", 7, "Kündigungsgrund"),
    ("kontofix-uninstall-hostile", 1, "Warum möchten Sie KontoFix deinstallieren?"),
])
def test_mandatory_exit_survey(demo_run, jid, index, words):
    d = detect(demo_run, "mandatory_exit_survey", jid)
    assert d.score == 0.0
    (ev,) = d.evidence
    assert ev.step == index and ev.screenshot_step == index - 1 and words in ev.words
    assert ev.box == step_of(demo_run, jid, index).gate.proceed_element.box
    assert "did not lead on without an answer" in ev.note.text()


def test_exit_survey_optional_on_the_clean_uninstall(demo_run):
    d = detect(demo_run, "mandatory_exit_survey", "kontofix-uninstall-clean")
    assert d.score == 1.0 and "optional" in d.evidence[0].note.text()


def test_login_wall(demo_run):
    d = detect(demo_run, "login_wall", "funknetz-cancel-hostile")
    assert d.score == 0.0
    # one wall, one finding: the login step, not also the login page the footer link led to before it
    assert [e.step for e in d.evidence] == [3]
    (login,) = d.evidence
    assert login.data["login_step"] and login.screenshot_step == 2
    assert login.box == step_of(demo_run, "funknetz-cancel-hostile", 3).element.box


def test_repeated_data_entry(demo_run):
    d = detect(demo_run, "repeated_data_entry", "funknetz-cancel-hostile")
    assert d.score == 0.0
    (ev,) = d.evidence
    assert ev.step == 8 and ev.data["first_step"] == 4 and ev.words == "Rufnummer: 0171 2345678"
    assert ev.box == step_of(demo_run, "funknetz-cancel-hostile", 8).element.box


@pytest.mark.parametrize("jid", ["funknetz-cancel-hostile", "funknetz-signup-hostile"])
def test_cookie_wall(demo_run, jid):
    d = detect(demo_run, "cookie_wall", jid)
    assert d.score == 0.0
    (ev,) = d.evidence
    dialog = step_of(demo_run, jid, 0).observation.dialogs[0]
    assert ev.step == 0 and ev.box == dialog.box and ev.data["covers"] == 1 and ev.data["consent_wording"]
    assert ev.element.name == "Alle akzeptieren" and "Cookies" in ev.words


def test_visual_misdirection_streamline(demo_run):
    jid = "streamline-cancel-hostile"
    d = detect(demo_run, "visual_misdirection", jid)
    assert d.score == 0.0
    assert [e.step for e in d.evidence] == [4, 5, 7]  # two decline links under big offer buttons, then the grey div
    last = d.evidence[-1]
    assert last.words == "Continue to cancel" and last.screenshot_step == 6
    assert last.box == step_of(demo_run, jid, 7).element.box
    assert last.data["alternative"]["name"] == "Keep my benefits"
    assert "filled vs not filled" in last.note.text() and "contrast 2.5" in last.note.text()


def test_visual_misdirection_funknetz(demo_run):
    d = detect(demo_run, "visual_misdirection", "funknetz-cancel-hostile")
    assert d.score == 0.0 and [e.step for e in d.evidence] == [11]
    assert d.evidence[0].data["alternative"]["name"] == "Rabatt sichern"


def test_hidden_cancel_link_streamline(demo_run):
    jid = "streamline-cancel-hostile"
    d = detect(demo_run, "hidden_cancel_link", jid)
    assert d.score == 0.0
    (ev,) = d.evidence
    el = step_of(demo_run, jid, 2).element
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box == el.box and ev.words == "Cancel membership"
    assert ev.data["font_size"] == 10 and ev.data["contrast"] < 2 and ev.data["sibling_links"] >= 30
    for figure in ("font 10 px vs page median", "32 sibling links", "in the footer", "below the fold"):
        assert figure in ev.note.text()
    assert set(d.details["signals"]) == {"small_font", "low_contrast", "many_siblings", "footer_or_below_fold"}


def test_hidden_cancel_link_funknetz(demo_run):
    d = detect(demo_run, "hidden_cancel_link", "funknetz-cancel-hostile")
    assert 0 < d.score < 0.9  # fails: one of 20 footer links (a plain footer link alone would pass)
    assert d.evidence[0].step == 2 and d.evidence[0].words == "Vertragsservice"
    assert set(d.details["signals"]) == {"many_siblings", "footer_or_below_fold"}


@pytest.mark.parametrize("jid", ["parcelpal-chat-hostile", "paketblitz-chat-hostile"])
def test_chatbot_loop_and_no_handoff(demo_run, jid):
    chat_step = next(s.index for s in demo_run[0].journey(jid).steps if s.chat)
    loop = detect(demo_run, "chatbot_loop", jid)
    assert loop.score == 0.0 and loop.value == 1.0
    assert [e.data["turn"] for e in loop.evidence] == [2, 3, 4] and all(e.step == chat_step for e in loop.evidence)
    assert "12" in loop.evidence[0].words and loop.evidence[0].box is not None
    handoff = detect(demo_run, "no_human_handoff", jid)
    assert handoff.score == 0.0 and handoff.evidence[0].data["asked_turn"] == 4 and handoff.evidence[0].step == chat_step


# ------------------------------------------------------------------ quiet on the clean twins and sign-ups
def quiet_journeys(run):
    return [j for j in run.journeys if j.id.endswith("-clean") or j.goal == "signup"]


def test_blockers_quiet_on_clean_twins_and_signups(demo_run):
    loud = []
    for j in quiet_journeys(demo_run[0]):
        for cid in BLOCKERS:
            if not SPECS[cid].applies_to(j.goal) or (j.id, cid) in SIGNUP_FRICTIONS:
                continue
            d = detect(demo_run, cid, j.id)
            if d.score not in (1.0, None):
                loud.append((j.id, cid, d.score, [e.note.text() for e in d.evidence]))
    assert not loud


def test_chat_checks_pass_on_the_clean_chats(demo_run):
    for jid in ("parcelpal-chat-clean", "paketblitz-chat-clean"):
        assert detect(demo_run, "chatbot_loop", jid).score == 1.0
        assert detect(demo_run, "no_human_handoff", jid).score == 1.0
        handoff = detect(demo_run, "slow_human_handoff", jid)  # asked in message 4, handed over at once
        assert handoff.value == 1 and handoff.score == 0.9 and handoff.details["turns_total"] == 4


# ------------------------------------------------------------------ metrics
def test_metric_values_equal_the_journey_metrics(demo_run):
    for j in demo_run[0].journeys:
        if not SPECS["too_many_actions"].applies_to(j.goal):
            continue
        assert detect(demo_run, "too_many_actions", j.id).value == j.metrics.actions
        assert detect(demo_run, "too_many_pages", j.id).value == j.metrics.pages


@pytest.mark.parametrize("site", ["streamline", "funknetz"])
def test_hostile_cancel_scores_lower_than_clean(demo_run, site):
    for cid in ("too_many_actions", "too_many_pages", "slow_journey", "cancel_harder_than_signup"):
        hostile = detect(demo_run, cid, f"{site}-cancel-hostile")
        clean = detect(demo_run, cid, f"{site}-cancel-clean")
        assert hostile.score < clean.score, cid
        assert hostile.value > clean.value, cid


def test_cancel_harder_than_signup_funknetz(demo_run):
    d = detect(demo_run, "cancel_harder_than_signup", "funknetz-cancel-hostile")
    assert d.value == pytest.approx(14 / 5) and d.details["signup_journey"] == "funknetz-signup-hostile"  # a login is 3
    assert d.score < 0.5
    assert detect(demo_run, "cancel_harder_than_signup", "tagesblatt-cancel-clean").score is None  # no sign-up journey
    assert detect(demo_run, "too_many_actions", "tagesblatt-cancel-hostile").score is None  # goal not reached


def test_slow_human_handoff(demo_run):
    assert detect(demo_run, "slow_human_handoff", "parcelpal-chat-hostile").score == 0.0
    assert detect(demo_run, "slow_human_handoff", "paketblitz-chat-hostile").details["asked_turn"] == 4


# ------------------------------------------------------------------ accessibility
def test_axe_ran_once_per_page_without_errors(demo_run):
    for j in demo_run[0].journeys:
        summaries = [s.observation.axe if s.observation else None for s in j.steps]
        assert all(a is not None for a in summaries), j.id
        assert not [a for a in summaries if isinstance(a, AxeError)], j.id
        assert not isinstance(summaries[0], AxeSkipped)
        assert sum(not isinstance(a, AxeSkipped) for a in summaries) >= j.metrics.pages - 1


def test_axe_finds_the_grey_cancel_link(demo_run):
    axe = step_of(demo_run, "streamline-cancel-hostile", 0).observation.axe
    contrast = next(v for v in axe.violations if v.id == "color-contrast")
    assert contrast.impact == "serious" and "tiny" in contrast.targets[0]  # worst contrast first
    d = detect(demo_run, "accessibility_barriers", "streamline-cancel-hostile")
    assert d.score < 1 and "color-contrast" in d.details["rules"] and d.evidence[0].step == 0


def test_accessibility_on_clean_journeys_is_mostly_clean(demo_run):
    for jid in ("funknetz-cancel-clean", "tagesblatt-cancel-clean", "paketblitz-chat-clean", "funknetz-signup-clean"):
        assert detect(demo_run, "accessibility_barriers", jid).score == 1.0, jid
    for j in quiet_journeys(demo_run[0]):
        d = detect(demo_run, "accessibility_barriers", j.id)
        assert d.details["by_impact"]["critical"] == 0 and len(d.details["rules"]) <= 1, (j.id, d.details["rules"])
