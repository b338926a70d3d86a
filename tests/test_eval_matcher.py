"""The held-out evaluation's matcher (eval/matcher.py) on hand-made results and truth; no browser."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("eval_matcher", Path(__file__).parent.parent / "eval" / "matcher.py")
matcher = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = matcher  # dataclasses look their module up there
SPEC.loader.exec_module(matcher)


def check(cid, status, *steps):
    return {"id": cid, "status": status, "findings": [{"check": cid, "step": s, "note": f"{cid}@{s}"} for s in steps]}


def journey(file, outcome="completed", actions=5, pages=3, checks=()):
    return {"file": f"eval/journeys/{file}.yaml", "outcome": outcome,
            "metrics": {"actions": actions, "pages": pages}, "checks": list(checks)}


def truth(*findings, outcome="completed", actions=5, pages=3, control=False):
    return {"outcome": outcome, "control": control, "path": {"actions": actions, "pages": pages},
            "findings": [{"check": c, "step": s, "why": "because"} for c, s in findings]}


def test_a_finding_at_the_truths_step_is_a_true_positive():
    m = matcher.match_journey("a", journey("a", checks=[check("misleading_button_label", "fail", 6)]),
                              truth(("misleading_button_label", 6)))
    assert [(f.check, f.step) for f in m.tp] == [("misleading_button_label", 6)]
    assert m.fp == [] and m.fn == []
    assert m.outcome_right and m.actions_right and m.pages_right


def test_a_finding_at_another_step_is_a_false_positive_and_the_truth_stays_missed():
    m = matcher.match_journey("a", journey("a", checks=[check("hidden_cancel_link", "fail", 1)]),
                              truth(("hidden_cancel_link", 3)))
    assert m.tp == []
    assert [(f.check, f.step) for f in m.fp] == [("hidden_cancel_link", 1)]
    assert [(f.check, f.step) for f in m.fn] == [("hidden_cancel_link", 3)]
    assert m.fn[0].note.startswith("misplaced: found at step(s) 1")
    assert m.check_tp == ["hidden_cancel_link"] and m.check_fp == [] and m.check_fn == []


def test_journey_level_truth_absorbs_evidence_at_any_step():
    m = matcher.match_journey("a", journey("a", checks=[check("retention_offer", "fail", 6, 7)]),
                              truth(("retention_offer", None)))
    assert len(m.tp) == 1 and m.tp[0].step is None
    assert m.fp == [] and m.fn == []


def test_each_step_of_an_unexpected_failure_is_a_false_positive_and_warns_are_not_findings():
    m = matcher.match_journey("a", journey("a", checks=[check("visual_misdirection", "fail", 2, 4),
                                                        check("too_many_actions", "warn"),
                                                        check("login_wall", "pass")]),
                              truth())
    assert sorted((f.check, f.step) for f in m.fp) == [("visual_misdirection", 2), ("visual_misdirection", 4)]
    assert m.warns == ["too_many_actions"]
    assert m.check_fp == ["visual_misdirection"]


def test_step_truth_entries_are_matched_one_by_one():
    m = matcher.match_journey("a", journey("a", checks=[check("visual_misdirection", "fail", 6, 8, 9)]),
                              truth(("visual_misdirection", 6), ("visual_misdirection", 7), ("visual_misdirection", 8)))
    assert sorted(f.step for f in m.tp) == [6, 8]
    assert [f.step for f in m.fn] == [7]
    assert [f.step for f in m.fp] == [9]


def test_journey_level_evidence_matches_one_step_truth_entry_unchecked():
    m = matcher.match_journey("a", journey("a", checks=[{"id": "channel_redirect", "status": "fail", "findings": []}]),
                              truth(("channel_redirect", 4)))
    assert len(m.tp) == 1 and m.tp[0].note.startswith("step_unchecked")
    assert m.fp == [] and m.fn == []


def test_a_missing_journey_misses_everything():
    m = matcher.match_journey("gone", None, truth(("channel_redirect", None), outcome="blocked"))
    assert m.outcome == "missing" and not m.outcome_right
    assert m.actions is None and not m.actions_right
    assert [f.check for f in m.fn] == ["channel_redirect"]


def test_wrong_outcome_and_counts_are_reported():
    m = matcher.match_journey("a", journey("a", outcome="error", actions=8, pages=5), truth(actions=10, pages=7))
    assert not m.outcome_right and not m.actions_right and not m.pages_right


def test_totals_and_the_controls():
    results = {"journeys": [
        journey("hostile", checks=[check("retention_offer", "fail", 3), check("confirmshaming", "fail", 5)]),
        journey("clean", checks=[check("login_wall", "fail", 1), check("too_many_actions", "warn")]),
    ]}
    truths = {"hostile": truth(("retention_offer", None), ("too_many_pages", None)),
              "clean": truth(control=True),
              "absent": truth(("channel_redirect", 2), outcome="blocked")}
    matches = matcher.match_run(results, truths)
    assert [m.name for m in matches] == ["absent", "clean", "hostile"]
    t = matcher.totals(matches)
    assert (t["tp"], t["fp"], t["fn"]) == (1, 2, 2)
    assert t["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert t["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert t["outcomes_right"] == 2 and t["journeys"] == 3
    assert t["control_findings"] == [{"journey": "clean", "check": "login_wall", "step": 1, "note": "login_wall@1"}]
    assert t["control_warns"] == [{"journey": "clean", "check": "too_many_actions"}]
    assert t["check_level"] == {"tp": 1, "fp": 2, "fn": 2, "recall": pytest.approx(0.333, abs=1e-3),
                                "precision": pytest.approx(0.333, abs=1e-3)}


def test_no_findings_and_no_truth_gives_no_ratio():
    t = matcher.totals([matcher.match_journey("c", journey("c"), truth(control=True))])
    assert t["recall"] is None and t["precision"] is None
    assert t["control_findings"] == []


def test_journeys_are_keyed_by_their_file_stem():
    assert matcher.journey_key({"file": "/x/eval/journeys/himmelblick.yaml", "id": "other"}) == "himmelblick"
