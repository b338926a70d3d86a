"""Step descriptions in the report language: the recorder saves each step's action as data and its English
description rendered from it (cxaudit/recorder/describe.py); reports word the action (cxaudit/report/actions.py)."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter

from cxaudit.journey.model import Step
from cxaudit.record.describe import describe, describe_start
from cxaudit.results.model import StepRecord
from cxaudit.words.actions import action_text, step_text, target_text

STEP = TypeAdapter(Step)
LOGIN = {"login": {"username": {"label": "Kundennummer", "value": "1"}, "password": {"label": "Passwort", "value": "2"},
                   "submit": {"role": "button", "name": "Anmelden"}}}
CHAT = {"chat": {"input": {"label": "Nachricht"}, "replies": ".bot", "messages": ["a", "b", "c"]}}
CHAT_ONE = {"chat": {"input": {"label": "Nachricht"}, "replies": ".bot", "messages": ["a"]}}


def gate(name=None, proceed=None):
    return {"gate": {**({"name": name} if name is not None else {}), "proceed": proceed or {"role": "button", "name": "Weiter"},
                     "answer": [{"click": "Zu teuer"}]}}


# (journey step, the English the recorder has always written, the German)
CASES = [
    ({"click": {"role": "link", "name": "Kündigen"}}, "click link 'Kündigen'", "Link „Kündigen“ anklicken"),
    ({"click": {"role": "button", "name": "Weiter"}}, "click button 'Weiter'", "Schaltfläche „Weiter“ anklicken"),
    ({"click": {"role": "button"}}, "click button", "Schaltfläche anklicken"),
    ({"click": "Weiter"}, "click 'Weiter'", "„Weiter“ anklicken"),
    ({"click": {"text": "Nein danke"}}, "click text 'Nein danke'", "Text „Nein danke“ anklicken"),
    ({"click": {"css": "#go"}}, "click css '#go'", "CSS-Selektor „#go“ anklicken"),
    ({"click": {"testid": "go"}}, "click testid 'go'", "Test-ID „go“ anklicken"),
    ({"click": {"role": "tab", "name": "Verträge"}}, "click tab 'Verträge'", "Reiter „Verträge“ anklicken"),
    ({"click": {"role": "menuitem", "name": "Konto"}}, "click menuitem 'Konto'", "Menüeintrag „Konto“ anklicken"),
    ({"click": {"role": "feed"}}, "click feed", "Feed anklicken"),  # a role with no German word stays as it is
    ({"fill": {"label": "E-Mail", "value": "a@b.de"}}, "fill label 'E-Mail'", "Feld „E-Mail“ ausfüllen"),
    ({"fill": {"placeholder": "Suche", "value": "x"}}, "fill placeholder 'Suche'", "Platzhalter „Suche“ ausfüllen"),
    ({"fill": {"role": "textbox", "name": "Name", "value": "x"}}, "fill textbox 'Name'", "Textfeld „Name“ ausfüllen"),
    ({"select": {"role": "combobox", "name": "Land", "option": "DE"}}, "select in combobox 'Land'",
     "In Auswahlfeld „Land“ wählen"),
    ({"select": {"label": "Grund", "option": "Preis"}}, "select in label 'Grund'", "In Feld „Grund“ wählen"),
    ({"check": {"role": "checkbox", "name": "AGB"}}, "check checkbox 'AGB'", "Kontrollkästchen „AGB“ ankreuzen"),
    ({"check": {"role": "radio", "name": "Zu teuer"}}, "check radio 'Zu teuer'", "Optionsfeld „Zu teuer“ ankreuzen"),
    ({"check": {"role": "switch", "name": "Werbung"}}, "check switch 'Werbung'", "Schalter „Werbung“ ankreuzen"),
    # an untick: until this version the English said "check" here too (wrongly); both now say what happens
    ({"check": {"label": "Newsletter", "checked": False}}, "uncheck label 'Newsletter'",
     "Häkchen bei Feld „Newsletter“ entfernen"),
    ({"press": "Enter"}, "press Enter", "Taste Enter drücken"),
    ({"press": {"key": "Enter", "target": {"label": "Suche"}}}, "press Enter on label 'Suche'",
     "Taste Enter drücken (auf Feld „Suche“)"),
    ({"wait_for": {"text": "Danke"}}, "wait for text 'Danke'", "Warten auf Text „Danke“"),
    ({"wait_for": {"role": "heading", "name": "Fertig"}}, "wait for heading 'Fertig'", "Warten auf Überschrift „Fertig“"),
    ({"expect": {"text": "Danke", "url": "/done"}}, "expect text, url", "Prüfen: Text, Adresse"),
    ({"expect": {"element": {"role": "option", "name": "Ja"}}}, "expect element", "Prüfen: Element"),
    ({"dismiss": "Alle akzeptieren"}, "dismiss 'Alle akzeptieren'", "Einblendung schließen mit „Alle akzeptieren“"),
    ({"goto": "/x"}, "go to /x", "Aufrufen: /x"),
    (LOGIN, "log in (label 'Kundennummer', label 'Passwort')", "Anmelden (Feld „Kundennummer“, Feld „Passwort“)"),
    (gate("survey"), "gate 'survey': proceed with button 'Weiter'", "Hürde „survey“: weiter mit Schaltfläche „Weiter“"),
    (gate(), "gate: proceed with button 'Weiter'", "Hürde: weiter mit Schaltfläche „Weiter“"),
    (gate("it's"), "gate \"it's\": proceed with button 'Weiter'", "Hürde „it's“: weiter mit Schaltfläche „Weiter“"),
    (CHAT, "chat: 3 message(s)", "Chat: 3 Nachrichten"),
    (CHAT_ONE, "chat: 1 message(s)", "Chat: 1 Nachricht"),
    ({"screenshot": "angebot"}, "screenshot angebot", "Bildschirmfoto „angebot“"),
    ({"screenshot": None}, "screenshot", "Bildschirmfoto"),
    ({"dialog": "accept"}, "accept the browser dialog", "Browser-Dialog bestätigen"),
    ({"dialog": {"action": "dismiss", "text": "Are you sure"}}, "dismiss the browser dialog", "Browser-Dialog abbrechen"),
]


@pytest.mark.parametrize(("data", "en", "de"), CASES, ids=[c[1] for c in CASES])
def test_every_step_type_in_both_languages(data, en, de):
    step = STEP.validate_python(data)
    description, action = describe(step)
    assert description == en  # the English the results have always held, rendered from the action
    assert action is not None and action["verb"] == step.type
    record = StepRecord(index=1, type=step.type, description=description, action=action)
    assert step_text(record, "en") == en[:1].upper() + en[1:]  # a heading starts with a capital
    assert step_text(record, "de") == de


def test_every_step_type_is_covered():
    from cxaudit.journey.model import STEP_MODELS

    assert {next(iter(data)) for data, _, _ in CASES} == set(STEP_MODELS)


def test_the_start_step():
    description, action = describe_start("https://example.com/konto")
    assert description == "open https://example.com/konto"
    assert action == {"verb": "open", "url": "https://example.com/konto"}
    record = StepRecord(index=0, type="goto", description=description, action=action)
    assert step_text(record, "de") == "Öffnen: https://example.com/konto"


def test_the_action_is_data():
    _, action = describe(STEP.validate_python({"click": {"role": "button", "name": "Weiter", "fallbacks": ["Next"]}}))
    assert action == {"verb": "click", "target": {"kind": "role", "role": "button", "name": "Weiter"}}
    _, action = describe(STEP.validate_python({"fill": {"label": "Passwort", "value": "geheim"}}))
    assert action == {"verb": "fill", "target": {"kind": "label", "name": "Passwort"}}  # never the value
    _, action = describe(STEP.validate_python(LOGIN))
    assert "1" not in str(action) and "2" not in str(action)


@pytest.mark.parametrize(("role", "de"), [
    ("button", "Schaltfläche"), ("link", "Link"), ("checkbox", "Kontrollkästchen"), ("textbox", "Textfeld"),
    ("combobox", "Auswahlfeld"), ("radio", "Optionsfeld"), ("menuitem", "Menüeintrag"), ("tab", "Reiter"),
    ("heading", "Überschrift"), ("option", "Option"), ("switch", "Schalter"), ("x-unknown", "x-unknown"),
])
def test_roles(role, de):
    assert target_text({"kind": "role", "role": role, "name": "N"}, "de") == f"{de} „N“"
    assert target_text({"kind": "role", "role": role, "name": "N"}, "en") == f"{role} 'N'"


@pytest.mark.parametrize(("kind", "de"), [
    ("label", "Feld"), ("text", "Text"), ("placeholder", "Platzhalter"), ("css", "CSS-Selektor"), ("testid", "Test-ID"),
])
def test_locator_kinds(kind, de):
    assert target_text({"kind": kind, "name": "N"}, "de") == f"{de} „N“"
    assert target_text({"kind": kind, "name": "N"}, "en") == f"{kind} 'N'"
    assert target_text({"kind": "auto", "name": "N"}, "de") == "„N“"


def test_a_description_the_journey_gives_is_shown_as_written():
    step = STEP.validate_python({"click": "Weiter", "description": "confirm on the one confirm view"})
    description, action = describe(step)
    assert (description, action) == ("confirm on the one confirm view", None)
    record = StepRecord(index=1, type="click", description=description, action=action)
    assert step_text(record, "de") == step_text(record, "en") == "confirm on the one confirm view"
    inside = STEP.validate_python({"click": {"text": "Weiter", "description": "Weiter zur Kündigung"}})
    assert describe(inside) == ("Weiter zur Kündigung", None)


def test_an_older_run_without_actions_falls_back_to_its_description():
    record = StepRecord.model_validate({"index": 1, "type": "click", "description": "click 'Weiter'"})
    assert record.action is None
    assert step_text(record, "de") == "click 'Weiter'"


def test_an_action_this_version_cannot_word_falls_back():
    for action in ({"verb": "hover", "target": {"kind": "auto", "name": "x"}}, {"verb": "click"}, {"verb": "goto"}):
        record = StepRecord(index=1, type="x", description="as recorded", action=action)
        assert step_text(record, "de") == "as recorded"
    with pytest.raises(KeyError):
        action_text({"verb": "hover"}, "de")


# ---------------------------------------------------------------- the recorded demo run (tests/fixtures/demo_run)
def test_the_recorded_description_is_the_english_of_the_action(recorded_demo):
    run, _ = recorded_demo
    steps = [s for j in run.journeys for s in j.steps]
    assert steps and any(s.action for s in steps)
    for s in steps:
        if s.action is not None:
            assert action_text(s.action, "en") == s.description
        assert s.action is not None or s.index > 0  # the start step is always worded by cxaudit


ENGLISH_VERBS = ("click ", "fill ", "log in", "go to", "proceed with", "open ", "dismiss ", "select in", "wait for",
                 "press ", "expect ", "screenshot", "message(s)")


def _without_names(text: str) -> str:
    return re.sub(r"„[^“]*“", "„…“", text)  # the site's own words (link names, labels) may be English


def test_german_storyboard_headings_have_no_english_verbs(recorded_demo, tmp_path):
    from cxaudit.report.html import render_html

    run, folder = recorded_demo
    out = render_html(run, folder, tmp_path / "report.de.html", "de").path
    html = out.read_text(encoding="utf-8")
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<h4 id="j-[^"]*-s\d+">(.*?)</h4>', html, re.S)]
    assert len(headings) == sum(len(j.steps) for j in run.journeys)
    given = {s.description for j in run.journeys for s in j.steps if s.action is None}  # the journeys' own words
    worded = [h for h in headings if not any(g in h for g in given)]
    assert any("anklicken" in h for h in worded) and any("Öffnen: " in h for h in worded)
    for h in worded:
        for en in ENGLISH_VERBS:
            assert en not in _without_names(h), h


def test_german_steps_table(recorded_demo):
    from cxaudit.report.tables import frames

    run, _ = recorded_demo
    de = list(frames(run, "de")["steps"]["description"])
    en = list(frames(run, "en")["steps"]["description"])
    assert en == [s.description for j in run.journeys for s in j.steps]  # as results.json has it
    assert any(d.endswith(" anklicken") for d in de) and not any(d.startswith("click ") for d in de)
