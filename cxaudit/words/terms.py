"""Words the notes and the step actions put around page words and figures ("or", "unnamed" ...), per language."""

from __future__ import annotations

from typing import Any

TERMS: dict[str, dict[str, str]] = {
    "unnamed": {"en": "the control", "de": "das Bedienelement"},
    # why a gate counts as blocked
    "disabled_control": {"en": "disabled control", "de": "Schaltfläche gesperrt"},
    "validation_message": {"en": "validation message", "de": "Fehlermeldung"},
    "same_view": {"en": "same view", "de": "Seite blieb gleich"},
    "required_fields": {"en": "required fields", "de": "Pflichtfelder"},
    "blocked": {"en": "blocked", "de": "blockiert"},
    # repeated_data_entry
    "same_value": {"en": "the same value", "de": "derselbe Wert"},
    "same_field": {"en": "the same field", "de": "dasselbe Feld"},
    "same_value_same_field": {"en": "the same value in the same field", "de": "derselbe Wert im selben Feld"},
    # where a rating prompt appeared
    "in_chat": {"en": "in a chat reply", "de": "in einer Chat-Antwort"},
    "in_dialog": {"en": "in a pop-up", "de": "in einem Pop-up"},
    "on_page": {"en": "on the page", "de": "auf der Seite"},
    # contact channels (the tags of checks/lexicons/contact_channels.yaml)
    "phone": {"en": "phone", "de": "Telefon"},
    "email": {"en": "email", "de": "E-Mail"},
    "chat": {"en": "chat", "de": "Chat"},
    "post": {"en": "post", "de": "Brief"},
    "social": {"en": "social media", "de": "soziale Medien"},
    "callback": {"en": "callback", "de": "Rückruf"},
    "video": {"en": "video", "de": "Video"},
    "form": {"en": "form", "de": "Formular"},
    # § 312k
    "entry": {"en": "entry", "de": "Einstieg"},
    "confirm": {"en": "confirm", "de": "Bestätigung"},
    "date": {"en": "date", "de": "Datum"},
    "time": {"en": "time", "de": "Uhrzeit"},
    "reference": {"en": "reference", "de": "Referenz"},
    "save": {"en": "save", "de": "Speichern"},
    # goals and jurisdictions (why a check is not applicable)
    "cancel": {"en": "cancel", "de": "Kündigen"},
    "uninstall": {"en": "uninstall", "de": "Deinstallieren"},
    "contact_support": {"en": "contact support", "de": "Support kontaktieren"},
    "signup": {"en": "sign-up", "de": "Abschluss"},
    "custom": {"en": "custom", "de": "eigenes Ziel"},
    "de": {"en": "Germany (de)", "de": "Deutschland (de)"},
    "eu": {"en": "the EU (eu)", "de": "der EU (eu)"},
    "us-ca": {"en": "California (us-ca)", "de": "Kalifornien (us-ca)"},
    "uk": {"en": "the UK (uk)", "de": "dem Vereinigten Königreich (uk)"},
    "none": {"en": "no jurisdiction (none)", "de": "keiner Rechtsordnung (none)"},
    "source_run": {"en": "set for the run", "de": "für den Lauf festgelegt"},
    "source_journey": {"en": "set in the journey file", "de": "in der Journey-Datei festgelegt"},
    "source_language": {"en": "from the pages' language", "de": "nach der Sprache der Seiten"},
    # axe impact
    "critical": {"en": "critical", "de": "kritisch"},
    "serious": {"en": "serious", "de": "ernst"},
    "moderate": {"en": "moderate", "de": "mittel"},
    "minor": {"en": "minor", "de": "gering"},
    # failures
    "or": {"en": "or", "de": "oder"},
    "during_journey": {"en": "during this journey", "de": "während dieses Kundenwegs"},
    "before_journey": {"en": "before this journey started", "de": "vor dem Start dieses Kundenwegs"},
    # hidden_cancel_link: the criteria that held
    "reveal_clicks": {"en": "behind a reveal click", "de": "erst nach einem Klick zum Aufklappen sichtbar"},
    "many_siblings": {"en": "among many links", "de": "zwischen vielen Links"},
    "small_font": {"en": "small font", "de": "kleine Schrift"},
    "low_contrast": {"en": "faint", "de": "blass"},
    "footnote_line": {"en": "in small print", "de": "im Kleingedruckten"},
    "footer_or_below_fold": {"en": "in the footer or below the fold", "de": "in der Fußzeile oder unterhalb des sichtbaren Bereichs"},
    "ERR_CONNECTION_REFUSED": {"en": "the site refused the connection (is it up, is the port right?)",
                               "de": "die Website lehnte die Verbindung ab (läuft sie, stimmt der Port?)"},
    "ERR_NAME_NOT_RESOLVED": {"en": "the host name could not be resolved (DNS); check the URL",
                              "de": "der Hostname ließ sich nicht auflösen (DNS); prüfen Sie die Adresse"},
    "ERR_NAME_RESOLUTION_FAILED": {"en": "the host name could not be resolved (DNS); check the URL",
                                   "de": "der Hostname ließ sich nicht auflösen (DNS); prüfen Sie die Adresse"},
    "ERR_CONNECTION_TIMED_OUT": {"en": "the connection timed out", "de": "die Verbindung lief in eine Zeitüberschreitung"},
    "ERR_TOO_MANY_REDIRECTS": {"en": "the page redirects in a loop", "de": "die Seite leitet im Kreis weiter"},
    "ERR_CONNECTION_RESET": {"en": "the connection was reset by the site", "de": "die Website setzte die Verbindung zurück"},
    "ERR_ADDRESS_UNREACHABLE": {"en": "the host is unreachable", "de": "der Host ist nicht erreichbar"},
    "ERR_INTERNET_DISCONNECTED": {"en": "there is no network connection", "de": "es besteht keine Netzverbindung"},
    "ERR_CERT": {"en": "the site's TLS certificate was refused", "de": "das TLS-Zertifikat der Website wurde abgelehnt"},
    "ERR_EMPTY_RESPONSE": {"en": "the site closed the connection without answering",
                           "de": "die Website schloss die Verbindung ohne Antwort"},
    "ERR_UNSAFE_PORT": {"en": "the browser refuses to connect to this port; use another",
                        "de": "der Browser verbindet sich nicht mit diesem Port; nehmen Sie einen anderen"},
}


def term(value: Any, lang: str) -> str:
    entry = TERMS.get(str(value))
    return entry.get(lang, entry["en"]) if entry else str(value)
