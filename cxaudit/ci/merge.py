"""Joining runs: the run folders of CI shards (``--shard i/n``, see cxaudit.ci.shard) merged into one run,
their journeys and screenshots, judged again so that site scores cover every shard."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from cxaudit.errors import CxauditError
from cxaudit.judge.scoring import site_scores
from cxaudit.results.model import JourneyResult, RunResult, load_run, run_folder_of


def new_run_id(suffix: str = "") -> str:
    """A fresh run id: the UTC time and a random tail, e.g. 20261201-204644-3fa2c1."""
    return f"{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}{suffix}"


def copy_screens(src_folder: Path, dst_folder: Path, journey_id: str) -> None:
    """Copy one journey's screenshots (screens/<id>/) from one run folder to another, if it has any."""
    src = src_folder / "screens" / journey_id
    if src.is_dir():
        shutil.copytree(src, dst_folder / "screens" / journey_id, dirs_exist_ok=True)


def merge_runs(folders: Sequence[str | Path], out: str | Path, checks: list[Path] | None = None,
               judge: bool = True) -> tuple[RunResult, Path]:
    """Merge shard run folders into one run folder ``out`` (its journeys, their screenshots), judged again with
    the current checks so site scores cover every shard. A journey id in two runs is an error."""
    out = Path(out)
    if (out / "results.json").exists():
        raise CxauditError(f"{out}: already holds a run (results.json); pick an empty or new --out folder")
    if not folders:
        raise CxauditError("merge needs at least one run folder")
    runs = [(load_run(f), run_folder_of(f)) for f in folders]
    seen: dict[str, str] = {}
    journeys: list[JourneyResult] = []
    for run, folder in runs:
        for j in run.journeys:
            if j.id in seen:
                raise CxauditError(f"journey {j.id} is in both {seen[j.id]} and {folder}",
                                   tip="merge runs of different shards (--shard i/n), not repeats of one")
            seen[j.id] = str(folder)
            journeys.append(j)
    out.mkdir(parents=True, exist_ok=True)
    for run, folder in runs:
        for j in run.journeys:
            copy_screens(folder, out, j.id)
    first = runs[0][0]
    finished = [r.finished_at for r, _ in runs if r.finished_at]
    merged = RunResult(
        tool=first.tool, run_id=out.name or new_run_id("-merged"), started_at=min(r.started_at for r, _ in runs),
        finished_at=max(finished) if finished else None, base_url=first.base_url, browser=first.browser,
        options={**first.options, "merged_from": [r.run_id for r, _ in runs]},
        journeys=sorted(journeys, key=lambda j: j.id),
    )
    if judge:
        from cxaudit.judge.engine import judge_run

        judge_run(merged, checks)
    else:
        merged.sites = site_scores(merged)
    merged.write(out)
    return merged, out
