"""The check engine: declarations + detectors -> results, user overrides, errors isolated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from factories import box, observation

from cxaudit.errors import CxauditError
from cxaudit.judge.detectors.base import REGISTRY, Detection, Evidence, detector
from cxaudit.judge.engine import catalogue, judge_run
from cxaudit.results.model import JourneyResult, RunResult, StepRecord

SPEC = """
id: {id}
code: {code}
detector: {detector}
kind: {kind}
severity: high
goals: [cancel]
title: {{en: Test check, de: Testprüfung}}
failure_title: {{en: Test failed, de: Test fehlgeschlagen}}
description: {{en: d}}
why: {{en: w}}
fix: {{en: f}}
params: {{limit: 3}}
lexicons: [testwords]
{extra}
"""


@pytest.fixture(autouse=True)
def fake_detectors():
    @detector("test_words")
    def test_words(journey, ctx):
        lex = ctx.lexicon("testwords")
        ev = [Evidence(step=s.index, words=m.text, box=box(1, 2, 3, 4))
              for s in journey.steps for m in lex.matches(s.title_after, "en")]
        return Detection(score=0.0 if len(ev) >= ctx.params["limit"] else 1.0, evidence=ev)

    @detector("test_boom")
    def test_boom(journey, ctx):
        raise RuntimeError("surprised by the page")

    @detector("test_dict_box")
    def test_dict_box(journey, ctx):  # evidence as detectors wrote it when records were dicts
        return Detection(score=0.0, evidence=[Evidence(step=0, box={"x": 1, "y": 2, "width": 3, "height": 4})])

    @detector("test_count")
    def test_count(journey, ctx):
        from cxaudit.judge.scoring import log_normal_score

        c = ctx.params["curve"]
        return Detection(score=log_normal_score(len(journey.steps), c["p10"], c["median"]), value=len(journey.steps))

    yield
    for name in ("test_words", "test_boom", "test_dict_box", "test_count"):
        REGISTRY.pop(name, None)


def write_checks(folder, *specs, lexicon="- '\\boffer\\w*'"):
    folder.mkdir(exist_ok=True)
    (folder / "lexicons").mkdir(exist_ok=True)
    (folder / "lexicons" / "testwords.yaml").write_text(f"name: testwords\nlanguages:\n  en:\n    {lexicon}\n")
    for i, (cid, det, kind, extra) in enumerate(specs):
        (folder / f"{cid}.yaml").write_text(SPEC.format(id=cid, code=f"CX9{i:02d}", detector=det, kind=kind,
                                                        extra=extra))
    return folder


def run_with(*titles, goal="cancel"):
    steps = [StepRecord(index=i, type="click", description="x", title_after=t, observation=observation()) for i, t in enumerate(titles)]
    j = JourneyResult(id="j", name="j", goal=goal, site="s", language="en", device="desktop", file="f",
                      start_url="http://x", outcome="completed", steps=steps)
    return RunResult(run_id="r", started_at="now", journeys=[j])


def test_findings_carry_step_words_and_box(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_words", "test_words", "blocker", ""))
    run = judge_run(run_with("Offers", "Our offer", "offering more"), extra_checks=[folder])
    result = next(c for c in run.journeys[0].checks if c.id == "zz_words")
    assert result.status == "fail" and result.score == 0
    assert [(f.step, f.words) for f in result.findings] == [(0, "Offers"), (1, "offer"), (2, "offering")]
    assert result.findings[0].box.width == 3 and result.findings[0].severity == "high"
    assert run.journeys[0].score.score is not None and run.sites[0].site == "s"


def test_override_threshold_and_lexicon_without_python(tmp_path):
    base = write_checks(tmp_path / "base", ("zz_words", "test_words", "blocker", ""))
    over = tmp_path / "over"
    (over / "lexicons").mkdir(parents=True)
    (over / "zz_words.yaml").write_text("id: zz_words\nparams: {limit: 1}\n")
    (over / "lexicons" / "testwords.yaml").write_text("name: testwords\nlanguages:\n  en:\n    - '\\bdeal\\b'\n")
    run = judge_run(run_with("a deal"), extra_checks=[base, over])
    result = next(c for c in run.journeys[0].checks if c.id == "zz_words")
    assert result.status == "fail" and result.findings[0].words == "deal"


def test_a_raising_detector_is_an_error_result_not_a_crash(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_boom", "test_boom", "blocker", ""),
                          ("zz_words", "test_words", "blocker", ""))
    run = judge_run(run_with("nothing"), extra_checks=[folder])
    checks = {c.id: c for c in run.journeys[0].checks}
    assert checks["zz_boom"].status == "error" and "surprised by the page" in checks["zz_boom"].error
    assert checks["zz_words"].status == "pass"


def test_evidence_with_an_untyped_box_is_an_error_result_not_a_crash(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_dict_box", "test_dict_box", "blocker", ""),
                          ("zz_words", "test_words", "blocker", ""))
    checks = {c.id: c for c in judge_run(run_with("nothing"), extra_checks=[folder]).journeys[0].checks}
    assert checks["zz_dict_box"].status == "error" and checks["zz_dict_box"].error.startswith("AttributeError")
    assert checks["zz_words"].status == "pass"


def test_goal_filter_and_metric_curve(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_count", "test_count", "metric", "curve: {p10: 2, median: 7}"))
    run = judge_run(run_with(*["t"] * 7), extra_checks=[folder])
    result = next(c for c in run.journeys[0].checks if c.id == "zz_count")
    assert result.value == 7 and result.score == pytest.approx(0.5) and result.status == "warn"
    signup = judge_run(run_with("t", goal="signup"), extra_checks=[folder])
    assert next(c for c in signup.journeys[0].checks if c.id == "zz_count").status == "not_applicable"


@pytest.mark.parametrize(("extra", "message"), [
    ("kind: metric", "needs curve"),
])
def test_bad_declarations_name_the_file(tmp_path, extra, message):
    folder = write_checks(tmp_path / "c", ("zz_bad", "test_words", "metric", ""))
    with pytest.raises(CxauditError, match=message) as info:
        catalogue([folder])
    assert "zz_bad.yaml" in str(info.value)


def test_unknown_detector_and_lexicon(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_x", "no_such_detector", "blocker", ""))
    with pytest.raises(CxauditError, match="detector 'no_such_detector' does not exist"):
        catalogue([folder])


def test_bad_lexicon_pattern(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_words", "test_words", "blocker", ""), lexicon="- '(unclosed'")
    with pytest.raises(CxauditError, match="not a valid pattern"):
        catalogue([folder])


def test_applicability_is_the_yaml_goals_alone(tmp_path):
    """Widening a shipped check's goals in an override is enough: its detector judges the new goal too."""
    over = tmp_path / "over"
    over.mkdir()
    (over / "login_wall.yaml").write_text("id: login_wall\ngoals: [cancel, contact_support]\n")
    # a German journey: judged in de, where § 312k forbids a login before cancelling
    steps = [StepRecord(index=0, type="goto", description="open", observation=observation()),
             StepRecord(index=1, type="login", description="log in", observation=observation()),
             StepRecord(index=2, type="click", description="x", observation=observation())]
    j = JourneyResult(id="j", name="j", goal="contact_support", site="s", language="de", device="desktop", file="f",
                      start_url="http://x", outcome="completed", steps=steps)
    shipped = judge_run(RunResult(run_id="r", started_at="now", journeys=[j.model_copy(deep=True)]))
    assert next(c for c in shipped.journeys[0].checks if c.id == "login_wall").status == "not_applicable"
    widened = judge_run(RunResult(run_id="r", started_at="now", journeys=[j]), extra_checks=[over])
    result = next(c for c in widened.journeys[0].checks if c.id == "login_wall")
    assert result.status == "fail" and result.findings[0].step == 1


def test_detector_defaults_to_the_id_and_a_new_check_may_name_another(tmp_path):
    folder = write_checks(tmp_path / "c", ("zz_words", "test_words", "blocker", ""))
    (folder / "test_count.yaml").write_text(
        SPEC.format(id="test_count", code="CX990", detector="''", kind="metric", extra="curve: {p10: 2, median: 7}"))
    cat = catalogue([folder])
    assert cat.spec("test_count").detector == "test_count" and cat.spec("zz_words").detector == "test_words"
    run = judge_run(run_with(*["t"] * 7), cat=cat)
    assert next(c for c in run.journeys[0].checks if c.id == "test_count").value == 7


def test_the_readme_example_of_a_new_check_using_a_shipped_detector(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "checks" / "README.md").read_text(encoding="utf-8")
    block = next(b for b in readme.split("```yaml\n")[1:] if "\ndetector: " in b.split("```")[0]).split("```")[0]
    data = yaml.safe_load(block)
    texts = {k: {"en": k} for k in ("title", "failure_title", "description", "why", "fix")}
    (tmp_path / f"{data['id']}.yaml").write_text(yaml.safe_dump({**data, **texts}))
    run = run_with("a", "b", "c", goal="contact_support")
    run.journeys[0].metrics.actions = 5
    result = next(c for c in judge_run(run, extra_checks=[tmp_path]).journeys[0].checks if c.id == data["id"])
    assert result.value == 5 and result.status == "fail"  # over the example's median of 4 actions


def test_a_preview_check_is_reported_but_weighs_nothing(tmp_path):
    preview = write_checks(tmp_path / "p", ("zz_words", "test_words", "blocker", "status: preview"))
    stable = write_checks(tmp_path / "s", ("zz_words", "test_words", "blocker", ""))
    titles = ("Offers", "Our offer", "offering more")
    without = judge_run(run_with(*titles)).journeys[0].score.score
    with_stable = judge_run(run_with(*titles), extra_checks=[stable]).journeys[0]
    with_preview = judge_run(run_with(*titles), extra_checks=[preview]).journeys[0]
    result = next(c for c in with_preview.checks if c.id == "zz_words")
    assert result.status == "fail" and len(result.findings) == 3 and result.weight == 0
    assert with_preview.score.score == without and with_stable.score.score < without
