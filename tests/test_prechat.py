"""A chat's pre-chat form, without a browser: which of the journey's `prechat:` values goes into which field
(by label, placeholder, name or id), and explore's answers for fields it has never seen."""

from __future__ import annotations

from cxaudit.explore.moves import prechat_answer
from cxaudit.journey.loader import parse_journey
from cxaudit.record.prechat import field_target, given_value


def _field(**kw):
    return {"label": "", "placeholder": "", "name": "", "id": "", "autocomplete": "", "type": "text",
            "required": True, "value": "", "options": None, "index": 0, **kw}


def test_a_value_is_given_by_the_label_the_placeholder_or_the_name():
    given = {"Your name": "Kim", "e-mail": "kim@example.com", "topic:": "Billing"}
    assert given_value(_field(label="Your name"), given) == "Kim"
    assert given_value(_field(label="E-mail address", type="email"), given) == "kim@example.com"  # begins with
    assert given_value(_field(name="topic", type="select"), given) == "Billing"  # case and ':' folded
    assert given_value(_field(label="Phone (optional)"), given) is None
    assert given_value(_field(label="Nickname"), {"name": "Kim"}) is None  # not a word the label begins with


def test_a_field_is_targeted_by_its_label_first():
    assert field_target(_field(label="Your name", name="n")).label == "Your name"
    assert field_target(_field(placeholder="you@example.com", name="e")).placeholder == "you@example.com"
    assert field_target(_field(name="e")).css == "[name='e']"


def test_explore_answers_a_pre_chat_form_as_a_form_on_the_way():
    assert prechat_answer(_field(label="Ihr Name"), "contact_support", "de") == "Alex Beispiel"
    assert prechat_answer(_field(label="E-mail", type="email"), "contact_support", "en") == "alex@example.com"
    assert prechat_answer(_field(label="Sujet", type="select", options=["Choisir", "Facturation", "Livraison"]),
                          "contact_support", "fr") == "Facturation"
    assert prechat_answer(_field(label="Thema", type="select", options=["Bitte wählen", "Rechnung", "Kündigung"]),
                          "cancel", "de") == "Kündigung"  # the option that says the goal


def test_a_chat_step_takes_prechat_values():
    journey = parse_journey("name: c\ngoal: contact_support\nstart: /\nsteps:\n  - chat:\n      open: Chat\n"
                            "      prechat: {Name: Kim, E-mail: kim@example.com}\n      messages: [Hi]\n"
                            "success: {text: joined}\n", "j.yaml")
    assert journey.steps[0].params.prechat == {"Name": "Kim", "E-mail": "kim@example.com"}
