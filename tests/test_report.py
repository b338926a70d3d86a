"""The reports without a browser: i18n completeness, every format from the recorded demo run (tests/fixtures/demo_run,
judged here), escaping helpers."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cxaudit.report import FORMATS, Branding, render
from cxaudit.report.markdown import md
from cxaudit.results.model import CheckResult, Finding, JourneyMetrics, JourneyResult, RunResult
from cxaudit.words.i18n import LANGUAGES, STRINGS, t

TEMPLATES = Path(__file__).parents[1] / "cxaudit" / "report" / "templates"


def test_every_key_has_every_language():
    missing = [(k, lang) for k, v in STRINGS.items() for lang in LANGUAGES if not v.get(lang)]
    assert not missing
    for k, v in STRINGS.items():  # the same placeholders in every language
        fields = {lang: sorted(re.findall(r"{(\w+)}", v[lang])) for lang in LANGUAGES}
        assert len({tuple(f) for f in fields.values()}) == 1, (k, fields)


def test_every_key_used_in_templates_exists():
    text = "".join(p.read_text(encoding="utf-8") for p in TEMPLATES.iterdir())
    used = set(re.findall(r"\bt\('(\w+)'", text))
    assert used and not used - set(STRINGS)


def _journey(jid: str, goal: str, site: str, actions: int, pages: int, outcome: str = "completed") -> JourneyResult:
    return JourneyResult(id=jid, name=jid, goal=goal, site=site, language="en", device="desktop", file="x.yaml",
                         start_url="http://x/", outcome=outcome, metrics=JourneyMetrics(actions=actions, pages=pages))


def test_sentences_pair_cancel_with_signup():
    from cxaudit.report.content import sentence

    run = RunResult(run_id="r", started_at="2026-01-01T00:00:00+00:00", journeys=[
        _journey("c", "cancel", "s", 12, 7), _journey("u", "signup", "s", 5, 3),
        _journey("b", "cancel", "t", 2, 2, "blocked"), _journey("one", "uninstall", "t", 1, 1)])
    assert sentence(run.journeys[0], run, "en") == "Cancelling took 12 actions over 7 pages; signing up took 5."
    assert sentence(run.journeys[0], run, "de") == "Die Kündigung erforderte 12 Aktionen auf 7 Seiten; der Abschluss 5."
    assert sentence(run.journeys[2], run, "en").startswith("The goal could not be reached online")
    assert sentence(run.journeys[3], run, "en") == "Uninstalling took 1 action over 1 page."


def test_markdown_escaping():
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md("{{ 7*7 }} | a_b [x](javascript:y)") == r"{{ 7\*7 }} \| a\_b \[x\](javascript:y)"
    assert "\n" not in md("two\nlines")


@pytest.fixture(scope="module")
def judged(recorded_demo):
    from cxaudit.judge.engine import judge_run

    run, folder = recorded_demo
    judge_run(run)
    return run, folder


@pytest.fixture(scope="module")
def rendered(judged, tmp_path_factory):
    run, folder = judged
    out = tmp_path_factory.mktemp("reports")
    files = {}
    for lang in LANGUAGES:
        fmts = [f for f in FORMATS if f != "pdf"]  # the PDF is tested with the browser tests
        files[lang] = render(run, folder, fmts, lang, Branding(consultant="Muster Beratung", client="ACME GmbH"), out_dir=out)
    return run, folder, out, files


def test_every_format_is_written(rendered):
    _, _, out, files = rendered
    names = {p.name for p in files["en"]}
    assert names == {"report.html", "results.json", "steps.csv", "findings.csv", "scores.csv", "report.xlsx", "junit.xml",
                     "report.md"}
    assert {p.name for p in files["de"]} >= {"report.de.html", "report.de.md", "junit.de.xml"}
    for p in files["en"] + files["de"]:
        assert p.is_file() and p.stat().st_size > 0


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained(rendered):
    run, _, out, _ = rendered
    html = (out / "report.html").read_text(encoding="utf-8")
    p = _Tags()
    p.feed(html)
    metas = [a for tag, a in p.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert metas and metas[0]["content"] == "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    assert not [a for tag, a in p.tags if tag in ("script", "link", "iframe", "object", "embed", "base", "form")]
    for tag, attrs in p.tags:
        assert not [k for k in attrs if k.startswith("on")], tag
        for key in ("src", "href"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith(("data:", "#")), (tag, key, value[:80])
    shots = sum(1 for j in run.journeys for s in j.steps if s.screenshot)
    assert sum(1 for tag, a in p.tags if tag == "img" and a.get("src", "").startswith("data:image/jpeg")) == shots
    assert all(a.get("alt") for tag, a in p.tags if tag == "img")


def test_html_has_every_section_and_journey(rendered):
    run, _, out, _ = rendered
    html = (out / "report.html").read_text(encoding="utf-8")
    for heading in ("Executive summary", "Comparison of sites", "Findings", "Storyboards", "Appendix", "Score model"):
        assert heading in html
    for j in run.journeys:
        assert f'id="j-{j.id}"' in html
    assert "Cancelling took 14 actions over 7 pages; signing up took 5." in html  # funknetz hostile (a login is 3)
    assert "ACME GmbH" in html and "Muster Beratung" in html
    assert html.count('role="img"') >= 3


def test_german_report_has_no_english_ui_words(rendered):
    _, _, out, _ = rendered
    html = (out / "report.de.html").read_text(encoding="utf-8")
    assert 'lang="de"' in html
    for de in ("Zusammenfassung", "Befunde", "Schritt für Schritt", "Anhang", "Bewertungsmodell", "Vergleich der Websites"):
        assert de in html
    ui = re.sub(r"<[^>]+>", "\n", html)
    for en in ("Executive summary", "Findings", "Storyboards", "Appendix", "Score model", "How to fix", "Top findings",
               "Goal reached", "Prepared for", "Actions per journey", "Gate probe", "Chat transcript"):
        assert en not in ui, en
    assert "Die Kündigung erforderte 14 Aktionen auf 7 Seiten; der Abschluss 5." in html
    # references with an official German title cite it; a paper keeps its own title
    assert "Gesetz über digitale Dienste" in html and "Digital Services Act, Art. 25 (online" not in html
    assert "Gray et al. (2018): The Dark (Patterns) Side of UX Design" in html


def test_german_report_words_every_evidence_note_in_german(rendered):
    import html as htmllib

    from cxaudit.report.content import note_text

    run, _, out, _ = rendered
    page = htmllib.unescape((out / "report.de.html").read_text(encoding="utf-8"))
    findings = [f for j in run.journeys for c in j.checks for f in c.findings if f.note]
    assert len(findings) >= 20 and all(f.note_parts for f in findings)
    for f in findings:
        german = note_text(f, "de")
        assert german != f.note and german in page, german
        assert f.note not in page, f.note
    with open(out / "findings.de.csv", encoding="utf-8") as fh:
        notes = {row["note"] for row in csv.DictReader(fh)} - {""}
    assert notes and notes <= {note_text(f, "de") for f in findings}
    junit = (out / "junit.de.xml").read_text(encoding="utf-8")
    assert "eine Einblendung über" in htmllib.unescape(junit) and "blocks every click" not in junit


def test_score_model_numbers_come_from_the_code(rendered):
    from cxaudit.judge import scoring
    from cxaudit.judge.catalogue import SEVERITY_WEIGHT

    _, _, out, _ = rendered
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f"at most {scoring.BLOCKED_CAP:.0f}" in html
    for floor, _letter in scoring.GRADES[:-1]:
        assert f"{floor} and above" in html
    for w in SEVERITY_WEIGHT.values():
        assert f'<td class="num">{w}</td>' in html


def test_tables(rendered):
    run, _, out, _ = rendered
    import pandas as pd

    with (out / "steps.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(j.steps) for j in run.journeys)
    scores = pd.read_csv(out / "scores.csv")
    assert set(scores["level"]) == {"journey", "site"}
    findings = pd.read_csv(out / "findings.csv")
    assert len(findings) >= sum(1 for j in run.journeys for c in j.checks if c.status == "fail")
    sheets = pd.read_excel(out / "report.xlsx", sheet_name=None)
    assert list(sheets) == ["steps", "findings", "scores"]
    assert len(sheets["steps"]) == len(rows)


def test_junit(rendered):
    run, _, out, _ = rendered
    root = ET.parse(out / "junit.xml").getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [j.id for j in run.journeys]
    for suite, j in zip(suites, run.journeys, strict=True):
        cases = suite.findall("testcase")
        assert len(cases) == len(j.checks) + 1
        assert int(suite.get("failures")) == sum(1 for c in j.checks if c.status == "fail") + (j.outcome == "blocked")
        assert int(suite.get("skipped")) == sum(1 for c in j.checks if c.status == "not_applicable")
    assert int(root.get("tests")) == sum(len(j.checks) + 1 for j in run.journeys)


def test_markdown_summary(rendered):
    run, _, out, _ = rendered
    text = (out / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# cxaudit: 18 journeys")
    assert len(text.splitlines()) < 80
    for j in run.journeys:
        assert md(j.id) in text


def test_json_is_the_run(rendered):
    run, _, out, _ = rendered
    assert RunResult.model_validate_json((out / "results.json").read_text(encoding="utf-8")).run_id == run.run_id


def test_errors_and_missing_checks_do_not_break_the_report(tmp_path, judged):
    run, folder = judged
    j = run.journeys[0].model_copy(deep=True)
    j.outcome, j.score = "error", None
    j.checks = [CheckResult(id="gone_check", code="CX999", kind="blocker", category="effort", severity="high", weight=6,
                            status="fail", score=0, findings=[Finding(check="gone_check", code="CX999", severity="high",
                                                                       step=99, words="w")]),
                CheckResult(id="broken", code="CX998", kind="blocker", category="effort", severity="low", weight=1,
                            status="error", error="boom")]
    small = run.model_copy(update={"journeys": [j], "sites": []})
    files = render(small, folder, ["html", "md", "junit", "csv"], out_dir=tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Gone check" in html and "technical error" in html
    assert ET.parse(tmp_path / "junit.xml").getroot().get("errors") == "2"
    assert len(files) == 6


def test_logo_and_unknown_format(tmp_path, judged):
    from cxaudit.errors import CxauditError

    run, folder = judged
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
    small = run.model_copy(update={"journeys": run.journeys[:1]})
    render(small, folder, ["html"], branding=Branding(logo=logo, consultant="C"), out_dir=tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'src="data:image/svg+xml;base64,' in html and "<script>alert" not in html
    with pytest.raises(CxauditError):
        render(small, folder, ["docx"], out_dir=tmp_path)
    assert t("summary", "de") == "Zusammenfassung"


def test_failed_pdf_leaves_no_temporary_html(tmp_path, monkeypatch):
    import cxaudit.report.pdf as pdf
    from cxaudit.errors import CxauditError
    from cxaudit.report import render

    def broken(html_path, target):
        raise CxauditError("printing failed")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    run = RunResult(run_id="r", started_at="2026-01-01T00:00:00+00:00", journeys=[])
    with pytest.raises(CxauditError):
        render(run, tmp_path, ["pdf"])
    assert not list(tmp_path.glob(".print-*")), list(tmp_path.iterdir())


def test_long_german_words_break_at_their_joints():
    from cxaudit.report.html import soft_hyphens

    assert soft_hyphens("Der Kündigungsbestätigung fehlt", "de") == "Der Kündigungs\u00adbestätigung fehlt"
    assert soft_hyphens("Deinstallationsassistent", "de") == "Deinstallations\u00adassistent"
    assert soft_hyphens("Kündigung", "de") == "Kündigung"  # short words stay whole
    assert soft_hyphens("Kündigungsbestätigung", "en") == "Kündigungsbestätigung"


def test_a_failed_journey_is_explained_in_the_report_language(tmp_path, judged):
    from cxaudit.results.model import JourneyError, NotePart
    from cxaudit.words.notes import note

    run, folder = judged
    j = run.journeys[0].model_copy(deep=True)
    why = note("err_covered", target={"kind": "role", "role": "button", "name": "Weiter"}, timeout=5.0)
    j.outcome, j.score = "error", None
    j.error = JourneyError(step=1, reason=why.text("en"), reason_parts=[NotePart(**p) for p in why.dump()])
    j.steps[1].status, j.steps[1].error = "failed", why.text("en")
    j.steps[1].error_parts = [NotePart(**p) for p in why.dump()]
    old = run.journeys[1].model_copy(deep=True)  # recorded before failures had keys: its English, marked as such
    old.outcome, old.score = "error", None
    old.error = JourneyError(step=0, reason="something only the English knows")
    small = run.model_copy(update={"journeys": [j, old], "sites": []})
    render(small, folder, ["html", "junit", "csv"], "de", out_dir=tmp_path)
    html = (tmp_path / "report.de.html").read_text(encoding="utf-8")
    german = "Schaltfläche „Weiter“ ist von einem anderen Element verdeckt"
    assert html.count(german) == 2 and "is covered by another element" not in html  # the journey and its step
    assert '<span lang="en">something only the English knows</span>' in html
    assert german in (tmp_path / "junit.de.xml").read_text(encoding="utf-8")
    with open(tmp_path / "steps.de.csv", encoding="utf-8") as fh:
        assert any(german in row["error"] for row in csv.DictReader(fh))
