"""Run ``cxaudit`` from a test: in this process (``cx``), or as a real process where the test is about the
process itself (``cx_process``: its exit status, a signal, what it imports at start-up).

``cx`` goes through ``cxaudit.cli.main``, the error boundary the ``cxaudit`` command runs, inside Typer's
``CliRunner`` isolation: stdout and stderr captured apart, environment overrides (a value of None removes the
variable) and the working directory restored afterwards. It answers like ``subprocess.run`` does, so a test
reads ``returncode``, ``stdout`` and ``stderr`` either way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINT = Path(sys.executable).parent / "cxaudit"  # the installed console script


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def cx(*args: str, env: Mapping[str, str | None] | None = None, cwd: Path = ROOT) -> Ran:
    """``cxaudit ARGS`` in this process, through the error boundary."""
    from cxaudit.cli import main

    with contextlib.chdir(cwd), CliRunner().isolation(env=env) as (out, err, _):
        status = main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return Ran(status, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))


def cx_process(*args: str, env: Mapping[str, str] | None = None, cwd: Path = ROOT, timeout: float = 300,
               entry_point: bool = False) -> subprocess.CompletedProcess:
    """``python -m cxaudit.cli ARGS`` (or the installed ``cxaudit`` script) as a child process; ``env`` is
    added to this process's environment."""
    command = [str(ENTRY_POINT)] if entry_point else [sys.executable, "-m", "cxaudit.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})), cwd=cwd)


def ctrl_c_reaches_it() -> None:
    """``preexec_fn`` for a child a test stops with SIGINT: Ctrl-C's default action, which Python turns into
    KeyboardInterrupt. A test run started as a background job of a non-interactive shell inherits SIGINT
    ignored, and its children would ignore the test's Ctrl-C too."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
