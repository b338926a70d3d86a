"""CX601 too_many_actions on hand-built journeys."""

from __future__ import annotations

from .metrics import journey, run


def test_action_count_scores_on_the_curve():
    d = run("too_many_actions", journey(actions=7), {"p10": 2, "median": 7})
    assert d.value == 7 and d.score == 0.5
    assert run("too_many_actions", journey(actions=2), {"p10": 2, "median": 7}).score == 0.9
    assert len(d.details["steps"]) == 7


def test_actions_not_applicable_when_the_goal_was_not_reached():
    d = run("too_many_actions", journey(actions=2, outcome="blocked"), {"p10": 2, "median": 7})
    assert d.score is None and d.value == 2 and "not reached" in d.details["reason"]
