"""Progress and summaries for people: rich, on stderr, only on a terminal (the summary always, unless --quiet)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from cxaudit.results.model import JourneyResult, RunResult

OUTCOME_STYLE = {"completed": "green", "blocked": "yellow", "error": "red", "pending": "dim"}


def stderr_console() -> Console:
    # off a terminal (CI logs, pipes) rich assumes 80 columns and would cut journey names
    width = None if sys.stderr.isatty() else 160
    return Console(stderr=True, highlight=False, soft_wrap=False, width=width)


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


class Progress:
    """A live progress bar over journeys; silent when stderr is not a terminal or when disabled."""

    def __init__(self, journeys: list[Any], enabled: bool = True):
        self.total = len(journeys)
        self.enabled = enabled and sys.stderr.isatty()
        self._progress = None
        self._task = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._progress = RichProgress(
                TextColumn("[bold]journeys"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("{task.description}"), console=stderr_console(), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def event(self, kind: str, journey: JourneyResult) -> None:
        if self._progress is None:
            return
        if kind == "started":
            self._progress.update(self._task, description=f"running {escape(journey.id)}")
        elif kind == "finished":
            style = OUTCOME_STYLE.get(journey.outcome, "")
            line = Text(f"{journey.outcome:>9}", style=style)
            line.append(f" {journey.id}  {journey.metrics.actions} actions, {journey.metrics.pages} pages, "
                        f"{journey.metrics.duration_s:.1f} s")
            self._progress.console.print(line)
            self._progress.advance(self._task)


GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "red", "F": "bold red"}


def summary_table(run: RunResult) -> Table:
    table = Table(title=f"cxaudit run {run.run_id}", title_justify="left")
    for col, justify in (("journey", "left"), ("goal", "left"), ("outcome", "left"), ("actions", "right"),
                         ("pages", "right"), ("time", "right"), ("score", "right"), ("grade", "center"),
                         ("failed checks", "left")):
        table.add_column(col, justify=justify, no_wrap=col != "failed checks")
    for j in run.journeys:
        style = OUTCOME_STYLE.get(j.outcome, "")
        score = j.score.score if j.score and j.score.score is not None else None
        grade = j.score.grade if j.score else None
        failed = ", ".join(c.id for c in j.checks if c.status == "fail")
        table.add_row(
            Text(j.id), j.goal, Text(j.outcome, style=style), str(j.metrics.actions), str(j.metrics.pages),
            f"{j.metrics.duration_s:.1f} s", "–" if score is None else f"{score:.0f}",
            Text(grade or "–", style=GRADE_STYLE.get(grade or "", "")), Text(failed),
        )
    return table


def print_summary(run: RunResult, folder: Path) -> None:
    from cxaudit.judge.engine import top_findings

    console = stderr_console()
    console.print(summary_table(run))
    if run.sites:
        sites = "  ".join(f"{s.site} {s.score:.0f} ({s.grade})" for s in run.sites if s.score is not None)
        console.print(f"sites: {sites}")
    top = top_findings(run)
    if top:
        console.print("[bold]top findings[/]")
        for journey, check in top:
            f = check.findings[0] if check.findings else None
            where = f" step {f.step}" if f and f.step is not None else ""
            words = f": \u201c{f.words[:80]}\u201d" if f and f.words else ""
            console.print(Text(f"  {check.code} {check.id} [{check.severity}] {journey.id}{where}{words}"))
    for j in run.journeys:
        if j.outcome == "error" and j.error is not None:
            where = f"step {j.error.step} ({j.error.step_description})" if j.error.step is not None else "start"
            console.print(f"[red]error[/] {escape(f'{j.id}: {where} at {j.error.url}: {j.error.reason}')}")
    console.print(f"results: {folder / 'results.json'}")
