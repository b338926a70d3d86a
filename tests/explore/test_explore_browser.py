"""cxaudit explore in a real browser, against fixture pages (tests/fixtures/pages/explore) and the demo site:
the purchase guard, a native confirm() in a single-page view, a log-in with and without credentials, a dead
end, the action budget, and the whole command: its run folder, the journey it writes, and the replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_run import cx

from cxaudit.explore import ExploreOptions, explore

pytestmark = pytest.mark.browser


def _clicked(result) -> list[str]:
    return [step["click"].get("name") or step["click"].get("text") for step in result.steps if "click" in step]


def test_the_most_prominent_upgrade_button_is_never_clicked(pages_url):
    # account.html: a big filled "Upgrade to Premium" whose page would say "cancelled"; the way is
    # "Manage subscription", then a button that asks confirm() and switches the view by pushState
    result = explore(ExploreOptions(url=f"{pages_url}/explore/account.html", goal="cancel"))
    assert result.outcome == "completed", result.reason
    assert _clicked(result) == ["Manage subscription", "Cancel subscription"]
    assert all("Upgrade" not in t.move for t in result.tried)
    assert "has been cancelled" in result.success


def test_a_login_wall_without_credentials_is_blocked_and_with_them_is_passed(behind_login):
    walled, passed = behind_login("locked.html", "cancel", "kim@example.com", "s3cret-pw")
    assert walled.outcome == "blocked" and "no credentials" in walled.reason
    assert passed.outcome == "completed", passed.reason
    login = passed.steps[0]["login"]
    assert login["password"]["value"] == "${CXAUDIT_PASSWORD}"
    assert "s3cret-pw" not in yaml.safe_dump(passed.journey("cancel")) + passed.yaml("cancel")
    assert "CXAUDIT_PASSWORD" not in __import__("os").environ  # set only while the search ran


def test_a_phone_only_cancellation_is_a_dead_end(pages_url):
    result = explore(ExploreOptions(url=f"{pages_url}/explore/phone.html", goal="cancel", lang="de"))
    assert result.outcome == "blocked"
    assert _clicked(result) == ["Vertrag kündigen"]
    assert "telefonisch" in result.blocked


def test_the_action_budget_stops_the_search(pages_url):
    result = explore(ExploreOptions(url=f"{pages_url}/explore/account.html", goal="cancel", max_actions=1))
    assert result.outcome == "not_found" and "--max-actions" in result.reason
    assert result.actions_spent <= 1


def test_explore_writes_a_run_folder_whose_journey_replays(demo_url, tmp_path):
    # the demo's hostile FunkNetz: cookie wall, vague footer entry, log-in, PIN fields, a gate, an offer
    ran = cx("explore", f"{demo_url}/funknetz/hostile/", "--goal", "cancel", "--username", "K-100200",
             "--password", "demo1234", "--out", str(tmp_path), "--quiet", env={"CXAUDIT_PASSWORD": None})
    assert ran.returncode == 0, ran.stderr
    folder = Path(ran.stdout.splitlines()[0])
    run = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    journey = run["journeys"][0]
    assert journey["outcome"] == "completed"
    assert run["options"]["explored"]["outcome"] == "completed"
    fails = {c["id"] for c in journey["checks"] if c["status"] == "fail"}
    assert {"login_wall", "mandatory_exit_survey", "confirmshaming", "excessive_verification"} <= fails
    written = yaml.safe_load((folder / "journey.yaml").read_text(encoding="utf-8"))
    assert "login" in written["steps"][2] and written["steps"][2]["login"]["password"]["value"] == "${CXAUDIT_PASSWORD}"
    assert any("gate" in s for s in written["steps"])
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".yaml", ".html"):
            assert "demo1234" not in path.read_text(encoding="utf-8", errors="replace"), path
    again = cx("run", str(folder / "journey.yaml"), "--base-url", demo_url, "--out", str(tmp_path), "--json", "--quiet",
               env={"CXAUDIT_USERNAME": "K-100200", "CXAUDIT_PASSWORD": "demo1234"})
    assert again.returncode == 0, again.stderr
    replayed = json.loads(again.stdout)["journeys"][0]
    assert replayed["outcome"] == "completed"
    assert replayed["metrics"]["actions"] == journey["metrics"]["actions"] == 14  # the scripted journey's count


def test_a_goal_not_found_exits_as_a_journey_in_error(pages_url, tmp_path):
    ran = cx("explore", f"{pages_url}/explore/help.html", "--goal", "uninstall", "--out", str(tmp_path), "--quiet")
    assert ran.returncode == 3
    folder = Path(ran.stdout.splitlines()[0])
    assert json.loads((folder / "explore.json").read_text(encoding="utf-8"))["outcome"] == "not_found"


def test_bad_options_get_one_line_and_status_2():
    ran = cx("explore", "example.com", "--goal", "cancel")
    assert ran.returncode == 2 and "give a full address" in ran.stderr and "Traceback" not in ran.stderr
    ran = cx("explore", "http://127.0.0.1:9/", "--goal", "leave")
    assert ran.returncode == 2 and "--goal leave" in ran.stderr


def test_a_log_in_page_that_speaks_of_signing_in_to_cancel_is_no_dead_end(behind_login):
    # anmelden.html: "Bitte melden Sie sich an, um Ihre Kündigung aufzugeben" reads like "melden Sie sich
    # (bei uns)", a channel; with a log-in form on the page it is the way on
    walled, passed = behind_login("anmelden-start.html", "cancel", "KQ-1", "pw-1")
    assert walled.outcome == "blocked" and "no credentials" in walled.reason
    assert passed.outcome == "completed", passed.reason
    assert [next(iter(s)) for s in passed.steps] == ["click", "login", "click"]


def test_a_help_centre_found_by_its_search_box_ends_at_the_dead_end_not_at_the_log_in(pages_url):
    # search-start.html: "Sign in" leads to a log-in (no credentials given), "Help Center" to a page with a
    # search box and two unrelated topics; searching "cancel" (fill, Enter) lists the article that says the
    # plan "can't be cancelled online": that dead end is the outcome, not the log-in wall
    result = explore(ExploreOptions(url=f"{pages_url}/explore/search-start.html", goal="cancel"))
    assert result.outcome == "blocked", result.reason
    assert [next(iter(s)) for s in result.steps] == ["click", "fill", "press", "click"]
    assert result.steps[1]["fill"] == {"label": "Search help articles", "exact": True, "value": "cancel"}
    assert result.steps[2]["press"]["key"] == "Enter"
    assert _clicked(result) == ["Help Center", "Cancel your monitoring plan"]
    assert "cancelled online" in result.blocked
    assert sum(1 for t in result.tried if t.kind == "search") == 1  # the results page empties the box: searched once
