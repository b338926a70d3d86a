"""CX105 channel_redirect on hand-built journeys (no browser)."""

from __future__ import annotations

from .pages import journey, page, run, step


def test_redirect_blocked_with_phone_and_address():
    j = journey("cancel", [step(0, page("Mein Abo", lang="de"), "goto"),
                           step(1, page("Eine Kündigung ist nur telefonisch möglich: 030 1234567 oder per Brief an "
                                        "Musterweg 4, 12345 Berlin.", lang="de"))], outcome="blocked")
    d = run("channel_redirect", j)
    assert d.score == 0 and d.evidence[0].step == 1
    assert "030 1234567" in d.details["contact_points"]
    assert any("12345 Berlin" in p for p in d.details["contact_points"])


def test_redirect_wording_but_completed_online_is_partial():
    j = journey("cancel", [step(0, page("Account"), "goto"),
                           step(1, page("Subscriptions cannot be cancelled online, please call 0800 555 1234"))])
    assert run("channel_redirect", j).score == 0.5


def test_footer_phone_is_not_a_redirect():
    j = journey("cancel", [step(0, page("Questions? Call 0800 001 0000"), "goto"),
                           step(1, page("Your membership has been cancelled.", "Questions? Call 0800 001 0000"))])
    assert run("channel_redirect", j).score == 1
