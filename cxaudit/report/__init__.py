"""Renderers: the judged run as HTML (the client's deliverable), PDF, JSON, CSV/XLSX, JUnit XML and Markdown.

    from cxaudit.report import render, Branding
    render(run, folder, ["html", "pdf"], lang="de", branding=Branding(client="ACME GmbH"))

Every format reads the same saved run (results.json + screens/) and never the network; the HTML holds
only the audited pages' text (escaped) and screenshots, never their markup or scripts.
"""

from __future__ import annotations

from pathlib import Path

from cxaudit.errors import CxauditError
from cxaudit.report import content, images
from cxaudit.report.html import Branding, render_html
from cxaudit.report.registry import BUILTIN, Target, Writer, plugin_names, write, writer
from cxaudit.results.model import RunResult
from cxaudit.words.i18n import LANGUAGES

FORMATS = tuple(w.name for w in BUILTIN)  # cxaudit's own; packages add more (cxaudit.report.registry)

__all__ = ["FORMATS", "LANGUAGES", "Branding", "Target", "Writer", "check_options", "output_name", "render"]


def output_name(fmt: str, lang: str) -> list[str]:
    """The file names a format writes: report.html, report.de.html, findings.csv ..."""
    w = writer(fmt)
    if w is None:
        raise KeyError(fmt)
    return w.file_names(lang)


def check_options(formats: list[str], lang: str, branding: Branding | None = None) -> None:
    """Refuse an unknown format or language, or a logo that is not an image, before anything is rendered
    (``cxaudit run`` asks before it starts the browser)."""
    offered = plugin_names() if any(f not in FORMATS for f in formats) else []  # other packages' formats
    unknown = [f for f in formats if f not in FORMATS and f not in offered]
    if unknown:
        raise CxauditError(f"unknown report format(s): {', '.join(unknown)}",
                           tip=f"choose from {', '.join([*FORMATS, *offered])}")
    if lang not in LANGUAGES:
        raise CxauditError(f"report language {lang!r} is not available", tip=f"choose from {', '.join(LANGUAGES)}")
    if branding is not None and branding.logo:
        images.read_logo(branding.logo)


def render(run: RunResult, folder: Path, formats: list[str], lang: str = "en", branding: Branding | None = None,
           out_dir: Path | None = None) -> list[Path]:
    """Write the reports of a judged run; return the files written.

    ``folder`` is the run folder (screenshots are read from it); ``out_dir`` defaults to it.
    """
    check_options(formats, lang, branding)
    writers = [w for f in dict.fromkeys(formats) if (w := writer(f))]  # once each, in the order given
    folder = Path(folder)
    out = Path(out_dir) if out_dir is not None else folder
    out.mkdir(parents=True, exist_ok=True)
    # the PDF prints the HTML; asked for the PDF alone, the HTML is a temporary file, removed whatever happens
    needs_html = any(w.needs_html for w in writers)
    temporary = out / f".print-{output_name('html', lang)[0]}" if needs_html and "html" not in formats else None
    token = content.RENDER_SPECS.set(content.load_specs(run))  # one catalogue load for every format
    try:
        written = _write_all(run, folder, out, writers, lang, branding, temporary)
    finally:
        content.RENDER_SPECS.reset(token)
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # the HTML printed for a PDF-only request, even if printing failed
    return written


def _write_all(run: RunResult, folder: Path, out: Path, writers: list[Writer], lang: str,
               branding: Branding | None, temporary: Path | None) -> list[Path]:
    written: list[Path] = []
    html_path: Path | None = None
    for w in writers:
        if w.needs_html and html_path is None:
            html_path = temporary or out / output_name("html", lang)[0]
            render_html(run, folder, html_path, lang, branding)
        target = Target(run, folder, [out / n for n in w.file_names(lang)], lang, branding, html_path)
        written += write(w, target)
    return written
