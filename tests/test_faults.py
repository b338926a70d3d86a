"""Faults and hostile pages: every fault ends its own journey with a reason a person understands, bounded in
time, while the other journeys' results, results.json and the report are kept. Full disks, a killed browser
and runs started at once into one folder lose nothing either."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import cx
from test_cli import GOOD  # a journey on the fixture pages that completes

from cxaudit.journey import parse_journey
from cxaudit.record.runner import RunOptions, run_journeys
from cxaudit.record.session import MAX_DIALOGS, MAX_POPUPS, MAX_SCREENSHOT_HEIGHT
from cxaudit.results.model import RunResult, load_run
from cxaudit.words.notes import render

ROOT = Path(__file__).resolve().parent.parent
TIMEOUTS = "timeouts: {step: 2, navigation: 5, journey: 20}\n"
HEALTHY = f"name: healthy\ngoal: cancel\n{TIMEOUTS}start: /_fault/ok\nsteps:\n  - click: Continue\nsuccess: {{text: completed}}\n"
CONTINUE = "steps:\n  - click: Continue\n"
CHAT = """steps:
  - chat:
      input: {placeholder: Type your message}
      send: {role: button, name: Send}
      replies: .msg.bot
      messages: [I want to cancel, A human please]
      reply_timeout: 1
"""


@pytest.fixture(scope="module")
def faults_url():
    from cxaudit.demo.server import DemoServer

    with DemoServer(faults=True) as server:
        yield server.base_url


def fault_journey(fault: str, body: str) -> str:
    return f"name: fault {fault}\ngoal: cancel\n{TIMEOUTS}{body}success: {{text: completed}}\n"


def run_pair(tmp_path: Path, base_url: str, yaml_text: str):
    """The faulty journey and a healthy one, side by side; the run judged and its HTML report rendered."""
    from cxaudit.judge.engine import judge_run
    from cxaudit.report import render

    faulty = parse_journey(yaml_text, "fault.yaml").model_copy(update={"id": "fault"})
    healthy = parse_journey(HEALTHY, "healthy.yaml").model_copy(update={"id": "healthy"})
    started = time.monotonic()
    run, folder = run_journeys([faulty, healthy], RunOptions(base_url=base_url, out=tmp_path, workers=2))
    assert time.monotonic() - started < 45
    fault, ok = run.journeys
    assert ok.outcome == "completed", ok.error  # the other journey's results are kept
    saved = load_run(folder)  # valid on disk, both journeys in it
    assert [j.outcome for j in saved.journeys] == [fault.outcome, "completed"]
    judge_run(run)
    [report] = render(run, folder, ["html"])
    assert report.is_file() and "fault" in report.read_text(encoding="utf-8")
    return fault, folder


ERRORS = {  # fault: (journey body, step, reason words, URL ending, the same in a German report)
    "500": ("start: /_fault/to/500\n" + CONTINUE, 1, ["the page answered HTTP 500", "list 500 under allow_http"],
            "/_fault/500", ["die Seite antwortete mit HTTP 500", "500 unter allow_http eintragen"]),
    "500-start": ("start: /_fault/500\n" + CONTINUE, 0, ["the page answered HTTP 500"], "/_fault/500",  # its link leads on
                  ["die Seite antwortete mit HTTP 500"]),
    "503": ("start: /_fault/to/503\n" + CONTINUE + "  - click: Confirm\n", 1, ["the page answered HTTP 503"],
            "/_fault/503", ["die Seite antwortete mit HTTP 503"]),
    "stall": ("start: /_fault/to/stall\n" + CONTINUE, 1, ["the page did not finish loading within 5 s"], "/_fault/stall",
              ["die Seite war nach 5 s nicht fertig geladen"]),
    "stall-image": ("start: /_fault/to/stall-image\n" + CONTINUE, 1, ["the page did not finish loading within 5 s"],
                    "/_fault/stall-image", ["die Seite war nach 5 s nicht fertig geladen"]),
    "stall-start": ("start: /_fault/stall\n" + CONTINUE, 0, ["the page did not finish loading within 5 s"],
                    "/_fault/stall", ["die Seite war nach 5 s nicht fertig geladen"]),
    "loop": ("start: /_fault/to/loop\n" + CONTINUE, 1, ["the page redirects in a loop"], "/_fault/loop",
             ["die Seite leitet im Kreis weiter"]),
    "modal": ("start: /_fault/modal\nsteps:\n  - dismiss: Close\n  - click: Continue\n", 2,
              ["'Continue' is covered by another element"], "/_fault/modal",
              ["„Continue“ ist von einem anderen Element verdeckt"]),
    "chat": ("start: /_fault/chat\n" + CHAT, 1, ["the chat bot did not answer 2 of 2 message(s) within 1 s"],
             "/_fault/chat", ["der Chatbot beantwortete 2 von 2 Nachricht(en) nicht binnen 1 s"]),
}


@pytest.mark.browser
@pytest.mark.parametrize("fault", list(ERRORS))
def test_fault_ends_its_journey_with_a_reason(fault, tmp_path, faults_url):
    body, step, words, url_end, german = ERRORS[fault]
    result, folder = run_pair(tmp_path, faults_url, fault_journey(fault, body))
    assert result.outcome == "error"
    err = result.error
    assert err.step == step, err
    assert err.url.endswith(url_end), err
    for w in words:
        assert w in err.reason, err.reason
    assert "Traceback" not in err.reason and len(err.reason) < 400
    # the reason is kept as keys and figures too: the English is worded from them, and a German report words it in German
    assert render([p.model_dump() for p in err.reason_parts], "en") == err.reason
    for w in german:
        assert w in render([p.model_dump() for p in err.reason_parts], "de")
    if step is not None:  # the failing step is recorded with its screenshot
        assert result.steps[step].status == ("ok" if fault == "chat" else "failed")
        assert result.steps[step].screenshot and (folder / result.steps[step].screenshot).is_file()


@pytest.mark.browser
@pytest.mark.parametrize(("fault", "kind", "limit"), [("alert-flood", "dialog", MAX_DIALOGS), ("popups", "popup", MAX_POPUPS)])
def test_floods_of_dialogs_and_popups_are_bounded(fault, kind, limit, tmp_path, faults_url):
    body = f"start: /_fault/to/{fault}\n" + CONTINUE + "  - click: Continue\n"
    result, _ = run_pair(tmp_path, faults_url, fault_journey(fault, body))
    # the page is usable once its flood is switched off, as Chrome's "prevent additional dialogs" and its
    # pop-up blocker would let a person go on
    assert result.outcome == "completed", result.error
    seen = [d for s in result.steps for d in s.dialogs if d.startswith("popup:") == (kind == "popup")]
    assert limit <= len(seen) <= limit + 1
    assert f"the page opened more than {limit} {kind}s" in seen[-1]
    assert result.metrics.duration_s < 15


@pytest.mark.browser
def test_a_page_that_grows_without_end_is_clipped_and_bounded(tmp_path, faults_url):
    from PIL import Image

    body = "start: /_fault/grow\nsteps:\n  - wait_for: {text: More news 300}\n  - click: Continue\n"
    result, folder = run_pair(tmp_path, faults_url, fault_journey("grow", body))
    assert result.outcome == "completed", result.error
    grown = result.steps[1]
    assert grown.observation.document.height > MAX_SCREENSHOT_HEIGHT
    with Image.open(folder / grown.screenshot) as im:
        assert im.height <= MAX_SCREENSHOT_HEIGHT
    assert len(grown.observation.text_blocks) <= 400 and len(grown.observation.elements) <= 600


@pytest.mark.browser
def test_cli_exit_status_3_report_written_and_healthy_journey_kept(tmp_path, faults_url):
    folder = tmp_path / "j"
    folder.mkdir()
    (folder / "a-healthy.yaml").write_text(HEALTHY)
    for fault in ("500", "loop", "stall"):
        (folder / f"fault-{fault}.yaml").write_text(fault_journey(fault, ERRORS[fault][0]))
    proc = cx("run", str(folder), "--base-url", faults_url, "--out", str(tmp_path / "out"), "--workers", "4", "--quiet")
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    run_folder = Path(proc.stdout.splitlines()[0])
    assert (run_folder / "report.html").is_file()
    outcomes = {j.id: j.outcome for j in load_run(run_folder).journeys}
    assert outcomes == {"a-healthy": "completed", "fault-500": "error", "fault-loop": "error", "fault-stall": "error"}


def test_fault_pages_only_with_faults_on():
    import urllib.error
    import urllib.request

    from cxaudit.demo.server import DemoServer

    with DemoServer() as plain, pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(plain.base_url + "/_fault/", timeout=5)
    assert missing.value.code == 404
    with DemoServer(faults=True) as server:
        started = time.monotonic()
        with pytest.raises(OSError):  # the stalled body: the read times out, the server goes on
            urllib.request.urlopen(server.base_url + "/_fault/stall", timeout=1).read()
        with urllib.request.urlopen(server.base_url + "/_fault/", timeout=5) as resp:
            assert "redirect loop" in resp.read().decode()
    assert time.monotonic() - started < 10  # stopping the server ends the stall


# ------------------------------------------------------------------ the browser killed mid-run
def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _browser_pid(root: int) -> int | None:
    """The browser process Playwright started below ``root``: its executable is a Chromium, it talks over
    the debugging pipe, and it is not one of its renderers or helpers (those have --type=)."""
    for pid in _descendants(root):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            exe = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            continue
        if ("chrom" in Path(exe).name and b"--remote-debugging-pipe" in argv
                and not any(a.startswith(b"--type=") for a in argv)):
            return pid
    return None


@pytest.mark.browser
def test_browser_killed_mid_run_keeps_finished_journeys(tmp_path, pages_url):
    jdir = tmp_path / "j"
    jdir.mkdir()
    (jdir / "a-quick.yaml").write_text(GOOD)
    (jdir / "b-slow.yaml").write_text(GOOD.replace("steps:", "timeouts: {step: 10}\nsteps:\n  - wait_for: {text: never appears}"))
    (jdir / "c-later.yaml").write_text(GOOD)
    proc = subprocess.Popen([sys.executable, "-m", "cxaudit.cli", "run", str(jdir), "--base-url", pages_url,
                             "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        results = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and results is None:
            for found in (tmp_path / "out").glob("*/results.json"):
                if '"outcome": "completed"' in found.read_text():
                    results = found
            time.sleep(0.2)
        assert results is not None
        time.sleep(3)  # the slow journey is on its start page, waiting
        pid = _browser_pid(proc.pid)
        assert pid is not None, "no browser process found"
        os.kill(pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 3, err
    assert "Traceback" not in err
    run = load_run(results)  # valid
    quick, slow, later = run.journeys
    assert quick.outcome == "completed"
    assert slow.outcome == "error" and slow.error.kind == "browser"
    assert "the browser went away during this journey" in slow.error.reason and slow.error.step == 1
    assert later.outcome == "error" and "before this journey started" in later.error.reason
    assert (results.parent / "report.html").is_file()
    # --resume runs what the browser's death cut short, and keeps the rest
    again = cx("run", str(jdir), "--base-url", pages_url, "--resume", str(results.parent), "--quiet")
    assert again.returncode == 3, again.stderr  # b-slow now fails on its own: its text never appears
    quick2, slow2, later2 = load_run(results).journeys
    assert quick2.finished_at == quick.finished_at and later2.outcome == "completed"
    assert slow2.error.kind == "step" and "never appears" in slow2.error.reason


# ------------------------------------------------------------------ full disk, atomic writes, concurrent runs
def _full_disk(monkeypatch):
    def no_space(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", no_space)
    monkeypatch.setattr(Path, "write_bytes", no_space)


def _saved_run(folder: Path) -> RunResult:
    run = RunResult(run_id=folder.name, started_at="2024-01-01T00:00:00+00:00", tool={"name": "cxaudit"})
    run.write(folder)
    return run


def test_full_disk_names_the_file_and_keeps_the_previous_results(tmp_path, monkeypatch):
    from cxaudit.errors import ExitStatus, WriteFailed

    folder = tmp_path / "run"
    run = _saved_run(folder)
    before = (folder / "results.json").read_text()
    run.finished_at = "2024-01-01T00:01:00+00:00"
    _full_disk(monkeypatch)
    with pytest.raises(WriteFailed) as failed:
        run.write(folder)
    assert failed.value.message == f"cannot write {folder / 'results.json'}: no space left on the device"
    assert failed.value.status == ExitStatus.SITE_OR_BROWSER
    monkeypatch.undo()
    assert (folder / "results.json").read_text() == before  # the last complete file stays
    assert sorted(p.name for p in folder.iterdir()) == ["results.json"]  # no temporary file left behind


@pytest.mark.parametrize("command", [["rescore"], ["report", "--format", "html,md,csv,junit"]])
def test_full_disk_is_one_line_and_status_3_without_traceback(command, tmp_path, monkeypatch, capsys):
    from cxaudit.cli import main

    folder = tmp_path / "run"
    _saved_run(folder)
    before = (folder / "results.json").read_text()
    _full_disk(monkeypatch)
    status = main([command[0], str(folder), *command[1:]])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 3, err
    first = err.splitlines()[0]
    assert first.startswith(f"cxaudit: error: cannot write {folder}/") and first.endswith("no space left on the device")
    assert "Traceback" not in err and len(err.splitlines()) == 2  # the message and a Tip
    assert (folder / "results.json").read_text() == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_reports_are_written_atomically(tmp_path):
    from cxaudit.judge.engine import judge_run
    from cxaudit.report import render

    folder = tmp_path / "run"
    run = _saved_run(folder)
    judge_run(run)
    written = render(run, folder, ["html", "md", "csv", "xlsx", "junit"])
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert oct(written[0].stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # an ordinary file, not mkstemp's 0600
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.browser
def test_two_runs_at_once_into_one_out_get_their_own_folders(tmp_path, pages_url):
    (tmp_path / "j.yaml").write_text(GOOD)
    args = [sys.executable, "-m", "cxaudit.cli", "run", str(tmp_path / "j.yaml"), "--base-url", pages_url,
            "--out", str(tmp_path / "out"), "--quiet"]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    folders = {Path(out.splitlines()[0]) for out, _ in outs}
    assert len(folders) == 2 and {f.parent for f in folders} == {tmp_path / "out"}
    for folder in folders:
        run = load_run(folder)
        assert run.run_id == folder.name and [j.outcome for j in run.journeys] == ["completed"]


@pytest.mark.browser
def test_a_run_id_already_taken_is_drawn_again(tmp_path, monkeypatch):
    from cxaudit.record import runner

    taken = tmp_path / "20240101-000000-aaaaaa"
    taken.mkdir()
    (taken / "results.json").write_text("{}")
    ids = iter([taken.name, "20240101-000000-bbbbbb"])
    monkeypatch.setattr(runner, "new_run_id", lambda: next(ids))
    run, folder = run_journeys([], RunOptions(out=tmp_path))
    assert folder.name == run.run_id == "20240101-000000-bbbbbb"
    assert (taken / "results.json").read_text() == "{}"  # the other run's folder is untouched


# ------------------------------------------------------------------ masks
@pytest.mark.browser
def test_mask_selectors_and_password_fields_are_black_in_screenshots(run_yaml, pages_url):
    from PIL import Image, ImageStat

    result, folder = run_yaml("""
name: mask
goal: custom
start: /mask.html
mask: ["#card-number"]
steps:
  - screenshot: {name: payment}
success: {text: Payment details}
""", pages_url)
    assert result.outcome == "completed", result.error
    shots = [folder / s.screenshot for s in result.steps if s.screenshot]
    assert len(shots) == 2

    def mean(im, box):  # the element's box (see mask.html), 4 px inside its edges
        x, y, w, h = box
        return ImageStat.Stat(im.crop((x + 4, y + 4, x + w - 4, y + h - 4))).mean

    for shot in shots:
        with Image.open(shot) as im:
            rgb = im.convert("RGB")
            for box in ((100, 200, 300, 40), (100, 300, 300, 40)):  # #card-number, the password field
                assert max(mean(rgb, box)) < 40, (shot, box, mean(rgb, box))
            r, g, b = mean(rgb, (100, 400, 300, 40))  # the name field is not masked: still yellow
            assert r > 200 and g > 170 and b < 80


@pytest.mark.browser
def test_dns_failure_is_named(run_yaml, pages_url, monkeypatch):
    # Chromium fails the name itself (host-resolver-rules): no DNS query leaves the machine
    monkeypatch.setenv("CXAUDIT_BROWSER_ARGS", "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'")
    result, folder = run_yaml("""
name: dns
goal: cancel
start: /done.html
timeouts: {step: 2, navigation: 5}
steps:
  - goto: http://shop.example.test/account
  - click: Cancel
success: {text: cancelled}
""", pages_url)
    assert result.outcome == "error" and result.error.step == 1
    assert "could not be resolved (DNS)" in result.error.reason
    assert result.error.url == "http://shop.example.test/account"
    assert result.steps[0].status == "ok"  # the page before the failure is kept
