"""Counting what a customer does (cxaudit/results/counting.py), on recorded steps: a login is its fields and its
submit, an answered browser dialog is 1, a run recorded with the old count (a login 1, a dialog 0) is recounted
when judged, and the cancel/sign-up comparison counts both sides alike."""

from __future__ import annotations

from cxaudit.judge.engine import judge_run
from cxaudit.results.counting import counted, metrics, recount, signup_yardstick
from cxaudit.results.model import FilledValue, JourneyResult, NativeDialog, RunResult, StepRecord


def step(i, kind="click", kinds=None, **kw):
    kinds = {"click": 1} if kinds is None else kinds
    return StepRecord(index=i, type=kind, description=f"step {i}", action_kinds=kinds, actions=sum(kinds.values()),
                      view_key=f"/v{i}|", **kw)


FIELDS = [FilledValue(label="E-Mail", value="a@b.de", characters=6),
          FilledValue(label="Password", type="password", value="••••••", secret=True, characters=8)]


def journey(steps, jid="cancel", goal="cancel", site="shop/hostile", outcome="completed"):
    j = JourneyResult(id=jid, name=jid, goal=goal, site=site, language="en", device="desktop", file="j.yaml",
                      start_url="http://x/", outcome=outcome, steps=[step(0, "goto", {}), *steps])
    j.metrics = metrics(j)
    return j


def test_a_login_is_its_fields_and_its_submit_as_recorded_now():
    login = step(1, "login", {"fill": 2, "click": 1}, filled=FIELDS)
    assert counted(login) == {"fill": 2, "click": 1}
    assert metrics(journey([login])).actions == 3


def test_a_login_recorded_as_one_action_counts_three_when_judged_again():
    old = step(1, "login", {"login": 1}, filled=FIELDS)
    j = journey([step(2), old, step(3)])
    assert counted(old) == {"fill": 2, "click": 1}
    assert j.metrics.actions == 5  # metrics() counts as a new recording would
    j.metrics.actions, j.metrics.action_kinds = 3, {"click": 2, "login": 1}  # as the old recorder saved it
    recount(j)
    assert j.metrics.actions == 5 and j.metrics.action_kinds == {"click": 3, "fill": 2}
    assert old.actions == 3 and old.action_kinds == {"fill": 2, "click": 1}
    recount(j)  # a second judging changes nothing
    assert j.metrics.actions == 5


def test_an_answered_browser_dialog_counts_one_and_old_recordings_are_read_from_their_text():
    answered = step(1, "dialog", {"dialog": 1}, native_dialogs=[NativeDialog(type="confirm", message="Are you sure?",
                                                                             accepted=False, scripted=True)])
    assert counted(answered) == {"dialog": 1}
    old = step(2, "click", {"click": 1}, dialogs=["confirm: Are you sure you want to leave?", "popup: http://x/ad"])
    assert counted(old) == {"click": 1, "dialog": 1}  # the pop-up the recorder closed is not the customer's
    flood = step(3, "click", {"click": 1}, dialogs=["dialog: the page opened more than 20 dialogs; the rest ..."])
    assert counted(flood) == {"click": 1}


def test_a_skipped_dismiss_counts_nothing_and_a_clicked_one_counts_one():
    j = journey([step(1, "dismiss", {"click": 1}), step(2, "dismiss", {}, status="skipped"), step(3)])
    assert j.metrics.actions == 2 and j.metrics.action_kinds == {"click": 2}


def test_cancel_with_a_login_is_compared_with_a_sign_up_form_like_with_like():
    # cancelling: banner, "My account", login (2 fields + submit), "Cancel", "Confirm" = 7
    cancel = journey([step(1, "dismiss"), step(2), step(3, "login", {"login": 1}, filled=FIELDS), step(4), step(5)])
    cancel.metrics.actions, cancel.metrics.action_kinds = 5, {"click": 4, "login": 1}  # the old count
    # signing up: banner, plan, 2 fields, submit = 5
    signup = journey([step(1, "dismiss"), step(2), step(3, "fill", {"fill": 1}), step(4, "fill", {"fill": 1}), step(5)],
                     jid="signup", goal="signup")
    slower = journey([step(i) for i in range(1, 8)], jid="signup-b", goal="signup")
    run = RunResult(run_id="r", started_at="2026-12-01T00:00:00+00:00", journeys=[cancel, signup, slower])
    judge_run(run)
    assert signup_yardstick(run, cancel) is signup
    result = next(c for c in cancel.checks if c.id == "cancel_harder_than_signup")
    assert result.value == 7 / 5 and result.details["cancel_actions"] == 7
    assert result.details["cancel_kinds"] == {"click": 5, "fill": 2} and result.details["signup_kinds"] == {"click": 3, "fill": 2}
    from cxaudit.report.content import sentence

    said = sentence(cancel, run, "en")  # the report's sentence names the same sign-up, counted the same way
    assert said.startswith("Cancelling took 7 actions") and said.endswith("; signing up took 5."), said
