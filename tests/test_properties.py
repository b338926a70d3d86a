"""Property-based tests: whatever journey file or option a user writes, the answer is a clear error,
never a traceback."""

from __future__ import annotations

import os

import yaml
from cli_run import cx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxaudit.errors import JourneyFileErrors
from cxaudit.journey import STEP_MODELS, parse_journey

KEYS = ["name", "goal", "start", "steps", "success", "blocked", "device", "timeouts", "language", "mask", "site",
        "role", "label", "text", "css", "value", "option", "proceed", "answer", "messages", "replies", "input",
        "optional", "timeout", "fallbacks", "frame", "nth", "exact", "key", "target", *STEP_MODELS]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(["cancel", "/x", "http://127.0.0.1/", "${HOME}",
                                                           "${CX_NOPE_UNSET}", "button", "{{", "[", "é€😀"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=25)
journeyish = st.fixed_dictionaries(
    {"name": values, "goal": st.sampled_from(["cancel", "signup", "nope", 3]), "start": values,
     "steps": st.lists(st.dictionaries(st.sampled_from(list(STEP_MODELS) + ["clik", "optional"]), values,
                                       min_size=1, max_size=2), max_size=4),
     "success": values},
    optional={"timeouts": values, "device": values, "blocked": values, "mask": values})


# make test draws 300 journeys per property; the fast tier (make test-fast: CXAUDIT_FAST=1) draws 100 of the
# same strategies, which keeps it under its 60 s
EXAMPLES = 100 if os.environ.get("CXAUDIT_FAST") == "1" else 300


def check_one_line_errors(text: str) -> None:
    try:
        parse_journey(text, "gen.yaml")
    except JourneyFileErrors as exc:
        assert exc.problems
        for line in exc.problems:
            assert line.startswith("gen.yaml:") and "\n" not in line, line


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeyish)
def test_generated_journeys_load_or_fail_cleanly(doc):
    check_one_line_errors(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_loads_or_fails_cleanly(text):
    check_one_line_errors(text)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["--workers", "--step-timeout", "--device", "--delay", "--per-host", "--out",
                                 "--checks", "--resume", "-w", "--bogus", "0", "-1", "1e9", "nan", "x", "",
                                 "mobile", "/nonexistent", "journeys/templates"]), max_size=5))
def test_cli_options_never_trace_back(args):
    proc = cx("run", "tests/fixtures/bad_journeys/empty.yaml", *args, "--base-url", "http://127.0.0.1:9",
              env={"CXAUDIT_BROWSER": "/nonexistent", "PATH": "/usr/bin:/bin"})
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (2, 3), (proc.returncode, proc.stderr)
