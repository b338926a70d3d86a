"""cxaudit import: a Chrome DevTools Recorder export (tests/fixtures/recordings) as a journey file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_run import cx

from cxaudit.errors import CxauditError
from cxaudit.journey.loader import parse_journey
from cxaudit.journey.recording import convert, target_of

RECORDING = Path(__file__).resolve().parent.parent / "fixtures" / "recordings" / "streamline-cancel.json"


def test_the_recording_becomes_a_valid_journey_with_aria_targets_first():
    imported = convert(json.loads(RECORDING.read_text(encoding="utf-8")), str(RECORDING))
    journey = imported.journey
    assert journey["start"] == "/streamline/clean/account" and imported.origin == "http://127.0.0.1:8765"
    assert journey["goal"] == "cancel"  # from the title
    first = journey["steps"][0]["click"]
    assert (first["role"], first["name"]) == ("button", "Accept all")
    assert {"text": "Accept all"} in first["fallbacks"] and {"css": "#cookie-accept"} in first["fallbacks"]
    assert len(first["fallbacks"]) == len({json.dumps(f, sort_keys=True) for f in first["fallbacks"]})  # no twice
    assert journey["success"] == {"text": "Your membership has been cancelled"}
    assert imported.skipped and "hover" in imported.skipped[0]
    parse_journey(imported.yaml(), "imported.yaml", need_env=False)


@pytest.mark.parametrize(("selector", "target"), [
    ('aria/Continue[role="link"]', {"role": "link", "name": "Continue"}),
    ("aria/Continue", {"auto": "Continue"}),
    ("text/Kündigen", {"text": "Kündigen"}),
    ("xpath///button[2]", {"css": "xpath=//button[2]"}),
    ("pierce/#go", {"css": "#go"}),
    (["iframe#chat", "aria/Send[role=\"button\"]"], {"role": "button", "name": "Send"}),
])
def test_each_kind_of_recorder_selector(selector, target):
    assert target_of([selector], "x") == target


def test_change_on_a_combobox_is_a_select_and_keys_are_presses():
    data = {"title": "Kündigen", "steps": [
        {"type": "navigate", "url": "https://shop.example/konto"},
        {"type": "change", "value": "Zu teuer", "selectors": [['aria/Grund[role="combobox"]']]},
        {"type": "change", "value": "Erika", "selectors": [["#name"]]},
        {"type": "keyDown", "key": "Enter"}, {"type": "keyUp", "key": "Enter"},
    ]}
    journey = convert(data, "r.json", success="Ihre Kündigung ist eingegangen").journey
    assert journey["steps"] == [{"select": {"role": "combobox", "name": "Grund", "option": "Zu teuer"}},
                                {"fill": {"css": "#name", "value": "Erika"}}, {"press": "Enter"}]
    assert journey["goal"] == "cancel"


def test_without_a_success_signal_it_asks_for_one():
    data = {"title": "x", "steps": [{"type": "navigate", "url": "https://a.example/"},
                                    {"type": "click", "selectors": [["#b"]]}]}
    with pytest.raises(CxauditError, match="does not say what success looks like") as caught:
        convert(data, "r.json")
    assert "--success" in caught.value.tip


def test_bad_files_get_one_line_and_status_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    ran = cx("import", str(bad))
    assert ran.returncode == 2 and f"{bad}:1: not JSON" in ran.stderr and "Traceback" not in ran.stderr
    ran = cx("import", str(tmp_path / "missing.json"))
    assert ran.returncode == 2 and "cannot read the recording" in ran.stderr


@pytest.mark.browser
def test_the_imported_journey_runs_on_the_demo(demo_url, tmp_path):
    out = tmp_path / "journey.yaml"
    ran = cx("import", str(RECORDING), "-o", str(out))
    assert ran.returncode == 0 and ran.stdout.strip() == str(out)
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["steps"]
    run = cx("run", str(out), "--base-url", demo_url, "--out", str(tmp_path), "--json", "--quiet")
    assert run.returncode == 0, run.stderr
    journey = json.loads(run.stdout)["journeys"][0]
    assert journey["outcome"] == "completed" and journey["metrics"]["actions"] == 3
