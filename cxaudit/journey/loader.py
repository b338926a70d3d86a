"""Loading journey files: YAML with line numbers, ${VAR} secrets from the environment, and errors that name
the file, the line and the step path: ``journeys/cancel.yaml:14 steps[3].click: name is required``."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from cxaudit.errors import JourneyFileErrors
from cxaudit.journey.model import STEP_MODELS, STEP_OPTION_KEYS, Journey
from cxaudit.yamlfile import YamlSyntaxError, format_path, line_for, load_with_lines, nice_loc, read_yaml, short

# ---------------------------------------------------------------- loading
_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def _expand_env(data: Any, path: tuple, secrets: set[str], missing: list[tuple[tuple, str]],
                used: set[str] | None = None) -> Any:
    """Replace ${VAR} and ${VAR:-default} from the environment; every expanded string is a secret. A variable
    that is not set and has no default is listed in ``missing`` and left as ``${VAR}`` (its shape is checked)."""
    used = set() if used is None else used
    if isinstance(data, dict):
        return {k: _expand_env(v, path + (k,), secrets, missing, used) for k, v in data.items()}
    if isinstance(data, list):
        return [_expand_env(v, path + (i,), secrets, missing, used) for i, v in enumerate(data)]
    if isinstance(data, str) and "${" in data:

        def sub(match: re.Match) -> str:
            name, default = match.group(1), match.group(2)
            used.add(name)
            value = os.environ.get(name)
            if value is None:
                if default is None:
                    missing.append((path, name))
                    return match.group(0)
                value = default
            return value

        expanded = _ENV.sub(sub, data)
        if expanded:
            secrets.add(expanded)
        return expanded
    return data


def _step_type_message(value: Any) -> str:
    if not isinstance(value, dict):
        return f"a step is a mapping like `click: Continue`, got {type(value).__name__} {short(value)}"
    keys = [k for k in value if k not in STEP_OPTION_KEYS]
    if not keys:
        return f"a step needs a type: one of {', '.join(STEP_MODELS)}"
    if len(keys) > 1:
        return (
            f"a step has one type, got {', '.join(map(str, keys))}; "
            "put each action in its own list item (- click: ...)"
        )
    close = difflib.get_close_matches(str(keys[0]), list(STEP_MODELS), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown step type '{keys[0]}'; {hint}known: {', '.join(STEP_MODELS)}"


def _message(err: dict, lines: dict[tuple, int]) -> tuple[tuple, str]:
    loc = nice_loc(tuple(err["loc"]))
    etype = err["type"]
    if etype == "step_type":
        return loc, _step_type_message(err.get("input"))
    if etype == "extra_forbidden":
        key = loc[-1]
        parent = loc[:-1]
        known = _known_keys(parent)
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else (f"; allowed: {', '.join(known)}" if known else "")
        return (loc if not parent else parent), f"unknown key '{key}'{hint}"
    if etype == "missing":
        return loc[:-1], f"{loc[-1]} is required"
    msg = err["msg"]
    msg = msg.removeprefix("Value error, ")
    if etype == "literal_error":
        msg = f"{msg.replace('Input should be', 'must be')}, got {short(err.get('input'))}"
    return loc, msg


def _known_keys(loc: tuple) -> list[str]:
    """The keys allowed at a data path, for 'did you mean' hints."""
    model: Any = Journey
    for part in loc:
        if isinstance(part, int):
            continue
        if model is Journey and part == "steps":
            model = None
            continue
        if model is None and part in STEP_MODELS:
            model = STEP_MODELS[part]
        if model is None or part not in getattr(model, "model_fields", {}):
            return []
        annotation = model.model_fields[part].annotation
        model = next((a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)
                      and issubclass(a, BaseModel)), None)
    if model is None:
        return []
    return [k for k, f in model.model_fields.items() if not f.exclude and k != "auto"]


def parse_journey(text: str, path: str = "<journey>", need_env: bool = True) -> Journey:
    """Validate a journey from YAML text. Raises JourneyFileErrors with one line a problem. With ``need_env``
    False (``cxaudit validate``) a ${VAR} that is not set is no problem: the shape is checked with the
    variable's name in its place, and ``Journey.variables`` / ``unset`` say what a run will need."""
    try:
        data, lines = load_with_lines(text)
    except YamlSyntaxError as exc:
        raise JourneyFileErrors([f"{path}:{exc.line}: {exc.message}"]) from None
    if data is None:
        raise JourneyFileErrors([f"{path}:1: the file is empty; a journey needs name, goal, start, steps, success"])
    if not isinstance(data, dict):
        raise JourneyFileErrors([f"{path}:1: a journey is a mapping (name:, goal:, steps: ...), got a {type(data).__name__}"])
    secrets: set[str] = set()
    missing: list[tuple[tuple, str]] = []
    used: set[str] = set()
    data = _expand_env(data, (), secrets, missing, used)
    problems = [
        f"{path}:{line_for(p, lines)} {format_path(p)}: environment variable {name} is not set; "
        f"export {name}=... or write ${{{name}:-default}}"
        for p, name in missing
    ] if need_env else []
    try:
        journey = Journey.model_validate(data)
    except ValidationError as exc:
        found = [_message(err, lines) for err in exc.errors()]
        # "success is required" next to "unknown key 'sucess'; did you mean 'success'?" says it twice
        suggested = {(loc[:-1] if len(loc) > 1 else (), m.split("did you mean '")[1].rstrip("'?"))
                     for loc, m in found if "did you mean '" in m}
        for loc, msg in found:
            if msg.endswith(" is required") and (loc, msg[: -len(" is required")]) in suggested:
                continue
            where = format_path(loc)
            line = f"{path}:{line_for(loc, lines)}" + (f" {where}: " if where else ": ") + msg
            if line not in problems:
                problems.append(line)
        raise JourneyFileErrors(problems) from None
    if problems:
        raise JourneyFileErrors(problems)
    return journey.model_copy(update={"path": path, "secrets": frozenset(secrets), "variables": tuple(sorted(used)),
                                      "unset": tuple(sorted({name for _, name in missing}))})


def load_journey(path: str | Path, need_env: bool = True) -> Journey:
    path = Path(path)
    try:
        text = read_yaml(path)
    except YamlSyntaxError as exc:
        raise JourneyFileErrors([f"{path}:{exc.line}: {exc.message}"]) from None
    except FileNotFoundError:
        raise JourneyFileErrors([f"{path}: no such file"]) from None
    except UnicodeDecodeError as exc:
        raise JourneyFileErrors([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    except OSError as exc:
        raise JourneyFileErrors([f"{path}: cannot be read: {exc.strerror}"]) from None
    journey = parse_journey(text, str(path), need_env)
    return journey.model_copy(update={"id": _slug(path.stem)})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "journey"


def journey_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders into their *.yaml / *.yml files (sorted); keep files as given."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted([*p.rglob("*.yaml"), *p.rglob("*.yml")])
            if not found:
                raise JourneyFileErrors([f"{p}: the folder has no .yaml journey files"])
            files.extend(found)
        else:
            files.append(p)
    return files


def validate_files(paths: list[str | Path], need_env: bool = False) -> tuple[list[Journey], list[str], tuple[Path, Exception] | None]:
    """Each path and each file on its own, so that one bad file never hides another's result: the journeys
    that load, every problem (one line each) and the first unexpected exception (a cxaudit bug, with the file
    it met), which the caller raises after reporting the rest."""
    valid: list[Journey] = []
    problems: list[str] = []
    crashed: tuple[Path, Exception] | None = None
    for raw in paths:
        try:
            files = journey_files([raw])
        except JourneyFileErrors as exc:
            problems.extend(exc.problems)
            continue
        for file in files:
            try:
                valid.append(load_journey(file, need_env))
            except JourneyFileErrors as exc:
                problems.extend(exc.problems)
            except Exception as exc:  # noqa: BLE001 - reported after the other files' results
                crashed = crashed or (file, exc)
    return valid, problems, crashed


def load_journeys(paths: list[str | Path], need_env: bool = True) -> list[Journey]:
    """Load every journey; collect all problems across files before raising. Ids are made unique."""
    problems: list[str] = []
    journeys: list[Journey] = []
    for file in journey_files(paths):
        try:
            journeys.append(load_journey(file, need_env))
        except JourneyFileErrors as exc:
            problems.extend(exc.problems)
    if problems:
        raise JourneyFileErrors(problems)
    seen: dict[str, int] = {}
    unique = []
    for j in journeys:
        n = seen.get(j.id, 0)
        seen[j.id] = n + 1
        unique.append(j if n == 0 else j.model_copy(update={"id": f"{j.id}-{n + 1}"}))
    return unique
