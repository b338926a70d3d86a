"""CX302 visual_misdirection on hand-built pages of competing controls."""

from __future__ import annotations

import pytest

from .judged import judged
from .records import el, journey, page, run, step


def test_big_keep_button_vs_grey_text_fails_at_that_step():
    keep = el("Keep my benefits", y=320, w=240, h=66, fs=20.8, fw=600, contrast=4.2)
    go_on = el("Continue to cancel", role="generic", y=410, w=640, h=20, fs=13.6, contrast=2.5, filled=False)
    j = journey([step(0, "goto", observation=page()), step(1, element=el("Cancel"), observation=page(keep), navigated=True),
                 step(2, element=go_on), step(3)])
    d = run("visual_misdirection", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box.width == 640
    assert "filled vs not filled" in ev.note.text() and "contrast 2.5:1 vs 4.2:1" in ev.note.text()
    assert ev.data["alternative"]["name"] == "Keep my benefits"


def test_equal_buttons_pass_and_chrome_far_or_field_controls_are_ignored():
    cancel = el("Cancel membership", x=100)
    keep = el("Keep membership", x=300)
    nav = el("Home", y=320, fs=30, landmark="nav", w=400, h=80)
    far = el("Watch now", y=1400, w=500, h=90, fs=30)
    field = el("Comment", role="textbox", y=320, w=900, h=100)
    j = journey([step(0, "goto", observation=page(cancel, keep, nav, far, field)), step(1, element=cancel)])
    assert run("visual_misdirection", j).score == 1.0


def test_weak_signals_give_an_intermediate_score_and_the_entry_is_skipped():
    needed = el("Continue", fs=16, fw=400)
    alt = el("Stay", x=300, fs=20, fw=700)
    j = journey([step(0, "goto", observation=page(alt)), step(1, element=needed)], goal="uninstall")
    assert run("visual_misdirection", j).score == pytest.approx(0.8)  # two mild differences
    alt_bold = el("Stay", x=300, fw=700)
    j1 = journey([step(0, "goto", observation=page(alt_bold)), step(1, element=needed)], goal="uninstall")
    assert run("visual_misdirection", j1).score == pytest.approx(0.9)
    # on a cancel journey the entry (the first click whose name says cancel) is hidden_cancel_link's, not judged here
    j2 = journey([step(0, "goto", observation=page(alt)), step(1, element=el("Cancel membership"), navigated=True)])
    assert run("visual_misdirection", j2).details["steps_judged"] == 0
    assert judged("visual_misdirection", journey([step(0, "goto")], goal="signup")).status == "not_applicable"
