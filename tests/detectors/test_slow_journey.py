"""CX603 slow_journey: customer time on hand-built journeys."""

from __future__ import annotations

from .metrics import journey, run


def test_journey_time_is_customer_time():
    j = journey(actions=3, pages=3, chars=20)  # 4 steps of 0.5 s measured
    d = run("slow_journey", j, {"p10": 20, "median": 60})
    assert d.details["parts_s"] == {"actions": 6.0, "typing": 5.6, "orienting": 15.0, "waiting": 2.0}
    assert d.value == 28.6 and 0.5 < d.score < 0.9
    faster = run("slow_journey", j, {"p10": 20, "median": 60}, seconds_per_page=1)
    assert faster.value == 16.6 and faster.score > 0.9
