"""Jurisdictions: where a journey is judged, and which of the rules a check cites are in force there.

A journey is judged in one jurisdiction: ``de``, ``eu``, ``us-ca``, ``uk`` or ``none``. It is set for the
run (``--jurisdiction``, ``jurisdiction:`` in cxaudit.yaml), else by the journey file (``jurisdiction:``),
else it follows the pages' language: German pages are ``de``, pages in another official language of the EU
are ``eu``, ``en-GB`` pages are ``uk``; other English pages could be anywhere and are ``none``.

The rules are data (checks/laws/*.yaml): each says in which jurisdictions it is in force and from (and
until) which day. A finding cites only the rules in force in its journey's jurisdiction on the day the
journey was recorded; a check with ``jurisdictions:`` applies only there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from cxaudit.errors import CxauditError
from cxaudit.judge.catalogue import Texts
from cxaudit.results.model import JURISDICTIONS, JourneyResult, Jurisdiction, JurisdictionCode  # noqa: F401
from cxaudit.results.observation import page_of

# which tags of checks/laws/*.yaml are in force in each jurisdiction (EU law holds in Germany; US federal law
# in California; "any" marks a technical standard, cited wherever it is relevant)
COVERS: dict[str, frozenset[str]] = {
    "de": frozenset({"de", "eu", "any"}),
    "eu": frozenset({"eu", "any"}),
    "us-ca": frozenset({"us", "us-ca", "any"}),
    "uk": frozenset({"uk", "any"}),
    "none": frozenset({"any"}),
}
EU_LANGUAGES = frozenset("bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split())
# a German-language page outside Germany: Austria and Luxembourg are in the EU, Switzerland and
# Liechtenstein are not
GERMAN_REGIONS = {"at": "eu", "lu": "eu", "be": "eu", "it": "eu", "ch": "none", "li": "none"}


class Law(BaseModel):
    """One rule a check may cite."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: str
    title: Texts
    jurisdictions: list[Literal["de", "eu", "us", "us-ca", "uk", "any"]]
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    url: str | None = None

    @classmethod
    def from_yaml(cls, data: dict) -> Law:
        data = dict(data)
        for key, field in (("from", "in_force_from"), ("until", "in_force_until")):
            if key in data:
                data[field] = data.pop(key)
        return cls.model_validate(data)

    def in_force(self, jurisdiction: str, on: dt.date) -> bool:
        if not COVERS.get(jurisdiction, frozenset()) & set(self.jurisdictions):
            return False
        if self.in_force_from is None or on < self.in_force_from:
            return False
        return self.in_force_until is None or on < self.in_force_until


def load_laws(folders: list[Path]) -> dict[str, Law]:
    """checks/laws/*.yaml of each folder; a later folder's rule of the same id replaces the earlier one."""
    laws: dict[str, Law] = {}
    problems: list[str] = []
    for folder in folders:
        for path in sorted((folder / "laws").glob("*.yaml")) if (folder / "laws").is_dir() else []:
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise CxauditError(f"{path}: cannot read the rules: {exc}") from None
            if not isinstance(data, list):
                raise CxauditError(f"{path}: a rules file is a list of rules (- id: ..., jurisdictions: [...])")
            for i, item in enumerate(data):
                try:
                    law = Law.from_yaml(item if isinstance(item, dict) else {})
                except ValidationError as exc:
                    err = exc.errors()[0]
                    loc = ".".join(str(p) for p in err["loc"])
                    name = f" ({item['id']})" if isinstance(item, dict) and item.get("id") else ""
                    problems.append(f"{path}: rule {i + 1}{name}: {loc or 'rule'}: {err['msg']}")
                    continue
                laws[law.id] = law
    if problems:
        raise CxauditError("\n".join(problems))
    return laws


def _from_tag(tag: str) -> str | None:
    """The jurisdiction a page's language tag points to, or None when it says nothing (no tag, unknown)."""
    parts = tag.strip().lower().replace("_", "-").split("-")
    lang, region = parts[0], (parts[1] if len(parts) > 1 else "")
    if lang == "de":
        return GERMAN_REGIONS.get(region, "de")
    if lang == "en":
        return "uk" if region in ("gb", "uk") else ("none" if region != "ie" else "eu")
    if lang in EU_LANGUAGES:
        return "eu"
    return "none" if lang.isalpha() and len(lang) in (2, 3) else None


def resolve(journey: JourneyResult, run_jurisdiction: str | None = None) -> Jurisdiction:
    """The journey's jurisdiction: the run's, else the one recorded for it (run or journey file), else the
    pages' language (the first page with an ``<html lang>``, else the journey's ``language:``)."""
    if run_jurisdiction:
        return Jurisdiction(code=run_jurisdiction, source="run")
    recorded = journey.jurisdiction
    if recorded is not None and recorded.source in ("run", "journey"):
        return recorded
    for step in journey.steps:
        tag = page_of(step.observation).lang
        code = _from_tag(tag) if tag else None
        if code:
            return Jurisdiction(code=code, source="language", language=str(tag))
    if journey.language and journey.language != "auto":
        return Jurisdiction(code=_from_tag(journey.language) or "none", source="language", language=journey.language)
    return Jurisdiction(code="none", source="language")


def recorded_on(journey: JourneyResult) -> dt.date:
    """The day the journey was recorded (rules are judged as they stood then); today when unknown."""
    for stamp in (journey.started_at, journey.finished_at):
        try:
            return dt.datetime.fromisoformat(stamp).date()
        except (TypeError, ValueError):
            continue
    return dt.datetime.now(dt.UTC).date()


def rules_in_force(rules: list[str], laws: dict[str, Law], jurisdiction: str, on: dt.date) -> list[str]:
    return [r for r in rules if r in laws and laws[r].in_force(jurisdiction, on)]
