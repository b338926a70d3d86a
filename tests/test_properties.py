"""Property-based tests: whatever journey file, results file or option a user writes, the answer is a clear
error, never a traceback (scripts/fuzz_inputs.py does the same on 10,000 journeys and 1,000 results files)."""

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


# ---------------------------------------------------------------- hostile YAML, tampered runs, bad option values
hostile_snippets = st.sampled_from([
    "9" * 4301, "-" + "1" * 101, "1" * 150 + ".5", "2001-13-45", "!!int abc", "!!float x", "!!timestamp 2001-02-30",
    "!!binary '***'", "!!python/object:os.system x", "&r [*r]", "[" * 60 + "]" * 60, "{a: " * 55 + "}" * 55,
    ".inf", ".nan", "0x" + "f" * 200, "? [a]\n  : b", "\"\\ud800\"", "*nope"])


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeyish, st.sampled_from(["name", "start", "success", "timeouts", "steps"]), hostile_snippets)
def test_hostile_yaml_values_fail_cleanly(doc, key, snippet):
    text = yaml.safe_dump(doc, allow_unicode=True)
    check_one_line_errors(f"{text}\n{key}_x: {snippet}\n" if "\n" not in snippet else f"{text}\n{snippet}\n")
    check_one_line_errors(text.replace(f"{key}:", f"{key}: {snippet}\n{key}_old:", 1))


@settings(max_examples=EXAMPLES // 4, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.booleans())
def test_alias_chains_load_or_fail_cleanly_and_fast(width, height, recursive):
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, height)]
    check_one_line_errors("\n".join(lines + (["r: &r [*r]"] if recursive else [])))


def _demo_data() -> dict:
    import gzip
    import json
    from pathlib import Path

    data = json.loads(gzip.decompress((Path(__file__).parent / "fixtures" / "demo_run" / "results.json.gz").read_bytes()))
    data["journeys"] = data["journeys"][:1]
    return data


DEMO = _demo_data()
json_values = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True),
                        st.text(max_size=12), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=4),
                                                                                                   st.integers(), max_size=2))


@settings(max_examples=EXAMPLES // 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_tampered_results_load_and_report_or_fail_cleanly(tmp_path_factory, data):
    import copy
    import json

    from cxaudit.errors import RunNotFound
    from cxaudit.judge.engine import judge_run
    from cxaudit.report import render
    from cxaudit.results.model import load_run

    run = copy.deepcopy(DEMO)
    for _ in range(data.draw(st.integers(1, 4))):
        path, node = [], run
        while isinstance(node, dict | list) and node and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
            path.append(key)
            node = node[key]
        if path:
            parent = run
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = data.draw(json_values)
    folder = tmp_path_factory.mktemp("tampered")
    raw = json.dumps(run, allow_nan=True).encode()
    cut = data.draw(st.sampled_from([None, None, None, len(raw) // 2, 7]))
    (folder / "results.json").write_bytes(raw[:cut] if cut else raw)
    try:
        loaded = load_run(folder)
    except RunNotFound as exc:
        assert "\n" not in exc.message and exc.message.startswith(str(folder / "results.json"))
        return
    judge_run(loaded)
    render(loaded, folder, ["md", "json", "csv", "junit"], out_dir=folder / "out")


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["--base-url", "--logo", "--lang", "--format"]),
       st.sampled_from(["http://[::1", "http://a:99999", "example.com", "ftp://x", "http://", "xx", "", "/nonexistent.png",
                        "README.md", "tests/fixtures/demo_run/results.json.gz", "html,nope"]))
def test_bad_option_values_are_usage_errors(option, value):
    proc = cx("run", "journeys/demo/funknetz-cancel-clean.yaml", "--base-url", "http://127.0.0.1:9", option, value,
              "--out", "/nonexistent/out", env={"CXAUDIT_BROWSER": "/nonexistent", "PATH": "/usr/bin:/bin"})
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 2, 3), (proc.returncode, proc.stderr)
