"""Exit statuses and error types. Only the CLI's error boundary turns these into messages."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any


class ExitStatus(IntEnum):
    """The process exit statuses, documented in the README."""

    OK = 0
    GATE_FAILED = 1  # friction over budget or a regression (CI gate)
    USAGE = 2  # bad options, bad journey or config file
    SITE_OR_BROWSER = 3  # no browser, browser crashed, a journey ended in error
    INTERNAL = 4  # a bug in cxaudit: the CLI's "internal error ... report it"
    INTERRUPTED = 130  # SIGINT (Ctrl-C): 128 + 2, as a shell reports it
    TERMINATED = 143  # SIGTERM (a CI job cancelled): 128 + 15


class CxauditError(Exception):
    """Base class: an error with a message meant for a person and an exit status."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, *, tip: str | None = None):
        super().__init__(message)
        self.message = message
        self.tip = tip


class JourneyError(CxauditError):
    """A journey file is missing, unreadable or invalid. The message names file, line and step."""

    status = ExitStatus.USAGE


class JourneyFileErrors(JourneyError):
    """Several problems in journey files, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class RunInterrupted(CxauditError):
    """SIGINT or SIGTERM stopped a run: the journeys in flight are ``error`` (interrupted), those finished are
    kept, and ``results.json`` is written. ``run`` and ``folder`` are that run, for the reports."""

    def __init__(self, signal_name: str, run: Any, folder: Path):
        self.signal_name, self.run, self.folder = signal_name, run, folder
        self.status = ExitStatus.TERMINATED if signal_name == "SIGTERM" else ExitStatus.INTERRUPTED
        super().__init__(f"interrupted by {signal_name}")


class BrowserNotFound(CxauditError):
    status = ExitStatus.SITE_OR_BROWSER


class BrowserFailed(CxauditError):
    status = ExitStatus.SITE_OR_BROWSER


class RunNotFound(CxauditError):
    status = ExitStatus.USAGE


class WriteFailed(CxauditError):
    """A result or report file could not be written (full disk, no permission); files written before are intact."""

    status = ExitStatus.SITE_OR_BROWSER
