"""CX602 too_many_pages on hand-built journeys."""

from __future__ import annotations

from .metrics import journey, run


def test_page_count_lists_views():
    d = run("too_many_pages", journey(actions=3, pages=4), {"p10": 3, "median": 4})
    assert d.value == 4 and d.score == 0.5 and len(d.details["views"]) == 4


def test_pages_not_applicable_when_the_goal_was_not_reached():
    assert run("too_many_pages", journey(outcome="error"), {"p10": 3, "median": 4}).score is None
