"""``cxaudit explore``: find the way to a goal on a site with no journey file, write it as one, run it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer

from cxaudit.cli.app import app
from cxaudit.cli.options import BrowserPath, Formats, Headed, JsonOut, JurisdictionOpt, Out, Quiet
from cxaudit.errors import CxauditError

GOALS = ("cancel", "uninstall", "contact_support", "signup")  # as cxaudit.explore.words.GOALS, without importing it at start-up
LANGS = ("en", "de", "fr", "auto")


def _check(url: str, goal: str, lang: str, max_actions: int) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CxauditError(f"URL {url!r}: give a full address, e.g. https://example.com/account")
    if goal not in GOALS:
        raise CxauditError(f"--goal {goal}: must be one of {', '.join(GOALS)}")
    if lang not in LANGS:
        raise CxauditError(f"--lang {lang}: must be one of {', '.join(LANGS)}")
    if max_actions < 1:
        raise CxauditError(f"--max-actions {max_actions}: must be at least 1")


@app.command()
def explore(
    url: Annotated[str, typer.Argument(help="Where a customer starts: the site's home or account page.")],
    goal: Annotated[str, typer.Option("--goal", "-g", help="cancel, uninstall, contact_support or signup.")],
    username: Annotated[str | None, typer.Option("--username", envvar="CXAUDIT_USERNAME", show_envvar=True,
                                                 help="For a log-in on the way (a secret, never written).")] = None,
    password: Annotated[str | None, typer.Option("--password", envvar="CXAUDIT_PASSWORD", show_envvar=True,
                                                 help="For a log-in on the way (a secret, never written).")] = None,
    max_actions: Annotated[int, typer.Option("--max-actions", help="Actions the search may spend in all.")] = 40,
    lang: Annotated[str, typer.Option("--lang", help="The site's language: en, de, fr or auto.")] = "auto",
    out: Out = None,
    report_format: Formats = None,
    jurisdiction: JurisdictionOpt = None,
    json_out: JsonOut = False,
    quiet: Quiet = False,
    headed: Headed = False,
    browser_path: BrowserPath = None,
) -> None:
    """Find the way to cancel, uninstall, reach a person or sign up, by itself; write it as RUN/journey.yaml and
    audit it as `cxaudit run` would (same run folder, reports and exit statuses)."""
    from cxaudit.cli.audit_commands import _audit, check_jurisdiction
    from cxaudit.explore import ExploreOptions
    from cxaudit.explore import explore as search
    from cxaudit.explore.search import credentials_env
    from cxaudit.record.runner import new_run_id

    _check(url, goal, lang, max_actions)
    check_jurisdiction(jurisdiction)
    progress = None if quiet else (lambda text: sys.stderr.write(f"explore: {text}\n"))
    found = search(ExploreOptions(url=url, goal=goal, lang=lang, max_actions=max_actions, username=username,
                                  password=password, headed=headed, browser_path=browser_path, on_progress=progress))
    run_id = new_run_id()
    folder = Path(out or "reports") / run_id
    try:
        folder.mkdir(parents=True, exist_ok=False)
        (folder / "journey.yaml").write_text(found.yaml(goal), encoding="utf-8")
    except OSError as exc:
        raise CxauditError(f"--out {out or 'reports'}: cannot write the run folder {folder} ({exc.strerror or exc})") from None
    if not quiet:
        sys.stderr.write(f"explore: {found.outcome} after {found.actions_spent} action(s) tried on "
                         f"{found.pages_seen} page(s) in {found.seconds:.1f} s: {found.reason}\n"
                         f"explore: the path is written to {folder / 'journey.yaml'}; auditing it now\n")
    explored = {
        "journey_file": "journey.yaml", "outcome": found.outcome, "reason": found.reason,
        "actions_tried": found.actions_spent, "pages_seen": found.pages_seen, "seconds": found.seconds,
        "tried": [{"depth": t.depth, "move": t.move, "kind": t.kind, "result": t.result, "on_path": t.on_path} for t in found.tried],
    }
    (folder / "explore.json").write_text(json.dumps(explored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with credentials_env(username, password):  # the journey names them as ${CXAUDIT_USERNAME}/${CXAUDIT_PASSWORD}
        _audit([str(folder / "journey.yaml")], json_out=json_out, quiet=quiet, checks=None, resume=None,
               no_screenshots=False, user_agent_suffix=None, extra={"explored": explored},
               base_url=found.origin, out=folder.parent, run_id=run_id, headed=headed, browser_path=browser_path,
               jurisdiction=jurisdiction, report={"format": report_format})


@app.command("import")
def import_recording(
    recording: Annotated[Path, typer.Argument(help="A Chrome DevTools Recorder export (JSON).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the journey file here (default: stdout).")] = None,
    goal: Annotated[str | None, typer.Option("--goal", "-g", help="The journey's goal (default: from the recording's title).")] = None,
    success: Annotated[str | None, typer.Option("--success", help="Words the page shows when the goal is reached.")] = None,
) -> None:
    """Turn a Chrome DevTools Recorder export into a validated journey file."""
    from cxaudit.journey.recording import import_recording as convert

    if goal is not None and goal not in (*GOALS, "custom"):
        raise CxauditError(f"--goal {goal}: must be one of {', '.join(GOALS)} or custom")
    imported = convert(recording, goal, success)
    text = imported.yaml()
    for skipped in imported.skipped:
        sys.stderr.write(f"cxaudit import: left out {skipped}\n")
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CxauditError(f"--output {output}: cannot write ({exc.strerror or exc})") from None
    typer.echo(str(output))
