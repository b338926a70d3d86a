"""Every shipped demo journey, run once in a real browser against the embedded demo site.

The expected figures are written here (and explained in journeys/demo/README.md): a change in how the
recorder counts, or in the demo site, must show up as a failing test.
"""

from __future__ import annotations

import pytest

from cxaudit.results.model import load_run

pytestmark = pytest.mark.browser

# journey id: (outcome, actions, pages)
EXPECTED = {
    "streamline-cancel-hostile": ("completed", 7, 6),
    "streamline-cancel-clean": ("completed", 3, 3),
    "streamline-signup-hostile": ("completed", 5, 3),
    "streamline-signup-clean": ("completed", 5, 3),
    "funknetz-cancel-hostile": ("completed", 14, 7),  # the login is its two fields and its submit
    "funknetz-cancel-clean": ("completed", 6, 3),
    "funknetz-signup-hostile": ("completed", 5, 3),
    "funknetz-signup-clean": ("completed", 5, 3),
    "kontofix-uninstall-hostile": ("completed", 3, 2),
    "kontofix-uninstall-clean": ("completed", 1, 2),
    "parcelpal-chat-hostile": ("blocked", 6, 1),
    "parcelpal-chat-clean": ("completed", 5, 1),
    "paketblitz-chat-hostile": ("blocked", 6, 1),
    "paketblitz-chat-clean": ("completed", 5, 1),
    "parcelpal-contact-hostile": ("blocked", 2, 2),
    "parcelpal-contact-clean": ("completed", 5, 3),
    "tagesblatt-cancel-hostile": ("blocked", 2, 2),
    "tagesblatt-cancel-clean": ("completed", 3, 3),
}
# journey id: (gate blocked?, signal that must be among the reasons)
GATES = {
    "streamline-cancel-hostile": (True, "validation_message"),
    "funknetz-cancel-hostile": (True, "required_fields"),
    "kontofix-uninstall-hostile": (True, "disabled_control"),
    "kontofix-uninstall-clean": (False, None),
}


def journey(demo_run, jid):
    return demo_run[0].journey(jid)


def test_every_shipped_demo_journey_is_expected(demo_run):
    run, _ = demo_run
    assert sorted(j.id for j in run.journeys) == sorted(EXPECTED)


@pytest.mark.parametrize("jid", sorted(EXPECTED))
def test_outcome_actions_pages(demo_run, jid):
    j = journey(demo_run, jid)
    outcome, actions, pages = EXPECTED[jid]
    assert (j.outcome, j.metrics.actions, j.metrics.pages) == (outcome, actions, pages), j.error


@pytest.mark.parametrize("jid", sorted(GATES))
def test_gate_results(demo_run, jid):
    blocked, signal = GATES[jid]
    gates = [s.gate for s in journey(demo_run, jid).steps if s.gate is not None]
    assert len(gates) == 1
    assert gates[0].blocked is blocked
    if signal:
        assert signal in gates[0].signals
        assert gates[0].answered and gates[0].passed_after_answer
    else:
        assert not gates[0].answered


def test_hostile_chat_transcript_loops_and_clean_hands_off(demo_run):
    hostile = next(s.chat for s in journey(demo_run, "parcelpal-chat-hostile").steps if s.chat)
    clean = next(s.chat for s in journey(demo_run, "parcelpal-chat-clean").steps if s.chat)
    assert len(hostile.turns) == 4 and not hostile.success
    assert all(t.replies and not t.timed_out for t in hostile.turns)
    assert all("12 November" in " ".join(t.replies) for t in hostile.turns)
    assert clean.success and clean.turns_to_success == 4
    assert "Anna" in " ".join(clean.turns[-1].replies)


def test_sign_up_is_the_yardstick(demo_run):
    cancel = journey(demo_run, "funknetz-cancel-hostile")
    signup = journey(demo_run, "funknetz-signup-hostile")
    assert cancel.site == signup.site == "funknetz/hostile"
    assert cancel.metrics.actions > 2 * signup.metrics.actions


def test_record_holds_what_the_checks_need(demo_run):
    j = journey(demo_run, "streamline-cancel-hostile")
    footer_click = j.steps[2]
    el = footer_click.element
    assert el.name == "Cancel membership" and el.in_footer and el.font_size <= 11
    assert el.contrast < 3 and el.sibling_links >= 25
    assert footer_click.observation.elements and footer_click.observation.text_blocks
    login = journey(demo_run, "funknetz-cancel-hostile")
    assert any(s.type == "login" for s in login.steps)
    phones = [f for s in login.steps for f in s.filled if f.value.startswith("01")]
    assert len(phones) == 2  # the same phone number asked twice
    cookie = login.steps[0].observation.dialogs
    assert any(d.blocks_pointer for d in cookie)


def test_results_file_round_trips_and_secrets_stay_out(demo_run):
    run, folder = demo_run
    saved = load_run(folder)
    assert [j.id for j in saved.journeys] == [j.id for j in run.journeys]
    text = (folder / "results.json").read_text(encoding="utf-8")
    assert "demo1234" not in text
    shots = list((folder / "screens").rglob("*.jpg"))
    assert len(shots) >= sum(len(j.steps) for j in run.journeys) - 5
