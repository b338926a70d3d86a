"""Effort metrics and the log-normal curve on hand-built journeys."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import cxaudit.judge.detectors.effort  # noqa: F401 - registers the detectors
from cxaudit.judge.detectors.base import REGISTRY, DetectorContext
from cxaudit.judge.detectors.effort import curve_of
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.judge.scoring import log_normal_score
from cxaudit.results.model import ChatTranscript, ChatTurn, JourneyMetrics, JourneyResult, RunResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])


def journey(jid="j", goal="cancel", site="shop/hostile", actions=7, pages=6, chars=0, outcome="completed", steps=None, **m):
    steps = steps or [StepRecord(index=i, type="click", description=f"step {i}", actions=1 if i else 0, duration_s=0.5,
                                 view_key=f"/v{i}|") for i in range(actions + 1)]
    return JourneyResult(id=jid, name=jid, goal=goal, site=site, language="en", device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps,
                         metrics=JourneyMetrics(actions=actions, pages=pages, characters_typed=chars, **m))


def run(name, j, curve=None, run_result=None, **params):
    if curve:
        params["curve"] = curve
    return REGISTRY[name](j, DetectorContext(params=params, lexicons=LEX, run=run_result))


# ------------------------------------------------------------------ curve (Lighthouse's tests)
def test_log_normal_matches_lighthouse_control_points():
    p10, median = 3785, 7300
    assert log_normal_score(7300, p10, median) == 0.5
    assert log_normal_score(3785, p10, median) == 0.9
    assert log_normal_score(0, p10, median) == 1
    for value, expected in [(1000, 1.0), (2500, 0.98), (5000, 0.77), (7500, 0.48), (10000, 0.27), (30000, 0.0)]:
        assert log_normal_score(value, p10, median) == pytest.approx(expected, abs=0.01)
    assert log_normal_score(1_000_000, p10, median) == 0


@pytest.mark.parametrize("p10,median", [(200, 600), (3387, 5800), (0.1, 0.25), (28 * 1024, 128 * 1024), (2, 7), (1.0, 2.0)])
def test_log_normal_bands(p10, median):
    assert log_normal_score(math.nextafter(p10, 0), p10, median) >= 0.9
    assert log_normal_score(p10, p10, median) == 0.9
    assert log_normal_score(math.nextafter(p10, math.inf), p10, median) < 0.9
    assert log_normal_score(median, p10, median) == 0.5
    assert log_normal_score(math.nextafter(median, math.inf), p10, median) < 0.5
    assert log_normal_score(-5, p10, median) == 1
    assert log_normal_score(1e300, p10, median) >= 0


def test_log_normal_rejects_bad_parameters():
    for p10, median in [(500, 500), (1000, 500), (0, 5), (5, 0)]:
        with pytest.raises(ValueError):
            log_normal_score(1, p10, median)


def test_curve_of_accepts_mapping_model_or_default():
    from cxaudit.judge.catalogue import Curve

    assert curve_of({"curve": {"p10": 2, "median": 7}}) == (2, 7)
    assert curve_of({"curve": Curve(p10=1, median=3)}) == (1, 3)
    assert curve_of({}, (3, 4)) == (3, 4)
    with pytest.raises(KeyError):
        curve_of({})


# ------------------------------------------------------------------ actions, pages, time
def test_action_count_scores_on_the_curve():
    d = run("action_count", journey(actions=7), {"p10": 2, "median": 7})
    assert d.value == 7 and d.score == 0.5
    assert run("action_count", journey(actions=2), {"p10": 2, "median": 7}).score == 0.9
    assert len(d.details["steps"]) == 7


def test_effort_not_applicable_when_the_goal_was_not_reached():
    d = run("action_count", journey(actions=2, outcome="blocked"), {"p10": 2, "median": 7})
    assert d.score is None and d.value == 2 and "not reached" in d.details["reason"]
    assert run("page_count", journey(outcome="error"), {"p10": 3, "median": 4}).score is None


def test_page_count_lists_views():
    d = run("page_count", journey(actions=3, pages=4), {"p10": 3, "median": 4})
    assert d.value == 4 and d.score == 0.5 and len(d.details["views"]) == 4


def test_journey_time_is_customer_time():
    j = journey(actions=3, pages=3, chars=20)  # 4 steps of 0.5 s measured
    d = run("journey_time", j, {"p10": 20, "median": 60})
    assert d.details["parts_s"] == {"actions": 6.0, "typing": 5.6, "orienting": 15.0, "waiting": 2.0}
    assert d.value == 28.6 and 0.5 < d.score < 0.9
    faster = run("journey_time", j, {"p10": 20, "median": 60}, seconds_per_page=1)
    assert faster.value == 16.6 and faster.score > 0.9


# ------------------------------------------------------------------ chat turns to a person
def chat_journey(replies, success=False, sent=None):
    sent = sent or [f"m{i}" for i in range(len(replies))]
    chat = ChatTranscript(turns=[ChatTurn(sent=m, replies=[r], wait_s=0.3) for m, r in zip(sent, replies, strict=True)],
                          success=success)
    steps = [StepRecord(index=0, type="goto", description="open"),
             StepRecord(index=1, type="chat", description="chat", chat=chat, actions=len(replies) + 1)]
    return journey(goal="contact_support", steps=steps)


def test_turns_to_human_counted_from_the_start_without_a_request():
    d = run("chat_turns_to_human", chat_journey(["Hello", "Let me see", "Anna has joined the chat."]), {"p10": 1, "median": 3})
    assert d.value == 3 and d.score == 0.5 and d.evidence[0].words == "has joined the chat"
    assert run("chat_turns_to_human", chat_journey(["I am connecting you to an agent"]), {"p10": 1, "median": 3}).score == 0.9


def test_turns_to_human_counted_from_the_request():
    replies = ["Tracking says delivered.", "It was left at the door.", "Anna has joined the chat."]
    at_once = chat_journey(replies, sent=["where is it", "not there", "a human please"])
    d = run("chat_turns_to_human", at_once, {"p10": 1, "median": 3})
    assert d.value == 1 and d.score == 0.9 and d.details["turns_total"] == 3
    slow = chat_journey(["Please describe the issue.", "Please describe the issue.", "Anna has joined the chat."],
                        sent=["I want to speak to an agent", "an agent!", "agent"])
    assert run("chat_turns_to_human", slow, {"p10": 1, "median": 3}).value == 3


def test_no_handoff_scores_zero_unless_the_bot_solved_it():
    d = run("chat_turns_to_human", chat_journey(["Hello", "Delivered."]), {"p10": 1, "median": 3})
    assert d.score == 0 and d.value is None and d.details["turns_sent"] == 2
    assert run("chat_turns_to_human", chat_journey(["Refund started."], success=True), {"p10": 1, "median": 3}).score is None
    asked = chat_journey(["Delivered."], success=True, sent=["a human please"])
    assert run("chat_turns_to_human", asked, {"p10": 1, "median": 3}).score == 0
    assert run("chat_turns_to_human", journey(goal="contact_support"), {"p10": 1, "median": 3}).score is None


# ------------------------------------------------------------------ cancel vs sign-up
def test_cancel_signup_ratio_uses_the_same_site_and_the_easiest_signup():
    cancel = journey("c", actions=12, pages=7)
    signups = [journey("s1", goal="signup", actions=5, pages=3), journey("s2", goal="signup", actions=8, pages=4),
               journey("other", goal="signup", site="shop/clean", actions=2), journey("s3", goal="signup", actions=1, outcome="error")]
    rr = RunResult(run_id="r", started_at="", journeys=[cancel, *signups])
    d = run("cancel_signup_asymmetry", cancel, {"p10": 1.0, "median": 2.0}, run_result=rr)
    assert d.value == 2.4 and d.score < 0.5 and d.details["signup_journey"] == "s1"
    assert "12 actions over 7 pages" in d.evidence[0].note.text()


def test_cancel_signup_not_applicable_cases():
    cancel = journey("c", actions=3)
    assert run("cancel_signup_asymmetry", cancel, {"p10": 1.0, "median": 2.0}).score is None  # no run
    lonely = RunResult(run_id="r", started_at="", journeys=[cancel])
    assert run("cancel_signup_asymmetry", cancel, {"p10": 1.0, "median": 2.0}, run_result=lonely).score is None
    sign = journey("s", goal="signup", actions=5)
    rr = RunResult(run_id="r", started_at="", journeys=[cancel, sign])
    assert run("cancel_signup_asymmetry", cancel, {"p10": 1.0, "median": 2.0}, run_result=rr).score > 0.9
    assert run("cancel_signup_asymmetry", sign, {"p10": 1.0, "median": 2.0}, run_result=rr).score is None
