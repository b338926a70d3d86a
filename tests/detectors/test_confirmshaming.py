"""CX301 confirmshaming on hand-built journeys (no browser)."""

from __future__ import annotations

import pytest

from .pages import ACCOUNT, DONE_EN, el, journey, page, run, step


def test_confirmshaming_on_clicked_control_points_at_previous_screenshot():
    decline = el("No, I'd rather keep paying full price", role="link")
    j = journey("cancel", [step(0, ACCOUNT, "goto"),
                           step(1, page("Offer", elements=[decline], view="/o|O")),
                           step(2, DONE_EN, element=decline)])
    d = run("confirmshaming", j)
    assert d.score == 0
    [ev] = d.evidence
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box == decline.box
    assert ev.words == "No, I'd rather keep paying full price"


def test_confirmshaming_on_decline_shown_but_not_clicked():
    j = journey("signup", [step(0, page("Join", elements=[el("Join now"), el("Nein, ich verzichte auf Vorteile", "link")],
                                         lang="de"), "goto")])
    d = run("confirmshaming", j)
    assert d.score == 0 and d.evidence[0].step == 0 and d.evidence[0].data["clicked"] is False


@pytest.mark.parametrize("label", ["No thanks", "Continue to cancel", "Nein danke", "Weiter zur Kündigung", "Keep membership"])
def test_confirmshaming_neutral_declines_pass(label):
    j = journey("cancel", [step(0, page("x", elements=[el(label)]), "goto"), step(1, DONE_EN, element=el(label))])
    assert run("confirmshaming", j).score == 1


def test_confirmshaming_ignores_hidden_controls():
    hidden = el("No, I don't want to save money", hidden=True)
    assert run("confirmshaming", journey("cancel", [step(0, page("x", elements=[hidden]), "goto")])).score == 1
