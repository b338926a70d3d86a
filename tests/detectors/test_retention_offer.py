"""CX201 retention_offer on hand-built journeys (no browser)."""

from __future__ import annotations

from .judged import judged
from .pages import ACCOUNT, DONE_EN, el, journey, page, run, step


def test_retention_two_offer_screens_fail_and_count_screens():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), element=el("Cancel")),
        step(2, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), "screenshot"),
        step(3, page("Freeze your subscription for a while?", view="/c/freeze|Freeze"), element=el("No")),
        step(4, DONE_EN, element=el("Cancel")),
    ])
    d = run("retention_offer", j)
    assert d.score == 0 and d.value == 2
    assert [e.step for e in d.evidence] == [1, 3]
    assert "30% off" in d.evidence[0].words and d.evidence[0].screenshot_step == 1


def test_retention_one_screen_is_partial_in_german():
    j = journey("cancel", [step(0, page("Mein Vertrag", lang="de", view="/v|V"), "goto"),
                           step(1, page("Ehe Sie gehen: 6 Monate kostenlos weiter surfen", lang="de", view="/o|O")),
                           step(2, page("Kündigung eingegangen", lang="de", view="/d|D"))])
    d = run("retention_offer", j)
    assert d.score == 0.5 and d.value == 1


def test_retention_ignores_start_page_price_and_success_page():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, ACCOUNT, "dismiss", element=el("Accept all")),  # same view as the start
        step(2, page("Cancel your membership?", "It ends on 2 December 2026.", view="/c|Cancel")),
        step(3, page("Cancelled. Come back any time and get 50% off your first month", view="/done|Done")),
    ])
    d = run("retention_offer", j)
    assert d.score == 1 and d.value == 0


def test_retention_not_applicable_to_contact():
    assert judged("retention_offer", journey("contact_support", [step(0, ACCOUNT, "goto")])).status == "not_applicable"
