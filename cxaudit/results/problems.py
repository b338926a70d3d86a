"""Validation errors of the typed observation as one line a path (``observation.elements[3].font_size: ...``),
and, for a run recorded by a newer cxaudit, the unknown keys taken out of it (cxaudit/results/observation.py)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

# the union members' tags, which pydantic puts into an error's location; a path a person reads leaves them out
_TAGS = {"Observation", "SnapshotError", "AxeSummary", "AxeSkipped", "AxeError"}


def path_of(loc: tuple[Any, ...], root: str = "", indices: bool = True) -> str:
    """``("elements", 3, "font_size")`` -> ``observation.elements[3].font_size`` (union tags dropped);
    without ``indices``: ``observation.elements[].font_size``."""
    out = root
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]" if indices else "[]"
        elif part not in _TAGS:
            out += f".{part}" if out else str(part)
    return out


def problems_of(exc: ValidationError, root: str = "") -> list[str]:
    """One line per path: ``observation.elements[3].font_size: Input should be a number``."""
    by_path: dict[str, list[str]] = {}
    for err in exc.errors(include_url=False):
        msgs = by_path.setdefault(path_of(err["loc"], root), [])
        if err["msg"] not in msgs:
            msgs.append(err["msg"])
    return [f"{path}: {' or '.join(msgs)}" for path, msgs in by_path.items()]


def strip_unknown(data: Any, exc: ValidationError, within: frozenset[str] | None = None) -> tuple[Any, list[tuple[Any, ...]]]:
    """``data`` without the keys ``exc`` refused as unknown (only below a key in ``within``, when given),
    and their locations; other errors are left in it.

    For a run recorded by a newer cxaudit: its snapshot.js may emit keys this model does not know yet.
    """
    removed: list[tuple[Any, ...]] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if p not in _TAGS]
        if err["type"] != "extra_forbidden" or (within is not None and not within.intersection(loc[:-1])):
            continue
        parent = data
        try:
            for part in loc[:-1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(parent, dict) and loc[-1] in parent:
            del parent[loc[-1]]
            removed.append(tuple(loc))
    return data, removed
