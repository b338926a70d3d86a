"""The recorder's readers of a typed observation, without a browser: page and view keys, the words a customer
sees, the screenshot shortcuts, a survey gate's required fields and messages, and a filled value. A failed
snapshot (SnapshotError) or none reads as an empty page."""

from __future__ import annotations

from types import SimpleNamespace

from factories import alert, dialog, element, element_info, field, form, heading, observation

from cxaudit.journey import SECRET_MASK
from cxaudit.record.axe import axe_key
from cxaudit.record.steps.basic import filled_value
from cxaudit.record.steps.survey_gate import required_unanswered, validation_messages, view_signature
from cxaudit.record.views import first_heading, no_password_field, page_key, title_of, visible_text
from cxaudit.results.observation import SnapshotError

FAILED = SnapshotError(error="Target page, context or browser has been closed", url="http://x/a")


def test_page_and_axe_keys_take_the_first_heading():
    obs = observation(headings=[heading("Your account"), heading("Plan", level=2)])
    assert first_heading(obs) == "Your account" and first_heading(FAILED) == "" and first_heading(None) == ""
    assert page_key("http://x/a?b=1#c", obs) == "/a?b=1#c|Your account"
    assert page_key("http://x/a", FAILED) == "/a|" == page_key("http://x/a", None)
    assert axe_key("http://x/a?ref=1", obs) == "http://x/a|Your account"


def test_a_menus_heading_above_the_pages_h1_leaves_the_page_the_same():
    # vorsorgeplus (eval/unseen17), rebuilt: the "Service" mega menu shows an h3 "Ihr Vertrag" above the main h1
    shut = observation(headings=[heading("Vorsorgen, ohne sich zu verzetteln")])
    opened = observation(headings=[heading("Ihr Vertrag", level=3), heading("Hilfe", level=3),
                                   heading("Vorsorgen, ohne sich zu verzetteln")])
    assert page_key("http://x/", opened) == page_key("http://x/", shut)
    assert first_heading(observation(headings=[heading("Schritt 2", level=2)])) == "Schritt 2"  # no h1: the first


def test_visible_text_is_blocks_shown_controls_dialogs_and_alerts():
    obs = observation(texts=["Hello"], elements=[element(name="Go"), element(text="Menu"), element(name="Secret", hidden=True)],
                      dialogs=[dialog(text="Stay with us")], alerts=[alert("Saved", role="status")])
    assert visible_text(obs) == "Hello\nGo\nMenu\nStay with us\nSaved"
    assert visible_text(FAILED) == "" and visible_text(None) == ""
    assert title_of(observation(title="Account")) == "Account" and title_of(FAILED) == ""


def test_screenshot_shortcuts_need_a_complete_snapshot():
    plain = observation(forms=[form(field(label="Email", type="email"))], document={"width": 1280, "height": 900})
    assert no_password_field(plain)
    assert not no_password_field(observation(forms=[form(field(label="PIN", type="Password"))]))
    assert not no_password_field(observation(truncated=True))
    assert not no_password_field(FAILED) and not no_password_field(None)


def test_a_gate_counts_required_fields_left_empty_a_radio_group_once():
    fields = [field(label="Reason", name="reason", type="radio", required=True),
              field(label="Other", name="reason", type="radio", required=True),
              field(label="Comment", name="comment", type="textarea", required=True),
              field(label="Filled", name="filled", required=True, value="x"),
              field(label="I agree", name="agree", type="checkbox", required=True),
              field(label="Off", name="off", required=True, disabled=True)]
    obs = observation(forms=[form(*fields)])
    assert required_unanswered(obs) == ["reason", "Comment", "I agree"]
    fields[1] = field(label="Other", name="reason", type="radio", required=True, checked=True)
    assert required_unanswered(observation(forms=[form(*fields)])) == ["Comment", "I agree"]
    assert required_unanswered(FAILED) == [] and required_unanswered(None) == []


def test_a_gate_reads_validation_messages_and_new_alerts_and_the_fields_on_show():
    before = observation(alerts=[alert("Welcome back")])
    after = observation(forms=[form(field(label="Reason", invalid=True, validation_message="Please choose one"),
                                    field(label="Hidden", type="text", hidden=True))],
                        alerts=[alert("Welcome back"), alert("Tell us why", role="error")])
    assert validation_messages(after, before) == ["Please choose one", "Tell us why"]
    assert validation_messages(after, FAILED) == ["Please choose one", "Welcome back", "Tell us why"]
    assert view_signature("http://x/survey", after) == "/survey||Reason:text"
    assert view_signature("http://x/survey", FAILED) == "/survey||"


def test_a_filled_value_takes_the_element_name_and_hides_secrets():
    from cxaudit.record.masking import Masker

    masker = Masker(["hunter2"])
    s = SimpleNamespace(journey=SimpleNamespace(secrets=["hunter2"]), secrets=masker, redact=masker.text)
    shown = filled_value(s, element_info(name="Email", type="email"), "a@b.de")
    assert (shown.label, shown.name, shown.autocomplete, shown.type, shown.value) == ("Email", None, None, "email", "a@b.de")
    secret = filled_value(s, element_info(name="Password", type="password"), "abc")
    assert secret.secret and secret.value == SECRET_MASK and secret.characters == 3
    assert filled_value(s, None, "hunter2").value == SECRET_MASK and filled_value(s, None, "x").label is None
