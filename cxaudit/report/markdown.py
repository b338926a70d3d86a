"""A short Markdown summary for a CI job summary or a pull-request comment: scores, top findings, one
line per journey. Page text is escaped: no raw HTML, no Markdown syntax from the audited site."""

from __future__ import annotations

import re
from pathlib import Path

from cxaudit.atomic import write_atomic
from cxaudit.report import content
from cxaudit.results.model import RunResult
from cxaudit.words.i18n import label, plural, t

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # what can start markup inside a line; lines start with our own prefix


def md(text: object) -> str:
    """Plain text made safe for Markdown (GitHub flavour): entities for < > &, backslashes for the rest."""
    s = " ".join(str(text).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", s)


def markdown(run: RunResult, lang: str = "en", report_file: str | None = None) -> str:
    specs = content.load_specs(run)
    lines = [f"# {md(t('md_title', lang, journeys=plural('journeys', len(run.journeys), lang)))}", ""]
    lines.append(f"{t('run', lang)} `{run.run_id}` · {run.started_at[:10]}")
    lines.append("")
    if len(run.sites) > 1:
        lines += [f"| {t('rank', lang)} | {t('site', lang)} | {t('score', lang)} | {t('grade', lang)} |", "|---:|---|---:|:---:|"]
        for i, s in enumerate(content.ranked_sites(run), 1):
            lines.append(f"| {i} | {md(s.site)} | {content.score_text(s, lang)} | {s.grade or '–'} |")
        lines.append("")
    lines += [f"| {t('journey', lang)} | {t('outcome', lang)} | {t('actions', lang)} | {t('pages', lang)} | "
              f"{t('score', lang)} | {t('grade', lang)} |", "|---|---|---:|---:|---:|:---:|"]
    for j in run.journeys:
        score = content.score_text(j.score, lang) if j.score else "–"
        grade = (j.score.grade if j.score else None) or "–"
        lines.append(f"| {md(j.id)} | {md(label('outcome', j.outcome, lang))} | {j.metrics.actions} | {j.metrics.pages} | "
                     f"{score} | {grade} |")
    lines += ["", f"## {md(t('top_findings', lang))}", ""]
    top = content.top_rows(run, specs, lang)
    if not top:
        lines.append(md(t("no_findings", lang)))
    for i, row in enumerate(top, 1):
        f = row.findings[0] if row.findings else None
        where = f" ({t('step', lang)} {f.step})" if f and f.step is not None else ""
        words = ": " + t("cite", lang, text=md(f.words[:160])) if f and f.words else ""
        lines.append(f"{i}. **{md(row.text.failure_title)}** ({md(label('severity', row.result.severity, lang))}, "
                     f"{row.result.code}) – {md(row.journey.id)}{where}{words}")
    lines += ["", f"## {md(t('journeys', lang))}", ""]
    for j in run.journeys:
        lines.append(f"- **{md(j.id)}**: {md(content.sentence(j, run, lang))}")
    if report_file:
        lines += ["", md(t("md_more", lang, file=report_file))]
    return "\n".join(lines) + "\n"


def write_markdown(run: RunResult, path: Path, lang: str = "en") -> Path:
    sfx = "" if lang == "en" else f".{lang}"
    write_atomic(path, markdown(run, lang, f"report{sfx}.html"))
    return path

