"""Every option the commands share, declared once (typer reads them from the commands' signatures)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
JurisdictionOpt = Annotated[
    str | None,
    typer.Option("--jurisdiction", help="Judge in de, eu, us-ca, uk or none (default: the journey's, else the pages' language)."),
]
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

TolScore = Annotated[float | None, typer.Option("--tolerance-score", min=0, help="Points a score may drop (default 2).")]
TolActions = Annotated[int | None, typer.Option("--tolerance-actions", min=0, help="Actions that may be added (default 0).")]
TolPages = Annotated[int | None, typer.Option("--tolerance-pages", min=0, help="Pages that may be added (default 0).")]
CiJsonOut = Annotated[bool, typer.Option("--json", help="Print the result as JSON to stdout.")]
CiQuiet = Annotated[bool, typer.Option("--quiet", "-q", help="Nothing on stderr but failures and errors.")]
