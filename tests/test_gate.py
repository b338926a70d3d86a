"""Assertions (every rule kind, globs, levels), --fail-under, and gate_after_run (no browser)."""

from __future__ import annotations

import io

from gate_helpers import journey, run

from cxaudit.ci.config import Assertion, Config, merge_overrides
from cxaudit.ci.gate import GATE_FILE, evaluate, failed, gate_after_run, gate_markdown, judge_gate, print_gate


def one(results, journey_id=None, kind=None):
    found = [r for r in results if (journey_id is None or r.journey == journey_id) and (kind is None or r.kind == kind)]
    assert len(found) == 1, found
    return found[0]


def sample():
    return run(
        journey("shop-cancel-web", score=82.5, actions=7, pages=5, fails={"mandatory_exit_survey": ["Please tell us why"]},
                by_category={"obstruction": 55.0, "effort": 90.0}),
        journey("shop-cancel-app", score=97.0, actions=3, pages=2, name="Shop app – cancel"),
        journey("shop-signup", score=99.0, actions=9, pages=6, goal="signup"),
    )


def test_journey_min_score_with_glob_and_name_match():
    r = sample()
    results = evaluate(r, [Assertion(match="*-cancel-*", min_score=90)])
    assert {x.journey for x in results} == {"shop-cancel-web", "shop-cancel-app"}
    bad = one(results, "shop-cancel-web")
    assert not bad.passed and bad.expected == "≥ 90" and bad.actual == "82.5" and bad.level == "error"
    assert bad.rule == "assertions[0]" and bad.kind == "min_score"
    assert "shop-cancel-web: score 82.5, expected ≥ 90" in bad.message
    assert one(results, "shop-cancel-app").passed
    by_name = evaluate(r, [Assertion(match="Shop app*", min_score=90)])  # the journey's name also matches
    assert [x.journey for x in by_name] == ["shop-cancel-app"]


def test_max_actions_and_max_pages():
    results = evaluate(sample(), [Assertion(name="cancel budget", goal="cancel", max_actions=6, max_pages=4)])
    web_actions = one(results, "shop-cancel-web", "max_actions")
    assert not web_actions.passed and (web_actions.expected, web_actions.actual) == ("≤ 6", "7")
    assert not one(results, "shop-cancel-web", "max_pages").passed
    assert one(results, "shop-cancel-app", "max_actions").passed and one(results, "shop-cancel-app", "max_pages").passed
    assert all(x.rule == "cancel budget" for x in results)
    assert "shop-signup" not in {x.journey for x in results}  # goal: cancel


def test_forbid_fails_on_any_finding_and_names_it():
    results = evaluate(sample(), [Assertion(match="shop-cancel-*", forbid=["mandatory_exit_survey", "confirmshaming"])])
    survey = [x for x in results if x.journey == "shop-cancel-web"]
    bad = [x for x in survey if not x.passed]
    assert len(bad) == 1 and bad[0].expected == "no mandatory_exit_survey"
    assert "step 2" in bad[0].actual and "Please tell us why" in bad[0].actual
    assert all(x.passed for x in results if x.journey == "shop-cancel-app")


def test_category_rule():
    results = evaluate(sample(), [Assertion(category="obstruction", min_score=70), Assertion(category="accessibility",
                                                                                             min_score=90)])
    web = [x for x in results if x.journey == "shop-cancel-web"]
    assert [x.passed for x in web] == [False, True]  # 55 < 70; no accessibility checks: not applicable
    assert web[0].actual == "55" and web[1].actual == "not applicable"


def test_check_rule_status_and_min_score():
    r = sample()
    plain = evaluate(r, [Assertion(check="mandatory_exit_survey")])  # no min_score: must not fail
    assert not one(plain, "shop-cancel-web").passed and one(plain, "shop-cancel-web").actual == "fail"
    assert one(plain, "shop-cancel-app").passed
    r.journeys[1].checks[0].score = 0.7
    r.journeys[1].checks[0].status = "warn"
    scored = evaluate(r, [Assertion(check="mandatory_exit_survey", min_score=0.9, match="shop-cancel-app")])
    assert not scored[0].passed and scored[0].expected == "≥ 0.9" and scored[0].actual == "0.7"
    missing = evaluate(r, [Assertion(check="no_such_check")])
    assert all(x.passed and x.actual == "check not run" for x in missing)
    r.journeys[1].checks[0].status, r.journeys[1].checks[0].error = "error", "boom"
    erred = evaluate(r, [Assertion(check="mandatory_exit_survey", match="shop-cancel-app")])
    assert not erred[0].passed and "boom" in erred[0].actual


def test_levels_off_warn_error():
    r = sample()
    rules = [Assertion(min_score=99.5, level="off"), Assertion(min_score=90, level="warn"), Assertion(max_actions=8)]
    results = evaluate(r, rules)
    assert not any(x.rule == "assertions[0]" for x in results)  # off: not evaluated
    assert {x.journey for x in failed(results, "warn")} == {"shop-cancel-web"}
    assert {x.journey for x in failed(results)} == {"shop-signup"}


def test_fail_under_is_every_journey():
    results = evaluate(sample(), [], fail_under=90)
    assert len(results) == 3 and [x.journey for x in failed(results)] == ["shop-cancel-web"]
    assert all(x.rule == "--fail-under" for x in results)


def test_errored_or_pending_journeys():
    r = run(journey("a", score=None, outcome="error"), journey("b", outcome="pending"))
    r.journeys[0].score.reason = "the journey ended in an error"
    results = evaluate(r, [], fail_under=10)
    assert len(results) == 1 and not results[0].passed and "ended in an error" in results[0].actual


def test_gate_after_run_writes_gate_md_and_returns_the_status(tmp_path, capsys):
    r = sample()
    cfg = Config(assertions=[Assertion(match="*cancel*", forbid=["mandatory_exit_survey"]),
                             Assertion(category="obstruction", min_score=70, level="warn")])
    assert gate_after_run(r, tmp_path, cfg) == 1
    md = (tmp_path / GATE_FILE).read_text()
    assert md.startswith("## cxaudit gate failed")
    assert "| error | assertions[0] forbid | shop-cancel-web | no mandatory_exit_survey |" in md
    assert "| warn | assertions[1] min_score | shop-cancel-web | ≥ 70 | 55 |" in md
    err = capsys.readouterr().err
    assert "shop-cancel-web" in err and "gate failed" in err
    ok = Config(assertions=[Assertion(match="*cancel*", forbid=["confirmshaming"])])
    assert gate_after_run(r, tmp_path, ok, quiet=True) == 0
    assert (tmp_path / GATE_FILE).read_text().startswith("## cxaudit gate passed")
    assert capsys.readouterr().err == ""  # quiet and passed: nothing


def test_no_gate_configured_writes_nothing(tmp_path):
    assert gate_after_run(sample(), tmp_path, None) == 0
    assert gate_after_run(sample(), tmp_path, Config(workers=3)) == 0
    assert not (tmp_path / GATE_FILE).exists()


def test_gate_with_baseline_regression(tmp_path):
    base = run(journey("shop-cancel-web", score=97, actions=3, pages=3), run_id="base")
    base.write(tmp_path / "base")
    new = run(journey("shop-cancel-web", score=85, actions=5, pages=4,
                      fails={"mandatory_exit_survey": ["Please tell us why you are leaving"]}), run_id="new")
    cfg = merge_overrides(None, baseline=tmp_path / "base")
    outcome = judge_gate(new, cfg)
    assert outcome.status == 1 and outcome.diff.regressed and outcome.results == []
    md = gate_markdown(outcome, new)
    assert "cxaudit compare: regression" in md and "`mandatory_exit_survey`" in md
    buf = io.StringIO()
    print_gate(outcome, file=buf)
    assert "newly failing: mandatory_exit_survey" in buf.getvalue()
    same = judge_gate(base, cfg)
    assert same.status == 0 and not same.diff.regressed


def test_gate_command(tmp_path):
    from cxaudit.cli import main

    sample().write(tmp_path / "run")
    assert main(["gate", str(tmp_path / "run"), "--fail-under", "80", "-q"]) == 0
    assert main(["gate", str(tmp_path / "run"), "--fail-under", "90", "-q"]) == 1
    assert "gate failed" in (tmp_path / "run" / "gate.md").read_text()
    assert main(["gate", str(tmp_path / "run")]) == 2  # nothing to evaluate: a usage error
    assert main(["gate", str(tmp_path / "nothing"), "--fail-under", "1"]) == 2


# ------------------------------------------------------------------ the demo variant the end-to-end test uses
def test_demo_clean_plus_one_friction():
    from cxaudit.demo.core import variant_flags
    from cxaudit.demo.server import dispatch
    from cxaudit.demo.sites import SITES

    site = SITES["streamline"]
    assert variant_flags(site, "clean+mandatory_exit_survey") == {"mandatory_exit_survey"}
    assert variant_flags(site, "clean+no_such_flag") is None and variant_flags(site, "hostile+confirmshaming") is None
    sessions: dict = {}

    def get(path: str):
        return dispatch("GET", path, {}, b"", lambda key: sessions.setdefault(key, {}))

    page = get("/streamline/clean+mandatory_exit_survey/account").body.decode()
    assert 'href="/streamline/clean+mandatory_exit_survey/account/cancel/survey"' in page
    assert 'data-next="/account/cancel"' in page and "Why are you leaving?" in page
    assert "Before you go" not in page and "Cancel your membership?" in page  # the clean confirm view, no offers
    assert get("/streamline/clean+mandatory_exit_survey/account/cancel/survey").status == 200
    assert get("/streamline/clean+mandatory_exit_survey/account/cancel/pause").status == 404
    assert get("/streamline/clean/account/cancel/survey").status == 404
    assert "Why are you leaving?" not in get("/streamline/clean/account").body.decode()
    hostile = get("/streamline/hostile/account").body.decode()
    assert 'data-next="/account/cancel/confirm"' in hostile and "Before you go" in hostile
    moved = get("/streamline/clean+mandatory_exit_survey")
    assert moved.status == 301 and dict(moved.headers)["Location"] == "/streamline/clean+mandatory_exit_survey/"
    refused = dispatch("POST", "/streamline/clean+mandatory_exit_survey/api/survey",
                       {"content-type": "application/json"}, b'{"reason": ""}', lambda key: {})
    assert refused.status == 400 and b"why you are leaving" in refused.body
