"""CX303 hidden_cancel_link on hand-built entry controls: which click is the entry, and the court's criteria
(OLG München 6 U 4336/23 e). The eval's failure shapes (a "Log in" judged as the entry, a grey "Kündigen"
among 58 links behind "Weitere Links einblenden", "End membership" inside a drop-down) are rebuilt by hand."""

from __future__ import annotations

import pytest
from factories import text_block

from .judged import judged
from .records import el, journey, page, run, step


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


def test_a_plain_footer_link_passes_a_crowded_one_does_not():
    footer_only = entry(fs=14, contrast=9, sibling_links=5, page_font_median=14)
    j = journey([step(0, "goto"), step(1, element=footer_only, navigated=True)])
    assert run("hidden_cancel_link", j).score == pytest.approx(0.917, abs=0.001)
    crowded = entry(fs=14, contrast=9, sibling_links=24, page_font_median=14)
    d = run("hidden_cancel_link", journey([step(0, "goto"), step(1, element=crowded, navigated=True)]))
    assert d.score == pytest.approx(0.583, abs=0.001) and set(d.details["signals"]) == {"many_siblings", "footer_or_below_fold"}


def test_the_entry_is_the_first_click_that_says_the_goal_not_the_sign_in():
    # eval harbor-ledger: a small grey "Log in" first, then a plain "Cancel subscription" on the account page
    log_in = el("Log in", role="link", fs=11, contrast=3.0, sibling_links=25, page_font_median=16, filled=False)
    cancel = el("Cancel subscription", role="link", fs=16, contrast=9, page_font_median=16, filled=False)
    j = journey([step(0, "goto"), step(1, element=log_in, navigated=True), step(2, "login", navigated=True),
                 step(3, element=cancel, navigated=True)])
    d = run("hidden_cancel_link", j)
    assert d.score == 1.0 and d.details["entry_step"] == 3 and d.details["entry_by"] == "named"
    for words in ("Kündigen", "Verträge hier kündigen", "Mitgliedschaft beenden", "End membership", "Résilier mon offre",
                  "Terminate contract"):
        j = journey([step(0, "goto"), step(1, element=log_in, navigated=True),
                     step(2, element=el(words, role="link", filled=False), navigated=True)])
        assert run("hidden_cancel_link", j).details["entry_step"] == 2, words
    # no control on the path says so: nothing to judge (the first click is not guessed to be the entry)
    j = journey([step(0, "goto"), step(1, element=log_in, navigated=True),
                 step(2, element=el("Vertragsservice", role="link"), navigated=True)])
    assert run("hidden_cancel_link", j).score is None


def test_a_vague_entry_is_the_click_that_led_to_the_cancel_form_not_its_confirm_button():
    # the demo's FunkNetz: a footer "Vertragsservice", a log-in, the form, then "Kündigungsabsicht abschicken"
    service = el("Vertragsservice", role="link", fs=14.4, contrast=8.9, in_footer=True, sibling_links=20,
                 page_font_median=16, filled=False, scroll_needed=True, in_first_viewport=False)
    sign_in = el("Anmelden", role="link", fs=11, contrast=3, page_font_median=16, filled=False)
    submit = el("Kündigungsabsicht abschicken", fs=16)
    j = journey([step(0, "goto"), step(1, element=sign_in, navigated=True), step(2, "login", navigated=True),
                 step(3, element=service, navigated=True), step(4, "fill"), step(5, "gate"),
                 step(6, element=submit, navigated=True)])
    d = run("hidden_cancel_link", j)
    assert d.details["entry_step"] == 3 and d.details["entry_by"] == "opened_form" and d.score < 0.9
    assert d.evidence[0].words == "Vertragsservice"


def test_a_step_marked_entry_is_the_entry():
    service = el("Vertragsservice", role="link", fs=10, contrast=2.0, page_font_median=16, filled=False)
    later = el("Jetzt kündigen", fs=16)
    j = journey([step(0, "goto"), step(1, element=service, navigated=True, entry=True), step(2, element=later)])
    d = run("hidden_cancel_link", j)
    assert d.details["entry_step"] == 1 and d.details["entry_by"] == "marked" and d.score < 0.9


def test_behind_an_expander_among_58_links_small_and_grey_against_the_page_before_the_reveal():
    # eval himmelblick: the page's text is 16 px, near black (17:1); "Weitere Links einblenden" shows 58 links of
    # 11 px grey (4.54:1, which meets WCAG AA); measured after the reveal, the page's median is 11 px itself
    more = el("Weitere Links einblenden", fs=14, contrast=8.6, in_footer=True, landmark="footer", sibling_links=9,
              page_font_median=16, page_contrast_median=17.4, filled=False)
    kuendigen = el("Kündigen", role="link", fs=11, contrast=4.54, in_footer=True, landmark="footer", sibling_links=67,
                   page_font_median=11, page_contrast_median=4.54, filled=False)
    j = journey([step(0, "goto"), step(1, "dismiss", element=el("Ablehnen", in_dialog=True)),
                 step(2, element=more), step(3, element=kuendigen, navigated=True), step(4)])
    d = run("hidden_cancel_link", j)
    assert d.score == 0.0
    assert set(d.details["signals"]) == {"reveal_clicks", "many_siblings", "small_font", "low_contrast", "footer_or_below_fold"}
    assert [e.step for e in d.evidence] == [3]  # one finding, on the entry's card; the reveal is one of its criteria
    ev = d.evidence[0]
    assert ev.data["reveals"][0]["step"] == 2
    text = ev.note.text()
    assert text.startswith("criteria met: small font, faint, among many links, in the footer or below the fold, "
                           "behind a reveal click: font 11 px")
    assert ev.note.text("de").startswith("erfüllte Kriterien: kleine Schrift, blass, zwischen vielen Links")
    for figure in ("font 11 px vs page median 16 px", "contrast 4.54:1 vs 17.4:1 of the page's text", "67 sibling links",
                   "1 reveal click(s) first: 'Weitere Links einblenden'"):
        assert figure in text
    # a recording without the page's contrast (before 1.3) judges contrast by WCAG alone: 4.54:1 passes
    old = kuendigen.model_copy(update={"page_contrast_median": None})
    old_more = more.model_copy(update={"page_contrast_median": None})
    j = journey([step(0, "goto"), step(1, element=old_more), step(2, element=old, navigated=True)])
    assert "low_contrast" not in run("hidden_cancel_link", j).details["signals"]


def test_a_drop_down_item_is_behind_a_reveal_click():
    # eval shopnest-prime: "Manage membership" opens a menu; "End membership" in it is the entry
    manage = el("Manage membership", page_font_median=15)
    end = el("End membership", role="menuitem", fs=15, page_font_median=15, filled=False, sibling_links=4)
    j = journey([step(0, "goto"), step(1, element=el("Prime membership", role="link"), navigated=True),
                 step(2, "login", navigated=True), step(3, element=manage), step(4, element=end, navigated=True)])
    d = run("hidden_cancel_link", j)
    assert d.details["entry_step"] == 4 and d.details["reveal_steps"] == [3] and d.score < 0.9
    assert [e.step for e in d.evidence] == [4]
    # a navigating click before the entry is the way there, not a reveal
    j = journey([step(0, "goto"), step(1, element=manage, navigated=True), step(2, element=end, navigated=True)])
    assert run("hidden_cancel_link", j).score == 1.0


def test_inside_a_line_of_small_print():
    link = el("Vertrag kündigen", role="link", x=300, y=900, w=110, h=16, fs=12, contrast=7, page_font_median=16,
              filled=False)
    line = text_block("Alle Preise inkl. MwSt. · Vertrag kündigen · Widerrufsbelehrung · Datenschutz",
                      box={"x": 40, "y": 896, "width": 900, "height": 24}, font_size=12)
    before = page(link, text_blocks=[line])
    j = journey([step(0, "goto", observation=before), step(1, element=link, navigated=True)])
    d = run("hidden_cancel_link", j)
    assert "footnote_line" in d.details["signals"] and "inside a line of small print (12 px)" in d.evidence[0].note.text()
    # the same link in a line of normal text is no footnote
    normal = line.model_copy(update={"font_size": 16})
    j = journey([step(0, "goto", observation=page(link, text_blocks=[normal])), step(1, element=link, navigated=True)])
    assert "footnote_line" not in run("hidden_cancel_link", j).details["signals"]


def test_prominent_entry_passes_and_other_goals_not_applicable():
    j = journey([step(0, "goto"), step(1, element=el("Cancel contract", role="link", filled=False), navigated=True)])
    assert run("hidden_cancel_link", j).score == 1.0
    assert judged("hidden_cancel_link", journey([step(0, "goto")], goal="uninstall")).status == "not_applicable"
    assert run("hidden_cancel_link", journey([step(0, "goto"), step(1, "fill")])).score is None
