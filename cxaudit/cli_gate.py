"""The CI gate's commands (``compare``, ``merge``, ``gate``) and the pieces ``cxaudit run`` uses for
``--config``, ``--baseline``, ``--fail-under``, ``--runs`` and ``--shard``. Thin: parse, call the library,
format. ``register(app)`` adds the commands to the main Typer app (safe to call twice).

``python -m cxaudit.cli_gate ...`` is the full cxaudit CLI with these commands registered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .atomic import write_atomic
from .errors import CxauditError, ExitStatus

if TYPE_CHECKING:  # the config model pulls in pydantic and yaml: not at start-up (`cxaudit --help`)
    from .config import Config

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="A cxaudit.yaml (default: cxaudit.yaml in the working directory, if any).")
]
BaselineOpt = Annotated[Path | None, typer.Option("--baseline", help="A run folder to compare with; a regression exits 1.")]
FailUnderOpt = Annotated[
    float | None, typer.Option("--fail-under", min=0, max=100, help="Exit 1 when a journey's score is below N.")
]
TolScore = Annotated[float | None, typer.Option("--tolerance-score", min=0, help="Points a score may drop (default 2).")]
TolActions = Annotated[int | None, typer.Option("--tolerance-actions", min=0, help="Actions that may be added (default 0).")]
TolPages = Annotated[int | None, typer.Option("--tolerance-pages", min=0, help="Pages that may be added (default 0).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON to stdout.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Nothing on stderr but failures and errors.")]
ChecksOpt = Annotated[
    list[Path] | None, typer.Option("--checks", help="A folder of check and lexicon overrides or additions (repeatable).")
]


# ------------------------------------------------------------------ used by `cxaudit run` / `cxaudit demo`
def plan_run(config_path: Path | None, default_journeys: list[str] | None = None, **cli: Any) -> tuple[Config, list]:
    """Settings (the config file with the command line over it) and the journeys to run (this shard's)."""
    from .config import load_config, merge_overrides
    from .journey import load_journeys
    from .merge import select_shard

    settings = merge_overrides(load_config(config_path), **cli)
    paths = settings.journey_paths() or list(default_journeys or [])
    if not paths:
        where = f" or journeys: in {settings.file}" if settings.file else " or a cxaudit.yaml with journeys:"
        raise CxauditError(f"no journeys to run: give journey files or folders{where}")
    journeys = load_journeys(paths)
    if settings.shard:
        journeys = select_shard(journeys, settings.shard)
    return settings, journeys


def run_options(options: Any, settings: Config) -> Any:
    """The CLI's RunOptions with the settings (config file + command line) over it."""
    from dataclasses import replace

    extra = {**options.extra, **({"shard": settings.shard} if settings.shard else {}),
             **({"runs": settings.runs} if settings.runs > 1 else {})}
    return replace(options, base_url=settings.base_url, out=settings.out, workers=settings.workers,
                   step_timeout=settings.step_timeout, device=settings.device, extra=extra)


def record_run(journeys: list, options: Any, settings: Config, cat: Any, on_event: Any = None,
               **runner_kwargs: Any) -> tuple[Any, Path]:
    """Record and judge the journeys (``settings.runs`` times, aggregated, when above 1); results written.
    ``options`` is the CLI's RunOptions (browser, politeness ...); the settings go over it."""
    from dataclasses import replace

    from .checks import judge_run
    from .merge import repeat_run
    from .runner import run_journeys

    options = run_options(options, settings)
    if settings.runs <= 1:
        run, folder = run_journeys(journeys, options, on_event=on_event, **runner_kwargs)
        judge_run(run, cat=cat)
        run.write(folder)
        return run, folder
    if runner_kwargs.get("resume") is not None:
        raise CxauditError("--resume and --runs cannot be combined", tip="resume the run without --runs")
    runner_kwargs.pop("resume", None)

    def once(run_id: str, out: Path) -> tuple[Any, Path]:
        r, f = run_journeys(journeys, replace(options, run_id=run_id, out=out), on_event=on_event, **runner_kwargs)
        judge_run(r, cat=cat)
        r.write(f)
        return r, f

    return repeat_run(once, settings.runs, settings.out, options.run_id)


# ------------------------------------------------------------------ commands
def compare_cmd(
    base_run: Annotated[Path, typer.Argument(metavar="BASE_RUN", help="The baseline run folder.")],
    new_run: Annotated[Path, typer.Argument(metavar="NEW_RUN", help="The run folder to judge against it.")],
    tolerance_score: TolScore = None,
    tolerance_actions: TolActions = None,
    tolerance_pages: TolPages = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write the diff as Markdown (a PR comment).")] = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Compare two runs journey by journey: new and resolved findings, score, actions, pages. Exit 1 on regression."""
    from .compare import compare
    from .config import load_config, merge_overrides
    from .model import load_run

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


def merge_cmd(
    runs: Annotated[list[Path], typer.Argument(metavar="RUN...", help="Run folders of the shards.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The merged run folder (created; must not hold a run).")],
    checks: ChecksOpt = None,
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Merge shard run folders (--shard i/n) into one run: journeys, screenshots, judged and scored again."""
    from .merge import merge_runs

    run, folder = merge_runs(runs, out, checks)
    if not quiet:
        from .progress import print_summary

        print_summary(run, folder)
    if json_out:
        sys.stdout.write(run.model_dump_json(indent=1) + "\n")
    else:
        typer.echo(str(folder))


def gate_cmd(
    run_folder: Annotated[Path, typer.Argument(metavar="RUN", help="A judged run folder (or its results.json).")],
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    fail_under: FailUnderOpt = None,
    tolerance_score: TolScore = None,
    tolerance_actions: TolActions = None,
    tolerance_pages: TolPages = None,
    quiet: QuietOpt = False,
) -> None:
    """Evaluate the gate (assertions, --fail-under, --baseline) of a saved run; writes gate.md; exit 1 if it fails."""
    from .config import load_config, merge_overrides
    from .gate import gate_after_run
    from .model import load_run

    settings = merge_overrides(load_config(config), baseline=baseline, fail_under=fail_under,
                               tolerance_score=tolerance_score, tolerance_actions=tolerance_actions,
                               tolerance_pages=tolerance_pages)
    if not settings.has_gate():
        raise CxauditError("no gate to evaluate", tip="give --fail-under N or --baseline RUN, or assertions: in cxaudit.yaml")
    run = load_run(run_folder)
    folder = run_folder if run_folder.is_dir() else run_folder.parent
    status = gate_after_run(run, folder, settings, quiet=quiet)
    typer.echo(str(folder / "gate.md"))
    if status:
        raise typer.Exit(status)


COMMANDS = {"compare": compare_cmd, "merge": merge_cmd, "gate": gate_cmd}


def register(app: typer.Typer) -> typer.Typer:
    """Add compare, merge and gate to the app (once)."""
    have = {c.name for c in app.registered_commands}
    for name, fn in COMMANDS.items():
        if name not in have:
            app.command(name)(fn)
    return app


def main(argv: list[str] | None = None) -> int:
    from . import cli

    register(cli.app)
    return cli.main(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
