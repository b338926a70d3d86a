"""Plugins: objects other packages offer through entry points (``cxaudit.detectors``, ``cxaudit.reporters``;
see checks/README.md, "Plugins"). Loading one that fails is one clear error naming it, never a traceback."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from typing import Any

from cxaudit.errors import CxauditError
from cxaudit.words.format import clip


def plugin_error(ep: EntryPoint, what: str, problem: str) -> CxauditError:
    """One line naming a plugin's entry point, its package and what is wrong with it; the tip says the fix."""
    dist = ep.dist
    package = dist.name if dist is not None else None
    source = ep.value + (f", from {package} {dist.version}" if dist is not None else "")
    fix = f"fix {package} or uninstall it (pip uninstall {package})" if package else "fix or remove the package that declares it"
    return CxauditError(f"{what} plugin '{ep.name}' ({source}) {clip(problem, 400)}",
                        tip=f"{fix}; its entry point is in the group {ep.group}")


def load_entry_point(ep: EntryPoint, what: str) -> Any:
    """Import what an entry point names; whatever the foreign code raises becomes ``plugin_error``."""
    try:
        return ep.load()
    except Exception as exc:  # noqa: BLE001 - whatever a foreign module raises, the user gets one line
        raise plugin_error(ep, what, f"cannot be loaded: {type(exc).__name__}: {exc}") from exc
