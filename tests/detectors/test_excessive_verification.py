"""CX104 excessive_verification on hand-built forms (no browser)."""

from __future__ import annotations

from factories import field, form

from cxaudit.results.model import FilledValue

from .judged import judged
from .pages import el, journey, page, run, step


def _form(*fields):
    return form(*(field(label=lbl, type=t, required=req, box={"x": 0, "y": 0, "width": 1, "height": 1})
                  for lbl, t, req in fields))


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
    assert judged("excessive_verification", journey("signup", [step(0, page("x", forms=[form]), "goto")])).status == "not_applicable"
