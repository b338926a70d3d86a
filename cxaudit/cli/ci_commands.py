"""The CI gate's commands: ``compare``, ``merge`` and ``gate``. Thin: parse, call the library, format."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cxaudit.atomic import write_atomic
from cxaudit.cli.app import app
from cxaudit.cli.options import Baseline, ChecksDir, CiJsonOut, CiQuiet, ConfigFile, FailUnder, TolActions, TolPages, TolScore
from cxaudit.errors import CxauditError, ExitStatus


@app.command("compare")
def compare_cmd(
    base_run: Annotated[Path, typer.Argument(metavar="BASE_RUN", help="The baseline run folder.")],
    new_run: Annotated[Path, typer.Argument(metavar="NEW_RUN", help="The run folder to judge against it.")],
    tolerance_score: TolScore = None,
    tolerance_actions: TolActions = None,
    tolerance_pages: TolPages = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write the diff as Markdown (a PR comment).")] = None,
    config: ConfigFile = None,
    json_out: CiJsonOut = False,
    quiet: CiQuiet = False,
) -> None:
    """Compare two runs journey by journey: new and resolved findings, score, actions, pages. Exit 1 on regression."""
    from cxaudit.ci.compare import compare
    from cxaudit.ci.config import load_config, merge_overrides
    from cxaudit.results.model import load_run

    settings = merge_overrides(load_config(config), tolerance_score=tolerance_score, tolerance_actions=tolerance_actions,
                               tolerance_pages=tolerance_pages)
    diff = compare(load_run(base_run), load_run(new_run), settings.tolerances)
    if markdown is not None:
        write_atomic(markdown, diff.markdown())
    if json_out:
        sys.stdout.write(json.dumps(diff.to_dict(), indent=1, ensure_ascii=False) + "\n")
    elif markdown is None:
        sys.stdout.write(diff.markdown())
    if not quiet or diff.regressed:
        for line in diff.summary_lines():
            sys.stderr.write(line + "\n")
    if diff.regressed:
        raise typer.Exit(int(ExitStatus.GATE_FAILED))


@app.command("merge")
def merge_cmd(
    runs: Annotated[list[Path], typer.Argument(metavar="RUN...", help="Run folders of the shards.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The merged run folder (created; must not hold a run).")],
    checks: ChecksDir = None,
    json_out: CiJsonOut = False,
    quiet: CiQuiet = False,
) -> None:
    """Merge shard run folders (--shard i/n) into one run: journeys, screenshots, judged and scored again."""
    from cxaudit.ci.merge import merge_runs

    run, folder = merge_runs(runs, out, checks)
    if not quiet:
        from cxaudit.progress import print_summary

        print_summary(run, folder)
    if json_out:
        sys.stdout.write(run.model_dump_json(indent=1) + "\n")
    else:
        typer.echo(str(folder))


@app.command("gate")
def gate_cmd(
    run_folder: Annotated[Path, typer.Argument(metavar="RUN", help="A judged run folder (or its results.json).")],
    config: ConfigFile = None,
    baseline: Baseline = None,
    fail_under: FailUnder = None,
    tolerance_score: TolScore = None,
    tolerance_actions: TolActions = None,
    tolerance_pages: TolPages = None,
    quiet: CiQuiet = False,
) -> None:
    """Evaluate the gate (assertions, --fail-under, --baseline) of a saved run; writes gate.md; exit 1 if it fails."""
    from cxaudit.ci.config import load_config, merge_overrides
    from cxaudit.ci.gate import gate_after_run
    from cxaudit.results.model import load_run, run_folder_of

    settings = merge_overrides(load_config(config), baseline=baseline, fail_under=fail_under,
                               tolerance_score=tolerance_score, tolerance_actions=tolerance_actions,
                               tolerance_pages=tolerance_pages)
    if not settings.has_gate():
        raise CxauditError("no gate to evaluate", tip="give --fail-under N or --baseline RUN, or assertions: in cxaudit.yaml")
    run = load_run(run_folder)
    folder = run_folder_of(run_folder)
    status = gate_after_run(run, folder, settings, quiet=quiet)
    typer.echo(str(folder / "gate.md"))
    if status:
        raise typer.Exit(status)
