"""CX404 wait_time_notice on hand-built journeys (no browser), and the stated times it reads."""

from __future__ import annotations

import pytest

from cxaudit.judge.detectors.wait_time_notice import stated_minutes
from cxaudit.results.model import ChatTranscript, ChatTurn

from .pages import journey, page, run, step


@pytest.mark.parametrize(("text", "minutes"), [("about 90 minutes", 90), ("1,5 Stunden", 90), ("20–30 min", 30),
                                               ("2 hrs", 120), ("10 bis 15 Minuten", 15), ("no time", None)])
def test_stated_minutes(text, minutes):
    assert stated_minutes(text) == minutes


def test_wait_time_long_fails_with_value():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Phone", "Current hold time is roughly 2 hours"))], outcome="blocked")
    d = run("wait_time_notice", j)
    assert d.score == 0 and d.value == 120 and d.evidence[0].step == 1


def test_wait_time_medium_is_partial_and_short_passes():
    mid = journey("contact_support", [step(0, page("Wartezeit: etwa 5 Min.", lang="de"), "goto")])
    short = journey("contact_support", [step(0, page("Average wait: 2 minutes"), "goto")])
    assert run("wait_time_notice", mid).score == 0.5
    assert run("wait_time_notice", short).score == 1 and run("wait_time_notice", short).value == 2


def test_wait_time_ignores_reply_promises_and_hours():
    j = journey("contact_support", [step(0, page("We reply within 24 hours", "Mon–Fri 8am to 8pm"), "goto")])
    d = run("wait_time_notice", j)
    assert d.score == 1 and d.value is None


def test_wait_time_in_chat_reply():
    chat = ChatTranscript(turns=[ChatTurn(sent="agent", replies=["All agents are busy, expected wait 25 minutes."],
                                          wait_s=1)])
    j = journey("contact_support", [step(0, page("Help"), "chat", chat=chat)], outcome="blocked")
    assert run("wait_time_notice", j).value == 25
