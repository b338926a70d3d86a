"""The command line: parse options, call the library, format output. One error boundary in main().

stdout carries data (the run folder's path, or --json); stderr carries progress and summaries.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import CxauditError, ExitStatus

app = typer.Typer(
    name="cxaudit",
    help="Audit customer journeys (cancel, uninstall, contact support, sign-up) on websites for friction.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_state = {"traceback": False}

BaseUrl = Annotated[str | None, typer.Option("--base-url", "-b", help="Site root that journey paths are relative to.")]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Folder for run folders (one per run) [default: reports].")]
Workers = Annotated[int | None, typer.Option("--workers", "-w", min=1, max=32, help="Journeys run in parallel [default: 2].")]
Headed = Annotated[bool, typer.Option("--headed", help="Show the browser window.")]
BrowserPath = Annotated[
    str | None, typer.Option("--browser-path", help="Chromium/Chrome executable (else CXAUDIT_BROWSER, then auto).")
]
StepTimeout = Annotated[
    float | None, typer.Option("--step-timeout", min=0.1, help="Seconds a step may wait for its element.")
]
Device = Annotated[str | None, typer.Option("--device", help="desktop or mobile (overrides the journey files).")]
JsonOut = Annotated[bool, typer.Option("--json", help="Print the results JSON to stdout.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]
NoShots = Annotated[bool, typer.Option("--no-screenshots", help="Do not save screenshots.")]
Delay = Annotated[float, typer.Option("--delay", min=0, help="Politeness: seconds to wait before each step.")]
PerHost = Annotated[
    int | None, typer.Option("--per-host", min=1, help="Politeness: journeys at once per host (default: --workers).")
]
UaSuffix = Annotated[
    str | None,
    typer.Option("--user-agent-suffix", help="Appended to the browser's User-Agent (default cxaudit/VERSION; '' for none)."),
]
Resume = Annotated[
    Path | None, typer.Option("--resume", metavar="RUN", help="Continue a run folder: keep finished journeys.")
]
ConfigFile = Annotated[
    Path | None, typer.Option("--config", help="A cxaudit.yaml (default: cxaudit.yaml in the working directory, if any).")
]
Baseline = Annotated[Path | None, typer.Option("--baseline", help="A run folder to compare with; a regression exits 1.")]
FailUnder = Annotated[float | None, typer.Option("--fail-under", min=0, max=100, help="Exit 1 when a journey scores below N.")]
Runs = Annotated[int | None, typer.Option("--runs", min=1, max=25, help="Run each journey N times; keep medians (flaky sites).")]
Shard = Annotated[str | None, typer.Option("--shard", help="Only shard i of n (i/n) of the journeys, for CI matrices.")]
Formats = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Reports to write, comma-separated: html,json,pdf,csv,xlsx,junit,md [default: html]."),
]
Lang = Annotated[str | None, typer.Option("--lang", help="Language of the reports: en or de [default: en].")]
Consultant = Annotated[str | None, typer.Option("--consultant", help="Report branding: the consultant's name.")]
Logo = Annotated[Path | None, typer.Option("--logo", help="Report branding: a logo file (PNG, JPEG, SVG ...).")]
Client = Annotated[str | None, typer.Option("--client", help="Report branding: the client's name.")]
ReportDate = Annotated[str | None, typer.Option("--report-date", help="Report branding: the date printed (default: the run's).")]
ChecksDir = Annotated[
    list[Path] | None,
    typer.Option("--checks", help="A folder of check and lexicon overrides or additions (repeatable)."),
]


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"cxaudit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    traceback: Annotated[bool, typer.Option("--traceback", help="Show the Python traceback on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    _state["traceback"] = traceback


def _check_device(device: str | None) -> None:
    if device is not None and device not in ("desktop", "mobile"):
        raise CxauditError(f"--device {device}: must be desktop or mobile")


def _audit(paths: list[str] | None, *, json_out: bool, quiet: bool, checks: list[Path] | None, resume: Path | None,
           no_screenshots: bool, user_agent_suffix: str | None, extra: dict | None = None, config: Path | None = None,
           baseline: Path | None = None, fail_under: float | None = None, runs: int | None = None,
           shard: str | None = None, default_paths: list[str] | None = None, report: dict | None = None,
           **run_options) -> None:
    """Shared by run and demo: load, record, judge, write, summarise. ``run_options`` are RunOptions fields."""
    from . import __version__
    from .checks import catalogue
    from .cli_gate import plan_run, record_run
    from .model import load_run
    from .progress import Progress
    from .runner import RunOptions

    _check_device(run_options.get("device"))
    previous = load_run(resume) if resume else None
    if previous is not None:
        run_options["out"] = (resume if resume.is_dir() else resume.parent).parent
    settings, journeys = plan_run(
        config, default_journeys=default_paths, journeys=paths, checks=checks, baseline=baseline, fail_under=fail_under,
        runs=runs, shard=shard, **{k: run_options.pop(k, None) for k in ("base_url", "out", "workers", "step_timeout", "device")},
    )
    cat = catalogue(settings.checks)  # bad check folders fail before the browser starts
    ua = f"cxaudit/{__version__}" if user_agent_suffix is None else (user_agent_suffix or None)
    options = RunOptions(**run_options, screenshots=not no_screenshots, user_agent_suffix=ua,
                         extra=extra or {})
    with Progress(journeys, enabled=not quiet) as progress:
        run, folder = record_run(journeys, options, settings, cat, on_event=progress.event, resume=previous)
    report = report or {}
    written = _reports(run, folder, report.get("format"), report.get("lang"), report, settings)
    _finish(run, folder, json_out, quiet, settings, written)


def _reports(run, folder: Path, formats: str | None, lang: str | None, branding: dict, settings=None) -> list[Path]:
    """Render the reports: the options given, else the config file's report:, else HTML in English."""
    from .report import Branding, render

    chosen = [f.strip() for f in formats.split(",") if f.strip()] if formats else None
    if chosen is None:
        chosen = list(settings.report.formats) if settings is not None and settings.report.formats else ["html"]
    language = lang or (settings.report.lang if settings is not None else None) or "en"
    brand = Branding(consultant=branding.get("consultant"), logo=branding.get("logo"), client=branding.get("client"),
                     date=branding.get("date"))
    return render(run, folder, chosen, lang=language, branding=brand)


def _finish(run, folder: Path, json_out: bool, quiet: bool, settings=None, written: list[Path] | None = None) -> None:
    """Summary and gate on stderr; on stdout the run folder and the reports written (or the JSON)."""
    from .gate import gate_after_run
    from .progress import print_summary

    if not quiet:
        print_summary(run, folder)
    gate_status = gate_after_run(run, folder, settings, quiet=quiet)  # 0 when no gate is configured
    if json_out:
        sys.stdout.write(run.model_dump_json(indent=1) + "\n")
    else:
        typer.echo(str(folder))
        for path in written or []:
            if path.name != "results.json":
                typer.echo(str(path))
    if any(j.outcome == "error" for j in run.journeys):
        raise typer.Exit(int(ExitStatus.SITE_OR_BROWSER))
    if gate_status:
        raise typer.Exit(gate_status)


@app.command()
def run(
    journeys: Annotated[
        list[str] | None, typer.Argument(help="Journey files or folders of them (default: journeys: in cxaudit.yaml).")
    ] = None,
    base_url: BaseUrl = None,
    out: Out = None,
    workers: Workers = None,
    headed: Headed = False,
    browser_path: BrowserPath = None,
    step_timeout: StepTimeout = None,
    device: Device = None,
    json_out: JsonOut = False,
    quiet: Quiet = False,
    no_screenshots: NoShots = False,
    checks: ChecksDir = None,
    delay: Delay = 0.0,
    per_host: PerHost = None,
    user_agent_suffix: UaSuffix = None,
    resume: Resume = None,
    report_format: Formats = None,
    lang: Lang = None,
    consultant: Consultant = None,
    logo: Logo = None,
    client: Client = None,
    report_date: ReportDate = None,
    config: ConfigFile = None,
    baseline: Baseline = None,
    fail_under: FailUnder = None,
    runs: Runs = None,
    shard: Shard = None,
) -> None:
    """Run journeys against a site in a real browser, save what a customer meets, judge and score it."""
    options = dict(locals())
    del options["journeys"]
    _audit(journeys, **_audit_options(options))


REPORT_OPTIONS = {"report_format": "format", "lang": "lang", "consultant": "consultant", "logo": "logo",
                  "client": "client", "report_date": "date"}


def _audit_options(options: dict) -> dict:
    """The command's options as _audit takes them: the report's under ``report``."""
    report = {key: options.pop(name) for name, key in REPORT_OPTIONS.items()}
    return {**options, "report": report}


def _with_run_options(command: Callable) -> Callable:
    """Typer reads a command's options from its signature: this gives ``command`` (own parameters, then
    ``**options``) every option of ``run`` but the journeys and --base-url, without writing them out again."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.kind is not p.VAR_KEYWORD]
    shared = [p for n, p in inspect.signature(run, eval_str=True).parameters.items() if n not in ("journeys", "base_url")]
    command.__signature__ = inspect.Signature(own + shared)  # type: ignore[attr-defined]
    return command


@app.command()
@_with_run_options
def demo(
    journeys: Annotated[
        list[str] | None, typer.Argument(help="Demo journeys to run (default: every shipped demo journey).")
    ] = None,
    serve: Annotated[bool, typer.Option("--serve", help="Only serve the demo site, to click through it.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port for --serve (0 picks a free one).")] = 8765,
    faults: Annotated[
        bool, typer.Option("--faults", help="With --serve: also serve failing pages under /_fault/ (robustness tests).")
    ] = False,
    **options: Any,
) -> None:
    """Run the shipped demo journeys against the embedded demo site (or --serve it)."""
    from .demo.server import DemoServer
    from .shipped import demo_journeys

    if serve:
        server = DemoServer(port=port, faults=faults)
        url = server.start()
        typer.echo(f"Demo site at {url}/  (Ctrl-C to stop)", err=True)
        typer.echo(url)
        try:
            import threading

            threading.Event().wait()
        finally:
            server.stop()
        return
    with DemoServer() as server:
        _audit(journeys, default_paths=[str(demo_journeys())], base_url=server.base_url, extra={"demo": True},
               **_audit_options(options))


@app.command()
def validate(
    journeys: Annotated[list[str], typer.Argument(help="Journey files or folders of them.")],
    quiet: Quiet = False,
) -> None:
    """Check journey files without a browser: one line per problem, naming file, line and step."""
    from .journey import load_journeys

    loaded = load_journeys(journeys)
    if not quiet:
        for j in loaded:
            typer.echo(f"ok  {j.path}  ({j.goal}, {len(j.steps)} steps)", err=True)
    typer.echo(f"{len(loaded)} journey file(s) valid")


@app.command("checks")
def checks_cmd(
    checks: ChecksDir = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the titles: en or de.")] = "en",
    json_out: JsonOut = False,
) -> None:
    """List the check catalogue: id, code, kind, severity, title."""
    from .checks import catalogue

    cat = catalogue(checks)
    if json_out:
        import json

        typer.echo(json.dumps([s.model_dump(exclude={"file"}) for s in cat.specs], indent=1, ensure_ascii=False))
        return
    from rich.table import Table

    from .progress import stdout_console

    table = Table(title=f"{len(cat.specs)} checks", title_justify="left")
    for col in ("code", "id", "kind", "severity", "category", "title"):
        table.add_column(col, no_wrap=col != "title")
    for spec in cat.specs:
        table.add_row(spec.code, spec.id, spec.kind, spec.severity, spec.category, spec.title.get(lang))
    stdout_console().print(table)


@app.command()
def rescore(
    run_folder: Annotated[Path, typer.Argument(metavar="RUN", help="A run folder (or its results.json).")],
    checks: ChecksDir = None,
    json_out: JsonOut = False,
    quiet: Quiet = False,
) -> None:
    """Judge a saved run again with the current checks, without a browser; rewrites its results.json."""
    from .checks import judge_run
    from .model import load_run

    run = load_run(run_folder)
    folder = run_folder if run_folder.is_dir() else run_folder.parent
    judge_run(run, checks)
    run.write(folder)
    _finish(run, folder, json_out, quiet)


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
    from .checks import judge_run
    from .model import load_run
    from .report import Branding, render

    run = load_run(run_folder)
    folder = run_folder if run_folder.is_dir() else run_folder.parent
    if not run.judged:
        judge_run(run)  # a run saved before judging (interrupted): judge it now, in memory
    formats = [f.strip() for f in (report_format or "html").split(",") if f.strip()]
    brand = Branding(consultant=consultant, logo=logo, client=client, date=report_date)
    for path in render(run, folder, formats, lang=lang or "en", branding=brand, out_dir=out):
        typer.echo(str(path))


@app.command("install-browser")
def install_browser_cmd() -> None:
    """Get a Chromium: Playwright's own download first, else the system package (apt-get)."""
    from .browser import install_browser

    found = install_browser()
    typer.echo(found.executable)


@app.command()
def schema() -> None:
    """Print the JSON Schema of results.json."""
    import json

    from .model import json_schema

    typer.echo(json.dumps(json_schema(), indent=1))


def main(argv: list[str] | None = None) -> int:
    """Entry point and the one error boundary: exceptions become one message and an exit status."""
    if argv is None:
        argv = sys.argv[1:]
    try:
        rc = app(args=argv, prog_name="cxaudit", standalone_mode=False)
    except CxauditError as exc:
        if _state["traceback"]:
            raise
        for line in exc.message.splitlines() or [str(exc)]:
            sys.stderr.write(f"cxaudit: error: {line}\n")
        if exc.tip:
            sys.stderr.write(f"Tip: {exc.tip}\n")
        return int(exc.status)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("cxaudit: interrupted\n")
        return int(ExitStatus.INTERRUPTED)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the parser's usage errors, and anything unexpected
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # typer's (click's) usage errors
            exc.show()
            return int(ExitStatus.USAGE) if exc.exit_code else 0
        if _state["traceback"]:
            raise
        sys.stderr.write(f"cxaudit: internal error: {type(exc).__name__}: {exc}\n")
        sys.stderr.write("Tip: rerun with --traceback and report it\n")
        return int(ExitStatus.SITE_OR_BROWSER)
    return rc if isinstance(rc, int) else 0


from .cli_gate import register  # noqa: E402 - compare, merge, gate

register(app)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
