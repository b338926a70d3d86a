"""Wording detectors on hand-built journeys (no browser): positive, negative and edge cases per check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cxaudit.judge.detectors.wording  # noqa: F401 - registers the detectors
import cxaudit.judge.detectors.wording_312k  # noqa: F401
from cxaudit.judge.detectors.base import REGISTRY, DetectorContext
from cxaudit.judge.detectors.wording import stated_minutes
from cxaudit.judge.language import journey_language_of, page_language
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import ChatTranscript, ChatTurn, FilledValue, JourneyResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEXICONS = load_lexicons([CHECKS])


def ctx(check: str, **params) -> DetectorContext:
    spec = yaml.safe_load((CHECKS / f"{check}.yaml").read_text(encoding="utf-8"))
    return DetectorContext(params={**spec.get("params", {}), **params}, lexicons=LEXICONS,
                           language_of=journey_language_of)


def run(check: str, journey: JourneyResult, **params):
    return REGISTRY[check](journey, ctx(check, **params))


def el(name: str, role: str = "button", **kw) -> dict:
    return {"role": role, "name": name, "text": name, "box": {"x": 10, "y": 20, "width": 100, "height": 30},
            "hidden": False, **kw}


def page(*texts: str, elements=(), forms=(), dialogs=(), lang="en", view="/p|Page", headings=()) -> dict:
    return {"lang": lang, "view_key": view, "text_blocks": [{"text": t, "box": {"x": 0, "y": i * 20, "width": 300,
            "height": 18}} for i, t in enumerate(texts)], "headings": [{"level": 1, "text": h} for h in headings],
            "elements": list(elements), "forms": list(forms), "dialogs": list(dialogs), "alerts": [], "iframes": []}


def step(index: int, obs: dict | None, type_: str = "click", element: dict | None = None, **kw) -> StepRecord:
    view = (obs or {}).get("view_key", "")
    return StepRecord(index=index, type=type_, description=f"step {index}", observation=obs, element=element,
                      view_key=view, **kw)


def journey(goal: str, steps: list[StepRecord], outcome: str = "completed", language: str = "auto") -> JourneyResult:
    return JourneyResult(id="j", name="j", goal=goal, site="s", language=language, device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps)


ACCOUNT = page("Standard plan", "£10.99/month · next payment on 2 December 2026", view="/account|Account")
DONE_EN = page("Your membership has been cancelled.", view="/cancelled|Cancelled")


# ---------------------------------------------------------------- retention_offer
def test_retention_two_offer_screens_fail_and_count_screens():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), element=el("Cancel")),
        step(2, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), "screenshot"),
        step(3, page("Freeze your subscription for a while?", view="/c/freeze|Freeze"), element=el("No")),
        step(4, DONE_EN, element=el("Cancel")),
    ])
    d = run("retention_offer", j)
    assert d.score == 0 and d.value == 2
    assert [e.step for e in d.evidence] == [1, 3]
    assert "30% off" in d.evidence[0].words and d.evidence[0].screenshot_step == 1


def test_retention_one_screen_is_partial_in_german():
    j = journey("cancel", [step(0, page("Mein Vertrag", lang="de", view="/v|V"), "goto"),
                           step(1, page("Ehe Sie gehen: 6 Monate kostenlos weiter surfen", lang="de", view="/o|O")),
                           step(2, page("Kündigung eingegangen", lang="de", view="/d|D"))])
    d = run("retention_offer", j)
    assert d.score == 0.5 and d.value == 1


def test_retention_ignores_start_page_price_and_success_page():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, ACCOUNT, "dismiss", element=el("Accept all")),  # same view as the start
        step(2, page("Cancel your membership?", "It ends on 2 December 2026.", view="/c|Cancel")),
        step(3, page("Cancelled. Come back any time and get 50% off your first month", view="/done|Done")),
    ])
    d = run("retention_offer", j)
    assert d.score == 1 and d.value == 0


def test_retention_not_applicable_to_contact():
    assert run("retention_offer", journey("contact_support", [step(0, ACCOUNT, "goto")])).score is None


# ---------------------------------------------------------------- confirmshaming
def test_confirmshaming_on_clicked_control_points_at_previous_screenshot():
    decline = el("No, I'd rather keep paying full price", role="link")
    j = journey("cancel", [step(0, ACCOUNT, "goto"),
                           step(1, page("Offer", elements=[decline], view="/o|O")),
                           step(2, DONE_EN, element=decline)])
    d = run("confirmshaming", j)
    assert d.score == 0
    [ev] = d.evidence
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box == decline["box"]
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


# ---------------------------------------------------------------- premature_rating_prompt
def test_rating_popup_before_goal():
    dialog = {"role": "dialog", "name": "Rate your visit", "text": "Rate your visit ☆☆☆☆☆ Later", "box": {"x": 1, "y": 2,
              "width": 3, "height": 4}}
    j = journey("contact_support", [step(0, page("Help"), "goto"), step(1, page("Help", dialogs=[dialog]), "wait_for")],
                outcome="blocked")
    d = run("premature_rating_prompt", j)
    assert d.score == 0 and d.details["steps"] == [1]
    assert d.evidence[0].words == "Rate your visit" and d.evidence[0].box == dialog["box"]


def test_rating_in_chat_reply():
    chat = ChatTranscript(greeting=["Hi"], turns=[ChatTurn(sent="help", replies=["Done. Hat Ihnen das geholfen?"],
                                                             wait_s=1)])
    j = journey("contact_support", [step(0, page("Hilfe", lang="de"), "goto"),
                                    step(1, page("Hilfe", lang="de"), "chat", chat=chat)], outcome="blocked")
    d = run("premature_rating_prompt", j)
    assert d.score == 0 and d.evidence[0].step == 1 and d.evidence[0].data["source"] == "chat"


def test_rating_on_final_success_page_is_fine():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Message sent", "How satisfied are you with our help?"))])
    assert run("premature_rating_prompt", j).score == 1


def test_rating_on_last_page_of_a_blocked_journey_counts():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Sorry", "How satisfied are you with our help?"))], outcome="blocked")
    assert run("premature_rating_prompt", j).score == 0


def test_rating_social_proof_is_not_a_prompt():
    j = journey("signup", [step(0, page("Rated 4.7 by 20,000 customers", "Recommended plans"), "goto")], outcome="blocked")
    assert run("premature_rating_prompt", j).score == 1


# ---------------------------------------------------------------- channel_redirect
def test_redirect_blocked_with_phone_and_address():
    j = journey("cancel", [step(0, page("Mein Abo", lang="de"), "goto"),
                           step(1, page("Eine Kündigung ist nur telefonisch möglich: 030 1234567 oder per Brief an "
                                        "Musterweg 4, 12345 Berlin.", lang="de"))], outcome="blocked")
    d = run("channel_redirect", j)
    assert d.score == 0 and d.evidence[0].step == 1
    assert "030 1234567" in d.details["contact_points"]
    assert any("12345 Berlin" in p for p in d.details["contact_points"])


def test_redirect_wording_but_completed_online_is_partial():
    j = journey("cancel", [step(0, page("Account"), "goto"),
                           step(1, page("Subscriptions cannot be cancelled online, please call 0800 555 1234"))])
    assert run("channel_redirect", j).score == 0.5


def test_footer_phone_is_not_a_redirect():
    j = journey("cancel", [step(0, page("Questions? Call 0800 001 0000"), "goto"),
                           step(1, page("Your membership has been cancelled.", "Questions? Call 0800 001 0000"))])
    assert run("channel_redirect", j).score == 1


# ---------------------------------------------------------------- wait_time_notice
@pytest.mark.parametrize(("text", "minutes"), [("about 90 minutes", 90), ("1,5 Stunden", 90), ("20–30 min", 30),
                                               ("2 hrs", 120), ("10 bis 15 Minuten", 15), ("no time", None)])
def test_stated_minutes(text, minutes):
    assert stated_minutes(text) == minutes


def test_wait_time_long_fails_with_value():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Phone", "Current hold time is roughly 2 hours"))], outcome="blocked")
    d = run("wait_time_notice", j)
    assert d.score == 0 and d.value == 120 and d.evidence[0].step == 1


def test_wait_time_medium_is_partial_and_short_passes():
    mid = journey("contact_support", [step(0, page("Wartezeit: etwa 5 Min.", lang="de"), "goto")])
    short = journey("contact_support", [step(0, page("Average wait: 2 minutes"), "goto")])
    assert run("wait_time_notice", mid).score == 0.5
    assert run("wait_time_notice", short).score == 1 and run("wait_time_notice", short).value == 2


def test_wait_time_ignores_reply_promises_and_hours():
    j = journey("contact_support", [step(0, page("We reply within 24 hours", "Mon–Fri 8am to 8pm"), "goto")])
    d = run("wait_time_notice", j)
    assert d.score == 1 and d.value is None


def test_wait_time_in_chat_reply():
    chat = ChatTranscript(turns=[ChatTurn(sent="agent", replies=["All agents are busy, expected wait 25 minutes."],
                                          wait_s=1)])
    j = journey("contact_support", [step(0, page("Help"), "chat", chat=chat)], outcome="blocked")
    assert run("wait_time_notice", j).value == 25


# ---------------------------------------------------------------- limited_contact_channels
def _contact(*texts, elements=(), forms=()):
    return page(*texts, elements=elements, forms=forms, view="/contact|Contact us")


def test_channels_phone_only_fails():
    j = journey("contact_support", [step(0, page("Help centre", view="/|Help"), "goto"),
                                    step(1, _contact("Call us", "0800 111 2222"))], outcome="blocked")
    d = run("limited_contact_channels", j)
    assert d.score == 0 and d.details["channels"] == ["phone"]


def test_channels_two_partial_three_pass_with_structure():
    form = {"fields": [{"label": "Your message", "type": "textarea", "hidden": False}]}
    two = journey("contact_support", [step(0, _contact("Ring us: 0800 111 2222", "Write to us at PO Box 12"))])
    three = journey("contact_support", [step(0, _contact("Hotline", elements=[
        el("support@shop.example", "link", href="mailto:support@shop.example"), el("Send")], forms=[form]))])
    assert run("limited_contact_channels", two).details["channels"] == ["phone", "post"]
    assert run("limited_contact_channels", two).score == 0.5
    d = run("limited_contact_channels", three)
    assert d.score == 1 and d.details["channels"] == ["email", "form", "phone"]


def test_channels_customers_own_email_does_not_count():
    s = step(0, _contact("Thanks! We will reply to me@home.example", "Call us"), "fill",
             filled=[FilledValue(label="Email", value="me@home.example")])
    assert run("limited_contact_channels", journey("contact_support", [s])).details["channels"] == ["phone"]


def test_channels_not_applicable_without_contact_page_or_on_other_goals():
    chat_only = journey("contact_support", [step(0, page("Help", view="/|Help"), "goto")])
    assert run("limited_contact_channels", chat_only).score is None
    assert run("limited_contact_channels", journey("cancel", [step(0, _contact("x"), "goto")])).score is None


# ---------------------------------------------------------------- excessive_verification
def _form(*fields):
    return {"fields": [{"label": lbl, "type": t, "required": req, "hidden": False, "box": {"x": 0, "y": 0, "width": 1,
                        "height": 1}} for lbl, t, req in fields]}


def test_verification_pin_and_security_question_fail():
    form = _form(("Vertragsnummer", "text", True), ("Telefon-Geheimzahl", "password", True),
                 ("Kontrollfrage: Name Ihrer ersten Schule", "text", True))
    j = journey("cancel", [step(0, page("Kündigen", forms=[form], lang="de"), "goto"),
                           step(1, page("Kündigen", forms=[form], lang="de"), "fill", element=el("Telefon-Geheimzahl"),
                                filled=[FilledValue(label="Telefon-Geheimzahl", type="password", value="•••", secret=True)])])
    d = run("excessive_verification", j)
    assert d.score == 0 and d.value == 2
    assert {e.words for e in d.evidence} == {"Telefon-Geheimzahl", "Kontrollfrage: Name Ihrer ersten Schule"}
    assert next(e for e in d.evidence if e.words == "Telefon-Geheimzahl").step == 1


def test_verification_identity_fields_pass():
    form = _form(("Full name", "text", True), ("Customer number", "text", True), ("Email", "email", True),
                 ("Postcode", "text", False), ("Date of birth", "date", False))
    assert run("excessive_verification", journey("cancel", [step(0, page("x", forms=[form]), "goto")])).score == 1


def test_verification_login_form_password_is_not_counted():
    login = _form(("Customer number", "text", True), ("Password", "password", True))
    j = journey("cancel", [step(0, page("Sign in", forms=[login]), "click"),
                           step(1, page("Cancel", forms=[]), "login",
                                filled=[FilledValue(label="Password", type="password", value="•", secret=True)])])
    assert run("excessive_verification", j).score == 1


def test_verification_optional_only_is_partial_and_signup_not_applicable():
    form = _form(("Name", "text", True), ("Memorable word (optional)", "text", False))
    assert run("excessive_verification", journey("cancel", [step(0, page("x", forms=[form]), "goto")])).score == 0.5
    assert run("excessive_verification", journey("signup", [step(0, page("x", forms=[form]), "goto")])).score is None


# ---------------------------------------------------------------- misleading_button_label
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


# ---------------------------------------------------------------- missing_confirmation_details
def test_confirmation_complete_german():
    final = page("Kündigung bestätigt", "Eingang am 03.04.2027 um 08:15 Uhr, Vorgangsnummer AB-99123.",
                 "Als PDF speichern", lang="de", headings=["Kündigung bestätigt"])
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, final)]))
    assert d.score == 1 and d.details["missing"] == []


def test_confirmation_bare_page_fails_and_names_missing():
    final = page("Vielen Dank", "Wir melden uns.", lang="de", headings=["Vielen Dank"])
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, final)]))
    assert d.score == 0 and d.details["missing"] == ["date", "time", "reference", "save"]
    assert d.evidence[0].step == 1 and d.evidence[0].words == "Vielen Dank"


def test_confirmation_partial_share_and_time_optional_in_english():
    final = page("Cancelled", "Your plan ends on April 30, 2027.", "Request ID 7781-22")
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x"), "goto"), step(1, final)]))
    assert d.score == pytest.approx(2 / 3) and d.details["missing"] == ["save"]


def test_confirmation_download_link_counts_and_not_applicable_when_blocked():
    final = page("Done", "Ended 2027-04-30, ref. ZZ-12345", elements=[el("Get it", "link", href="/files/c.pdf")])
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")])).score == 1
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")], outcome="blocked")).score is None


# ---------------------------------------------------------------- language
def test_page_language_order_and_cache():
    german = {"lang": "", "text_blocks": [{"text": "Ihre Kündigung ist bei uns eingegangen und wird bearbeitet."}]}
    assert page_language(german) == "de"
    assert page_language(german) == "de"  # cached
    assert page_language({"lang": "fr-FR", "text_blocks": []}) == "fr"
    assert page_language({"lang": "de", "text_blocks": []}, hint="en") == "en"
    assert page_language({"lang": "", "text_blocks": [{"text": "Hi"}]}) == "unknown"
    assert page_language(None) == "unknown"


def test_journey_language_of_uses_step_and_falls_back():
    j = journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, None, "wait_for")])
    assert journey_language_of(j, 0) == "de" and journey_language_of(j, 1) == "de" and journey_language_of(j, None) == "de"
