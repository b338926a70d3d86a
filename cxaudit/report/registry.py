"""The report writers, one entry per format: its name, the files it writes, the function that writes them.

cxaudit's own formats are the table ``BUILTIN``, in the order ``--format``'s help gives them. Another package
adds a format with an entry point in the group ``cxaudit.reporters`` whose name is the format's and whose
object is a ``Writer`` (see checks/README.md, "Plugins"); it is loaded only when that format is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from cxaudit.errors import CxauditError
from cxaudit.plugins import load_entry_point, plugin_error
from cxaudit.results.model import RunResult

if TYPE_CHECKING:  # the HTML writer pulls in jinja2: only when a format needs it
    from cxaudit.report.html import Branding

REPORTER_PLUGINS = "cxaudit.reporters"  # the entry point group: each names a Writer object
_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass(frozen=True)
class Target:
    """What a writer is given: the judged run, its folder (screenshots are read from it) and the files to write."""

    run: RunResult
    folder: Path
    paths: list[Path]  # the writer's ``files`` in the report folder, in the same order
    lang: str
    branding: Branding | None = None
    html: Path | None = None  # the HTML report, rendered before a writer that ``needs_html``


@dataclass(frozen=True)
class Writer:
    """One report format. ``files`` are file names where ``{sfx}`` is "" in English and ".de" in German;
    ``write`` writes them and returns the files written."""

    name: str
    files: tuple[str, ...]
    write: Callable[[Target], list[Path]]
    needs_html: bool = False  # reads the HTML report (the PDF prints it): it is rendered first, once
    plugin: EntryPoint | None = None  # set by the registry for a plugin's writer

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"a format name is lower-case letters, digits, _ and -, not {self.name!r}")
        if not self.files:
            raise ValueError(f"format {self.name} writes no file: give files=('name{{sfx}}.ext', ...)")

    def file_names(self, lang: str) -> list[str]:
        sfx = "" if lang == "en" else f".{lang}"
        return [f.format(sfx=sfx) for f in self.files]


def _html(t: Target) -> list[Path]:
    return [t.html]  # type: ignore[list-item] - rendered before, as the writer needs_html


def _json(t: Target) -> list[Path]:
    target = t.paths[0]
    if target.parent.resolve() != t.folder.resolve() or not target.exists():
        t.run.write(target.parent)
    return [target]


def _pdf(t: Target) -> list[Path]:
    from cxaudit.report.pdf import render_pdf

    return [render_pdf(t.html, t.paths[0])]  # type: ignore[arg-type]


def _csv(t: Target) -> list[Path]:
    from cxaudit.report.tables import write_csv

    return write_csv(t.run, t.paths, t.lang)


def _xlsx(t: Target) -> list[Path]:
    from cxaudit.report.tables import write_xlsx

    return [write_xlsx(t.run, t.paths[0], t.lang)]


def _junit(t: Target) -> list[Path]:
    from cxaudit.report.junit import write_junit

    return [write_junit(t.run, t.paths[0], t.lang)]


def _markdown(t: Target) -> list[Path]:
    from cxaudit.report.markdown import write_markdown

    return [write_markdown(t.run, t.paths[0], t.lang)]


BUILTIN: tuple[Writer, ...] = (
    Writer("html", ("report{sfx}.html",), _html, needs_html=True),
    Writer("json", ("results.json",), _json),
    Writer("pdf", ("report{sfx}.pdf",), _pdf, needs_html=True),
    Writer("csv", ("steps{sfx}.csv", "findings{sfx}.csv", "scores{sfx}.csv"), _csv),
    Writer("xlsx", ("report{sfx}.xlsx",), _xlsx),
    Writer("junit", ("junit{sfx}.xml",), _junit),
    Writer("md", ("report{sfx}.md",), _markdown),
)
BY_NAME = {w.name: w for w in BUILTIN}


def plugin_names() -> list[str]:
    """The formats other packages offer (their entry points' names, none loaded)."""
    return sorted({ep.name for ep in entry_points(group=REPORTER_PLUGINS)} - set(BY_NAME))


def writer(name: str) -> Writer | None:
    """The writer of a format: cxaudit's own, else a plugin's (loaded now), else None."""
    if name in BY_NAME:
        return BY_NAME[name]
    found = [ep for ep in entry_points(group=REPORTER_PLUGINS) if ep.name == name]
    if not found:
        return None
    if len(found) > 1:
        packages = ", ".join(sorted(ep.dist.name if ep.dist else ep.value for ep in found))
        raise plugin_error(found[0], "report writer", f"is offered by several packages ({packages})")
    obj = load_entry_point(found[0], "report writer")
    if not isinstance(obj, Writer):
        raise plugin_error(found[0], "report writer",
                           f"is a {type(obj).__name__}, not a cxaudit.report.Writer(name, files, write)")
    if obj.name != name:
        raise plugin_error(found[0], "report writer", f"names its format '{obj.name}': name the entry point the same")
    return replace(obj, plugin=found[0])


def write(w: Writer, target: Target) -> list[Path]:
    """Run one writer; a plugin's writer that fails is one clear error naming it."""
    if w.plugin is None:
        return w.write(target)
    try:
        return list(w.write(target))
    except CxauditError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a foreign writer raises, the user gets one line
        raise plugin_error(w.plugin, "report writer", f"failed: {type(exc).__name__}: {exc}") from exc
