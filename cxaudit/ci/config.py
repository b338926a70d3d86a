"""``cxaudit.yaml``: the project file a CI pipeline runs with. Validated like a journey file (unknown keys
refused, errors name the file and the line); options given on the command line override it.

```yaml
base_url: https://staging.example.com
journeys: [journeys/*.yaml]          # files, folders or globs, relative to this file
workers: 2
out: reports
runs: 1                              # repeat each journey and take the median (flaky sites)
baseline: baseline/                  # a run folder to compare against
tolerances: {score: 2, actions: 0, pages: 0}
fail_under: 60                       # every journey's score >= 60
assertions:
  - match: "*-cancel-*"              # journey id or name, glob; default every journey
    max_actions: 6
    max_pages: 4
    forbid: [mandatory_exit_survey, confirmshaming]
  - category: obstruction
    min_score: 70
    level: warn
  - check: too_many_actions
    min_score: 0.9
report: {formats: [html], lang: en}
```
"""

from __future__ import annotations

import difflib
import glob
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cxaudit.errors import CxauditError
from cxaudit.results.model import JurisdictionCode

# the journey loader's line-aware YAML helpers, bounded the same way
from cxaudit.yamlfile import YamlSyntaxError, format_path, line_for, load_with_lines, nice_loc, read_yaml, short

CONFIG_NAMES = ("cxaudit.yaml", "cxaudit.yml")
Level = Literal["off", "warn", "error"]


class ConfigError(CxauditError):
    """cxaudit.yaml is missing, unreadable or invalid (exit status 2). One line a problem."""

    def __init__(self, problems: list[str], tip: str | None = None):
        self.problems = problems
        super().__init__("\n".join(problems), tip=tip)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Assertion(_Strict):
    """One rule. Without ``check``/``category`` it judges the journey: score (0-100), actions, pages,
    forbidden checks. With ``category`` it judges that category's score (0-100); with ``check`` that check's
    score (0-1; without ``min_score`` the check must not fail)."""

    name: str | None = Field(None, description="shown in the gate's output; default assertions[N]")
    match: list[str] = Field(["*"], description="globs on the journey id or name")
    goal: str | None = Field(None, description="only journeys with this goal (cancel, uninstall, ...)")
    level: Level = "error"
    check: str | None = None
    category: str | None = None
    min_score: float | None = Field(None, ge=0)
    max_actions: int | None = Field(None, ge=0)
    max_pages: int | None = Field(None, ge=0)
    forbid: list[str] = Field([], description="check ids that may not fail at all: any finding fails the rule")

    @field_validator("match", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> Assertion:
        if self.check and self.category:
            raise ValueError("a rule judges a check or a category, not both; write two rules")
        if self.check or self.category:
            if self.max_actions is not None or self.max_pages is not None or self.forbid:
                raise ValueError("max_actions, max_pages and forbid judge a journey; drop check/category for them")
        if self.check and self.min_score is not None and self.min_score > 1:
            raise ValueError(f"a check's min_score is 0 to 1 (a check scores 0..1), got {self.min_score:g}")
        if not self.check and self.min_score is not None and self.min_score > 100:
            raise ValueError(f"min_score is 0 to 100 for journeys and categories, got {self.min_score:g}")
        if not self.check and not any((self.min_score is not None, self.max_actions is not None,
                                       self.max_pages is not None, self.forbid)):
            raise ValueError("the rule asserts nothing: give min_score, max_actions, max_pages or forbid")
        return self

    def label(self, index: int) -> str:
        return self.name or f"assertions[{index}]"


class Tolerances(_Strict):
    """How much worse than the baseline a journey may get before the gate calls it a regression."""

    score: float = Field(2.0, ge=0, description="points the score may drop")
    actions: int = Field(0, ge=0, description="user actions that may be added")
    pages: int = Field(0, ge=0, description="pages or views that may be added")


class ReportOptions(_Strict):
    formats: list[str] = []
    lang: str = "en"


class Config(_Strict):
    base_url: str | None = None
    journeys: list[str] = []
    workers: int = Field(2, ge=1, le=32)
    out: Path = Path("reports")
    runs: int = Field(1, ge=1, le=25)
    shard: str | None = Field(None, pattern=r"^\d+/\d+$")
    device: Literal["desktop", "mobile"] | None = None
    jurisdiction: JurisdictionCode | None = None
    step_timeout: float | None = Field(None, gt=0)
    checks: list[Path] = []
    baseline: Path | None = None
    tolerances: Tolerances = Tolerances()
    fail_under: float | None = Field(None, ge=0, le=100)
    assertions: list[Assertion] = []
    report: ReportOptions = ReportOptions()
    file: Path | None = Field(None, exclude=True, description="where it was read from")

    @field_validator("journeys", mode="before")
    @classmethod
    def _journeys_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        from cxaudit.journey.model import url_problem

        problem = url_problem(value) if value is not None else None
        if problem:
            raise ValueError(f"{short(value)} is {problem}; give the site's root, e.g. https://www.example.com")
        return value

    def has_gate(self) -> bool:
        return bool(self.assertions or self.fail_under is not None or self.baseline is not None)

    def journey_paths(self) -> list[str]:
        """Journey entries with globs expanded (sorted); plain paths are kept for the loader to judge."""
        out: list[str] = []
        for entry in self.journeys:
            if glob.has_magic(entry):
                found = sorted(glob.glob(entry, recursive=True))
                if not found:
                    where = f"{self.file}: " if self.file else ""
                    raise ConfigError([f"{where}journeys: '{entry}' matches no file"])
                out.extend(found)
            else:
                out.append(entry)
        return out


def find_config(directory: Path | None = None) -> Path | None:
    """``cxaudit.yaml`` (or ``.yml``) in the directory (default: the working directory), else None."""
    directory = directory or Path.cwd()
    for name in CONFIG_NAMES:
        if (directory / name).is_file():
            return directory / name
    return None


def load_config(path: str | Path | None = None) -> Config | None:
    """Read ``path``, or ``cxaudit.yaml`` in the working directory when path is None (None if there is none).
    Relative paths in the file (journeys, out, baseline, checks) are relative to the file's folder."""
    if path is None:
        found = find_config()
        if found is None:
            return None
        path = found
    path = Path(path)
    try:
        text = read_yaml(path)
    except YamlSyntaxError as exc:
        raise ConfigError([f"{path}:{exc.line}: {exc.message}"]) from None
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such config file"], tip="write a cxaudit.yaml (see docs/ci/README.md)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot be read: {exc}"]) from None
    config = parse_config(text, str(path))
    return _resolve(config, path)


def parse_config(text: str, path: str = "cxaudit.yaml") -> Config:
    """Validate config YAML text; raises ConfigError with one ``file:line key: problem`` a line."""
    try:
        data, lines = load_with_lines(text)
    except YamlSyntaxError as exc:
        raise ConfigError([f"{path}:{exc.line}: {exc.message}"]) from None
    if data is None:
        data = {}
    elif not isinstance(data, dict):
        raise ConfigError([f"{path}:1: the config is a mapping (base_url:, journeys:, ...), got a {type(data).__name__}"])
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = nice_loc(tuple(err["loc"]))
            line_loc = loc  # the line of the offending key itself
            if err["type"] == "extra_forbidden":
                known = _known_keys(loc[:-1])
                close = difflib.get_close_matches(str(loc[-1]), known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else (f"; allowed: {', '.join(known)}" if known else "")
                loc, msg = loc[:-1], f"unknown key '{loc[-1]}'{hint}"
            elif err["type"] == "missing":
                loc, msg = loc[:-1], f"{loc[-1]} is required"
                line_loc = loc
            else:
                msg = err["msg"].removeprefix("Value error, ").replace("Input should be", "must be")
            where = format_path(loc)
            line = f"{path}:{line_for(line_loc, lines)}" + (f" {where}: " if where else ": ") + msg
            if line not in problems:
                problems.append(line)
        raise ConfigError(problems) from None


def _known_keys(loc: tuple) -> list[str]:
    model: Any = Config
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", (annotation,))
        model = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if model is None:
            return []
    return [k for k, f in model.model_fields.items() if not f.exclude]


def _resolve(config: Config, file: Path) -> Config:
    root = file.parent

    def rel(p: Path) -> Path:
        return p if p.is_absolute() else root / p

    return config.model_copy(update={
        "file": file,
        "journeys": [j if Path(j).is_absolute() or "://" in j else str(root / j) for j in config.journeys],
        "out": rel(config.out),
        "baseline": rel(config.baseline) if config.baseline is not None else None,
        "checks": [rel(p) for p in config.checks],
    })


def _where(loc: tuple, update: dict[str, Any], file: Path | None) -> str:
    if loc and loc[0] in update:
        return "--" + str(loc[0]).replace("_", "-")
    return f"{file}: {format_path(loc)}" if file else format_path(loc)


def merge_overrides(config: Config | None, **cli: Any) -> Config:
    """The config with command-line values over it; a value of None (or an empty list) means "not given".

    Keys are Config fields (base_url, journeys, workers, out, runs, shard, device, step_timeout, checks,
    baseline, fail_under); ``tolerance_score`` / ``tolerance_actions`` / ``tolerance_pages`` set tolerances.
    """
    config = config or Config()
    update: dict[str, Any] = {}
    tolerances = config.tolerances.model_dump()
    for key, value in cli.items():
        if value is None or (isinstance(value, list | tuple) and not value):
            continue
        if key.startswith("tolerance_"):
            tolerances[key.removeprefix("tolerance_")] = value
        elif key in Config.model_fields and key != "file":
            update[key] = [str(v) for v in value] if key == "journeys" else value
        else:
            raise TypeError(f"merge_overrides: unknown option {key}")
    data = {**config.model_dump(exclude={"file"}), **update, "tolerances": tolerances}
    try:
        merged = Config.model_validate(data)
    except ValidationError as exc:  # a value from the command line names its option, one from the file its key
        raise ConfigError([f"{_where(tuple(e['loc']), update, config.file)}: {e['msg'].removeprefix('Value error, ')}"
                           for e in exc.errors()]) from None
    return merged.model_copy(update={"file": config.file})
