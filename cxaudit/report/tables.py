"""Steps, findings and scores as tables (pandas): three CSV files, or one workbook with three sheets.

Column names are stable English identifiers (for scripts and pivot tables); check titles, step descriptions
and the journey sentence are in the report language.

Much of the text is not cxaudit's: page titles and URLs, journey and site names, findings' words. Every text
cell of both formats goes through ``spreadsheet_text``, the one guard against spreadsheet formula injection.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from cxaudit.atomic import atomic_path, write_atomic
from cxaudit.report import content
from cxaudit.results.model import RunResult
from cxaudit.words.actions import step_text


def frames(run: RunResult, lang: str = "en") -> dict[str, pd.DataFrame]:
    specs = content.load_specs(run)
    steps = [
        dict(journey=j.id, site=j.site, goal=j.goal, step=s.index, type=s.type,
             description=s.description if lang == "en" else step_text(s, lang),  # English: as results.json has it
             status=s.status, actions=s.actions, probe_actions=s.probe_actions, characters_typed=s.characters_typed,
             url_before=s.url_before, url_after=s.url_after, title_after=s.title_after, started_s=s.started_s,
             duration_s=s.duration_s, navigated=s.navigated, view_changed=s.view_changed,
             gate_blocked=None if s.gate is None else s.gate.blocked,
             chat_turns=None if s.chat is None else len(s.chat.turns), screenshot=s.screenshot or "",
             error=content.worded(s.error_parts, s.error, lang))
        for j in run.journeys for s in j.steps
    ]
    findings = []
    for row in content.finding_rows(run, specs, lang):
        base = dict(journey=row.journey.id, site=row.journey.site, check=row.result.id, code=row.result.code,
                    severity=row.result.severity, category=row.result.category, title=row.text.failure_title,
                    fix=row.text.fix, rules="; ".join(row.text.rules),
                    taxonomy="; ".join(f"{src}: {term}" for src, term in row.text.taxonomy))
        for f in row.findings or [None]:
            findings.append(dict(base, step=None if f is None else f.step,
                                 screenshot_step=None if f is None else f.screenshot_step,
                                 words="" if f is None else f.words, note="" if f is None else content.note_text(f, lang),
                                 box="" if f is None or f.box is None else
                                 f"{f.box.x:.0f},{f.box.y:.0f},{f.box.width:.0f},{f.box.height:.0f}"))
    scores = [
        dict(level="journey", id=j.id, site=j.site, goal=j.goal, outcome=j.outcome, actions=j.metrics.actions,
             pages=j.metrics.pages, duration_s=j.metrics.duration_s, score=j.score.score if j.score else None,
             grade=j.score.grade if j.score else None, capped=j.score.capped if j.score else None,
             checks_failed=j.score.checks_failed if j.score else None, summary=content.sentence(j, run, lang),
             **{f"category_{k}": v for k, v in (j.score.by_category.items() if j.score else [])})
        for j in run.journeys
    ] + [dict(level="site", id=s.site, site=s.site, score=s.score, grade=s.grade) for s in run.sites]
    columns = {
        "steps": list(steps[0]) if steps else ["journey", "step"],
        "findings": list(findings[0]) if findings else ["journey", "check", "code", "severity", "title", "step", "words"],
        "scores": None,
    }
    out = {}
    for name, rows in (("steps", steps), ("findings", findings), ("scores", scores)):
        out[name] = pd.DataFrame(rows, columns=columns[name]) if not rows else pd.DataFrame(rows)
    return out


# OWASP's CSV injection list (= + - @, tab, carriage return) and the full-width forms some spreadsheets read as
# the same; a cell is also a formula when blanks come before the sign, so those are looked through
FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
CONTROL_START = ("\t", "\r")
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # an .xlsx is XML: these cannot be in a cell at all


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text and never runs: a cell that would start a formula (or a DDE link such
    as ``=cmd|' /C calc'!A0``) gets a single quote in front, as OWASP recommends; other text is unchanged."""
    if text.startswith(CONTROL_START) or text.lstrip()[:1] in FORMULA_SIGNS:
        return "'" + text
    return text


def _text_cells(df: pd.DataFrame, fix=spreadsheet_text) -> pd.DataFrame:
    """Every text cell through ``fix``, whatever the column's dtype (pandas 3 gives text columns its own
    ``str`` dtype, older ones ``object``); numbers, booleans and empty cells are left as they are."""
    df = df.copy()
    for col in df.columns:
        if not pd.api.types.is_numeric_dtype(df[col]):
            df[col] = df[col].map(lambda v: fix(v) if isinstance(v, str) else v).astype(object)
    return df


def _xlsx_text(text: str) -> str:
    return spreadsheet_text(XML_ILLEGAL.sub("\ufffd", text))


def write_csv(run: RunResult, paths: list[Path], lang: str = "en") -> list[Path]:
    """Text cells quoted and neutralised (``spreadsheet_text``); numbers unquoted, so a spreadsheet reads them as numbers."""
    dfs = frames(run, lang)
    for path, name in zip(paths, ("steps", "findings", "scores"), strict=True):
        write_atomic(path, _text_cells(dfs[name]).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC))
    return paths


def write_xlsx(run: RunResult, path: Path, lang: str = "en") -> Path:
    """One sheet per table. Text cells are neutralised as in the CSV files and stored as strings, never as formulas
    or error values (openpyxl would make ``=...`` a formula and ``#N/A`` an error); numbers stay numbers."""
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as xl:
        for name, df in frames(run, lang).items():
            _text_cells(df, _xlsx_text).to_excel(xl, sheet_name=name, index=False)
            sheet = xl.sheets[name]
            sheet.freeze_panes = "A2"
            for row in sheet.iter_rows():
                for c in row:
                    if isinstance(c.value, str):
                        c.data_type = "s"
            for col in sheet.columns:
                width = max((len(str(c.value)) for c in col[:200] if c.value is not None), default=8)
                sheet.column_dimensions[col[0].column_letter].width = min(60, max(8, width + 2))
    return path
