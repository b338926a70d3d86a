"""What every report format says, worked out once: check texts from the catalogue, the plain sentence per
journey, the findings rows, the ranking of sites. Formats only lay this out."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxaudit.judge.catalogue import CheckSpec
from cxaudit.results.counting import signup_yardstick
from cxaudit.results.model import CheckResult, Finding, JourneyResult, RunResult
from cxaudit.words.format import number
from cxaudit.words.i18n import label, plural, t
from cxaudit.words.notes import render as render_note
from cxaudit.words.terms import term

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
TAXONOMY_ORDER = ("gray", "mathur", "oecd", "brignull")


# set by report.render() for the duration of one call, so several formats load the catalogue once
RENDER_SPECS: ContextVar[dict[str, CheckSpec] | None] = ContextVar("RENDER_SPECS", default=None)


def load_specs(run: RunResult) -> dict[str, CheckSpec]:
    """The catalogue the run was judged with (shipped checks plus the folders it names), by check id.

    A report must render even when a folder has gone or a check file is broken: then it falls back to the
    shipped checks, and to the bare ids for checks it cannot find."""
    from cxaudit.judge.engine import catalogue

    cached = RENDER_SPECS.get()
    if cached is not None:
        return cached

    folders = [Path(f) for f in run.judged.get("folders", []) if Path(f).is_dir()]
    for extra in (folders, []):
        try:
            return {s.id: s for s in catalogue(extra).specs}
        except Exception:  # noqa: BLE001, S112 - a broken catalogue must not stop the report
            continue
    return {}


@dataclass
class CheckText:
    """A check's words in one language; ``spec`` is None for a check the catalogue no longer has."""

    id: str
    code: str
    title: str
    failure_title: str
    description: str = ""
    why: str = ""
    fix: str = ""
    rules: list[str] = field(default_factory=list)
    taxonomy: list[tuple[str, str]] = field(default_factory=list)  # (source label, term)
    references: list[tuple[str, str | None]] = field(default_factory=list)
    spec: CheckSpec | None = None


def check_text(specs: dict[str, CheckSpec], result: CheckResult | Finding | Any, lang: str) -> CheckText:
    cid = result.id if isinstance(result, CheckResult) else result.check
    spec = specs.get(cid)
    if spec is None:
        plain = cid.replace("_", " ").capitalize()
        return CheckText(cid, result.code, plain, plain)
    keys = sorted(spec.taxonomy, key=lambda k: (TAXONOMY_ORDER.index(k) if k in TAXONOMY_ORDER else 99, k))
    return CheckText(
        id=cid, code=spec.code, title=spec.title.get(lang), failure_title=spec.failure_title.get(lang),
        description=spec.description.get(lang), why=spec.why.get(lang), fix=spec.fix.get(lang),
        rules=list(spec.rules) if getattr(result, "rules", None) is None else list(result.rules),
        taxonomy=[(label("tax", k, lang), spec.taxonomy[k]) for k in keys],
        references=[(r.title.get(lang), r.url) for r in spec.references], spec=spec,
    )


def signup_for(run: RunResult) -> dict[str, JourneyResult]:
    """Per site, the sign-up journey that is the yardstick for cancelling: the one cancel_harder_than_signup
    compares with (results/counting.py, signup_yardstick), so the sentence and the check say the same."""
    out: dict[str, JourneyResult] = {}
    for j in sorted(run.journeys, key=lambda j: j.id):
        if j.goal == "signup" and j.site not in out and (best := signup_yardstick(run, j)) is not None:
            out[j.site] = best
    return out


def cancel_sites(run: RunResult) -> set[str]:
    return {j.site for j in run.journeys if j.goal == "cancel"}


def sentence(journey: JourneyResult, run: RunResult, lang: str) -> str:
    """One plain sentence from the metrics, e.g. "Cancelling took 12 actions over 7 pages; signing up took 5."."""
    m = journey.metrics
    actions, pages = plural("actions", m.actions, lang), plural("pages", m.pages, lang)
    if journey.outcome == "error":
        return t("s_error", lang) + "."
    if journey.outcome == "pending":
        return t("s_pending", lang) + "."
    if journey.outcome == "blocked":
        return (t("s_blocked_after", lang, actions=actions) if m.actions else t("s_blocked", lang)) + "."
    key = f"s_{journey.goal}" if f"s_{journey.goal}" in _SENTENCE_KEYS else "s_custom"
    text = t(key, lang, actions=actions, pages=pages)
    if journey.goal == "cancel" and (signup := signup_for(run).get(journey.site)) is not None:
        text += t("s_signup_pair", lang, n=signup.metrics.actions)
    return text + "."


_SENTENCE_KEYS = {"s_cancel", "s_uninstall", "s_contact_support", "s_signup"}


def duration(seconds: float | None, lang: str) -> str:
    if seconds is None:
        return "–"
    return f"{number(seconds, lang, 1)} s"


def score_text(journey_or_site: Any, lang: str) -> str:
    score = journey_or_site.score
    value = score.score if hasattr(score, "score") else score
    return number(value, lang, 0) if value is not None else t("not_scored", lang)


@dataclass
class FindingRow:
    journey: JourneyResult
    result: CheckResult
    text: CheckText
    findings: list[Finding]


def finding_rows(run: RunResult, specs: dict[str, CheckSpec], lang: str) -> list[FindingRow]:
    """Every failed check of every journey, the heaviest first."""
    rows = [
        FindingRow(j, c, check_text(specs, c, lang), c.findings)
        for j in run.journeys for c in j.checks if c.status == "fail"
    ]
    rows.sort(key=lambda r: (SEVERITY_ORDER.get(r.result.severity, 9), -r.result.weight * (1 - (r.result.score or 0)),
                             r.result.code, r.journey.id))
    return rows


def top_rows(run: RunResult, specs: dict[str, CheckSpec], lang: str, n: int = 5) -> list[FindingRow]:
    """The failed checks that weigh most, one per check id (the same failure on many journeys is one finding)."""
    seen: set[str] = set()
    out = []
    for row in finding_rows(run, specs, lang):
        if row.result.id in seen:
            continue
        seen.add(row.result.id)
        out.append(row)
        if len(out) == n:
            break
    return out


def ranked_sites(run: RunResult) -> list[Any]:
    return sorted(run.sites, key=lambda s: (s.score is None, -(s.score or 0), s.site))


def journey_label(journey: JourneyResult) -> str:
    return journey.name or journey.id


def step_type(step_type_name: str, lang: str) -> str:
    return label("type", step_type_name, lang)


def evidence_text(f: Finding, lang: str) -> str:
    """A finding in one line of plain text: the words, the step, the note."""
    parts = []
    if f.words:
        parts.append(t("cite", lang, text=f.words))
    if f.step is not None:
        parts.append(f"{t('step', lang)} {f.step}")
    if f.note:
        parts.append(note_text(f, lang))
    return " – ".join(parts)


def note_text(f: Finding, lang: str) -> str:
    """The finding's note in ``lang``."""
    return worded(f.note_parts, f.note, lang)


def check_reason(result: CheckResult, lang: str) -> str:
    """Why a check did not apply, or passed although something was seen (``details.reason``), in ``lang``."""
    parts = result.details.get("reason_parts") if isinstance(result.details, dict) else None
    if parts:
        try:
            return render_note(parts, lang)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            pass
    reason = result.details.get("reason") if isinstance(result.details, dict) else None
    return reason if isinstance(reason, str) else ""


def jurisdiction_text(journey: JourneyResult, lang: str) -> str:
    """E.g. "Germany (de), from the pages' language"; empty for a run judged before jurisdictions."""
    where = journey.jurisdiction
    if where is None:
        return ""
    return f"{term(where.code, lang)}, {term('source_' + where.source, lang)}"


def worded(parts: list[Any], english: str | None, lang: str) -> str:
    """A note, or a step's or journey's failure, in ``lang``: from its keys and figures; the saved English text for
    runs recorded before these had keys, or for a key this version does not know."""
    if parts:
        try:
            return render_note([p.model_dump() for p in parts], lang)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            pass
    return english or ""
