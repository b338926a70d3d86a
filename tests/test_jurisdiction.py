"""Jurisdictions: where a journey is judged (run, journey file, pages' language) and which rules a finding
cites (checks/laws/*.yaml: in force there, on the day the journey was recorded)."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import observation

from cxaudit.errors import CxauditError
from cxaudit.judge.engine import catalogue, judge_journey
from cxaudit.judge.jurisdiction import COVERS, JURISDICTIONS, load_laws, resolve, rules_in_force
from cxaudit.results.model import JourneyResult, Jurisdiction, StepRecord
from cxaudit.shipped import shipped

CAT = catalogue()
LAWS = CAT.laws


def _journey(lang_tag=None, language="auto", goal="cancel", started="2026-12-01T10:00:00+00:00", jurisdiction=None):
    obs = observation(lang=lang_tag or "")
    steps = [StepRecord(index=0, type="goto", description="open", observation=obs, actions=0),
             StepRecord(index=1, type="click", description="click", observation=obs, actions=1)]
    return JourneyResult(id="j", name="j", goal=goal, site="s", language=language, device="desktop", file="j.yaml",
                         start_url="http://x/", outcome="completed", steps=steps, started_at=started,
                         jurisdiction=jurisdiction)


@pytest.mark.parametrize(("tag", "code"), [
    ("de", "de"), ("de-DE", "de"), ("de-AT", "eu"), ("de-CH", "none"), ("fr", "eu"), ("fr-FR", "eu"), ("nl", "eu"),
    ("en", "none"), ("en-US", "none"), ("en-GB", "uk"), ("en-IE", "eu"), ("ja", "none"),
])
def test_the_default_follows_the_pages_language(tag, code):
    where = resolve(_journey(tag))
    assert (where.code, where.source, where.language) == (code, "language", tag)


def test_without_a_page_language_the_journeys_language_decides_and_else_none():
    assert resolve(_journey(None, language="de")).code == "de"
    assert resolve(_journey(None)).code == "none"


def test_the_run_beats_the_journey_file_which_beats_the_language():
    by_file = _journey("de", jurisdiction=Jurisdiction(code="us-ca", source="journey"))
    assert resolve(by_file) == Jurisdiction(code="us-ca", source="journey")
    assert resolve(by_file, "uk") == Jurisdiction(code="uk", source="run")
    # a default found from the language before is found again (rescore after the pages changed language)
    guessed = _journey("en-GB", jurisdiction=Jurisdiction(code="de", source="language", language="de"))
    assert resolve(guessed).code == "uk"


def test_every_rule_a_check_cites_is_in_the_laws_and_every_jurisdiction_is_covered():
    cited = {r for spec in CAT.specs for r in spec.rules}
    assert cited <= set(LAWS)
    assert set(COVERS) == set(JURISDICTIONS)


def test_the_law_catalogue_is_honest_about_dates():
    day = dt.date(2026, 12, 1)
    ftc = LAWS["FTC Negative Option Rule (click-to-cancel)"]
    assert ftc.in_force("us-ca", dt.date(2025, 3, 1)) and not ftc.in_force("us-ca", day)  # vacated July 2025
    assert not LAWS["DMCC Act 2024 (subscription contracts)"].in_force("uk", day)  # expected from spring 2027
    assert LAWS["CRD Art. 11a"].in_force("de", day) and not LAWS["CRD Art. 11a"].in_force("de", dt.date(2026, 6, 18))
    assert LAWS["California ARL"].in_force("us-ca", day) and not LAWS["California ARL"].in_force("uk", day)
    assert LAWS["ROSCA"].in_force("us-ca", day)
    assert LAWS["DSA Art. 25"].in_force("de", day) and LAWS["DSA Art. 25"].in_force("eu", day)
    assert not LAWS["DSA Art. 25"].in_force("uk", day) and not LAWS["DSA Art. 25"].in_force("none", day)
    assert LAWS["WCAG 2.2 1.4.3"].in_force("none", day)


def test_a_check_cites_only_the_rules_in_force_where_the_journey_is_judged():
    rules = CAT.spec("login_wall").rules
    day = dt.date(2026, 12, 1)
    assert rules_in_force(rules, LAWS, "de", day) == ["BGB § 312k R3", "DSA Art. 25"]
    assert rules_in_force(rules, LAWS, "us-ca", day) == ["California ARL"]
    assert rules_in_force(rules, LAWS, "none", day) == []
    for where, expected in (("de", {"BGB § 312k R3", "DSA Art. 25"}), ("us-ca", {"California ARL"}), ("none", set())):
        j = judge_journey(_journey("en"), CAT, jurisdiction=where)
        assert set(next(c for c in j.checks if c.id == "login_wall").rules) == expected


def test_judging_records_the_jurisdiction_and_the_reason_a_check_does_not_apply():
    j = judge_journey(_journey("de", goal="contact_support"), CAT)
    assert j.jurisdiction == Jurisdiction(code="de", source="language", language="de")
    survey = next(c for c in j.checks if c.id == "mandatory_exit_survey")
    assert survey.status == "not_applicable"
    assert survey.details["reason"] == "applies to cancel, uninstall journeys only; this journey's goal is contact support"
    assert survey.details["reason_parts"][0]["key"] == "na_goal"
    label = next(c for c in judge_journey(_journey("en"), CAT).checks if c.id == "misleading_button_label")
    assert label.status == "not_applicable" and "applies to pages in de only" in label.details["reason"]


def test_a_check_with_jurisdictions_applies_only_there(tmp_path):
    (tmp_path / "login_wall.yaml").write_text("id: login_wall\njurisdictions: [de]\n")
    cat = catalogue([tmp_path])
    j = judge_journey(_journey("en-US"), cat)
    result = next(c for c in j.checks if c.id == "login_wall")
    assert result.status == "not_applicable"
    assert result.details["reason"] == ("applies only in Germany (de); this journey is judged in no jurisdiction (none) "
                                        "(from the pages' language)")


def test_a_rule_missing_from_the_laws_and_a_bad_laws_file_are_one_line_each(tmp_path):
    (tmp_path / "login_wall.yaml").write_text("id: login_wall\nrules: ['Made-up Act § 1']\n")
    with pytest.raises(CxauditError, match=r"login_wall.yaml: rules 'Made-up Act § 1' are not in any checks/laws"):
        catalogue([tmp_path])
    bad = tmp_path / "bad"
    (bad / "laws").mkdir(parents=True)
    (bad / "laws" / "more.yaml").write_text("- id: X\n  title: {en: X}\n  jurisdictions: [mars]\n")
    with pytest.raises(CxauditError, match=r"more.yaml: rule 1 \(X\): jurisdictions.0: Input should be"):
        load_laws([shipped("checks"), bad])
    (bad / "laws" / "more.yaml").write_text("id: X\n")
    with pytest.raises(CxauditError, match="a rules file is a list"):
        load_laws([bad])


def test_a_users_laws_file_adds_and_replaces_rules(tmp_path):
    (tmp_path / "laws").mkdir()
    (tmp_path / "laws" / "mine.yaml").write_text(
        "- id: DSA Art. 25\n  title: {en: DSA}\n  jurisdictions: [eu]\n  from: 2030-01-01\n"
        "- id: Local Act § 2\n  title: {en: Local}\n  jurisdictions: [uk]\n  from: 2020-01-01\n")
    laws = load_laws([shipped("checks"), tmp_path])
    assert not laws["DSA Art. 25"].in_force("de", dt.date(2026, 12, 1))
    assert laws["Local Act § 2"].in_force("uk", dt.date(2026, 12, 1))


def test_rescore_in_another_jurisdiction_changes_what_is_cited_and_what_fails(tmp_path):
    from cli_run import cx
    from demo_fixture import load_fixture

    run, folder = load_fixture(tmp_path / "run")
    judged = cx("rescore", str(folder), "--json", "--quiet")
    assert judged.returncode in (0, 3), judged.stderr
    by_default = {j["id"]: j for j in __import__("json").loads(judged.stdout)["journeys"]}
    hostile = by_default["funknetz-cancel-hostile"]
    assert hostile["jurisdiction"] == {"code": "de", "source": "language", "language": "de"}
    login = next(c for c in hostile["checks"] if c["id"] == "login_wall")
    assert login["status"] == "fail" and login["rules"] == ["BGB § 312k R3", "DSA Art. 25"]
    assert by_default["streamline-cancel-hostile"]["jurisdiction"]["code"] == "none"

    again = cx("rescore", str(folder), "--json", "--quiet", "--jurisdiction", "us-ca")
    journeys = {j["id"]: j for j in __import__("json").loads(again.stdout)["journeys"]}
    hostile = journeys["funknetz-cancel-hostile"]
    assert hostile["jurisdiction"] == {"code": "us-ca", "source": "run", "language": None}
    login = next(c for c in hostile["checks"] if c["id"] == "login_wall")
    # no law forbids the login there, but signing up at FunkNetz needed no account
    assert login["status"] == "fail" and login["rules"] == ["California ARL"]
    assert login["details"]["signup_without_account"].startswith("funknetz-signup-")
    assert "needed no account, but cancelling asks for a login" in login["findings"][0]["note"]
    redirect = next(c for c in journeys["streamline-cancel-hostile"]["checks"] if c["id"] == "channel_redirect")
    assert redirect["rules"] == ["California ARL", "ROSCA"]


def test_a_bad_jurisdiction_is_one_line_naming_the_option_or_the_file(tmp_path):
    from cli_run import cx

    bad = cx("rescore", str(tmp_path), "--jurisdiction", "mars")
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == ["cxaudit: error: --jurisdiction mars: must be one of de, eu, us-ca, uk, none"]
    journey = tmp_path / "j.yaml"
    journey.write_text("name: x\ngoal: cancel\njurisdiction: mars\nstart: /\nsteps:\n  - click: Go\nsuccess: {text: done}\n")
    checked = cx("validate", str(journey))
    assert checked.returncode == 2 and f"{journey}:3 jurisdiction" in checked.stderr
    config = tmp_path / "cxaudit.yaml"
    config.write_text("jurisdiction: mars\n")
    from cxaudit.ci.config import ConfigError, load_config

    with pytest.raises(ConfigError, match="jurisdiction"):
        load_config(config)
    config.write_text("jurisdiction: uk\n")
    assert load_config(config).jurisdiction == "uk"


def test_cxaudit_checks_says_which_journeys_each_check_applies_to():
    from cli_run import cx

    listed = cx("checks", env={"COLUMNS": "250"})
    assert listed.returncode == 0
    rows = {line.split("│")[2].strip(): line for line in listed.stdout.splitlines() if line.count("│") > 6}
    assert "cancel, uninstall" in rows["mandatory_exit_survey"]
    assert "cancel; de pages" in rows["misleading_button_label"]
    assert "all goals" in rows["cookie_wall"]
