"""Structural detectors on hand-built records: gate probes, logins, repeated fills, walls, prominence."""

from __future__ import annotations

from pathlib import Path

import pytest

import cxaudit.judge.detectors.structure  # noqa: F401 - registers the detectors
from cxaudit.judge.detectors.base import REGISTRY, DetectorContext
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import FilledValue, GateProbe, JourneyResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])


def el(name="Go", role="button", x=100, y=300, w=120, h=40, fs=16, fw=400, contrast=7.0, filled=True, **kw):
    rec = {"role": role, "name": name, "box": {"x": x, "y": y, "width": w, "height": h}, "font_size": fs, "font_weight": fw,
           "contrast": contrast, "filled": filled, "area": w * h, "in_footer": False, "landmark": "main", "in_dialog": False,
           "sibling_links": 0, "in_first_viewport": True, "scroll_needed": False, "page_font_median": 16, "hidden": False}
    rec.update(kw)
    return rec


def step(i, type="click", element=None, observation=None, actions=1, **kw):
    return StepRecord(index=i, type=type, description=f"{type} {i}", element=element, observation=observation or {},
                      actions=actions, **kw)


def journey(steps, goal="cancel", outcome="completed", site="shop/x"):
    return JourneyResult(id="j", name="j", goal=goal, site=site, language="en", device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps)


def run(name, j, **params):
    return REGISTRY[name](j, DetectorContext(params=params, lexicons=LEX))


# ------------------------------------------------------------------ mandatory_exit_survey
def gate_step(i, blocked, **kw):
    probe = GateProbe(name="exit survey", blocked=blocked, proceed_element=el("Continue"), **kw)
    return step(i, "gate", element=el("Continue"), gate=probe, actions=2 if blocked else 1)


def test_exit_survey_blocked_gate_fails_with_the_proceed_control():
    j = journey([step(0, "goto", actions=0), gate_step(1, True, signals=["validation_message", "required_fields"],
                                                        validation_messages=["Please tell us why you are leaving"],
                                                        required_fields=["reason"], answer_actions=1)])
    d = run("mandatory_exit_survey", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 1 and ev.screenshot_step == 0
    assert ev.words == "Please tell us why you are leaving"
    assert ev.box == {"x": 100, "y": 300, "width": 120, "height": 40}
    assert "1 required field(s): reason" in ev.note.text()


def test_exit_survey_optional_gate_passes_with_a_note():
    d = run("mandatory_exit_survey", journey([step(0, "goto"), gate_step(1, False)], goal="uninstall"))
    assert d.score == 1.0 and "optional" in d.evidence[0].note.text()


def test_exit_survey_not_applicable_to_contact_and_passes_without_gate():
    assert run("mandatory_exit_survey", journey([step(0, "goto")], goal="contact_support")).score is None
    assert run("mandatory_exit_survey", journey([step(0, "goto"), step(1)])).score == 1.0


# ------------------------------------------------------------------ login_wall
def login_page(extra_fields=0, autocomplete=""):
    fields = [{"label": "Customer number", "type": "text", "hidden": False},
              {"label": "Password", "type": "password", "autocomplete": autocomplete, "hidden": False,
               "box": {"x": 10, "y": 200, "width": 300, "height": 40}}]
    fields += [{"label": f"Q{i}", "type": "text", "hidden": False} for i in range(extra_fields)]
    return {"forms": [{"fields": fields}], "headings": [{"level": 1, "text": "Sign in"}]}


def test_login_wall_password_page_then_login_step():
    filled = [FilledValue(label="Customer number", value="K-1"), FilledValue(label="Password", value="*", secret=True)]
    j = journey([step(0, "goto"), step(1, observation=login_page()),
                 step(2, "login", element=el("Customer number", "textbox"), filled=filled),
                 step(3, observation={"headings": [{"text": "Done"}]})])
    d = run("login_wall", j)
    assert d.score == 0.0
    assert [e.step for e in d.evidence] == [1, 2]
    assert d.evidence[0].box == {"x": 10, "y": 200, "width": 300, "height": 40}
    assert d.evidence[0].words.startswith("Sign in / Customer number / Password")
    assert d.evidence[1].words == "Customer number / Password"  # the page's words, not cxaudit's English step text


def test_login_wall_ignores_a_pin_among_many_fields_and_other_goals():
    pin_form = login_page(extra_fields=4)
    assert run("login_wall", journey([step(0, "goto"), step(1, observation=pin_form), step(2)])).score == 1.0
    assert run("login_wall", journey([step(0, "goto"), step(1, "login")], goal="signup")).score is None


def test_login_wall_current_password_counts_in_a_big_form():
    j = journey([step(0, "goto"), step(1, observation=login_page(extra_fields=4, autocomplete="current-password")), step(2)])
    assert run("login_wall", j).score == 0.0


# ------------------------------------------------------------------ repeated_data_entry
def fill(i, label, value, type="text", secret=False):
    value = FilledValue(label=label, type=type, value=value, secret=secret)
    return step(i, "fill", element=el(label, "textbox", y=100 * i), filled=[value])


def test_repeated_phone_number_in_other_format_and_label():
    j = journey([step(0, "goto"), fill(1, "Phone", "0171 2345678", "tel"), fill(2, "Name", "Ann Lee"),
                 fill(3, "Your mobile number, to confirm", "0171/234-5678", "tel")])
    d = run("repeated_data_entry", j)
    assert d.score == 0.0 and d.value == 1
    ev = d.evidence[0]
    assert ev.step == 3 and ev.data["first_step"] == 1 and ev.data["same_value"]
    assert ev.box["y"] == 300 and "0171/234-5678" in ev.words


def test_repeated_secret_field_by_meaning_only_and_email_case():
    j = journey([step(0, "goto"), fill(1, "Password", "••••••", "password", True), fill(2, "E-mail", "Ann@Example.com"),
                 fill(3, "Password:", "••••••", "password", True), fill(4, "Contact address", "ann@example.COM")])
    d = run("repeated_data_entry", j)
    assert [e.step for e in d.evidence] == [3, 4]
    assert "(secret)" in d.evidence[0].words and "•" not in d.evidence[0].words


def test_no_repeat_for_checked_radios_short_values_or_same_step():
    gate = step(1, "gate", filled=[FilledValue(label="Too expensive", type="radio", value="checked"),
                                   FilledValue(label="Comment", value="no")])
    j = journey([step(0, "goto"), gate, step(2, "check", filled=[FilledValue(label="Terms", type="checkbox", value="checked")]),
                 step(3, "fill", filled=[FilledValue(label="A", value="same text"), FilledValue(label="B", value="same text")])])
    assert run("repeated_data_entry", j).score == 1.0


# ------------------------------------------------------------------ cookie_wall
def wall(blocks=True, covers=1.0):
    return {"dialogs": [{"role": "dialog", "name": "We value your privacy", "text": "We and our 187 partners use cookies",
                         "box": {"x": 300, "y": 200, "width": 600, "height": 300}, "covers": covers, "blocks_pointer": blocks}]}


def test_cookie_wall_at_the_start_fails_with_box_and_dismiss_control():
    dismiss = el("Accept all", in_dialog=True)
    j = journey([step(0, "goto", observation=wall(), actions=0), step(1, "dismiss", element=dismiss), step(2)], goal="signup")
    d = run("cookie_wall", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 0 and ev.box["width"] == 600 and ev.element["name"] == "Accept all"
    assert ev.data["consent_wording"] and "100%" in ev.note.text()


def test_cookie_banner_that_does_not_block_passes_and_late_walls_are_ignored():
    j = journey([step(0, "goto", observation=wall(blocks=False, covers=0.2), actions=0), step(1)])
    assert run("cookie_wall", j).score == 1.0
    late = journey([step(0, "goto", actions=0), step(1), step(2, observation=wall())])
    assert run("cookie_wall", late).score == 1.0


def test_cookie_wall_seen_after_a_wait_step():
    j = journey([step(0, "goto", actions=0), step(1, "wait_for", observation=wall(covers=0.8), actions=0), step(2)])
    assert run("cookie_wall", j).evidence[0].step == 1


# ------------------------------------------------------------------ hidden_cancel_link
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
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box["x"] == 100
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
    assert run("hidden_cancel_link", journey([step(0, "goto")], goal="uninstall")).score is None
    assert run("hidden_cancel_link", journey([step(0, "goto"), step(1, "fill")])).score is None


# ------------------------------------------------------------------ visual_misdirection
def page(*elements):
    return {"elements": list(elements)}


def test_big_keep_button_vs_grey_text_fails_at_that_step():
    keep = el("Keep my benefits", y=320, w=240, h=66, fs=20.8, fw=600, contrast=4.2)
    go_on = el("Continue to cancel", role="generic", y=410, w=640, h=20, fs=13.6, contrast=2.5, filled=False)
    j = journey([step(0, "goto", observation=page()), step(1, element=el("Cancel"), observation=page(keep), navigated=True),
                 step(2, element=go_on), step(3)])
    d = run("visual_misdirection", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box["width"] == 640
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
    # on a cancel journey the first navigating click is the entry: judged by hidden_cancel_link, not here
    j2 = journey([step(0, "goto", observation=page(alt)), step(1, element=needed, navigated=True)])
    assert run("visual_misdirection", j2).details["steps_judged"] == 0
    assert run("visual_misdirection", journey([step(0, "goto")], goal="signup")).score is None
