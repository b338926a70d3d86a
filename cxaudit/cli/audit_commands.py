"""``cxaudit run`` and ``cxaudit demo``: load, record, judge, write the reports, summarise, gate."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from cxaudit.cli.app import app
from cxaudit.cli.options import (
    Baseline,
    BaseUrl,
    BrowserPath,
    ChecksDir,
    Client,
    ConfigFile,
    Consultant,
    Delay,
    Device,
    FailUnder,
    Formats,
    Headed,
    JsonOut,
    JurisdictionOpt,
    Lang,
    Logo,
    NoShots,
    Out,
    PerHost,
    Quiet,
    ReportDate,
    Resume,
    Runs,
    Shard,
    StepTimeout,
    UaSuffix,
    Workers,
)
from cxaudit.errors import CxauditError, ExitStatus, RunInterrupted


def _check_device(device: str | None) -> None:
    if device is not None and device not in ("desktop", "mobile"):
        raise CxauditError(f"--device {device}: must be desktop or mobile")


def check_jurisdiction(value: str | None) -> None:
    from cxaudit.judge.jurisdiction import JURISDICTIONS

    if value is not None and value not in JURISDICTIONS:
        raise CxauditError(f"--jurisdiction {value}: must be one of {', '.join(JURISDICTIONS)}")


def _audit(paths: list[str] | None, *, json_out: bool, quiet: bool, checks: list[Path] | None, resume: Path | None,
           no_screenshots: bool, user_agent_suffix: str | None, extra: dict | None = None, config: Path | None = None,
           baseline: Path | None = None, fail_under: float | None = None, runs: int | None = None,
           shard: str | None = None, default_paths: list[str] | None = None, report: dict | None = None,
           **run_options) -> None:
    """Shared by run and demo: load, record, judge, write, summarise. ``run_options`` are RunOptions fields."""
    from cxaudit.ci.plan import plan_run, record_run
    from cxaudit.judge.engine import catalogue
    from cxaudit.progress import Progress
    from cxaudit.record.runner import RunOptions
    from cxaudit.report import check_options, render
    from cxaudit.results.model import load_run, run_folder_of
    from cxaudit.shipped import VERSION as __version__

    _check_device(run_options.get("device"))
    check_jurisdiction(run_options.get("jurisdiction"))
    previous = load_run(resume) if resume else None
    if previous is not None:
        run_options["out"] = run_folder_of(resume).parent
    settings, journeys = plan_run(
        config, default_journeys=default_paths, journeys=paths, checks=checks, baseline=baseline, fail_under=fail_under,
        runs=runs, shard=shard, **{k: run_options.pop(k, None) for k in ("base_url", "out", "workers", "step_timeout", "device",
                                                                  "jurisdiction")},
    )
    cat = catalogue(settings.checks)  # bad check folders fail before the browser starts
    formats, language, brand = _report_plan(report or {}, settings)
    check_options(formats, language, brand)  # so do bad report options
    ua = f"cxaudit/{__version__}" if user_agent_suffix is None else (user_agent_suffix or None)
    options = RunOptions(**run_options, screenshots=not no_screenshots, user_agent_suffix=ua,
                         extra=extra or {})
    stopped: RunInterrupted | None = None
    with Progress(journeys, enabled=not quiet) as progress:
        try:
            run, folder = record_run(journeys, options, settings, cat, on_event=progress.event, resume=previous)
        except RunInterrupted as exc:  # results.json is written and judged: the reports are still due
            stopped, run, folder = exc, exc.run, exc.folder
    written = render(run, folder, formats, lang=language, branding=brand)
    finish(run, folder, json_out, quiet, settings, written, stopped)


def _report_plan(options: dict, settings) -> tuple[list[str], str, Any]:
    """The reports to render: the options given, else the config file's report:, else HTML in English."""
    from cxaudit.report import Branding

    formats = options.get("format")
    chosen = [f.strip() for f in formats.split(",") if f.strip()] if formats else None
    if chosen is None:
        chosen = list(settings.report.formats) if settings.report.formats else ["html"]
    language = options.get("lang") or settings.report.lang or "en"
    brand = Branding(consultant=options.get("consultant"), logo=options.get("logo"), client=options.get("client"),
                     date=options.get("date"))
    return chosen, language, brand


def finish(run, folder: Path, json_out: bool, quiet: bool, settings=None, written: list[Path] | None = None,
           stopped: RunInterrupted | None = None) -> None:
    """Summary and gate on stderr; on stdout the run folder and the reports written (or the JSON). A run
    stopped by a signal says what was interrupted, is not gated, and exits 130 (SIGINT) or 143 (SIGTERM)."""
    from cxaudit.ci.gate import gate_after_run
    from cxaudit.progress import print_summary

    if not quiet:
        print_summary(run, folder)
    if stopped is not None:
        sys.stderr.write(interrupted_message(run, folder, stopped.signal_name) + "\n")
    gate_status = 0 if stopped else gate_after_run(run, folder, settings, quiet=quiet)  # 0 when no gate is configured
    if json_out:
        sys.stdout.write(run.model_dump_json(indent=1) + "\n")
    else:
        typer.echo(str(folder))
        for path in written or []:
            if path.name != "results.json":
                typer.echo(str(path))
    if stopped is not None:
        raise typer.Exit(int(stopped.status))
    if any(j.outcome == "error" for j in run.journeys):
        raise typer.Exit(int(ExitStatus.SITE_OR_BROWSER))
    if gate_status:
        raise typer.Exit(gate_status)


def interrupted_message(run, folder: Path, signal_name: str) -> str:
    """One line for stderr: which signal, which journeys it cut short (at which step), what was kept."""
    cut = [j for j in run.journeys if j.outcome == "error" and j.error is not None and j.error.kind == "interrupted"]
    waiting = sum(1 for j in run.journeys if j.outcome == "pending")
    kept = len(run.journeys) - len(cut) - waiting
    what = "; ".join(f"{j.id} at step {j.error.step} ({j.error.step_description})" if j.error.step is not None
                     else j.id for j in cut) or "no journey was running"
    why = "Ctrl-C" if signal_name == "SIGINT" else "the run was stopped"
    return (f"cxaudit: interrupted by {signal_name} ({why}): {what}; {kept} finished journey(s) kept, "
            f"{waiting} not started; results and reports written in {folder}")


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
    jurisdiction: JurisdictionOpt = None,
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
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port for --serve (0 picks a free one).")] = 8765,
    faults: Annotated[
        bool, typer.Option("--faults", help="With --serve: also serve failing pages under /_fault/ (robustness tests).")
    ] = False,
    **options: Any,
) -> None:
    """Run the shipped demo journeys against the embedded demo site (or --serve it)."""
    from cxaudit.demo.server import DemoServer
    from cxaudit.shipped import demo_journeys

    if serve:
        server = DemoServer(port=port, faults=faults)
        try:
            url = server.start()
        except OSError as exc:  # the port is taken, or below 1024 without the right to it
            raise CxauditError(f"--port {port}: cannot serve on 127.0.0.1:{port} ({exc.strerror or exc})",
                               tip="pick another port, or --port 0 for a free one") from None
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
