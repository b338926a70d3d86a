"""The journey file loader: valid files load with shorthands expanded; bad ones give one line naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_run import cx

from cxaudit.errors import JourneyFileErrors
from cxaudit.journey import SECRET_MASK, load_journey, load_journeys, parse_journey

BAD = sorted((Path(__file__).parent / "fixtures" / "bad_journeys").glob("*.yaml"))
ROOT = Path(__file__).resolve().parent.parent


def expectation(path: Path) -> tuple[int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    line, fragment = first.split("expect:", 1)[1].strip().split(":", 1)
    return int(line), fragment.strip()


def test_there_are_at_least_fifteen_bad_files():
    assert len(BAD) >= 15


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_journey_gives_one_line_with_file_and_line(path: Path, monkeypatch):
    monkeypatch.delenv("CXAUDIT_TEST_UNSET_PASSWORD", raising=False)
    line, fragment = expectation(path)
    with pytest.raises(JourneyFileErrors) as info:
        load_journey(path)
    problems = info.value.problems
    assert len(problems) == 1, problems
    assert re.match(rf"^{re.escape(str(path))}:{line}[ :]", problems[0]), problems[0]
    assert fragment in problems[0]
    assert "\n" not in problems[0]


@pytest.mark.parametrize("path", BAD[:5] + BAD[-3:], ids=[p.stem for p in BAD[:5] + BAD[-3:]])
def test_cli_validate_bad_file_no_traceback(path: Path):
    proc = cx("validate", str(path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    line, _ = expectation(path)
    assert f"{path}:{line}" in proc.stderr


MINIMAL = """
name: Cancel
goal: cancel
start: /account
steps:
  - dismiss: Accept all
  - click: {role: link, name: Cancel membership}
    optional: true
  - fill: {label: E-Mail, value: "${CX_TEST_MAIL:-me@example.com}"}
  - press: Enter
  - gate:
      proceed: Continue
      answer:
        - check: {label: Too expensive}
  - chat:
      frame: iframe#chat
      input: {placeholder: Type}
      replies: .bot
      messages: [hi, human please]
success: Your membership has been cancelled
"""


def test_shorthands_expand():
    j = parse_journey(MINIMAL, "mem.yaml")
    assert j.steps[0].type == "dismiss" and j.steps[0].params.auto == "Accept all"
    assert j.steps[1].option("optional") is True
    assert j.steps[3].params.key == "Enter" and j.steps[3].target is None
    assert j.steps[4].params.proceed.auto == "Continue"
    assert j.steps[5].params.frames == ["iframe#chat"]
    assert j.success.text == ["Your membership has been cancelled"]
    assert j.timeouts.step == 10 and j.device == "desktop" and j.language == "auto"


def test_entry_marks_one_click_beside_the_type_key_or_inside_its_target():
    text = MINIMAL.replace("    optional: true\n", "    optional: true\n    entry: true\n")
    j = parse_journey(text, "mem.yaml")
    assert [s.option("entry", False) for s in j.steps] == [False, True, False, False, False, False]
    inside = parse_journey(MINIMAL.replace("name: Cancel membership}", "name: Cancel membership, entry: true}"), "m.yaml")
    assert inside.steps[1].option("entry") is True and inside.steps[1].target.name == "Cancel membership"
    assert parse_journey(MINIMAL, "mem.yaml").steps[1].option("entry", False) is False


def test_env_values_are_secret(monkeypatch):
    monkeypatch.setenv("CX_TEST_MAIL", "secret-mail@example.com")
    j = parse_journey(MINIMAL, "mem.yaml")
    assert j.steps[2].params.value == "secret-mail@example.com"
    assert "secret-mail@example.com" in j.secrets
    assert SECRET_MASK not in j.steps[2].params.value
    # the loader-only fields are excluded from any dump
    assert "secrets" not in j.model_dump()


def test_default_is_used_and_secret(monkeypatch):
    monkeypatch.delenv("CX_TEST_MAIL", raising=False)
    j = parse_journey(MINIMAL, "mem.yaml")
    assert j.steps[2].params.value == "me@example.com" and "me@example.com" in j.secrets


def test_all_problems_across_files_are_collected(tmp_path):
    (tmp_path / "a.yaml").write_text("name: a\ngoal: nope\nstart: /x\nsteps: [{click: X}]\nsuccess: ok\n")
    (tmp_path / "b.yaml").write_text("name: b\ngoal: cancel\nstart: /x\nsteps: [{clck: X}]\nsuccess: ok\n")
    with pytest.raises(JourneyFileErrors) as info:
        load_journeys([tmp_path])
    assert len(info.value.problems) == 2


def test_duplicate_ids_are_made_unique(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "cancel.yaml").write_text("name: c\ngoal: cancel\nstart: /x\nsteps: [{click: X}]\nsuccess: ok\n")
    ids = [j.id for j in load_journeys([tmp_path])]
    assert ids == ["cancel", "cancel-2"]


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(JourneyFileErrors, match="no such file"):
        load_journey(tmp_path / "nope.yaml")
    with pytest.raises(JourneyFileErrors, match="no .yaml journey files"):
        load_journeys([tmp_path])


def test_shipped_journeys_are_valid():
    journeys = load_journeys([ROOT / "journeys"])
    assert len(journeys) >= 10
    goals = {j.goal for j in journeys}
    assert {"cancel", "uninstall", "contact_support", "signup"} <= goals


def test_validate_checks_the_shape_without_the_secrets_and_names_the_variables_a_run_needs(tmp_path, monkeypatch):
    f = tmp_path / "telco.yaml"
    f.write_text("name: t\ngoal: cancel\nstart: /\nsteps:\n  - login:\n      username: {label: User, value: \"${T_USER}\"}\n"
                 "      password: {label: Password, value: \"${T_PASS}\"}\n      submit: Sign in\n"
                 "success: {text: \"${T_DONE:-done}\"}\n")
    checked = cx("validate", str(f), env={"T_USER": "u", "T_PASS": None})
    assert checked.returncode == 0, checked.stderr
    assert f"ok  {f}  (cancel, 1 steps; a run needs T_DONE, T_PASS, T_USER (not set here: T_PASS))" in checked.stderr
    # a run still needs them: the same file loaded for running names the missing one, with its line
    from cxaudit.errors import JourneyFileErrors
    from cxaudit.journey import load_journeys

    monkeypatch.setenv("T_USER", "u")
    monkeypatch.delenv("T_PASS", raising=False)
    with pytest.raises(JourneyFileErrors) as err:
        load_journeys([f])
    assert err.value.problems == [f"{f}:7 steps[0].login.password.value: environment variable T_PASS is not set; "
                                  "export T_PASS=... or write ${T_PASS:-default}"]
    # and a real shape error is still found without the secrets
    f.write_text(f.read_text().replace("submit: Sign in", "submitt: Sign in"))
    bad = cx("validate", str(f), env={"T_USER": None, "T_PASS": None})
    assert bad.returncode == 2 and "submitt" in bad.stderr


def test_a_dialog_step_says_accept_or_dismiss_and_may_name_the_text():
    text = MINIMAL.replace("steps:\n", "steps:\n  - dialog: dismiss\n  - dialog: {action: accept, text: Are you sure, optional: true}\n", 1)
    j = parse_journey(text, "mem.yaml")
    first, second = j.steps[0], j.steps[1]
    assert (first.type, first.params.action, first.params.text) == ("dialog", "dismiss", None)
    assert (second.params.action, second.params.text, second.option("optional")) == ("accept", "Are you sure", True)
