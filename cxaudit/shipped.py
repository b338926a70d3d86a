"""What this installation ships: its version, and where the shipped journeys and checks are: the
repository's top-level folders in a checkout, or their copies inside the installed package (a wheel
carries them under cxaudit/_shipped/)."""

from __future__ import annotations

from pathlib import Path

VERSION = "0.1.0"  # the package's version (pyproject.toml says it too)

_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """``journeys`` or ``checks``: the folder in a source checkout, else the packaged copy."""
    for candidate in (_PACKAGE / "_shipped" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the shipped {name}/ folder is missing from this installation of cxaudit")


def demo_journeys() -> Path:
    return shipped("journeys") / "demo"
