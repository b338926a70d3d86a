"""The observation model without a browser: recorded observations validate and dump back unchanged; a
misspelt or mistyped key is refused with its path; the optional keys are left out as the script does."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from cxaudit.results.observation import (
    AnyObservation,
    ElementInfo,
    Observation,
    ObservationError,
    SnapshotError,
    parse_element,
    parse_observation,
    strip_unknown,
)

FIXTURES = Path(__file__).parent / "fixtures"
RECORDED = FIXTURES / "observations" / "snapshot_pages.json"


def recorded() -> list[tuple[str, str, dict]]:
    """Every observation and element record committed under tests/fixtures/ (recorded, not hand-made)."""
    out = []
    for page, records in json.loads(RECORDED.read_text(encoding="utf-8")).items():
        out += [(page, r["kind"], r["record"]) for r in records]
    for results in sorted(FIXTURES.rglob("results.json")):  # recorded runs committed as fixtures
        for j in json.loads(results.read_text(encoding="utf-8"))["journeys"]:
            for s in j["steps"]:
                where = f"{results.relative_to(FIXTURES)} {j['id']} step {s['index']}"
                if s.get("observation") is not None:
                    out.append((where, "observation", s["observation"]))
                if s.get("element") is not None:
                    out.append((where, "element", s["element"]))
    return out


def page_observation() -> dict:
    return copy.deepcopy(next(r for p, k, r in recorded() if p == "form.html" and k == "observation"))


def test_the_recorded_observations_cover_every_part():
    records = recorded()
    pages = [r for _, k, r in records if k == "observation"]
    assert len(pages) >= 7 and sum(k == "element" for _, k, _ in records) >= 10
    for part in ("text_blocks", "headings", "elements", "forms", "dialogs", "iframes", "alerts"):
        assert any(p[part] for p in pages), f"no recorded observation has {part}"
    assert any(f["fields"] for p in pages for f in p["forms"])


@pytest.mark.parametrize("where,kind,raw", recorded(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_recorded_record_validates_and_dumps_back_unchanged(where, kind, raw):
    model = parse_observation(raw) if kind == "observation" else parse_element(raw)
    assert isinstance(model, Observation | SnapshotError if kind == "observation" else ElementInfo)
    # the same JSON text: keys, their order, ints as ints; optional keys stay absent
    assert json.dumps(model.model_dump(), ensure_ascii=False) == json.dumps(raw, ensure_ascii=False)
    assert model.model_dump_json() == json.dumps(raw, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("change,path,says", [
    (lambda o: o["elements"][2].update(in_footr=True), "observation.elements[2].in_footr", "Extra inputs"),
    (lambda o: o["elements"][1].pop("in_footer"), "observation.elements[1].in_footer", "Field required"),
    (lambda o: o["elements"][0].update(font_size="16px"), "observation.elements[0].font_size", "number"),
    (lambda o: o["elements"][0].update(hidden=0), "observation.elements[0].hidden", "boolean"),
    (lambda o: o["elements"][0].update(font_weight=700.5), "observation.elements[0].font_weight", "integer"),
    (lambda o: o["elements"][0]["box"].update(w=1), "observation.elements[0].box.w", "Extra inputs"),
    (lambda o: o["forms"][0]["fields"][1].update(type=None), "observation.forms[0].fields[1].type", "string"),
    (lambda o: o["forms"][0]["fields"][0].update(options="a"), "observation.forms[0].fields[0].options", "list"),
    (lambda o: o["text_blocks"][0].update(txt="x"), "observation.text_blocks[0].txt", "Extra inputs"),
    (lambda o: o["counts"].update(links="3"), "observation.counts.links", "integer"),
    (lambda o: o.update(axe={"violations": [{"id": "x", "impact": None, "help": "", "nodes": 1, "target": []}],
                             "passes": 1, "incomplete": 0, "ms": 3}), "observation.axe.violations[0].target", "Extra inputs"),
    (lambda o: o.update(truncated="no"), "observation.truncated", "boolean"),
])
def test_a_misspelt_or_mistyped_key_is_refused_naming_its_path(change, path, says):
    obs = page_observation()
    change(obs)
    with pytest.raises(ObservationError) as err:
        parse_observation(obs)
    assert any(line.startswith(path + ":") and says in line for line in err.value.problems), err.value.problems
    assert str(err.value).count("\n") + 1 == len(err.value.problems)


def test_an_element_record_is_refused_with_its_path():
    raw = copy.deepcopy(next(r for _, k, r in recorded() if k == "element"))
    raw["scroll_neded"] = raw.pop("scroll_needed")
    with pytest.raises(ObservationError) as err:
        parse_element(raw, "steps[3].element")
    assert err.value.problems == ["steps[3].element.scroll_needed: Field required",
                                  "steps[3].element.scroll_neded: Extra inputs are not permitted"]


def test_the_error_shape_and_the_axe_shapes():
    failed = parse_observation({"error": "Target page, context or browser has been closed", "url": ""})
    assert isinstance(failed, SnapshotError) and failed.model_dump() == {"error": failed.error, "url": ""}
    with_axe = {"error": "timed out", "url": "http://x/", "axe": {"error": "axe returned no result"}}
    assert parse_observation(with_axe).model_dump() == with_axe
    with pytest.raises(ObservationError, match=r"^observation.url: Field required$"):
        parse_observation({"error": "x"})
    obs = page_observation()
    for axe in ({"skipped": "same page"}, {"error": "axe did not finish within 20 s", "ms": 20001},
                {"violations": [{"id": "color-contrast", "impact": "serious", "help": "Contrast", "nodes": 2,
                                 "targets": ["#a", "#b"]}], "passes": 12, "incomplete": 0, "ms": 180}):
        obs["axe"] = axe
        assert parse_observation(obs).model_dump() == obs
    obs["axe"] = {"skipped": True}
    with pytest.raises(ObservationError, match=r"observation.axe.skipped: Input should be a valid string"):
        parse_observation(obs)


def test_a_half_failed_snapshot_keeps_its_error_and_numbers_keep_their_type():
    obs = page_observation()
    obs["error"] = "Cannot read properties of null"
    model = parse_observation(obs)
    assert isinstance(model, Observation) and model.error == obs["error"] and "error" in model.model_dump()
    assert "axe" not in model.model_dump() and "profile_ms" not in model.model_dump()
    assert type(model.viewport.width) is int and type(model.scroll.x) in (int, float)


def test_strip_unknown_removes_only_unknown_keys_and_says_where():
    obs = page_observation()
    obs["elements"][0]["new_signal"] = 0.5
    obs["new_part"] = []
    with pytest.raises(ValidationError) as err:
        from pydantic import TypeAdapter

        TypeAdapter(AnyObservation).validate_python(obs)
    data, removed = strip_unknown(copy.deepcopy(obs), err.value)
    assert sorted(removed, key=str) == [("elements", 0, "new_signal"), ("new_part",)]
    assert parse_observation(data).model_dump() == page_observation()


def test_the_json_schema_describes_the_observation_and_refuses_unknown_keys():
    from cxaudit.results.model import json_schema

    schema = json_schema()
    defs = schema["$defs"]
    for name in ("Observation", "SnapshotError", "Element", "ElementInfo", "TextBlock", "Form", "FormField",
                 "Dialog", "Frame", "Alert", "AxeSummary"):
        assert defs[name]["additionalProperties"] is False, name
    assert set(defs["Observation"]["required"]) == set(Observation.model_fields) - {"error", "profile_ms", "masked", "axe"}
    step = defs["StepRecord"]["properties"]
    refs = json.dumps(step["observation"]) + json.dumps(step["element"])
    assert "#/$defs/Observation" in refs and "#/$defs/SnapshotError" in refs and "#/$defs/ElementInfo" in refs


# ------------------------------------------------------------------ results.json: typed on load, old runs migrate


def saved_run(tmp_path, version=None, change=None) -> Path:
    from cxaudit.results.model import JourneyResult, RunResult, StepRecord

    element = copy.deepcopy(next(r for _, k, r in recorded() if k == "element"))
    steps = [StepRecord(index=0, type="goto", description="open", observation=page_observation()),
             StepRecord(index=1, type="click", description="click", element=element,
                        observation={"error": "Target page, context or browser has been closed", "url": ""})]
    journey = JourneyResult(id="j", name="j", goal="cancel", site="s", language="en", device="desktop", file="j.yaml",
                            start_url="http://x/", steps=steps)
    data = json.loads(RunResult(run_id="r", started_at="now", journeys=[journey]).model_dump_json())
    if version:
        data["schema_version"] = version
    if change:
        change(data["journeys"][0]["steps"])
    (tmp_path / "results.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_a_saved_run_keeps_its_observations_byte_for_byte(tmp_path):
    from cxaudit.results.model import SCHEMA_VERSION, load_run

    run = load_run(saved_run(tmp_path))
    steps = run.journeys[0].steps
    assert isinstance(steps[0].observation, Observation) and isinstance(steps[1].observation, SnapshotError)
    assert isinstance(steps[1].element, ElementInfo) and run.schema_version == SCHEMA_VERSION
    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["journeys"][0]["steps"]
    assert json.dumps(saved[0]["observation"]) == json.dumps(page_observation())
    assert json.loads(run.model_dump_json())["journeys"][0]["steps"] == saved


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_a_run_written_by_1_0_or_1_1_loads_as_it_is_and_is_marked_current(tmp_path, version):
    from cxaudit.results.model import SCHEMA_VERSION, load_run

    run = load_run(saved_run(tmp_path, version))
    assert run.schema_version == SCHEMA_VERSION and isinstance(run.journeys[0].steps[0].observation, Observation)


def test_an_invalid_observation_fails_in_one_line_that_names_the_path_and_the_way_out(tmp_path):
    from cxaudit.errors import RunNotFound
    from cxaudit.results.model import load_run

    def typo(steps):
        steps[0]["observation"]["elements"][0]["in_footr"] = steps[0]["observation"]["elements"][0].pop("in_footer")

    for version in (None, "1.1"):
        with pytest.raises(RunNotFound) as err:
            load_run(saved_run(tmp_path, version, typo))
        msg = err.value.message
        assert "\n" not in msg and "journeys[0].steps[0].observation.elements[0].in_footer: Field required" in msg
        assert msg.endswith("(and 1 more)") and "cxaudit run" in err.value.tip


def test_a_run_from_a_newer_cxaudit_loads_without_the_keys_it_does_not_know(tmp_path):
    from cxaudit.errors import RunNotFound
    from cxaudit.results.model import ObservationKeysIgnored, load_run

    def newer(steps):
        for e in steps[0]["observation"]["elements"]:
            e["new_signal"] = 1
        steps[1]["element"]["new_signal"] = 1

    with pytest.warns(ObservationKeysIgnored) as caught:
        run = load_run(saved_run(tmp_path, "1.9", newer))
    assert caught[0].message.paths == ["journeys[].steps[].observation.elements[].new_signal",
                                       "journeys[].steps[].element.new_signal"]
    assert "schema 1.9" in str(caught[0].message) and "Upgrade cxaudit" in str(caught[0].message)
    assert run.journeys[0].steps[0].observation.model_dump() == page_observation()
    with pytest.raises(RunNotFound, match="new_signal: Extra inputs are not permitted"):
        load_run(saved_run(tmp_path, "1.2", newer))  # the version this cxaudit writes: a typo, not news

    def mistyped(steps):
        newer(steps)
        steps[0]["observation"]["truncated"] = "no"

    with pytest.raises(RunNotFound, match=r"observation.truncated: Input should be a valid boolean$"):
        load_run(saved_run(tmp_path, "1.9", mistyped))  # only unknown keys are forgiven
    with pytest.raises(RunNotFound, match="extra_key: Extra inputs"):
        load_run(saved_run(tmp_path, "1.9", lambda steps: steps[0].update(extra_key=1)))  # and only in observations


# ------------------------------------------------------------------ a misspelt key fails loudly, it never scores 1.0


def test_a_check_that_misspells_a_key_is_an_error_result_not_a_pass():
    """When the records were dicts, ``element.get("in_footr")`` read as missing and the check passed (1.0);
    typed, the misspelt attribute raises, and the engine turns that into an error result."""
    from factories import element_info

    from cxaudit.judge.detectors.base import REGISTRY, Detection, detector
    from cxaudit.judge.engine import catalogue, judge_check
    from cxaudit.judge.language import journey_language_of
    from cxaudit.results.model import JourneyResult, StepRecord

    el = element_info(name="Cancel", in_footer=True)
    with pytest.raises(AttributeError, match="in_footr"):
        el.in_footr  # noqa: B018
    assert not hasattr(el, "get")  # no silent default: a record is not a dict
    with pytest.raises(ValidationError, match="in_footr"):
        element_info(in_footr=True)  # and a test cannot build a record with a misspelt key

    @detector("zz_misspelt")
    def misspelt(journey, ctx):
        return Detection(score=0.0 if any(s.element.in_footr for s in journey.steps if s.element) else 1.0)

    cat = catalogue()
    spec = cat.spec("hidden_cancel_link").model_copy(update={"id": "zz_misspelt", "detector": "zz_misspelt"})
    journey = JourneyResult(id="j", name="j", goal="cancel", site="s", language="en", device="desktop", file="j.yaml",
                            start_url="http://x/", outcome="completed",
                            steps=[StepRecord(index=1, type="click", description="click", element=el)])
    try:
        result = judge_check(spec, journey, cat, None, journey_language_of)
    finally:
        REGISTRY.pop("zz_misspelt")
    assert result.status == "error" and result.score is None
    assert "AttributeError" in result.error and "in_footr" in result.error


def test_masked_kinds_are_optional_and_dumped_only_when_recorded():
    """``masked`` (the kinds of secret masked on a page, never the values) loads when present and is left out
    of a dump when it was not recorded, so runs written before it load and dump as they were."""
    from factories import observation

    plain = observation(texts=["Hello"])
    assert plain.masked is None and "masked" not in plain.model_dump()
    marked = observation(texts=["Sent to ••••••"], masked=["email"])
    assert marked.masked == ["email"] and marked.model_dump()["masked"] == ["email"]
