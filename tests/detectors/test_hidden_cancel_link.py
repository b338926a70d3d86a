"""CX303 hidden_cancel_link on hand-built entry controls."""

from __future__ import annotations

import pytest

from .judged import judged
from .records import el, journey, run, step


def entry(**kw):
    base = dict(role="link", filled=False, fs=10, contrast=1.5, in_footer=True, landmark="footer", sibling_links=32,
                in_first_viewport=False, scroll_needed=True, page_font_median=13)
    base.update(kw)
    return el("Cancel membership", **base)


def test_hidden_cancel_link_all_signals():
    j = journey([step(0, "goto"), step(1, "dismiss", element=el("Accept all", in_dialog=True)),
                 step(2, element=entry(), view_changed=True), step(3)])
    d = run("hidden_cancel_link", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box.x == 100
    for figure in ("font 10 px vs page median 13 px", "contrast 1.5:1", "32 sibling links", "in the footer", "below the fold"):
        assert figure in ev.note.text()


def test_hidden_cancel_link_partial_and_reveal_clicks():
    footer_only = entry(fs=14, contrast=9, sibling_links=5, page_font_median=14)
    j = journey([step(0, "goto"), step(1, element=footer_only, navigated=True)])
    assert run("hidden_cancel_link", j).score == pytest.approx(0.917, abs=0.001)  # a plain footer link passes
    crowded = entry(fs=14, contrast=9, sibling_links=24, page_font_median=14)
    d = run("hidden_cancel_link", journey([step(0, "goto"), step(1, element=crowded, navigated=True)]))
    assert d.score == pytest.approx(0.583, abs=0.001) and set(d.details["signals"]) == {"many_siblings", "footer_or_below_fold"}
    menu = el("More", role="button")
    j2 = journey([step(0, "goto"), step(1, element=menu), step(2, element=el("Cancel", role="link"), navigated=True)])
    d = run("hidden_cancel_link", j2)
    assert d.details["reveal_clicks"] == 1 and d.score < 1 and [e.step for e in d.evidence] == [2, 1]


def test_prominent_entry_passes_and_other_goals_not_applicable():
    j = journey([step(0, "goto"), step(1, element=el("Cancel contract", role="link", filled=False), navigated=True)])
    assert run("hidden_cancel_link", j).score == 1.0
    assert judged("hidden_cancel_link", journey([step(0, "goto")], goal="uninstall")).status == "not_applicable"
    assert run("hidden_cancel_link", journey([step(0, "goto"), step(1, "fill")])).score is None
