"""Reading a results.json that may have been edited or damaged: every way it can be wrong is one line naming
the file and what is wrong (``RunNotFound``, exit status 2), never an exception from inside.

The JSON is read as cxaudit writes it, and no further: UTF-8, an object at the top, no ``NaN`` or
``Infinity`` (not JSON; cxaudit writes ``null``), no number beyond 2**53 (what every JSON reader holds
exactly; cxaudit's largest figures are pixels and seconds), and no nesting deeper than ``MAX_DEPTH``
(cxaudit's own files nest 12 levels).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

MAX_DEPTH = 64
MAX_NUMBER = 2**53
TIP = ("a results.json written by cxaudit loads as it is; record the run again with `cxaudit run` "
       "(or `cxaudit demo`) to get a valid one")


class _Refused(ValueError):
    """A value cxaudit never writes, met while parsing."""


def _int(text: str) -> int:
    if len(text) > 17 or abs(value := int(text)) > MAX_NUMBER:
        raise _Refused(f"the number {_cut(text)} is larger than any cxaudit writes (2**53)")
    return value


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise _Refused(f"the number {_cut(text)} is larger than any cxaudit writes (2**53)")
    return value


def _constant(name: str) -> Any:
    raise _Refused(f"it holds {name}, which is not JSON and which cxaudit never writes")


def _cut(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text):,} characters)"


def read_results(file: Path) -> dict[str, Any]:
    """The parsed JSON object of a results file; ``RunNotFound`` in one line when it is not one cxaudit wrote."""
    from cxaudit.errors import RunNotFound

    def refuse(problem: str) -> RunNotFound:
        return RunNotFound(f"{file}: not a readable results file: {problem}", tip=TIP)

    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise RunNotFound(f"{file}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(f"not UTF-8 text ({exc.reason} at byte {exc.start:,})") from None
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except _Refused as exc:
        raise refuse(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise refuse(f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise refuse(f"it nests deeper than {MAX_DEPTH} levels") from None
    if not isinstance(data, dict):
        raise refuse(f"the top level is a JSON {_json_type(data)}, not an object with run_id, journeys ...")
    if _depth(data) > MAX_DEPTH:
        raise refuse(f"it nests deeper than {MAX_DEPTH} levels") from None
    return data


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", type(None): "null", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)


def _depth(data: Any) -> int:
    """How deep the parsed JSON nests, without recursion (stops counting past MAX_DEPTH)."""
    deepest, todo = 0, [(data, 1)]
    while todo:
        value, level = todo.pop()
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            break
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        todo.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def invalid_results(file: Path | str, version: str, problems: list[str]) -> Exception:
    """``RunNotFound`` in one line for a results file whose values do not fit the contract: the first problem
    (``journeys[0].outcome: ...``) and how many more there are."""
    from cxaudit.errors import RunNotFound

    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return RunNotFound(f"{file}: not a valid cxaudit {version} results file: {problems[0]}{more}", tip=TIP)
