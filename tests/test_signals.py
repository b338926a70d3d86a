"""Ctrl-C and SIGTERM (a CI job cancelled) in the middle of a journey: the journey in flight is ``error``
(interrupted), the finished one is kept, results.json and the report are written, stderr says what was
interrupted, and the exit status is 130 or 143. Sent to the process, or to its process group, where Chromium
and the Playwright driver get the signal too and may die of it first. These need a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import ROOT, ctrl_c_reaches_it

QUICK = "name: quick\ngoal: cancel\nstart: /_fault/ok\nsteps:\n  - click: Continue\nsuccess: {text: completed}\n"
SLOW = ("name: slow\ngoal: cancel\ntimeouts: {step: 60}\nstart: /_fault/ok\n"
        "steps:\n  - wait_for: {text: never appears}\nsuccess: {text: completed}\n")
STATUS = {"SIGINT": 130, "SIGTERM": 143}


@pytest.fixture(scope="module")
def faults_url():
    from cxaudit.demo.server import DemoServer

    with DemoServer(faults=True) as server:
        yield server.base_url


def _own_group() -> None:
    """The child's own process group (so that a signal to the group reaches it, Chromium and the driver, and
    not this test), with Ctrl-C's default action (see ctrl_c_reaches_it)."""
    ctrl_c_reaches_it()
    os.setpgrp()


def _saved_with_quick_done(out: Path, deadline: float) -> Path:
    while time.monotonic() < deadline:
        for found in out.glob("*/results.json"):
            if '"outcome": "completed"' in found.read_text():
                return found
        time.sleep(0.1)
    raise AssertionError("the quick journey never finished")


@pytest.mark.browser
@pytest.mark.parametrize("to", ["process", "group"])
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_signal_mid_journey_keeps_everything_and_says_what_it_stopped(sig, to, tmp_path, faults_url):
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / "a-quick.yaml").write_text(QUICK)
    (tmp_path / "j" / "b-slow.yaml").write_text(SLOW)
    proc = subprocess.Popen([sys.executable, "-m", "cxaudit.cli", "run", str(tmp_path / "j"), "--base-url", faults_url,
                             "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=_own_group)
    try:
        results = _saved_with_quick_done(tmp_path / "out", time.monotonic() + 90)
        time.sleep(1.5)  # the slow journey has started: it opens its start page, then waits
        number = getattr(signal, sig)
        if to == "group":
            os.killpg(proc.pid, number)
        else:
            proc.send_signal(number)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == STATUS[sig], err
    assert "Traceback" not in err and "never retrieved" not in err
    [line] = err.splitlines()  # --quiet: only the one line that says what was interrupted
    assert line.startswith(f"cxaudit: interrupted by {sig}") and "b-slow at step" in line, line
    assert "1 finished journey(s) kept" in line and str(results.parent) in line
    run = json.loads(results.read_text())
    quick, slow = run["journeys"]
    assert quick["outcome"] == "completed"
    assert slow["outcome"] == "error" and slow["error"]["kind"] == "interrupted", slow["error"]
    assert slow["error"]["reason"].startswith("interrupted before the journey finished")
    assert slow["error"]["url"].endswith("/_fault/ok")
    assert slow["steps"] and slow["score"]["score"] is None and quick["score"]["score"] is not None  # judged, then saved
    assert (results.parent / "report.html").is_file()
    assert out.splitlines() == [str(results.parent), str(results.parent / "report.html")]


def test_the_stop_leaves_an_ignored_signal_ignored_and_puts_the_handlers_back():
    import asyncio

    from cxaudit.record.runner import StopOnSignal

    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)

    async def watch_and_stop(ignore_term: bool) -> tuple[str | None, bool]:
        if ignore_term:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        work = asyncio.ensure_future(asyncio.sleep(30))
        stop = StopOnSignal().watch(work)
        os.kill(os.getpid(), signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.shield(work), 2)
        except (asyncio.CancelledError, TimeoutError):
            pass
        stop.restore()
        cancelled = work.cancelled()
        work.cancel()
        return stop.received, cancelled

    try:
        assert asyncio.run(watch_and_stop(False)) == ("SIGTERM", True)
        assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
        assert asyncio.run(watch_and_stop(True)) == (None, False)  # ignored (nohup, a background job): still ignored
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, before[1])
