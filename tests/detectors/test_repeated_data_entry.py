"""CX103 repeated_data_entry on hand-built fills."""

from __future__ import annotations

from cxaudit.results.model import FilledValue

from .records import el, journey, run, step


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
    assert ev.box.y == 300 and "0171/234-5678" in ev.words


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
