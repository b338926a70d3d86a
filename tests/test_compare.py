"""Baselines (compare, tolerances, markdown), repeated runs (aggregate_runs), shards and merge (no browser)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from gate_helpers import journey, run

from cxaudit.ci.compare import compare
from cxaudit.ci.config import Tolerances
from cxaudit.ci.merge import merge_runs
from cxaudit.ci.repeat import aggregate_runs
from cxaudit.ci.shard import parse_shard, select_shard
from cxaudit.errors import CxauditError
from cxaudit.results.model import load_run


def base_and_new():
    base = run(journey("shop-cancel", score=97, actions=3, pages=3, fails={"confirmshaming": ["No, I like paying"]}),
               journey("shop-signup", goal="signup"), journey("shop-contact", goal="contact_support"), run_id="base")
    new = run(journey("shop-cancel", score=85, actions=5, pages=4,
                      fails={"mandatory_exit_survey": ["Please tell us why you are leaving"]}),
              journey("shop-signup", goal="signup"), journey("shop-new", goal="cancel"), run_id="new")
    return base, new


def test_new_and_resolved_findings_and_reasons():
    diff = compare(*base_and_new())
    assert diff.regressed
    cancel = next(j for j in diff.journeys if j.id == "shop-cancel")
    assert [(f.check, f.words) for f in cancel.new_findings] == [("mandatory_exit_survey", "Please tell us why you are leaving")]
    assert [f.check for f in cancel.resolved_findings] == ["confirmshaming"]
    assert cancel.newly_failing == ["mandatory_exit_survey"] and cancel.newly_passing == ["confirmshaming"]
    assert cancel.score_delta == -12
    assert cancel.reasons == ["newly failing: mandatory_exit_survey", "score 97 → 85 (tolerated −2)",
                              "actions 3 → 5 (tolerated +0)", "pages 3 → 4 (tolerated +0)"]
    status = {j.id: j.status for j in diff.journeys}
    assert status == {"shop-cancel": "changed", "shop-signup": "same", "shop-new": "added", "shop-contact": "removed"}
    removed = next(j for j in diff.journeys if j.id == "shop-contact")
    assert removed.regressed and removed.reasons == ["missing from the new run"]
    assert not next(j for j in diff.journeys if j.id == "shop-new").regressed


def test_tolerances():
    base = run(journey("a", score=90, actions=3, pages=3), run_id="b")
    new = run(journey("a", score=88.5, actions=4, pages=3), run_id="n")
    assert compare(base, new).regressed  # one more action, default tolerance 0
    assert not compare(base, new, Tolerances(actions=1)).regressed  # score −1.5 within the default 2
    assert compare(base, new, {"score": 1, "actions": 1}).reasons == ["a: score 90 → 88.5 (tolerated −1)"]
    better = run(journey("a", score=99, actions=2, pages=2), run_id="n")
    assert not compare(base, better, Tolerances(score=0)).regressed


def test_finding_identity_ignores_step_numbers():
    base = run(journey("a", fails={"confirmshaming": ["No thanks"]}), run_id="b")
    new = run(journey("a", fails={"confirmshaming": ["No thanks"]}), run_id="n")
    new.journeys[0].checks[1].findings[0].step = 7  # a step was inserted before it
    diff = compare(base, new)
    assert not diff.regressed and diff.journeys[0].new_findings == [] and diff.journeys[0].status == "same"


def test_outcome_getting_worse_regresses():
    base = run(journey("a"), run_id="b")
    new = run(journey("a", outcome="blocked"), run_id="n")
    assert compare(base, new).reasons == ["a: outcome completed → blocked"]


def test_markdown_is_a_short_pr_comment():
    md = compare(*base_and_new()).markdown()
    assert md.startswith("## cxaudit compare: regression ❌")
    assert "| journey | score | actions | pages | outcome | findings | verdict |" in md
    assert "| shop-cancel | 97 → 85 (-12) A→B | 3 → 5 (+2) | 3 → 4 (+1) | completed | +1 / −1 |" in md
    assert "### New findings" in md and "`mandatory_exit_survey` (CX101, high) step 2: “Please tell us why you are leaving”" in md
    assert "### Resolved findings" in md and "`confirmshaming`" in md
    assert len(md.splitlines()) < 25
    calm = compare(run(journey("a"), run_id="b"), run(journey("a"), run_id="n")).markdown(heading_level=3)
    assert calm.startswith("### cxaudit compare: no regression ✅") and "New findings" not in calm


def test_compare_command_exit_statuses(tmp_path, capsys):
    from cxaudit.cli import main

    base, new = base_and_new()
    base.write(tmp_path / "base")
    new.write(tmp_path / "new")
    assert main(["compare", str(tmp_path / "base"), str(tmp_path / "new"), "--markdown", str(tmp_path / "d.md")]) == 1
    assert "mandatory_exit_survey" in (tmp_path / "d.md").read_text()
    err = capsys.readouterr().err
    assert "regression: shop-cancel: newly failing: mandatory_exit_survey" in err
    assert main(["compare", str(tmp_path / "base"), str(tmp_path / "base"), "-q"]) == 0
    assert capsys.readouterr().out.startswith("## cxaudit compare: no regression")
    assert main(["compare", str(tmp_path / "base"), str(tmp_path / "new"), "--json", "-q"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["regressed"] and data["journeys"][0]["new_findings"][0]["check"] == "mandatory_exit_survey"
    loose = ["--tolerance-score", "20", "--tolerance-actions", "5", "--tolerance-pages", "5", "-q"]
    only_a = run(journey("shop-cancel", score=97, actions=3, pages=3), run_id="a")
    only_b = run(journey("shop-cancel", score=85, actions=5, pages=4), run_id="b")
    only_a.write(tmp_path / "a")
    only_b.write(tmp_path / "b")
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "b"), *loose]) == 0
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "missing")]) == 2


# ------------------------------------------------------------------ repeated runs
def test_aggregate_runs_medians_and_majority_findings():
    runs = [
        run(journey("a", score=80, actions=5, pages=4, duration=3.0, fails={"mandatory_exit_survey": ["why?"]}), run_id="r1"),
        run(journey("a", score=90, actions=4, pages=3, duration=2.0, fails={"mandatory_exit_survey": ["why?"],
                                                                            "confirmshaming": ["flaky words"]}), run_id="r2"),
        run(journey("a", score=95, actions=4, pages=3, duration=9.0), run_id="r3"),
    ]
    agg = aggregate_runs(runs)
    j = agg.journeys[0]
    assert (j.metrics.actions, j.metrics.pages, j.metrics.duration_s, j.score.score, j.score.grade) == (4, 3, 3.0, 90, "A")
    failing = {c.id for c in j.checks if c.status == "fail"}
    assert failing == {"mandatory_exit_survey"}  # 2 of 3 runs; confirmshaming only in 1 of 3
    survey = next(c for c in j.checks if c.id == "mandatory_exit_survey")
    assert survey.details["runs"] == {"n": 3, "failed_in": 2, "score_min": 0.0, "score_max": 1.0}
    spread = agg.options["repeat"]["journeys"]["a"]
    assert spread["score"] == {"min": 80, "median": 90, "max": 95} and spread["actions"] == {"min": 4, "median": 4, "max": 5}
    assert spread["runs"] == 3 and spread["representative_run"] == "r2"
    assert agg.options["repeat"]["run_ids"] == ["r1", "r2", "r3"] and agg.sites[0].score == 90


def test_aggregate_runs_majority_outcome_and_one_run():
    runs = [run(journey("a", outcome="error", score=None), run_id="r1"), run(journey("a", score=70), run_id="r2"),
            run(journey("a", score=74), run_id="r3"), run(journey("a", score=60), run_id="r4")]
    j = aggregate_runs(runs).journeys[0]
    assert j.outcome == "completed" and j.score.score == 70
    single = run(journey("a"), run_id="x")
    assert aggregate_runs([single]) == single and aggregate_runs([single]) is not single
    with pytest.raises(ValueError):
        aggregate_runs([])


# ------------------------------------------------------------------ shards and merge
def test_every_journey_in_exactly_one_shard():
    items = [SimpleNamespace(id=f"j{k:02d}") for k in range(11)][::-1]
    for n in (1, 2, 3, 4, 11, 13):
        shards = [select_shard(items, f"{i}/{n}") for i in range(1, n + 1)]
        ids = [x.id for s in shards for x in s]
        assert sorted(ids) == sorted(x.id for x in items) and len(ids) == len(set(ids))
        assert max(map(len, shards)) - min(map(len, shards)) <= 1
    assert [x.id for x in select_shard(items, "1/4")] == ["j00", "j04", "j08"]  # sorted by id, round-robin
    assert select_shard(items, (2, 4)) == select_shard(list(reversed(items)), "2/4")  # order does not matter


@pytest.mark.parametrize("bad", ["0/3", "4/3", "1-3", "", "a/b"])
def test_bad_shard(bad):
    with pytest.raises(CxauditError, match="--shard"):
        parse_shard(bad)


def test_merge_shard_runs(tmp_path):
    shard1 = run(journey("a-cancel", score=90, screenshot=True), run_id="s1")
    shard2 = run(journey("b-cancel", score=70, screenshot=True), journey("c-signup", goal="signup", score=99), run_id="s2")
    for r, name in ((shard1, "s1"), (shard2, "s2")):
        r.write(tmp_path / name)
        for j in r.journeys:
            shot = tmp_path / name / "screens" / j.id / "00.jpg"
            shot.parent.mkdir(parents=True)
            shot.write_bytes(b"jpeg " + j.id.encode())
    merged, folder = merge_runs([tmp_path / "s1", tmp_path / "s2"], tmp_path / "merged", judge=False)
    assert folder == tmp_path / "merged" and [j.id for j in merged.journeys] == ["a-cancel", "b-cancel", "c-signup"]
    assert (folder / "screens" / "b-cancel" / "00.jpg").read_bytes() == b"jpeg b-cancel"
    assert merged.options["merged_from"] == ["s1", "s2"]
    assert load_run(folder).sites[0].score == 80  # the site score covers both shards (sign-ups aside)
    with pytest.raises(CxauditError, match="already holds a run"):
        merge_runs([tmp_path / "s1"], folder)
    with pytest.raises(CxauditError, match="journey a-cancel is in both"):
        merge_runs([tmp_path / "s1", tmp_path / "s1"], tmp_path / "twice")


def test_merge_command_judges_again(tmp_path, capsys):
    from cxaudit.cli import main

    run(journey("a-cancel"), run_id="s1").write(tmp_path / "s1")
    run(journey("b-cancel"), run_id="s2").write(tmp_path / "s2")
    assert main(["merge", str(tmp_path / "s1"), str(tmp_path / "s2"), "--out", str(tmp_path / "m"), "-q"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "m")
    merged = load_run(tmp_path / "m")
    assert merged.judged.get("checks", 0) > 0  # judge_run ran with the current catalogue
    assert all(j.checks for j in merged.journeys)
