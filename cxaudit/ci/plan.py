"""What ``cxaudit run`` does around the recorder for CI: the settings (cxaudit.yaml with the command line over
it), this shard's journeys, and recording ``--runs`` times with the results aggregated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxaudit.errors import CxauditError, RunInterrupted

if TYPE_CHECKING:  # the config model pulls in pydantic and yaml: not at start-up (`cxaudit --help`)
    from cxaudit.ci.config import Config


def plan_run(config_path: Path | None, default_journeys: list[str] | None = None, **cli: Any) -> tuple[Config, list]:
    """Settings (the config file with the command line over it) and the journeys to run (this shard's)."""
    from cxaudit.ci.config import load_config, merge_overrides
    from cxaudit.ci.shard import select_shard
    from cxaudit.journey import load_journeys

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
                   step_timeout=settings.step_timeout, device=settings.device, jurisdiction=settings.jurisdiction,
                   extra=extra)


def record_run(journeys: list, options: Any, settings: Config, cat: Any, on_event: Any = None,
               **runner_kwargs: Any) -> tuple[Any, Path]:
    """Record and judge the journeys (``settings.runs`` times, aggregated, when above 1); results written.
    ``options`` is the CLI's RunOptions (browser, politeness ...); the settings go over it."""
    from dataclasses import replace

    from cxaudit.ci.repeat import repeat_run
    from cxaudit.judge.engine import judge_run
    from cxaudit.record.runner import run_journeys

    def judged(opts: Any, **kwargs: Any) -> tuple[Any, Path]:
        """One recording, judged and written; an interrupted one too (its reports are still due)."""
        try:
            r, f = run_journeys(journeys, opts, on_event=on_event, **kwargs)
        except RunInterrupted as stop:
            judge_run(stop.run, cat=cat)
            stop.run.write(stop.folder)
            raise
        judge_run(r, cat=cat)
        r.write(f)
        return r, f

    options = run_options(options, settings)
    if settings.runs <= 1:
        return judged(options, **runner_kwargs)
    if runner_kwargs.get("resume") is not None:
        raise CxauditError("--resume and --runs cannot be combined", tip="resume the run without --runs")
    runner_kwargs.pop("resume", None)

    def once(run_id: str, out: Path) -> tuple[Any, Path]:
        return judged(replace(options, run_id=run_id, out=out), **runner_kwargs)

    return repeat_run(once, settings.runs, settings.out, options.run_id)
