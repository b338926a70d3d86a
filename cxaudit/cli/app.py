"""The Typer app, its global options, and the one error boundary (``main``): exceptions become one message
and an exit status. The commands are added by the modules beside this one (see ``cxaudit.cli``).

stdout carries data (the run folder's path, or --json); stderr carries progress and summaries.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cxaudit.errors import CxauditError, ExitStatus
from cxaudit.words.format import clip

app = typer.Typer(
    name="cxaudit",
    help="Audit customer journeys (cancel, uninstall, contact support, sign-up) on websites for friction.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_state = {"traceback": False}


def _print_version(value: bool) -> None:
    if value:
        from cxaudit.shipped import VERSION

        typer.echo(f"cxaudit {VERSION}")
        raise typer.Exit(0)


@app.callback()
def _root(
    traceback: Annotated[bool, typer.Option("--traceback", help="Show the Python traceback on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    _state["traceback"] = traceback


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
        # one line, whatever the exception says: a CI log shows it whole, and the status (4) tells "cxaudit
        # broke" from "the site failed" (3)
        sys.stderr.write(f"cxaudit: internal error: {type(exc).__name__}: {clip(str(exc), 300)} "
                         "(a bug in cxaudit: rerun with --traceback and report it)\n")
        return int(ExitStatus.INTERNAL)
    return rc if isinstance(rc, int) else 0
