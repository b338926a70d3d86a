"""results.json is validated on load down to the observations: a misspelt or mistyped observation key in a
saved run fails with one line naming the file and the path, instead of reading as "missing" to the checks."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from cli_run import cx
from demo_fixture import FIXTURE, RESULTS

from cxaudit.errors import ExitStatus, RunNotFound
from cxaudit.results.model import SCHEMA_VERSION, load_run
from cxaudit.results.observation import ElementInfo, Observation, SnapshotError


def _saved(tmp_path: Path, edit) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    data = json.loads(gzip.decompress((FIXTURE / RESULTS).read_bytes()))
    edit(data)
    (tmp_path / "results.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def _first_step_with_elements(data: dict) -> tuple[int, int]:
    for j, journey in enumerate(data["journeys"]):
        for k, step in enumerate(journey["steps"]):
            if (step.get("observation") or {}).get("elements"):
                return j, k
    raise AssertionError("the recorded demo has no observed element")


def test_every_observation_of_the_recorded_demo_is_a_typed_one(recorded_demo):
    run, _ = recorded_demo
    steps = [s for j in run.journeys for s in j.steps]
    assert sum(s.observation is not None for s in steps) > 50
    for s in steps:
        assert s.observation is None or isinstance(s.observation, Observation | SnapshotError)
        assert s.element is None or isinstance(s.element, ElementInfo)
        assert s.gate is None or s.gate.proceed_element is None or isinstance(s.gate.proceed_element, ElementInfo)


def test_a_misspelt_observation_key_fails_the_load_naming_the_path(tmp_path):
    def misspell(data):
        j, k = _first_step_with_elements(data)
        element = data["journeys"][j]["steps"][k]["observation"]["elements"][0]
        element["in_footr"] = element.pop("in_footer")

    folder = _saved(tmp_path, misspell)
    with pytest.raises(RunNotFound) as err:
        load_run(folder)
    message = err.value.message
    assert message.startswith(f"{folder / 'results.json'}: not a valid cxaudit ")
    assert ".observation.elements[0].in_footer: Field required (and 1 more)" in message  # the misspelt one is the other
    assert "\n" not in message


def test_a_mistyped_element_key_fails_the_load(tmp_path):
    def mistype(data):
        step = next(s for j in data["journeys"] for s in j["steps"] if s.get("element"))
        step["element"]["font_size"] = "16px"

    with pytest.raises(RunNotFound, match=r"\.element\.font_size: "):
        load_run(_saved(tmp_path, mistype))


def test_report_on_a_tampered_observation_is_a_usage_error_in_one_line(tmp_path):
    def misspell(data):
        j, k = _first_step_with_elements(data)
        data["journeys"][j]["steps"][k]["observation"]["headngs"] = []

    ran = cx("report", str(_saved(tmp_path, misspell)), "--format", "md")
    assert ran.returncode == int(ExitStatus.USAGE), ran.stderr
    lines = ran.stderr.strip().splitlines()
    assert lines[0].startswith("cxaudit: error: ") and ".observation.headngs: Extra inputs are not permitted" in lines[0]
    assert lines[1].startswith("Tip: ") and "Traceback" not in ran.stderr


def _without_1_1_keys(data: dict) -> None:
    """What 1.1 added to 1.0: the steps' structured action and error parts, the notes' parts."""
    for journey in data["journeys"]:
        if journey.get("error"):
            journey["error"].pop("reason_parts", None)
        for step in journey["steps"]:
            step.pop("action", None)
            step.pop("error_parts", None)
        for check in journey.get("checks", []):
            for finding in check["findings"]:
                finding.pop("note_parts", None)


def _judged(run) -> list:
    from cxaudit.judge.engine import judge_run

    judge_run(run)
    return [(j.id, [c.model_dump() for c in j.checks], j.score.model_dump() if j.score else None) for j in run.journeys]


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_the_recorded_demo_saved_as_1_0_or_1_1_loads_typed_and_judges_the_same(tmp_path, version):
    current = load_run(_saved(tmp_path / "now", lambda data: data.update(schema_version=SCHEMA_VERSION)))

    def older(data):
        data["schema_version"] = version
        if version == "1.0":
            _without_1_1_keys(data)

    old = load_run(_saved(tmp_path / "old", older))
    assert old.schema_version == SCHEMA_VERSION
    steps = [s for j in old.journeys for s in j.steps]
    assert any(isinstance(s.observation, Observation) for s in steps)
    assert all(s.element is None or isinstance(s.element, ElementInfo) for s in steps)
    assert _judged(old) == _judged(current)


def _bytes(tmp_path: Path, raw: bytes) -> Path:
    (tmp_path / "results.json").write_bytes(raw)
    return tmp_path


def _demo() -> dict:
    return json.loads(gzip.decompress((FIXTURE / RESULTS).read_bytes()))


def _tampered(kind: str) -> bytes:
    data = _demo()
    text = json.dumps(data)
    if kind == "top-level list":
        return json.dumps([data]).encode()
    if kind == "top-level null":
        return b"null"
    if kind == "invalid UTF-8":
        return text.encode()[:500] + b"\xff\xfe" + text.encode()[500:]
    if kind == "truncated":
        return text.encode()[: len(text) // 2]
    if kind == "deep nesting":
        return text.replace('"options": {', '"options": {"x": ' + "[" * 100_000 + "]" * 100_000 + ",", 1).encode()
    if kind == "nesting past the limit":
        return text.replace('"options": {', '"options": {"x": ' + "[" * 70 + "]" * 70 + ",", 1).encode()
    if kind == "a 5000-digit number":
        return text.replace('"actions": ', '"actions": ' + "9" * 5000 + ", \"x\": ", 1).encode()
    journey = data["journeys"][0]
    if kind == "NaN score":
        journey["score"] = {"score": float("nan"), "grade": "F"}
    elif kind == "Infinity duration":
        journey["metrics"]["duration_s"] = float("inf")
    elif kind == "huge float":
        journey["steps"][0]["duration_s"] = 1e308
    elif kind == "huge int":
        journey["metrics"]["actions"] = 10**30
    elif kind == "journeys a string":
        data["journeys"] = "x"
    elif kind == "steps a mapping":
        journey["steps"] = {}
    elif kind == "outcome unknown":
        journey["outcome"] = "weird"
    elif kind == "run_id a number":
        data["run_id"] = 5
    return json.dumps(data, allow_nan=True).encode()


TAMPERED = {
    "top-level list": "the top level is a JSON array, not an object",
    "top-level null": "the top level is a JSON null, not an object",
    "invalid UTF-8": "not UTF-8 text (invalid start byte at byte 500)",
    "truncated": "not a readable results file: ",
    "deep nesting": "it nests deeper than 64 levels",
    "nesting past the limit": "it nests deeper than 64 levels",
    "a 5000-digit number": "(5,000 characters) is larger than any cxaudit writes (2**53)",
    "NaN score": "it holds NaN, which is not JSON and which cxaudit never writes",
    "Infinity duration": "it holds Infinity, which is not JSON",
    "huge float": "the number 1e+308 is larger than any cxaudit writes",
    "huge int": "is larger than any cxaudit writes (2**53)",
    "journeys a string": "journeys: Input should be a valid list",
    "steps a mapping": "journeys[0].steps: Input should be a valid list",
    "outcome unknown": "journeys[0].outcome: Input should be 'completed', 'blocked', 'error' or 'pending'",
    "run_id a number": "run_id: Input should be a valid string",
}


@pytest.mark.parametrize("kind", list(TAMPERED))
def test_a_tampered_results_file_fails_the_load_in_one_line(tmp_path, kind):
    folder = _bytes(tmp_path, _tampered(kind))
    with pytest.raises(RunNotFound) as err:
        load_run(folder)
    assert err.value.message.startswith(f"{folder / 'results.json'}: not a ")
    assert TAMPERED[kind] in err.value.message and "\n" not in err.value.message


@pytest.mark.parametrize("command", ["report", "rescore"])
@pytest.mark.parametrize("kind", ["top-level list", "invalid UTF-8", "NaN score", "deep nesting", "outcome unknown"])
def test_report_and_rescore_on_a_tampered_run_are_usage_errors(tmp_path, command, kind):
    folder = _bytes(tmp_path, _tampered(kind))
    ran = cx(command, str(folder), *(["--format", "md"] if command == "report" else []))
    assert ran.returncode == int(ExitStatus.USAGE), ran.stderr
    lines = ran.stderr.strip().splitlines()
    assert lines[0].startswith(f"cxaudit: error: {folder / 'results.json'}: ") and TAMPERED[kind] in lines[0]
    assert len(lines) <= 2 and "internal error" not in ran.stderr


def test_a_results_file_cxaudit_wrote_still_loads_after_the_bounds(recorded_demo, tmp_path):
    run, _ = recorded_demo
    run.write(tmp_path)
    assert load_run(tmp_path).model_dump() == run.model_dump()
