"""The check catalogue: one declaration per check in checks/*.yaml (data, not code), validated here.

A user adds checks or overrides thresholds, lexicons and texts with ``--checks DIR``: a file there with
the id of a shipped check is merged over it key by key; a new id adds a check (its detector must exist: the
detector registered under its id, or the one it names with ``detector:``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cxaudit.errors import CxauditError
from cxaudit.results.model import JurisdictionCode

SEVERITY_WEIGHT = {"low": 1, "medium": 3, "high": 6, "critical": 10}
CATEGORIES = ("obstruction", "nagging", "interface_interference", "forced_action", "transparency", "effort",
              "accessibility")


class Texts(BaseModel):
    """A text in each report language; English is required, German is expected."""

    model_config = ConfigDict(extra="forbid")
    en: str
    de: str | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.en


class Reference(BaseModel):
    """A law, ruling, paper or guide; ``title`` is one string (a paper keeps its own title) or a text per language."""

    model_config = ConfigDict(extra="forbid")
    title: Texts

    @model_validator(mode="before")
    @classmethod
    def _plain_title(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            return {**data, "title": {"en": data["title"]}}
        return data
    url: str | None = None


class Curve(BaseModel):
    """Lighthouse's log-normal scoring: the p10 value scores 0.9, the median scores 0.5."""

    model_config = ConfigDict(extra="forbid")
    p10: float = Field(gt=0)
    median: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Curve:
        if not self.p10 < self.median:
            raise ValueError("p10 must be smaller than median (a lower value is better)")
        return self


class CheckSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    code: str = Field(pattern=r"^CX\d{3}$")
    status: Literal["stable", "preview"] = "stable"  # preview: judged and reported, weighs nothing (checks/README.md)
    detector: str = ""  # empty: the detector registered under the check's id (a new check may name another's)
    kind: Literal["blocker", "metric", "info"] = "blocker"
    # a blocker's score between 0.5 and 0.9: a partial finding (warn), or, where any degree is a barrier, a failure
    partial: Literal["warn", "fail"] = "warn"
    severity: Literal["low", "medium", "high", "critical"] = "medium"
    weight: float | None = Field(default=None, ge=0)
    category: Literal[CATEGORIES] = "obstruction"  # type: ignore[valid-type]
    goals: list[Literal["cancel", "uninstall", "contact_support", "signup", "custom"]] = []
    languages: list[str] = []  # only pages in these languages (e.g. § 312k: de)
    # only journeys judged in these jurisdictions (the law it checks holds there); empty: everywhere
    jurisdictions: list[JurisdictionCode] = []
    title: Texts
    failure_title: Texts
    description: Texts
    why: Texts
    fix: Texts
    taxonomy: dict[str, str] = {}
    rules: list[str] = []
    references: list[Reference] = []
    params: dict[str, Any] = {}
    lexicons: list[str] = []
    curve: Curve | None = None
    file: str = Field(default="", exclude=True)

    @model_validator(mode="after")
    def _metric_has_curve(self) -> CheckSpec:
        if self.kind == "metric" and self.curve is None:
            raise ValueError("a metric check needs curve: {p10: ..., median: ...}")
        return self

    @model_validator(mode="after")
    def _detector_defaults_to_id(self) -> CheckSpec:
        self.detector = self.detector or self.id
        return self

    @property
    def effective_weight(self) -> float:
        """An info check, and a check in preview, weigh nothing in the scores: they are reported, not counted."""
        if self.kind == "info" or self.status == "preview":
            return 0.0
        return self.weight if self.weight is not None else float(SEVERITY_WEIGHT[self.severity])

    def applies_to(self, goal: str) -> bool:
        return not self.goals or goal in self.goals

    def applies_in(self, jurisdiction: str) -> bool:
        return not self.jurisdictions or jurisdiction in self.jurisdictions


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CxauditError(f"{path}: cannot read the check: {exc}") from None
    if not isinstance(data, dict) or "id" not in data:
        raise CxauditError(f"{path}: a check file is a mapping with at least `id:`")
    return data


def load_catalogue(folders: list[Path]) -> list[CheckSpec]:
    """Load checks/*.yaml from each folder; later folders override earlier checks by id, key by key."""
    raw: dict[str, tuple[dict, Path]] = {}
    for folder in folders:
        if not folder.is_dir():
            raise CxauditError(f"{folder}: no such checks folder")
        for path in sorted(folder.glob("*.yaml")):
            data = _read(path)
            cid = str(data["id"])
            raw[cid] = (_merge(raw[cid][0], data), path) if cid in raw else (data, path)
    specs: list[CheckSpec] = []
    problems: list[str] = []
    codes: dict[str, str] = {}
    for cid, (data, path) in raw.items():
        try:
            spec = CheckSpec.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                problems.append(f"{path}: {loc or 'check'}: {err['msg']}")
            continue
        if spec.code in codes:
            problems.append(f"{path}: code {spec.code} is used by {codes[spec.code]} too")
        codes[spec.code] = cid
        specs.append(spec.model_copy(update={"file": str(path)}))
    if problems:
        raise CxauditError("\n".join(problems))
    return sorted(specs, key=lambda s: s.code)
