"""CX501 misleading_button_label (§ 312k BGB R2, R7) on hand-built German journeys."""

from __future__ import annotations

import pytest

from .pages import DONE_EN, el, journey, page, run, step


def _cancel_de(entry: str, confirm: str, outcome="completed"):
    steps = [step(0, page("Start", lang="de", view="/|Start"), "goto"),
             step(1, page("Formular", lang="de", view="/k|K"), element=el(entry, "link")),
             step(2, page("Formular", lang="de", view="/k|K"), "fill", element=el("Name", "textbox")),
             step(3, page("Danke", lang="de", view="/d|D"), element=el(confirm))]
    return journey("cancel", steps if outcome == "completed" else steps[:2], outcome=outcome)


def test_labels_clear_pass():
    d = run("misleading_button_label", _cancel_de("Vertrag hier kündigen", "Kündigung jetzt absenden"))
    assert d.score == 1 and d.details["R2"]["ok"] and d.details["R7"]["ok"]


@pytest.mark.parametrize(("entry", "confirm", "bad"), [
    ("Kundenservice", "Jetzt kündigen", ["R2"]),
    ("Verträge kündigen", "Kündigungswunsch vormerken", ["R7"]),
    ("Mein Bereich", "Fortfahren", ["R2", "R7"]),
])
def test_labels_vague_fail(entry, confirm, bad):
    d = run("misleading_button_label", _cancel_de(entry, confirm))
    assert d.score == 0 and [e.data["rule"] for e in d.evidence] == bad
    assert all(e.screenshot_step == e.step - 1 for e in d.evidence)


def test_labels_blocked_journey_judges_entry_only():
    d = run("misleading_button_label", _cancel_de("Abo kündigen", "-", outcome="blocked"))
    assert d.score == 1 and "R7" not in d.details


def test_labels_not_applicable_on_english_pages():
    j = journey("cancel", [step(0, page("Start"), "goto"), step(1, DONE_EN, element=el("Continue"))])
    assert run("misleading_button_label", j).score is None


def test_the_entry_the_journey_marks_is_the_one_judged():
    """A vague "Mitgliedschaft verwalten" marked entry: true is the entry, not a later "Weiter zur Kündigung"."""
    steps = [step(0, page("Start", lang="de", view="/|Start"), "goto"),
             step(1, page("Pause?", lang="de", view="/p|P"), element=el("Mitgliedschaft verwalten", "link"), entry=True),
             step(2, page("Formular", lang="de", view="/k|K"), element=el("Weiter zur Kündigung", "link")),
             step(3, page("Danke", lang="de", view="/d|D"), element=el("Jetzt kündigen"))]
    d = run("misleading_button_label", journey("cancel", steps))
    assert d.details["R2"] == {"label": "Mitgliedschaft verwalten", "ok": False}
    assert [e.step for e in d.evidence] == [1]
    steps[1].entry = False  # unmarked: the first control that says it cancels
    assert run("misleading_button_label", journey("cancel", steps)).details["R2"]["label"] == "Weiter zur Kündigung"


def test_a_cancel_word_on_an_offer_page_is_the_offers_decline_the_click_that_led_there_is_the_entry():
    """Unmarked, a "Weiter zur Kündigung" under an offer to pause for free declines the offer; the flow began with
    the vague "Mitgliedschaft verwalten" that led to the offer page, and that is the entry R2 judges."""
    offer = page("Pausieren statt kündigen", "Pausieren Sie Ihre Mitgliedschaft bis zu 3 Monate kostenlos.",
                 lang="de", view="/p|P")
    steps = [step(0, page("Start", lang="de", view="/|Start"), "goto"),
             step(1, offer, element=el("Mitgliedschaft verwalten", "link"), navigated=True),
             step(2, page("Formular", lang="de", view="/k|K"), element=el("Weiter zur Kündigung", "link"), navigated=True),
             step(3, page("Danke", lang="de", view="/d|D"), element=el("Jetzt kündigen"))]
    d = run("misleading_button_label", journey("cancel", steps))
    assert d.details["R2"] == {"label": "Mitgliedschaft verwalten", "ok": False}
    # the same pages without the offer: the first control that says it cancels is the entry
    steps[1] = step(1, page("Ihre Mitgliedschaft", lang="de", view="/p|P"), element=el("Mitgliedschaft verwalten", "link"),
                    navigated=True)
    assert run("misleading_button_label", journey("cancel", steps)).details["R2"]["label"] == "Weiter zur Kündigung"
