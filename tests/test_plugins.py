"""Plugins: detectors and report writers of other packages, found through entry points (checks/README.md).

A package is "installed" here the way importlib.metadata sees an installed package: its files on sys.path
beside a NAME-VERSION.dist-info folder holding METADATA and entry_points.txt. Nothing is pip-installed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from cxaudit.cli import main
from cxaudit.errors import CxauditError
from cxaudit.judge.detectors.base import REGISTRY
from cxaudit.judge.engine import load_detectors
from cxaudit.report import render
from cxaudit.results.model import FilledValue, JourneyMetrics, JourneyResult, RunResult, StepRecord

ROOT = Path(__file__).resolve().parents[1]
SECTION = (ROOT / "checks" / "README.md").read_text(encoding="utf-8").split("## Plugins", 1)[1]


def dist_info(site: Path, name: str, version: str, entry_points: dict[str, dict[str, str]]) -> None:
    """What pip leaves in site-packages for cxaudit to see: NAME-VERSION.dist-info with the entry points."""
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    groups = [f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in eps.items()) for group, eps in entry_points.items()]
    (folder / "entry_points.txt").write_text("\n".join(groups), encoding="utf-8")


def plugin(site: Path, name: str, modules: dict[str, str], entry_points: dict[str, dict[str, str]]) -> Path:
    """A plugin package of modules (dotted name -> source) installed into ``site``."""
    for module, source in modules.items():
        path = site / (module.replace(".", "/") + ".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    dist_info(site, name, "0.1", entry_points)
    return site


def readme_example() -> dict[str, str]:
    """The worked example's files: the code blocks of the section whose first line is ``# their path``."""
    files = {}
    for body in re.findall(r"```(?:python|yaml|toml)\n(.*?)```", SECTION, flags=re.S):
        first = body.splitlines()[0]
        if first.startswith("# "):
            files[first[2:].strip()] = body
    return files


def saved_run(folder: Path) -> Path:
    """A recorded, not yet judged run: one journey types on http://, one on https://, one types nothing."""
    def journey(jid: str, url: str, typed: bool) -> JourneyResult:
        filled = [FilledValue(label="Email", value="***", secret=True, characters=9)] if typed else []
        steps = [StepRecord(index=0, type="start", description="start", url_after=url),
                 StepRecord(index=1, type="fill", description="fill Email", url_before=url, url_after=url,
                            actions=1, filled=filled)]
        return JourneyResult(id=jid, name=jid, goal="cancel", site=jid.split("-")[0], language="en", device="desktop",
                             file=f"journeys/{jid}.yaml", start_url=url, outcome="completed", steps=steps,
                             metrics=JourneyMetrics(actions=1, pages=1, duration_s=1.0))
    run = RunResult(run_id="saved", started_at="2026-01-01T00:00:00+00:00", base_url="http://shop.example",
                    journeys=[journey("shop-cancel", "http://shop.example/account", True),
                              journey("bank-cancel", "https://bank.example/account", True),
                              journey("news-cancel", "http://news.example/account", False)])
    run.write(folder)
    return folder


def cxaudit(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    return subprocess.run([sys.executable, "-m", "cxaudit.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_the_readme_example_works_for_real(tmp_path):
    files = readme_example()
    assert {"pyproject.toml", "cxaudit_https/detectors.py", "cxaudit_https/summary.py",
            "checks/form_without_https.yaml"} <= set(files)
    project = tomllib.loads(files.pop("pyproject.toml"))["project"]
    source = tmp_path / "cxaudit-https"
    site = tmp_path / "site"
    for path, text in files.items():
        target = (site if path.endswith(".py") else source) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    dist_info(site, project["name"], project["version"], project["entry-points"])
    checks, run = source / "checks", saved_run(tmp_path / "run")

    listed = cxaudit(site, "checks", "--checks", str(checks), "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert {"id": "form_without_https", "code": "CX901"}.items() <= next(
        c for c in json.loads(listed.stdout) if c["id"] == "form_without_https").items()

    judged = cxaudit(site, "rescore", str(run), "--checks", str(checks), "--json", "-q", cwd=tmp_path)
    assert judged.returncode == 0, judged.stderr
    verdicts = {j["id"]: next(c for c in j["checks"] if c["id"] == "form_without_https") for j in json.loads(judged.stdout)["journeys"]}
    assert {jid: c["status"] for jid, c in verdicts.items()} == {
        "shop-cancel": "fail", "bank-cancel": "pass", "news-cancel": "not_applicable"}
    finding = verdicts["shop-cancel"]["findings"][0]
    assert (finding["step"], finding["words"]) == (1, "Email")
    assert finding["note"] == "typed on http://shop.example/account, without HTTPS"

    reported = cxaudit(site, "report", str(run), "--format", "md,summary", cwd=tmp_path)
    assert reported.returncode == 0, reported.stderr
    assert reported.stdout.splitlines() == [str(run / "report.md"), str(run / "summary.txt")]
    summary = dict(line.split(": ", 1) for line in (run / "summary.txt").read_text(encoding="utf-8").splitlines())
    assert list(summary) == ["shop-cancel", "bank-cancel", "news-cancel"]
    assert "CX901" in summary["shop-cancel"].split() and "CX901" not in summary["bank-cancel"]
    # the report found the check folder the run was judged with: the new check's own words
    assert "Personal data typed on a page without HTTPS" in (run / "report.md").read_text(encoding="utf-8")


def test_a_broken_detector_plugin_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    site = plugin(tmp_path, "cxaudit-broken", {}, {"cxaudit.detectors": {"broken": "cxaudit_no_such_module"}})
    monkeypatch.syspath_prepend(str(site))
    assert main(["checks"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "cxaudit: error: detector plugin 'broken' (cxaudit_no_such_module, from cxaudit-broken 0.1) cannot be "
        "loaded: ModuleNotFoundError: No module named 'cxaudit_no_such_module'",
        "Tip: fix cxaudit-broken or uninstall it (pip uninstall cxaudit-broken); its entry point is in the group "
        "cxaudit.detectors",
    ]


def test_a_plugin_that_fails_halfway_leaves_no_detector_behind(tmp_path, monkeypatch):
    source = ("from cxaudit.judge.detectors.base import Detection, detector\n\n"
              "@detector('halfway_registered')\ndef first(journey, ctx):\n    return Detection(score=1.0)\n\n"
              "raise RuntimeError('the config file of this plugin is missing')\n")
    site = plugin(tmp_path, "cxaudit-halfway", {"cxaudit_halfway": source},
                  {"cxaudit.detectors": {"halfway": "cxaudit_halfway"}})
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(CxauditError, match=r"^detector plugin 'halfway' \(cxaudit_halfway, from cxaudit-halfway 0.1\) "
                                           r"cannot be loaded: RuntimeError: the config file of this plugin is missing$"):
        load_detectors()
    assert "halfway_registered" not in REGISTRY


def test_a_plugin_detector_cannot_take_the_name_of_ours(tmp_path, monkeypatch):
    ours = sorted(load_detectors())[0]
    source = f"from cxaudit.judge.detectors.base import detector\n\n@detector({ours!r})\ndef mine(journey, ctx):\n    pass\n"
    site = plugin(tmp_path, "cxaudit-clash", {"cxaudit_clash": source}, {"cxaudit.detectors": {"clash": "cxaudit_clash"}})
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(CxauditError) as err:
        load_detectors()
    assert f"ValueError: detector {ours} registered twice: by {REGISTRY[ours].__module__} and cxaudit_clash" in err.value.message
    assert REGISTRY[ours].__module__.startswith("cxaudit.judge.detectors")


WRITERS = """\
from cxaudit.report import Writer


def count(target):
    target.paths[0].write_text(str(len(target.run.journeys)), encoding="utf-8")
    return target.paths


def html_size(target):
    target.paths[0].write_text(str(len(target.html.read_text(encoding="utf-8")) > 0), encoding="utf-8")
    return target.paths


def crash(target):
    return 1 / 0


count_writer = Writer(name="count", files=("count{sfx}.txt",), write=count)
html_writer = Writer(name="htmlsize", files=("htmlsize.txt",), write=html_size, needs_html=True)
crash_writer = Writer(name="crash", files=("crash.txt",), write=crash)
misnamed = Writer(name="other", files=("other.txt",), write=count)
not_a_writer = count
"""


@pytest.fixture
def writers(tmp_path, monkeypatch):
    module = "cxaudit_writers_" + re.sub(r"\W", "_", tmp_path.name)  # one module per test: no state between tests
    eps = {"count": "count_writer", "htmlsize": "html_writer", "crash": "crash_writer", "misnamed": "misnamed",
           "plain": "not_a_writer", "missing": "no_such_object"}
    site = plugin(tmp_path / "site", "cxaudit-writers", {module: WRITERS},
                  {"cxaudit.reporters": {name: f"{module}:{obj}" for name, obj in eps.items()}})
    monkeypatch.syspath_prepend(str(site))
    run = RunResult(run_id="r", started_at="2026-01-01T00:00:00+00:00", journeys=[])
    yield run, tmp_path / "out", module
    sys.modules.pop(module, None)


def test_a_plugin_format_is_written_in_the_order_asked(writers):
    run, out, _ = writers
    assert render(run, out, ["count", "md", "count"], lang="de") == [out / "count.de.txt", out / "report.de.md"]
    assert (out / "count.de.txt").read_text(encoding="utf-8") == "0"


def test_a_plugin_format_that_needs_the_html_gets_it_and_leaves_no_temporary(writers):
    run, out, _ = writers
    assert render(run, out, ["htmlsize"]) == [out / "htmlsize.txt"]
    assert (out / "htmlsize.txt").read_text(encoding="utf-8") == "True"
    assert sorted(p.name for p in out.iterdir()) == ["htmlsize.txt"]


def test_unknown_formats_name_the_plugins_formats_too(writers):
    run, out, _ = writers
    with pytest.raises(CxauditError, match="^unknown report format[(]s[)]: docx$") as err:
        render(run, out, ["docx"])
    assert err.value.tip == "choose from html, json, pdf, csv, xlsx, junit, md, count, crash, htmlsize, misnamed, missing, plain"


@pytest.mark.parametrize(("fmt", "problem"), [
    ("plain", r"is a function, not a cxaudit\.report\.Writer\(name, files, write\)"),
    ("misnamed", "names its format 'other': name the entry point the same"),
    ("missing", "cannot be loaded: AttributeError: .*no_such_object"),
    ("crash", "failed: ZeroDivisionError: division by zero"),
])
def test_a_broken_writer_plugin_is_one_clear_error(writers, fmt, problem):
    run, out, module = writers
    with pytest.raises(CxauditError, match=rf"^report writer plugin '{fmt}' \({module}:\w+, from cxaudit-writers 0.1\) "
                                           rf"{problem}") as err:
        render(run, out, [fmt])
    assert err.value.tip == ("fix cxaudit-writers or uninstall it (pip uninstall cxaudit-writers); its entry point is "
                             "in the group cxaudit.reporters")
    assert "\n" not in err.value.message


def test_the_report_command_exits_2_on_a_broken_writer(writers, capsys):
    run, out, _ = writers
    run.write(out)
    assert main(["report", str(out), "--format", "plain"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("cxaudit: error: report writer plugin 'plain' (") and err[1].startswith("Tip: ")
