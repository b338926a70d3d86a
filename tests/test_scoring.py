"""The score model: Lighthouse's log-normal curve, weights, caps and grades."""

from __future__ import annotations

import pytest

from cxaudit.judge.scoring import BLOCKED_CAP, grade, journey_score, log_normal_score, site_scores, status_for
from cxaudit.results.model import CheckResult, JourneyResult, RunResult


@pytest.mark.parametrize(("value", "expected"), [(7, 0.5), (2, 0.9)])
def test_control_points(value, expected):
    assert log_normal_score(value, p10=2, median=7) == pytest.approx(expected)


def test_curve_is_monotonic_and_bounded():
    scores = [log_normal_score(v, 2, 7) for v in (0, 1, 2, 3, 5, 7, 10, 14, 30, 100)]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1 and 0 <= scores[-1] < 0.05


def test_curve_rejects_bad_control_points():
    with pytest.raises(ValueError):
        log_normal_score(3, p10=7, median=2)


def check(cid, score, weight=3.0, kind="blocker", category="obstruction"):
    return CheckResult(id=cid, code="CX999", kind=kind, category=category, severity="medium", weight=weight,
                       status=status_for(kind, score), score=score)


def journey(outcome="completed", goal="cancel", checks=(), site="s", jid="j"):
    return JourneyResult(id=jid, name=jid, goal=goal, site=site, language="en", device="desktop", file="f",
                         start_url="http://x", outcome=outcome, checks=list(checks))


def test_weighted_mean_and_categories():
    j = journey(checks=[check("a", 1.0, 6), check("b", 0.0, 3, category="nagging"), check("c", None, 10)])
    s = journey_score(j)
    assert s.score == pytest.approx(66.7, abs=0.05) and s.grade == "C"
    assert s.by_category == {"obstruction": 100.0, "nagging": 0.0}
    assert s.checks_failed == 1


def test_blocked_goal_is_capped_and_error_is_not_scored():
    blocked = journey_score(journey("blocked", checks=[check("a", 1.0)]))
    assert blocked.score == BLOCKED_CAP and blocked.capped and blocked.grade == "F"
    erred = journey_score(journey("error", checks=[check("a", 1.0)]))
    assert erred.score is None and "error" in erred.reason


def test_status_bands():
    assert [status_for("metric", s) for s in (0.95, 0.7, 0.2, None)] == ["pass", "warn", "fail", "not_applicable"]
    # a blocker's partial finding warns, as its check's description says ("two are a partial finding")
    assert [status_for("blocker", s) for s in (1.0, 0.7, 0.5, 0.3, 0.0)] == ["pass", "warn", "warn", "fail", "fail"]
    assert status_for("blocker", 0.7, partial="fail") == "fail" and status_for("metric", 0.7, partial="fail") == "warn"
    assert status_for("info", 0.0) == "info"


def test_grades():
    assert [grade(s) for s in (100, 90, 89.9, 75, 60, 40, 39.9, None)] == ["A", "A", "B", "B", "C", "D", "F", None]


def test_site_score_leaves_the_signup_yardstick_out():
    cancel = journey(jid="c", checks=[check("a", 0.5)])
    signup = journey(jid="s", goal="signup", checks=[check("a", 1.0)])
    for j in (cancel, signup):
        j.score = journey_score(j)
    run = RunResult(run_id="r", started_at="now", journeys=[cancel, signup])
    (site,) = site_scores(run)
    assert site.score == 50 and site.journeys == ["c", "s"]
