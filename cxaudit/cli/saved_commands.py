"""Commands that need no browser for journeys: validate, checks, rescore, report, install-browser, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxaudit.cli.app import app
from cxaudit.cli.audit_commands import finish
from cxaudit.cli.options import (
    ChecksDir,
    Client,
    Consultant,
    Formats,
    JsonOut,
    JurisdictionOpt,
    Lang,
    Logo,
    Quiet,
    ReportDate,
)
from cxaudit.errors import CxauditError


@app.command()
def validate(
    journeys: Annotated[list[str], typer.Argument(help="Journey files or folders of them.")],
    quiet: Quiet = False,
) -> None:
    """Check journey files without a browser: one line per problem, naming file, line and step. The ${VAR}s a
    run will need may be unset: each file's line names them."""
    from cxaudit.errors import JourneyFileErrors
    from cxaudit.journey import validate_files

    valid, problems, crashed = validate_files(journeys)
    if not quiet:
        for j in valid:
            needs = ""
            if j.variables:
                needs = f"; a run needs {', '.join(j.variables)}"
                needs += f" (not set here: {', '.join(j.unset)})" if j.unset else ""
            typer.echo(f"ok  {j.path}  ({j.goal}, {len(j.steps)} steps{needs})", err=True)
    if crashed is not None:  # a cxaudit bug met in one file: the other files' results first, then the bug
        for line in problems:
            typer.echo(f"cxaudit: error: {line}", err=True)
        crashed[1].add_note(f"while validating {crashed[0]}")
        raise crashed[1]
    if problems:
        raise JourneyFileErrors(problems)
    typer.echo(f"{len(valid)} journey file(s) valid")


def applies_to(spec) -> str:
    """E.g. "cancel, uninstall" or "all goals", then "; de pages" and "; in de" where the check says so."""
    where = ", ".join(spec.goals) if spec.goals else "all goals"
    if spec.languages:
        where += f"; {', '.join(spec.languages)} pages"
    if spec.jurisdictions:
        where += f"; in {', '.join(spec.jurisdictions)}"
    return where


@app.command("checks")
def checks_cmd(
    checks: ChecksDir = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the titles: en or de.")] = "en",
    json_out: JsonOut = False,
) -> None:
    """List the check catalogue: code, id, kind, severity, category, the journeys it applies to, title."""
    from cxaudit.judge.engine import catalogue
    from cxaudit.words.i18n import LANGUAGES

    if lang not in LANGUAGES:
        raise CxauditError(f"--lang {lang}: the catalogue has no titles in {lang!r}", tip=f"choose from {', '.join(LANGUAGES)}")
    cat = catalogue(checks)
    if json_out:
        import json

        typer.echo(json.dumps([s.model_dump(exclude={"file"}) for s in cat.specs], indent=1, ensure_ascii=False))
        return
    from rich.table import Table

    from cxaudit.progress import stdout_console

    table = Table(title=f"{len(cat.specs)} checks", title_justify="left")
    for col in ("code", "id", "kind", "severity", "category", "applies to", "title"):
        table.add_column(col, no_wrap=col not in ("title", "applies to"))
    for spec in cat.specs:
        table.add_row(spec.code, spec.id, spec.kind, spec.severity, spec.category, applies_to(spec), spec.title.get(lang))
    stdout_console().print(table)


@app.command()
def rescore(
    run_folder: Annotated[Path, typer.Argument(metavar="RUN", help="A run folder (or its results.json).")],
    checks: ChecksDir = None,
    jurisdiction: JurisdictionOpt = None,
    json_out: JsonOut = False,
    quiet: Quiet = False,
) -> None:
    """Judge a saved run again with the current checks, without a browser; rewrites its results.json."""
    from cxaudit.cli.audit_commands import check_jurisdiction
    from cxaudit.judge.engine import judge_run
    from cxaudit.results.model import load_run, run_folder_of

    check_jurisdiction(jurisdiction)
    run = load_run(run_folder)
    folder = run_folder_of(run_folder)
    judge_run(run, checks, jurisdiction=jurisdiction)
    run.write(folder)
    finish(run, folder, json_out, quiet)


@app.command()
def report(
    run_folder: Annotated[Path, typer.Argument(metavar="RUN", help="A run folder (or its results.json).")],
    report_format: Formats = None,
    lang: Lang = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Where to write (default: the run folder).")] = None,
    consultant: Consultant = None,
    logo: Logo = None,
    client: Client = None,
    report_date: ReportDate = None,
) -> None:
    """Render reports of a saved run, without a browser (PDF aside: Chromium prints it)."""
    from cxaudit.judge.engine import judge_run
    from cxaudit.report import Branding, check_options, render
    from cxaudit.results.model import load_run, run_folder_of

    formats = [f.strip() for f in (report_format or "html").split(",") if f.strip()]
    brand = Branding(consultant=consultant, logo=logo, client=client, date=report_date)
    check_options(formats, lang or "en", brand)  # before the run is read: a bad option is named at once
    run = load_run(run_folder)
    folder = run_folder_of(run_folder)
    if not run.judged:
        judge_run(run)  # a run saved before judging (interrupted): judge it now, in memory
    for path in render(run, folder, formats, lang=lang or "en", branding=brand, out_dir=out):
        typer.echo(str(path))


@app.command("install-browser")
def install_browser_cmd() -> None:
    """Get a Chromium: Playwright's own download first, else the system package (apt-get)."""
    from cxaudit.record.browser import install_browser

    found = install_browser()
    typer.echo(found.executable)


@app.command()
def schema() -> None:
    """Print the JSON Schema of results.json."""
    import json

    from cxaudit.results.model import json_schema

    typer.echo(json.dumps(json_schema(), indent=1))
