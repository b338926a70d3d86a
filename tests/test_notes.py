"""Evidence notes: every template in every language, the wording rules, and the way from a detector's note to a
finding and to a report in either language (no browser)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from cxaudit.report.content import evidence_text, note_text
from cxaudit.results.model import Finding, NotePart
from cxaudit.words.notes import NOTE_LANGUAGES, NOTES, join, note, render
from cxaudit.words.terms import TERMS

PACKAGE = Path(__file__).parents[1] / "cxaudit"
DETECTORS = PACKAGE / "judge" / "detectors"
# what says notes: the detectors (findings), the recorder and the runner (why a step or a journey failed)
SPEAKERS = [*DETECTORS.glob("*.py"), *(PACKAGE / "record").rglob("*.py"), PACKAGE / "judge" / "engine.py"]


def _fields(template: str) -> list[tuple[str, str, str]]:
    return sorted((name, conv or "", spec or "") for _, name, spec, conv in string.Formatter().parse(template) if name)


def test_every_template_and_term_has_every_language_with_the_same_fields():
    for key, texts in NOTES.items():
        assert set(texts) == set(NOTE_LANGUAGES), key
        shapes = {lang: _fields(texts[lang]) for lang in NOTE_LANGUAGES}
        assert len({tuple(s) for s in shapes.values()}) == 1, (key, shapes)
    for key, texts in TERMS.items():
        assert set(texts) == set(NOTE_LANGUAGES) and all(texts.values()), key


def test_every_template_is_used_and_every_used_key_exists():
    source = "".join(p.read_text(encoding="utf-8") for p in SPEAKERS)
    called = set(re.findall(r"""\bnote\(\s*["'](\w+)["']""", source))
    called |= {k for pair in re.findall(r"""\bnote\(\s*["'](\w+)["']\s+if\b[^\n]*?\belse\s+["'](\w+)["']\s*[,)]""", source)
               for k in pair}  # note("a" if ... else "b")
    called |= set(re.findall(r"""\bwhy=note\(["'](\w+)["']""", source))
    assert called - set(NOTES) == set()
    assert set(NOTES) - called == set(), "templates nothing uses"


def test_no_detector_writes_an_english_sentence_as_a_note():
    source = "".join(p.read_text(encoding="utf-8") for p in DETECTORS.glob("*.py"))
    assert not re.findall(r"""note=f?["']""", source)


def test_numbers_follow_the_language():
    n = note("overlay", covers=0.82) + note("font_ratio", ratio=1.284)
    assert n.text("en") == ("an overlay covering 82% of the viewport blocks every click until it is answered; "
                            "1.28x the font size")
    assert n.text("de") == ("eine Einblendung über 82 % des sichtbaren Bereichs blockiert jeden Klick, bis sie beantwortet ist; "
                            "1,28-fache Schriftgröße")
    assert note("stated_wait", minutes=90.0).text("de") == "angekündigte Wartezeit: 90 Minuten"
    assert note("contrast", ratio=None).text("en") == "contrast ?:1"  # a figure the page did not give


def test_quotes_terms_lists_and_nesting():
    assert note("overlay_answered", name="OK", step=1).text("en") == "answered with 'OK' in step 1"
    assert note("overlay_answered", name="OK", step=1).text("de") == "beantwortet mit „OK“ in Schritt 1"
    assert note("survey_optional", name=None).text("de") == "freiwillige Umfrage: das Bedienelement führte auch ohne Antwort weiter"
    assert note("confirmation_lacks", missing=["date", "save"]).text("de") == "auf der Bestätigungsseite fehlen Angaben: Datum, Speichern"
    # a channel tag a user added to the lexicon has no translation: it is shown as it is
    assert note("channel_offered", channel="carrier_pigeon").text("de") == "Kanal angeboten: carrier_pigeon"
    why = note("label_vague", words="Vertrag").parts[0]
    n = note("label_312k", rule="R2", role="entry", text="Vertragsservice", why=why)
    assert n.text("en") == "§ 312k R2: entry label 'Vertragsservice': 'Vertrag' does not make clear that this cancels"
    assert n.text("de") == ("§ 312k R2: Beschriftung „Vertragsservice“ (Einstieg): „Vertrag“ macht nicht klar, "
                            "dass damit gekündigt wird")


def test_parts_join_with_semicolons_and_after_a_colon_with_a_space():
    n = join([note("needed_vs", needed="No", other="Yes"), note("filled_vs_not"), note("area_ratio", ratio=3.5)])
    assert n.text("en") == "needed 'No' vs 'Yes': filled vs not filled; 3.5x the area"
    assert n.text("de") == "nötig war „No“, daneben „Yes“: gefüllt gegenüber ungefüllt; 3,5-fache Fläche"


def test_an_unknown_key_is_refused_at_once():
    with pytest.raises(KeyError, match="no note template"):
        note("no_such_note")


def _finding(**kw) -> Finding:
    return Finding(check="cookie_wall", code="CX105", severity="medium", step=1, **kw)


def test_a_finding_is_worded_in_the_report_language():
    n = note("overlay", covers=1.0) + note("overlay_answered", name="Alle akzeptieren", step=1)
    f = _finding(note=n.text("en"), note_parts=[NotePart(**p) for p in n.dump()], words="Wir verwenden Cookies")
    assert note_text(f, "en") == f.note
    assert note_text(f, "de").startswith("eine Einblendung über 100 % des sichtbaren Bereichs")
    assert evidence_text(f, "de") == f"„Wir verwenden Cookies“ – Schritt 1 – {note_text(f, 'de')}"


def test_old_runs_and_unknown_keys_fall_back_to_the_saved_english_note():
    assert note_text(_finding(note="an overlay covering 100% of the viewport"), "de") == "an overlay covering 100% of the viewport"
    newer = _finding(note="something a newer cxaudit said", note_parts=[NotePart(key="from_the_future", args={"n": 1})])
    assert note_text(newer, "de") == "something a newer cxaudit said"
    broken = _finding(note="saved text", note_parts=[NotePart(key="overlay", args={})])  # a figure missing
    assert note_text(broken, "de") == "saved text"


def test_judging_keeps_the_keys_and_the_english_text_together():
    from cxaudit.judge.detectors.base import Evidence
    from cxaudit.judge.engine import _finding as finding_of
    from cxaudit.judge.engine import catalogue

    spec = next(s for s in catalogue([]).specs if s.id == "cookie_wall")
    ev = Evidence(step=1, note=note("overlay", covers=0.5) + note("overlay_answered", name="OK", step=1))
    f = finding_of(spec, ev)
    assert f.note == "an overlay covering 50% of the viewport blocks every click until it is answered; answered with 'OK' in step 1"
    assert render([p.model_dump() for p in f.note_parts], "en") == f.note
    plain = finding_of(spec, Evidence(step=1, note="a plugin's own words"))
    assert plain.note == "a plugin's own words" and plain.note_parts == []
