"""CX605 cancel_harder_than_signup: cancel vs sign-up on hand-built runs."""

from __future__ import annotations

from cxaudit.results.model import RunResult

from .judged import judged
from .metrics import journey, run


def test_cancel_signup_ratio_uses_the_same_site_and_the_easiest_signup():
    cancel = journey("c", actions=12, pages=7)
    signups = [journey("s1", goal="signup", actions=5, pages=3), journey("s2", goal="signup", actions=8, pages=4),
               journey("other", goal="signup", site="shop/clean", actions=2), journey("s3", goal="signup", actions=1, outcome="error")]
    rr = RunResult(run_id="r", started_at="", journeys=[cancel, *signups])
    d = run("cancel_harder_than_signup", cancel, {"p10": 1.0, "median": 2.0}, run_result=rr)
    assert d.value == 2.4 and d.score < 0.5 and d.details["signup_journey"] == "s1"
    assert "12 actions over 7 pages" in d.evidence[0].note.text()


def test_cancel_signup_not_applicable_cases():
    cancel = journey("c", actions=3)
    assert run("cancel_harder_than_signup", cancel, {"p10": 1.0, "median": 2.0}).score is None  # no run
    lonely = RunResult(run_id="r", started_at="", journeys=[cancel])
    assert run("cancel_harder_than_signup", cancel, {"p10": 1.0, "median": 2.0}, run_result=lonely).score is None
    sign = journey("s", goal="signup", actions=5)
    rr = RunResult(run_id="r", started_at="", journeys=[cancel, sign])
    assert run("cancel_harder_than_signup", cancel, {"p10": 1.0, "median": 2.0}, run_result=rr).score > 0.9
    assert judged("cancel_harder_than_signup", sign, rr).status == "not_applicable"
