"""The whole catalogue on the whole demo run: hostile flows fail the checks they were built to show,
clean twins and sign-ups give no finding at all, and rescoring a saved run gives the same verdicts."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cxaudit.judge.engine import catalogue, judge_run

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

# hostile journey: the checks that must fail on it (written from journeys/demo/README.md's frictions)
MUST_FAIL = {
    "streamline-cancel-hostile": {"hidden_cancel_link", "retention_offer", "confirmshaming", "mandatory_exit_survey",
                                  "visual_misdirection", "missing_confirmation_details"},
    "funknetz-cancel-hostile": {"cookie_wall", "login_wall", "excessive_verification", "mandatory_exit_survey",
                                "repeated_data_entry", "confirmshaming", "misleading_button_label",
                                "missing_confirmation_details", "cancel_harder_than_signup", "too_many_actions"},
    "kontofix-uninstall-hostile": {"mandatory_exit_survey"},
    "parcelpal-chat-hostile": {"premature_rating_prompt", "chatbot_loop", "no_human_handoff", "slow_human_handoff"},
    "paketblitz-chat-hostile": {"premature_rating_prompt", "chatbot_loop", "no_human_handoff", "slow_human_handoff"},
    "parcelpal-contact-hostile": {"premature_rating_prompt", "wait_time_notice"},
    "tagesblatt-cancel-hostile": {"channel_redirect"},
}
# partial findings, as their checks' descriptions define them: one offer screen, two contact channels
MUST_WARN = {"funknetz-cancel-hostile": {"retention_offer", "hidden_cancel_link"},
             "parcelpal-contact-hostile": {"limited_contact_channels"}}


@pytest.fixture(scope="module")
def judged(demo_run):
    run, folder = demo_run
    judge_run(run)
    return run, folder


def failed(journey) -> set[str]:
    return {c.id for c in journey.checks if c.status == "fail"}


@pytest.mark.parametrize("jid", sorted(MUST_FAIL))
def test_hostile_flows_fail_their_checks(judged, jid):
    journey = judged[0].journey(jid)
    missing = MUST_FAIL[jid] - failed(journey)
    assert not missing, f"{jid} should fail {sorted(missing)}; failed {sorted(failed(journey))}"
    for check in journey.checks:
        if check.status == "fail" and check.kind == "blocker":
            assert check.findings, f"{check.id} failed without evidence"
            assert all(f.step is not None for f in check.findings)


@pytest.mark.parametrize("jid", sorted(MUST_WARN))
def test_hostile_flows_warn_their_partial_findings(judged, jid):
    journey = judged[0].journey(jid)
    statuses = {c.id: c.status for c in journey.checks}
    assert {check: statuses.get(check) for check in MUST_WARN[jid]} == dict.fromkeys(MUST_WARN[jid], "warn")


def test_clean_twins_have_zero_findings(judged):
    run, _ = judged
    clean = [j for j in run.journeys if j.id.endswith("-clean")]
    assert len(clean) == 9
    for journey in clean:
        findings = [(c.id, f.words) for c in journey.checks for f in c.findings]
        assert not findings, f"{journey.id}: {findings}"
        assert not [c.id for c in journey.checks if c.status in ("fail", "error")], journey.id


def test_hostile_signups_fail_only_site_wide_frictions(judged):
    run, _ = judged
    # the grey 10 px cancel link sits in the footer of every hostile Streamline page
    streamline = run.journey("streamline-signup-hostile")
    assert failed(streamline) == {"accessibility_barriers"}
    a11y = next(c for c in streamline.checks if c.id == "accessibility_barriers")
    assert "color-contrast" in str(a11y.details)
    assert failed(run.journey("funknetz-signup-hostile")) == {"cookie_wall"}


def test_no_check_errors_anywhere(judged):
    errors = [(j.id, c.id, c.error) for j in judged[0].journeys for c in j.checks if c.status == "error"]
    assert not errors


def test_every_hostile_journey_scores_below_its_clean_twin(judged):
    run, _ = judged
    for journey in run.journeys:
        if journey.id.endswith("-hostile") and journey.goal != "signup":
            twin = run.journey(journey.id.replace("-hostile", "-clean"))
            assert journey.score.score < twin.score.score, journey.id
            assert twin.score.grade in ("A", "B"), (twin.id, twin.score)
    sites = {s.site: s for s in run.sites}
    assert sites["funknetz/hostile"].score < sites["funknetz/clean"].score


def test_rescore_of_the_saved_run_gives_the_same_findings(judged, tmp_path):
    run, folder = judged
    run.write(folder)
    copy = tmp_path / "run"
    shutil.copytree(folder, copy)
    proc = subprocess.run([sys.executable, "-m", "cxaudit.cli", "rescore", str(copy), "--quiet"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    again = json.loads((copy / "results.json").read_text())

    def verdicts(journeys):
        return {(j["id"], c["id"]): (c["status"], c["score"], [(f["step"], f["words"]) for f in c["findings"]])
                for j in journeys for c in j["checks"]}

    live = json.loads(run.model_dump_json())
    assert verdicts(again["journeys"]) == verdicts(live["journeys"])
    assert [j["score"] for j in again["journeys"]] == [j["score"] for j in live["journeys"]]


def test_every_check_is_documented_in_both_languages():
    for spec in catalogue().specs:
        for field in ("title", "failure_title", "description", "why", "fix"):
            text = getattr(spec, field)
            assert text.en.strip() and (text.de or "").strip(), (spec.id, field)
        assert spec.references or spec.rules, spec.id
        assert spec.taxonomy or spec.category in ("effort", "accessibility", "transparency"), spec.id


def test_readme_worked_example_matches_the_demo(judged):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("**Worked example**", 1)[1].split("\n\n", 1)[0]
    journey = judged[0].journey("funknetz-cancel-hostile")
    assert f"Cancelling took {journey.metrics.actions} actions over {journey.metrics.pages}" in example
    applicable = [c for c in journey.checks if c.status not in ("not_applicable", "info")]
    assert f"Of the {len(applicable)} checks that apply" in example
    assert f"total weight of {sum(c.weight for c in applicable):g}" in example
    count = {s: sum(c.status == s for c in applicable) for s in ("pass", "warn", "fail")}
    assert f"{count['pass']} pass (" in example and f"{count['warn']} warn (" in example, count
    assert f"and {count['fail']} fail." in example, count
    stated = float(example.split("**", 1)[1].split(",", 1)[0])
    assert journey.score.score == pytest.approx(stated, abs=1.5) and journey.score.grade == "F"


def test_every_check_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for spec in catalogue().specs:
        assert f"| {spec.code} | `{spec.id}` |" in readme, spec.id
