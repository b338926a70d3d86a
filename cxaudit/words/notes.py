"""Evidence notes as a key and its figures, worded in English or German only when a report is written.

A detector says ``note("overlay", covers=0.82)`` instead of an English sentence; the finding keeps the key
and the figures (``note_parts`` in results.json) beside the English text (``note``), so a German report
words the same evidence in German and a saved run can be rendered in either language later.

Templates are ``str.format`` strings with four conversions of our own:

- ``{x!q}`` quotes page words: 'x' in English, „x“ in German; ``None`` becomes the term "unnamed";
- ``{x!Q}`` quotes every item of a list, comma-separated;
- ``{x!t}`` translates a term (``TERMS``); an unknown term (a channel tag a user added) stays as it is;
- ``{x!l}`` translates every item of a list of terms, comma-separated.

Numbers follow the language: ``{r:.2f}`` prints 0.93 in English and 0,93 in German, ``{p:.0%}`` 80% and
80 %. Parts of one note are joined with "; " (after a part ending in ":" with a space only).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cxaudit.words.actions import target_text
from cxaudit.words.format import localise, quote, term

NOTE_LANGUAGES = ("en", "de")

NOTES: dict[str, dict[str, str]] = {
    # mandatory_exit_survey
    "survey_blocked": {"en": "{name!q} did not lead on without an answer ({signals!l})",
                       "de": "{name!q} führte ohne Antwort nicht weiter ({signals!l})"},
    "survey_required": {"en": "{n} required field(s): {fields}", "de": "{n} Pflichtfeld(er): {fields}"},
    "survey_message": {"en": "message: {text}", "de": "Meldung: {text}"},
    "survey_answer_actions": {"en": "{n} answer action(s) needed to go on",
                              "de": "{n} Antwort-Aktion(en) nötig, um weiterzukommen"},
    "survey_optional": {"en": "optional survey: {name!q} led on without an answer",
                        "de": "freiwillige Umfrage: {name!q} führte auch ohne Antwort weiter"},
    # why a check was not applicable (CheckResult.details.reason)
    "na_goal": {"en": "applies to {goals!l} journeys only; this journey's goal is {goal!t}",
                "de": "gilt nur für Kundenwege mit dem Ziel {goals!l}; dieser hat das Ziel {goal!t}"},
    "na_jurisdiction": {"en": "applies only in {where!l}; this journey is judged in {jurisdiction!t} ({source!t})",
                        "de": "gilt nur in {where!l}; dieser Kundenweg wird in {jurisdiction!t} beurteilt ({source!t})"},
    "na_no_chat": {"en": "no chat was driven on this journey", "de": "auf diesem Kundenweg wurde kein Chat geführt"},
    "na_language": {"en": "applies to pages in {languages} only; this journey's pages are in {found}",
                    "de": "gilt nur für Seiten auf {languages}; die Seiten dieses Kundenwegs sind auf {found}"},
    # login_wall
    "login_allowed_here": {"en": "a login was met, but in {jurisdiction!t} no rule forbids one before cancelling, and "
                                 "signing up needed an account too (or was not audited)",
                           "de": "eine Anmeldung kam vor, doch in {jurisdiction!t} verbietet keine Regel sie vor dem "
                                 "Kündigen, und auch der Abschluss brauchte ein Konto (oder wurde nicht geprüft)"},
    "login_not_at_signup": {"en": "signing up ({journey}) needed no account, but cancelling asks for a login",
                            "de": "der Abschluss ({journey}) brauchte kein Konto, das Kündigen aber eine Anmeldung"},
    "login_step": {"en": "the journey had to log in to go on cancelling",
                   "de": "der Kundenweg musste sich anmelden, um weiter kündigen zu können"},
    "login_form": {"en": "a login form (password field {field!q}) on {url}",
                   "de": "ein Anmeldeformular (Passwortfeld {field!q}) auf {url}"},
    "login_form_here": {"en": "a login form (password field {field!q}) on the page",
                        "de": "ein Anmeldeformular (Passwortfeld {field!q}) auf der Seite"},
    # repeated_data_entry
    "asked_again": {"en": "{how!t} asked again: step {first} ({first_label!q}) and step {repeat} ({repeat_label!q})",
                    "de": "{how!t} erneut abgefragt: Schritt {first} ({first_label!q}) und Schritt {repeat} ({repeat_label!q})"},
    # cookie_wall
    "overlay": {"en": "an overlay covering {covers:.0%} of the viewport blocks every click until it is answered",
                "de": "eine Einblendung über {covers:.0%} des sichtbaren Bereichs blockiert jeden Klick, bis sie beantwortet ist"},
    "overlay_answered": {"en": "answered with {name!q} in step {step}", "de": "beantwortet mit {name!q} in Schritt {step}"},
    # hidden_cancel_link
    "font_vs_median": {"en": "font {size:g} px vs page median {median:g} px",
                       "de": "Schrift {size:g} px gegenüber {median:g} px im Mittel der Seite"},
    "contrast": {"en": "contrast {ratio:g}:1", "de": "Kontrast {ratio:g}:1"},
    "sibling_links": {"en": "{n} sibling links", "de": "{n} Links daneben"},
    "in_footer": {"en": "in the footer", "de": "in der Fußzeile"},
    "not_in_footer": {"en": "not in the footer", "de": "nicht in der Fußzeile"},
    "below_fold": {"en": "below the fold (scrolling needed)", "de": "unterhalb des sichtbaren Bereichs (Scrollen nötig)"},
    "first_viewport": {"en": "in the first viewport", "de": "im ersten sichtbaren Bereich"},
    "reveal_clicks": {"en": "{n} reveal click(s) first: {names!Q}", "de": "zuerst {n} Klick(s) zum Aufklappen: {names!Q}"},
    "criteria_held": {"en": "criteria met: {names!l}:", "de": "erfüllte Kriterien: {names!l}:"},
    "contrast_vs_page": {"en": "contrast {ratio:g}:1 vs {page:g}:1 of the page's text",
                         "de": "Kontrast {ratio:g}:1 gegenüber {page:g}:1 beim Text der Seite"},
    "footnote_line": {"en": "inside a line of small print ({size:g} px)", "de": "in einer Zeile Kleingedrucktem ({size:g} px)"},
    # visual_misdirection
    "needed_vs": {"en": "needed {needed!q} vs {other!q}:", "de": "nötig war {needed!q}, daneben {other!q}:"},
    "filled_vs_not": {"en": "filled vs not filled", "de": "gefüllt gegenüber ungefüllt"},
    "area_ratio": {"en": "{ratio:.1f}x the area", "de": "{ratio:.1f}-fache Fläche"},
    "font_ratio": {"en": "{ratio:.2f}x the font size", "de": "{ratio:.2f}-fache Schriftgröße"},
    "contrast_vs": {"en": "contrast {needed:g}:1 vs {other:g}:1", "de": "Kontrast {needed:g}:1 gegenüber {other:g}:1"},
    "weight_vs": {"en": "font weight {needed} vs {other}", "de": "Schriftstärke {needed} gegenüber {other}"},
    # retention_offer, confirmshaming, premature_rating_prompt
    "retention_offer": {"en": "offer to stay on the way out ({n} phrase(s) on this screen)",
                        "de": "Angebot zu bleiben auf dem Weg hinaus ({n} Formulierung(en) auf dieser Seite)"},
    "shaming_clicked": {"en": "the journey had to click this decline to go on",
                        "de": "der Kundenweg musste diese Ablehnung anklicken, um weiterzukommen"},
    "shaming_shown": {"en": "decline option worded to shame the customer",
                      "de": "Ablehnung, die den Kunden beschämen soll"},
    "rating_prompt": {"en": "rating prompt {where!t} before the goal was reached",
                      "de": "Bitte um Bewertung {where!t}, bevor das Ziel erreicht war"},
    # channel_redirect, wait_time_notice, limited_contact_channels
    "redirect": {"en": "the page sends the customer to another channel",
                 "de": "die Seite schickt den Kunden auf einen anderen Kanal"},
    "redirect_points": {"en": "the page sends the customer to another channel ({points})",
                        "de": "die Seite schickt den Kunden auf einen anderen Kanal ({points})"},
    "stated_wait": {"en": "stated wait: {minutes:g} minutes", "de": "angekündigte Wartezeit: {minutes:g} Minuten"},
    "channel_offered": {"en": "{channel!t} channel offered", "de": "Kanal angeboten: {channel!t}"},
    "contact_form": {"en": "contact form with a message field", "de": "Kontaktformular mit einem Nachrichtenfeld"},
    "chat_opened": {"en": "chat opened", "de": "Chat geöffnet"},
    # excessive_verification
    "verification_answered": {"en": "the journey had to answer this verification field",
                              "de": "der Kundenweg musste dieses Prüffeld ausfüllen"},
    "verification_shown": {"en": "verification field on the way out", "de": "Prüffeld auf dem Weg hinaus"},
    # misleading_button_label, missing_confirmation_details (§ 312k)
    "label_312k": {"en": "§ 312k {rule}: {role!t} label {text!q}: {why!n}",
                   "de": "§ 312k {rule}: Beschriftung {text!q} ({role!t}): {why!n}"},
    "label_vague": {"en": "{words!q} does not make clear that this cancels",
                    "de": "{words!q} macht nicht klar, dass damit gekündigt wird"},
    "label_silent": {"en": "the label does not say that it cancels",
                     "de": "die Beschriftung sagt nicht, dass damit gekündigt wird"},
    "confirmation_lacks": {"en": "confirmation page lacks: {missing!l}", "de": "auf der Bestätigungsseite fehlen Angaben: {missing!l}"},
    # chatbot_loop, no_human_handoff, slow_human_handoff
    "reply_repeats_greeting": {"en": "turn {n} ({sent!q}): the reply repeats the greeting (similarity {similarity:.2f})",
                               "de": "Nachricht {n} ({sent!q}): die Antwort wiederholt die Begrüßung (Ähnlichkeit {similarity:.2f})"},
    "reply_repeats_turn": {"en": "turn {n} ({sent!q}): the reply repeats turn {earlier} (similarity {similarity:.2f})",
                           "de": "Nachricht {n} ({sent!q}): die Antwort wiederholt Nachricht {earlier} (Ähnlichkeit {similarity:.2f})"},
    "asked_for_person": {"en": "asked for a person in turn {n} ({sent!q})",
                         "de": "in Nachricht {n} nach einem Menschen gefragt ({sent!q})"},
    "no_person_after": {"en": "{n} reply turn(s) after it offered no person, queue or other channel",
                        "de": "{n} Antwort(en) danach boten keinen Menschen, keine Warteschlange und keinen anderen Kanal"},
    "without_reply": {"en": "{n} without any reply", "de": "{n} ganz ohne Antwort"},
    "handoff_after_request": {"en": "a person or another channel {turns} message(s) after the request in message {asked} ({total} in all)",
                              "de": "ein Mensch oder ein anderer Kanal {turns} Nachricht(en) nach der Bitte in Nachricht {asked} "
                                    "({total} insgesamt)"},
    "handoff_after_start": {"en": "a person or another channel {turns} message(s) after the start ({total} in all)",
                            "de": "ein Mensch oder ein anderer Kanal {turns} Nachricht(en) nach dem Start ({total} insgesamt)"},
    "no_handoff": {"en": "no person, queue or other channel after {sent} message(s)",
                   "de": "kein Mensch, keine Warteschlange und kein anderer Kanal nach {sent} Nachricht(en)"},
    "no_handoff_after_ask": {"en": "no person, queue or other channel after {sent} message(s), {after} of them after asking for a person",
                             "de": "kein Mensch, keine Warteschlange und kein anderer Kanal nach {sent} Nachricht(en), "
                                   "{after} davon nach der Bitte um einen Menschen"},
    # cancel_harder_than_signup
    "cancel_vs_signup": {"en": "cancelling took {cancel_actions} actions over {cancel_pages} pages; signing up ({signup}) took "
                               "{signup_actions} actions over {signup_pages} pages: ratio {ratio:g}",
                         "de": "Kündigen: {cancel_actions} Aktionen auf {cancel_pages} Seiten; Anmelden ({signup}): "
                               "{signup_actions} Aktionen auf {signup_pages} Seiten; Verhältnis {ratio:g}"},
    # accessibility_barriers
    "axe_rule": {"en": "axe {rule} ({impact!t}): {nodes} element(s) across {pages} page(s); e.g. {targets}",
                 "de": "axe {rule} ({impact!t}): {nodes} Element(e) auf {pages} Seite(n); z. B. {targets}"},

    # ---- why a step or a journey failed (recorder and runner); Playwright's own words stay as they are
    "err_raw": {"en": "{text}", "de": "{text}"},
    "err_not_found": {"en": "found no visible element for {targets!O} after {timeout:g} s",
                      "de": "kein sichtbares Element für {targets!O} nach {timeout:g} s gefunden"},
    "err_hidden_matches": {"en": "{n} matching element(s) exist but are hidden (behind a menu, a 'more' toggle or a closed "
                                 "section?): add a step that reveals it",
                           "de": "{n} passende(s) Element(e) vorhanden, aber verborgen (hinter einem Menü, einem „mehr“-Schalter "
                                 "oder einem zugeklappten Abschnitt?): fügen Sie einen Schritt ein, der es sichtbar macht"},
    "err_check_name": {"en": "check the name or text on the page, or raise the step timeout",
                       "de": "prüfen Sie den Namen oder Text auf der Seite oder erhöhen Sie die Zeitgrenze des Schritts"},
    "err_nav_failed": {"en": "opening {url} failed: {why!N}", "de": "Öffnen von {url} fehlgeschlagen: {why!N}"},
    "err_net": {"en": "{code!t} [net::{code}]", "de": "{code!t} [net::{code}]"},
    "err_load_timeout": {"en": "the page did not finish loading within {seconds:g} s",
                         "de": "die Seite war nach {seconds:g} s nicht fertig geladen"},
    "err_timed_out": {"en": "timed out: {detail}", "de": "Zeit überschritten: {detail}"},
    "err_interrupted": {"en": "interrupted", "de": "unterbrochen"},
    "err_http": {"en": "the page answered HTTP {status}", "de": "die Seite antwortete mit HTTP {status}"},
    "err_http_allow": {"en": "if the journey expects it there, list {status} under allow_http",
                       "de": "erwartet die Journey das dort, {status} unter allow_http eintragen"},
    "err_start": {"en": "the start page did not open", "de": "die Startseite öffnete sich nicht"},
    "err_step": {"en": "the step failed", "de": "der Schritt schlug fehl"},
    "err_success_unmet": {"en": "the success condition was not met at the end: {why!N}",
                          "de": "die Erfolgsbedingung war am Ende nicht erfüllt: {why!N}"},
    "err_chat_unanswered": {"en": "the chat bot did not answer {n} of {total} message(s) within {within:g} s",
                            "de": "der Chatbot beantwortete {n} von {total} Nachricht(en) nicht binnen {within:g} s"},
    "cond_text_missing": {"en": "text {texts!R} is not on the page", "de": "Text {texts!R} steht nicht auf der Seite"},
    "cond_url_mismatch": {"en": "the URL {url} does not match {pattern!q}", "de": "die Adresse {url} passt nicht zu {pattern!q}"},
    "cond_no_element": {"en": "no visible {target!T}", "de": "nicht sichtbar: {target!T}"},
    "err_no_dialog": {"en": "no browser dialog opened within {timeout:g} s", "de": "kein Browser-Dialog innerhalb von {timeout:g} s"},
    "err_dialog_text": {"en": "the browser dialog said {message!q}, not {text!q}",
                        "de": "der Browser-Dialog sagte {message!q}, nicht {text!q}"},
    "err_expectation": {"en": "expectation failed: {why!N}", "de": "Erwartung nicht erfüllt: {why!N}"},
    "err_covered": {"en": "{target!T} is covered by another element (an overlay or cookie wall?) and could not be clicked "
                          "within {timeout:g} s; add a dismiss step before it",
                    "de": "{target!T} ist von einem anderen Element verdeckt (Einblendung oder Cookie-Wand?) und ließ sich "
                          "binnen {timeout:g} s nicht anklicken; fügen Sie davor einen dismiss-Schritt ein"},
    "err_disabled": {"en": "{target!T} stayed disabled for {timeout:g} s", "de": "{target!T} blieb {timeout:g} s lang gesperrt"},
    "err_moving": {"en": "{target!T} kept moving (the page grows around it) and could not be clicked within {timeout:g} s",
                   "de": "{target!T} bewegte sich ständig (die Seite wächst um es herum) und ließ sich binnen {timeout:g} s "
                         "nicht anklicken"},
    "err_gate_still_blocks": {"en": "the gate still blocks the way after answering: {messages}",
                              "de": "die Hürde sperrt den Weg auch nach der Antwort: {messages}"},
    "err_gate_check_answers": {"en": "the gate still blocks the way after answering; check the answer steps",
                               "de": "die Hürde sperrt den Weg auch nach der Antwort; prüfen Sie die Antwort-Schritte"},
    "err_answer": {"en": "answer {n} ({type}): {why!N}", "de": "Antwort {n} ({type}): {why!N}"},
    "err_run_interrupted": {"en": "interrupted before the journey finished (Ctrl-C or the run was stopped)",
                            "de": "unterbrochen, bevor der Kundenweg fertig war (Strg-C, oder der Lauf wurde angehalten)"},
    "err_journey_timeout": {"en": "the journey took longer than its limit of {limit:g} s",
                            "de": "der Kundenweg dauerte länger als seine Grenze von {limit:g} s"},
    "err_browser_failed": {"en": "the browser failed: {text}", "de": "der Browser versagte: {text}"},
    "err_browser_gone": {"en": "the browser went away {when!t} (it was closed, killed or crashed); `--resume` runs it again",
                         "de": "der Browser ist {when!t} weggefallen (geschlossen, beendet oder abgestürzt); "
                               "`--resume` führt ihn erneut aus"},
}

# words a template slots in: enumerations a detector chooses from, translated with !t and !l

# the network errors plain_error() words (Chromium's net::ERR_* codes); "ERR_CERT" stands for every ERR_CERT_*
NET_ERRORS = ("ERR_CONNECTION_REFUSED", "ERR_NAME_NOT_RESOLVED", "ERR_NAME_RESOLUTION_FAILED", "ERR_CONNECTION_TIMED_OUT",
              "ERR_TOO_MANY_REDIRECTS", "ERR_CONNECTION_RESET", "ERR_ADDRESS_UNREACHABLE", "ERR_INTERNET_DISCONNECTED",
              "ERR_CERT", "ERR_EMPTY_RESPONSE", "ERR_UNSAFE_PORT")


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return quote(value, self.lang)
        if conversion == "Q":
            return ", ".join(quote(v, self.lang) for v in value or [])
        if conversion == "t":
            return term(value, self.lang)
        if conversion == "l":
            return ", ".join(term(v, self.lang) for v in value or [])
        if conversion == "n":  # a nested note: {"key": ..., "args": {...}}
            return render_part(value, self.lang)
        if conversion == "N":  # nested notes: a list of parts, joined as a note
            return render(value, self.lang)
        if conversion == "R":  # quoted alternatives: 'a' / 'b'
            return " / ".join(quote(v, self.lang) for v in value or [])
        if conversion == "T":  # a step's target as the recorder saved it (recorder/describe.py target_action)
            return target_text(value, self.lang)
        if conversion == "O":  # several targets: button 'a' or link 'b'
            return f" {term('or', self.lang)} ".join(target_text(v, self.lang) for v in value or [])
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return "?"
        text = super().format_field(value, format_spec)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return localise(text, self.lang)
        return text


def render_part(part: dict[str, Any], lang: str) -> str:
    """One part in one language; ``KeyError`` for a key this version does not know."""
    templates = NOTES[part["key"]]
    return _Formatter(lang).format(templates.get(lang, templates["en"]), **part.get("args", {}))


def render(parts: Iterable[dict[str, Any]], lang: str) -> str:
    out = ""
    for part in parts:
        text = render_part(part, lang)
        out = text if not out else out + (" " if out.endswith(":") else "; ") + text
    return out


@dataclass(frozen=True)
class Note:
    """What a detector says about one piece of evidence; parts add up with ``+``."""

    parts: tuple[dict[str, Any], ...]

    def __add__(self, other: Note) -> Note:
        return Note(self.parts + other.parts)

    def text(self, lang: str = "en") -> str:
        return render(self.parts, lang)

    def dump(self) -> list[dict[str, Any]]:
        return [{"key": p["key"], "args": dict(p.get("args", {}))} for p in self.parts]


def note(key: str, **args: Any) -> Note:
    if key not in NOTES:
        raise KeyError(f"no note template {key!r} in cxaudit/notes.py")
    return Note(({"key": key, "args": args},))


def join(notes: Iterable[Note]) -> Note:
    parts: tuple[dict[str, Any], ...] = ()
    for n in notes:
        parts += n.parts
    return Note(parts)
