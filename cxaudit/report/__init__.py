"""Renderers: the judged run as HTML (the client's deliverable), PDF, JSON, CSV/XLSX, JUnit XML and Markdown.

    from cxaudit.report import render, Branding
    render(run, folder, ["html", "pdf"], lang="de", branding=Branding(client="ACME GmbH"))

Every format reads the same saved run (results.json + screens/) and never the network; the HTML holds
only the audited pages' text (escaped) and screenshots, never their markup or scripts.
"""

from __future__ import annotations

from pathlib import Path

from cxaudit.errors import CxauditError
from cxaudit.report import content
from cxaudit.report.html import Branding
from cxaudit.results.model import RunResult
from cxaudit.words.i18n import LANGUAGES

FORMATS = ("html", "json", "pdf", "csv", "xlsx", "junit", "md")

__all__ = ["FORMATS", "LANGUAGES", "Branding", "output_name", "render"]


def output_name(fmt: str, lang: str) -> list[str]:
    """The file names a format writes: report.html, report.de.html, findings.csv ..."""
    sfx = "" if lang == "en" else f".{lang}"
    return {
        "html": [f"report{sfx}.html"],
        "json": ["results.json"],
        "pdf": [f"report{sfx}.pdf"],
        "csv": [f"steps{sfx}.csv", f"findings{sfx}.csv", f"scores{sfx}.csv"],
        "xlsx": [f"report{sfx}.xlsx"],
        "junit": [f"junit{sfx}.xml"],
        "md": [f"report{sfx}.md"],
    }[fmt]


def render(run: RunResult, folder: Path, formats: list[str], lang: str = "en", branding: Branding | None = None,
           out_dir: Path | None = None) -> list[Path]:
    """Write the reports of a judged run; return the files written.

    ``folder`` is the run folder (screenshots are read from it); ``out_dir`` defaults to it.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise CxauditError(f"unknown report format(s): {', '.join(unknown)}", tip=f"choose from {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise CxauditError(f"report language {lang!r} is not available", tip=f"choose from {', '.join(LANGUAGES)}")
    folder = Path(folder)
    out = Path(out_dir) if out_dir is not None else folder
    out.mkdir(parents=True, exist_ok=True)
    # the PDF prints the HTML; asked for the PDF alone, the HTML is a temporary file, removed whatever happens
    temporary = out / f".print-{output_name('html', lang)[0]}" if "pdf" in formats and "html" not in formats else None
    token = content.RENDER_SPECS.set(content.load_specs(run))  # one catalogue load for every format
    try:
        written = _render_formats(run, folder, out, formats, lang, branding, temporary)
    finally:
        content.RENDER_SPECS.reset(token)
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # the HTML printed for a PDF-only request, even if printing failed
    return written


def _render_formats(run: RunResult, folder: Path, out: Path, formats: list[str], lang: str,
                    branding: Branding | None, temporary: Path | None) -> list[Path]:
    written: list[Path] = []
    html_path: Path | None = None
    for fmt in dict.fromkeys(formats):  # once each, in the order given
        names = [out / n for n in output_name(fmt, lang)]
        if fmt in ("html", "pdf") and html_path is None:
            from cxaudit.report.html import render_html

            html_path = temporary or out / output_name("html", lang)[0]
            render_html(run, folder, html_path, lang, branding)
        if fmt == "html":
            written.append(html_path)  # type: ignore[arg-type]
        if fmt == "json":
            target = names[0]
            if out.resolve() != folder.resolve() or not target.exists():
                run.write(out)
            written.append(target)
        elif fmt == "pdf":
            from cxaudit.report.pdf import render_pdf

            written.append(render_pdf(html_path, names[0]))  # type: ignore[arg-type]
        elif fmt == "csv":
            from cxaudit.report.tables import write_csv

            written += write_csv(run, names, lang)
        elif fmt == "xlsx":
            from cxaudit.report.tables import write_xlsx

            written.append(write_xlsx(run, names[0], lang))
        elif fmt == "junit":
            from cxaudit.report.junit import write_junit

            written.append(write_junit(run, names[0], lang))
        elif fmt == "md":
            from cxaudit.report.markdown import write_markdown

            written.append(write_markdown(run, names[0], lang))
    return written
