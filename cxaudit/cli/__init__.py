"""The command line: the Typer app (``app``), its commands grouped by theme, and the error boundary (``main``).

    app.py             the app, --traceback/--version, main(): the one error boundary
    options.py         every shared option, declared once
    audit_commands.py  run, demo
    explore_commands.py explore, import
    saved_commands.py  validate, checks, rescore, report, install-browser, schema
    ci_commands.py     compare, merge, gate

Importing this package registers every command, in the order ``cxaudit --help`` lists them.
"""

from cxaudit.cli import audit_commands  # noqa: F401 - registers run, demo

# isort: split
from cxaudit.cli import explore_commands  # noqa: F401 - then explore

# isort: split
from cxaudit.cli import saved_commands  # noqa: F401 - then validate ... schema

# isort: split
from cxaudit.cli import ci_commands  # noqa: F401 - then compare, merge, gate
from cxaudit.cli.app import app, main

__all__ = ["app", "main"]
