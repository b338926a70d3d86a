"""Spreadsheet formula injection: no text that reaches steps/findings/scores.csv or report.xlsx runs as a
formula. The recorded demo run (tests/fixtures/demo_run) gets the payloads in the places a page, a journey
file or a tampered run can put text; the exports are written and read back as a spreadsheet would read them."""

from __future__ import annotations

import csv
import os
import re
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cxaudit.report import content, render, tables
from cxaudit.report.tables import spreadsheet_text
from cxaudit.results.model import Box, CheckResult, Finding, JourneyMetrics, JourneyResult, RunResult, StepRecord

PAYLOADS = [
    '=HYPERLINK("http://127.0.0.1:9/beacon","click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "=cmd|' /C calc'!A0",  # DDE
    "-2+3",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    " \n=1+1",  # blanks before the sign
    "\uff1d1+1",  # a full-width equals sign
]
SIGNS = set("=+-@\uff1d\uff0b\uff0d\uff20")
CSVS = ("steps", "findings", "scores")
FAST = os.environ.get("CXAUDIT_FAST") == "1"  # the fast tier (make test-fast) draws fewer examples
# what a bare (unquoted) CSV cell may be: a number or a boolean cxaudit wrote
BARE = re.compile(r"-?\d+(\.\d+)?(e[-+]?\d+)?|True|False|")


def formula_like(text: str) -> bool:
    return text.startswith(("\t", "\r")) or text.lstrip()[:1] in SIGNS


def csv_cells(raw: str) -> list[list[tuple[str, bool]]]:
    """The cells of a CSV text as (text, quoted?): what the csv module drops and a spreadsheet goes by."""
    rows: list[list[tuple[str, bool]]] = [[]]
    for m in re.finditer(r'(?:"((?:[^"]|"")*)"|([^,"\r\n]*))(,|\r?\n|$)', raw):
        quoted, bare, end = m.groups()
        if m.start() == len(raw):
            break
        rows[-1].append((quoted.replace('""', '"'), True) if quoted is not None else (bare, False))
        if end not in (",",):
            rows.append([])
    return [r for r in rows if r]


def check_csv(path: Path) -> list[list[str]]:
    """Every text cell quoted and neutralised, every bare cell a number or a boolean; returns the rows."""
    raw = path.read_bytes().decode("utf-8")  # as written: no newline translated
    cells = csv_cells(raw)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [[text for text, _ in row] for row in cells] == rows  # the quote-aware reading agrees with csv's
    for row in cells[1:]:
        for text, quoted in row:
            if quoted:
                assert not formula_like(text), (path.name, text)
            else:
                assert BARE.fullmatch(text), (path.name, text)
    return rows


def check_xlsx(path: Path) -> dict[str, list[list[object]]]:
    """No formula cell, every text cell a string cell and neutralised; returns the sheets' values."""
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(CSVS)
    sheets = {}
    for sheet in book:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert c.data_type == "s" and not formula_like(c.value), (sheet.title, c.coordinate, c.value)
        sheets[sheet.title] = [list(r) for r in sheet.iter_rows(values_only=True)]
    return sheets


def column(rows: list[list], name: str) -> list:
    i = rows[0].index(name)
    return [r[i] for r in rows[1:]]


@pytest.fixture(scope="module")
def judged(recorded_demo):
    from cxaudit.judge.engine import judge_run

    run, folder = recorded_demo
    run = run.model_copy(deep=True)
    judge_run(run)
    return run, folder


def hostile_copy(run: RunResult) -> RunResult:
    """The run with the payloads wherever outside text lands: page titles and URLs, the site, journey names and
    ids, step names and failures, findings' words and notes, check categories, the run's name. Journey n gets
    payload n (round the list), so one run carries each payload in each place."""
    assert len(run.journeys) >= len(PAYLOADS)
    run = run.model_copy(deep=True)
    run.run_id = PAYLOADS[0]
    for n, j in enumerate(run.journeys):
        payload = PAYLOADS[n % len(PAYLOADS)]
        j.id, j.name, j.site = f"{payload}{n}", payload, payload
        for s in j.steps:
            s.description = s.title_before = s.title_after = s.url_before = s.url_after = payload
            s.error, s.error_parts = payload, []
    checks = [c for j in run.journeys for c in j.checks if c.status == "fail"]  # findings: only a few journeys
    findings = [f for c in checks for f in c.findings]
    assert len(findings) >= len(checks) >= len(PAYLOADS)
    for n, c in enumerate(checks):
        c.category = PAYLOADS[n % len(PAYLOADS)]
    for n, f in enumerate(findings):
        f.words = f.note = PAYLOADS[n % len(PAYLOADS)]
        f.note_parts = []
    for n, site in enumerate(run.sites):
        site.site = PAYLOADS[n % len(PAYLOADS)]
    run.journeys[0].steps[0].started_s = -0.25  # a negative figure of cxaudit's own stays a number
    return run


def test_payloads_from_pages_and_journeys_are_neutralised_in_every_export(judged, tmp_path):
    run, folder = judged
    hostile = hostile_copy(run)
    for lang in ("en", "de"):
        render(hostile, folder, ["csv", "xlsx"], lang, out_dir=tmp_path)
    for sfx in ("", ".de"):
        rows = {name: check_csv(tmp_path / f"{name}{sfx}.csv") for name in CSVS}
        sheets = check_xlsx(tmp_path / f"report{sfx}.xlsx")
        for table in (rows, sheets):  # each payload got to each of its places, neutralised
            cr = "\n" if table is sheets else "\r"  # XML reads a carriage return in a cell as a line feed
            safe = {"'" + p.replace("\r", cr) for p in PAYLOADS}
            steps, findings, scores = (table[n] for n in CSVS)
            for col in ("site", "url_before", "url_after", "title_after", "error") + (("description",) if not sfx else ()):
                assert set(column(steps, col)) == safe, col
            ids = {f"'{p}{n}".replace("\r", cr) for n, p in enumerate(PAYLOADS * 2) if n < len(run.journeys)}
            assert set(column(steps, "journey")) == ids
            assert set(column(findings, "words")) - {"", None} == safe  # empty: a failed check without a finding
            assert set(column(findings, "category")) == safe and set(column(findings, "site")) <= safe
            assert set(column(scores, "site")) == safe
        assert [float(v or "nan") for v in column(rows["scores"], "score")] == pytest.approx(
            [float("nan") if v is None else v for v in column(sheets["scores"], "score")], nan_ok=True)
        assert sheets["steps"][1][sheets["steps"][0].index("started_s")] == -0.25  # a number cell, not text
        assert rows["steps"][1][rows["steps"][0].index("started_s")] == "-0.25"


def test_every_text_column_of_every_table_is_neutralised(judged, tmp_path, monkeypatch):
    """Not only the columns outside text lands in today: any text column, of either format, each payload
    (row i of every text column holds payload i, round the list)."""
    run, _ = judged
    real = tables.frames(run)
    texts = {name: [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])] for name, df in real.items()}
    assert all(texts.values()) and all(len(df) >= len(PAYLOADS) for df in real.values())
    filled = {}
    for name, df in real.items():
        cycle = [PAYLOADS[i % len(PAYLOADS)] for i in range(len(df))]
        filled[name] = df.assign(**{c: cycle for c in texts[name]})
    monkeypatch.setattr(tables, "frames", lambda run, lang="en": filled)
    tables.write_csv(run, [tmp_path / f"{n}.csv" for n in CSVS])
    tables.write_xlsx(run, tmp_path / "report.xlsx")
    sheets = check_xlsx(tmp_path / "report.xlsx")
    for name in CSVS:
        expected = ["'" + PAYLOADS[i % len(PAYLOADS)] for i in range(len(real[name]))]
        for table in (check_csv(tmp_path / f"{name}.csv"), sheets[name]):
            if table is sheets[name]:  # XML reads a carriage return in a cell as a line feed
                expected = [v.replace("\r", "\n") for v in expected]
            for col in texts[name]:
                assert column(table, col) == expected, (name, col)


def test_numbers_stay_numbers_and_plain_text_stays_as_written(judged, tmp_path):
    run, folder = judged
    render(run, folder, ["csv", "xlsx"], out_dir=tmp_path)
    scores = check_csv(tmp_path / "scores.csv")
    sheet = check_xlsx(tmp_path / "report.xlsx")["scores"]
    assert column(scores, "id")[:len(run.journeys)] == [j.id for j in run.journeys]  # no quote added to plain text
    journey_scores = [j.score.score for j in run.journeys]
    assert column(sheet, "score")[:len(run.journeys)] == journey_scores
    assert [float(v) for v in column(scores, "score")[:len(run.journeys)]] == journey_scores
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    score_col = sheet[0].index("score") + 1
    assert {book["scores"].cell(r, score_col).data_type for r in range(2, len(run.journeys) + 2)} == {"n"}


def test_spreadsheet_text():
    for payload in PAYLOADS:
        assert spreadsheet_text(payload) == "'" + payload
    for text in ("Cancel membership", "", "'=1+1", "a=1", "100 %", "#N/A", "é-mail"):
        assert spreadsheet_text(text) == text


def _one_journey_run(text: str) -> RunResult:
    step = StepRecord(index=0, type="goto", description=text, title_after=text, url_after=text, duration_s=-1.5)
    finding = Finding(check="confirmshaming", code="CX103", severity="medium", step=0, words=text, note=text,
                      box=Box(x=-4, y=0, width=1, height=1))
    check = CheckResult(id="confirmshaming", code="CX103", kind="blocker", category=text, severity="medium",
                        weight=1, status="fail", score=0, findings=[finding])
    journey = JourneyResult(id=text or "j", name=text, goal="cancel", site=text, language="en", device="desktop",
                            file="j.yaml", start_url=text, outcome="completed", metrics=JourneyMetrics(actions=1),
                            steps=[step], checks=[check])
    return RunResult(run_id=text, started_at="2026-01-01T00:00:00+00:00", journeys=[journey])


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_arbitrary_text_is_kept_whole_and_never_starts_a_formula(text):
    safe = spreadsheet_text(text)
    assert safe in (text, "'" + text) and not formula_like(safe) and spreadsheet_text(safe) == safe
    assert (safe == text) == (not formula_like(text))  # only what would be a formula gets the quote


def _xml_reads(text: str) -> str:
    """What an .xlsx reader sees of a cell cxaudit wrote: control characters XML cannot hold are U+FFFD, and
    XML turns a carriage return (with a line feed after it or not) into one line feed."""
    return tables.XML_ILLEGAL.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=15 if FAST else 40, deadline=None)
@given(st.text(max_size=40))
@example("\x01=1+1\x1f").via("a control character XML cannot hold")
@example("\r\n@SUM(1)\r").via("carriage returns")
@example("#N/A").via("an error value to openpyxl")
@example("\x1f=").via("a control character Python strips as space, then a formula sign")
def test_arbitrary_text_through_both_formats(text):
    run = _one_journey_run(text)
    specs = content.RENDER_SPECS.set({})  # the check texts do not matter here: no catalogue loaded per example
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            tables.write_csv(run, [out / f"{n}.csv" for n in CSVS])
            tables.write_xlsx(run, out / "report.xlsx")
            steps = check_csv(out / "steps.csv")
            assert column(steps, "title_after") == [spreadsheet_text(text)]  # whole: at most the quote added
            assert column(steps, "duration_s") == ["-1.5"]
            for name in CSVS[1:]:
                check_csv(out / f"{name}.csv")
            sheets = check_xlsx(out / "report.xlsx")
            # the .xlsx writer replaces what XML cannot hold first, then neutralises what is left ("\x1f=" is stored
            # as "\ufffd=", which starts no formula): what the reader sees is that, as XML reads it
            stored = spreadsheet_text(tables.XML_ILLEGAL.sub("\ufffd", text))
            assert [v or "" for v in column(sheets["steps"], "title_after")] == [_xml_reads(stored)]
            assert not formula_like(stored)
            assert column(sheets["steps"], "duration_s") == [-1.5]
    finally:
        content.RENDER_SPECS.reset(specs)
