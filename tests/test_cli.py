"""The command line: exit statuses, stdout for data and stderr for people, errors without tracebacks. In this
process through the error boundary (cli_run.cx), except where the test is about a real process (cx_process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import ROOT, ctrl_c_reaches_it, cx, cx_process

GOOD = """name: fixture
goal: cancel
start: /gate-optional.html
steps:
  - click: {role: button, name: Continue}
success: {text: Your request has been completed}
"""


def test_help_lists_every_command():
    proc = cx("--help")
    assert proc.returncode == 0
    for command in ("run", "demo", "validate", "install-browser", "schema"):
        assert command in proc.stdout


def test_version():
    proc = cx("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("cxaudit ")


def test_validate_shipped_journeys():
    proc = cx("validate", "journeys")
    assert proc.returncode == 0, proc.stderr
    assert "journey file(s) valid" in proc.stdout


def test_unknown_option_is_a_usage_error():
    proc = cx_process("run", "journeys/demo", "--wrokers", "2")  # a real process: its exit status
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_bad_device_is_a_usage_error(tmp_path):
    (tmp_path / "j.yaml").write_text(GOOD)
    proc = cx("run", str(tmp_path / "j.yaml"), "--device", "tablet", "--base-url", "http://127.0.0.1:9")
    assert proc.returncode == 2 and "desktop or mobile" in proc.stderr


@pytest.mark.browser  # the run starts the browser before it resolves the journeys' start URLs
def test_path_start_needs_a_base_url(tmp_path):
    (tmp_path / "j.yaml").write_text(GOOD)
    proc = cx("run", str(tmp_path / "j.yaml"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "no base URL was given" in proc.stderr and "Tip: pass --base-url" in proc.stderr


def test_no_browser_found_is_status_3_with_install_tip(tmp_path):
    (tmp_path / "j.yaml").write_text(GOOD)
    proc = cx_process("run", str(tmp_path / "j.yaml"), "--base-url", "http://127.0.0.1:9", "--out", str(tmp_path),
                      env={"CXAUDIT_BROWSER": str(tmp_path / "no-such-chrome")}, entry_point=True)  # the installed command
    assert proc.returncode == 3
    assert "no executable file there" in proc.stderr and "apt-get install -y chromium" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_internal_error_is_status_4_in_one_line(monkeypatch):
    """A bug in cxaudit is not a failing site (3): CI can tell "the tool broke" from "the site failed"."""
    import cxaudit.results.model

    def broken():
        raise RuntimeError("boom\n  at the second line")

    monkeypatch.setattr(cxaudit.results.model, "json_schema", broken)
    proc = cx("schema")
    assert proc.returncode == 4 and proc.stdout == ""
    assert proc.stderr.splitlines() == ["cxaudit: internal error: RuntimeError: boom at the second line "
                                        "(a bug in cxaudit: rerun with --traceback and report it)"]
    with pytest.raises(RuntimeError, match="boom"):  # --traceback: the Python traceback instead
        cx("--traceback", "schema")


def test_schema_is_json():
    proc = cx("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"].startswith("cxaudit results") and "journeys" in schema["properties"]


@pytest.mark.browser
def test_run_prints_folder_on_stdout_and_summary_on_stderr(tmp_path, pages_url):
    (tmp_path / "j.yaml").write_text(GOOD)
    proc = cx("run", str(tmp_path / "j.yaml"), "--base-url", pages_url, "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    folder = Path(proc.stdout.splitlines()[0])
    assert folder.parent == tmp_path / "out" and (folder / "results.json").is_file()
    assert "completed" in proc.stderr and "results:" in proc.stderr


@pytest.mark.browser
def test_json_output_and_error_status(tmp_path, pages_url):
    (tmp_path / "ok.yaml").write_text(GOOD)
    (tmp_path / "bad.yaml").write_text(GOOD.replace("name: Continue", "name: Nowhere").replace("steps:", "timeouts: {step: 1}\nsteps:"))
    proc = cx("run", str(tmp_path), "--base-url", pages_url, "--out", str(tmp_path / "out"), "--json", "--quiet")
    assert proc.returncode == 3  # a journey ended in error
    assert proc.stderr == ""
    run = json.loads(proc.stdout)
    outcomes = {j["id"]: j["outcome"] for j in run["journeys"]}
    assert outcomes == {"bad": "error", "ok": "completed"}  # the other journey's results are kept
    bad = next(j for j in run["journeys"] if j["id"] == "bad")
    assert bad["error"]["step"] == 1 and "Nowhere" in bad["error"]["reason"]


def test_demo_serve_serves_the_demo_site_on_loopback():
    import signal
    import time
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "cxaudit.cli", "demo", "--serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=ctrl_c_reaches_it)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as resp:
                    page = resp.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert "streamline" in page.lower() and "funknetz" in page.lower()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
    assert proc.returncode == 130


def test_shipped_json_schema_is_current():
    from cxaudit.results.model import SCHEMA_FILE, json_schema

    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == json_schema(), "run: python scripts/update_schema.py"


@pytest.mark.browser
def test_ctrl_c_keeps_finished_journeys_and_marks_the_running_one(tmp_path, pages_url):
    import signal
    import time

    (tmp_path / "a-quick.yaml").write_text(GOOD)
    (tmp_path / "b-slow.yaml").write_text(GOOD.replace("steps:", "timeouts: {step: 60}\nsteps:\n  - wait_for: {text: never appears}"))
    proc = subprocess.Popen([sys.executable, "-m", "cxaudit.cli", "run", str(tmp_path), "--base-url", pages_url,
                             "--out", str(tmp_path / "out"), "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=ctrl_c_reaches_it)
    results = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the quick journey is saved and the slow one runs
        found = list((tmp_path / "out").glob("*/results.json"))
        if found and '"outcome": "completed"' in found[0].read_text():
            results = found[0]
            break
        time.sleep(0.2)
    assert results is not None
    time.sleep(5)  # the slow journey opens its start page, then waits for text that never comes
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    run = json.loads(results.read_text())
    quick, slow = run["journeys"]
    assert quick["outcome"] == "completed"
    assert slow["outcome"] == "error" and slow["error"]["kind"] == "interrupted"
    assert slow["steps"] and slow["steps"][0]["status"] == "ok"  # the start page it had reached is kept


@pytest.mark.browser
def test_resume_runs_only_what_is_not_finished(tmp_path, pages_url):
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / "a.yaml").write_text(GOOD)
    (tmp_path / "j" / "b.yaml").write_text(GOOD.replace("name: fixture", "name: second"))
    first = cx("run", str(tmp_path / "j"), "--base-url", pages_url, "--out", str(tmp_path / "out"), "--quiet")
    folder = Path(first.stdout.splitlines()[0])
    results = json.loads((folder / "results.json").read_text())
    # pretend the run was interrupted while running b
    results["journeys"][1].update(outcome="pending", steps=[])
    stamp = results["journeys"][0]["finished_at"] = "2000-01-01T00:00:00+00:00"
    (folder / "results.json").write_text(json.dumps(results))
    again = cx("run", str(tmp_path / "j"), "--base-url", pages_url, "--resume", str(folder), "--quiet")
    assert again.returncode == 0, again.stderr
    assert Path(again.stdout.splitlines()[0]) == folder  # the same run folder
    resumed = json.loads((folder / "results.json").read_text())
    a, b = resumed["journeys"]
    assert a["finished_at"] == stamp  # kept, not redone
    assert b["outcome"] == "completed" and b["steps"]
    assert resumed["options"]["resumed"] == ["a"]


@pytest.mark.browser
def test_user_agent_suffix_and_delay(tmp_path, pages_url):
    (tmp_path / "j.yaml").write_text(GOOD.replace("steps:", "steps:\n  - expect: {text: Tell us why}"))
    proc = cx("run", str(tmp_path / "j.yaml"), "--base-url", pages_url, "--out", str(tmp_path / "out"), "--json",
              "--quiet", "--delay", "0.3", "--per-host", "1", "--user-agent-suffix", "acme-audit/2")
    assert proc.returncode == 0, proc.stderr
    run = json.loads(proc.stdout)
    steps = run["journeys"][0]["steps"]
    assert steps[2]["started_s"] - steps[1]["started_s"] >= 0.3
    assert run["options"]["delay"] == 0.3 and run["options"]["per_host"] == 1


def test_checks_lists_the_catalogue_in_both_languages(tmp_path):
    en = cx("checks", env={"COLUMNS": "200"})
    assert en.returncode == 0 and "CX101" in en.stdout and "mandatory_exit_survey" in en.stdout
    de = cx("checks", "--lang", "de", "--json")
    specs = json.loads(de.stdout)
    assert len(specs) >= 20 and all(s["title"]["de"] for s in specs)
    over = tmp_path / "over"
    over.mkdir()
    (over / "too_many_actions.yaml").write_text("id: too_many_actions\ncurve: {p10: 1, median: 3}\n")
    (over / "broken.yaml").write_text("id: broken\ncode: CX999\n")
    bad = cx("checks", "--checks", str(over))
    assert bad.returncode == 2 and "broken.yaml" in bad.stderr and "Traceback" not in bad.stderr


def test_help_does_not_import_the_heavy_stack():
    code = ("import sys, cxaudit.cli as c\n"
            "try:\n    c.app(args=['--help'], prog_name='cxaudit', standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('playwright', 'pandas', 'pydantic', 'yaml', 'jinja2', 'langdetect') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY=\n" in proc.stderr, proc.stderr
