"""How well does ``cxaudit explore`` find the way by itself? One row per scripted journey of a suite.

For each journey file: ``cxaudit run`` the scripted journey (the yardstick: its outcome, actions and failed
checks), then ``cxaudit explore`` from the same start URL with the same goal (and the credentials of the
journey's log-in step, when it has one). Explore's own run folder is already the replay of the journey it
wrote (``cxaudit run RUN/journey.yaml`` semantics), so its outcome is compared with the search's.

    PYTHONPATH=. .venv/bin/python eval/explore_run.py --demo
    PYTHONPATH=. .venv/bin/python eval/explore_run.py --suite eval/unseen9 [--json]

Columns: reached (explore's outcome equals the scripted one), actions (explored / scripted), replay (the
written journey's run ended as the search did), findings (the failed checks are the same set), seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def _cli(args: list[str], env: dict[str, str], timeout: int = 600) -> tuple[int, dict | None, str]:
    from run import cli_env

    proc = subprocess.run([sys.executable, "-m", "cxaudit.cli", *args, "--json", "--quiet"], cwd=ROOT, env=cli_env(env),
                          capture_output=True, text=True, timeout=timeout)
    try:
        return proc.returncode, json.loads(proc.stdout), proc.stderr.strip()
    except json.JSONDecodeError:
        return proc.returncode, None, proc.stderr.strip()


def _fails(journey: dict) -> set[str]:
    return {c["id"] for c in journey.get("checks", []) if c.get("status") == "fail"}


def _login(path: Path, env: dict[str, str]) -> tuple[str | None, str | None]:
    from cxaudit.journey.loader import load_journey

    old = dict(os.environ)
    os.environ.update(env)
    try:
        journey = load_journey(path)
    finally:
        os.environ.clear()
        os.environ.update(old)
    for step in journey.steps:
        if step.type == "login":
            return step.params.username.value, step.params.password.value
    return None, None


def one(path: Path, base_url: str, env: dict[str, str], out: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _, scripted, err = _cli(["run", str(path), "--base-url", base_url, "--out", str(out), "--format", "json"], env)
    s = scripted["journeys"][0] if scripted else {}
    start = base_url.rstrip("/") + "/" + str(data["start"]).lstrip("/")
    user, password = _login(path, env)
    extra = (["--username", user] if user else []) + (["--password", password] if password else [])
    lang = data.get("language", "auto")
    rc, explored, err2 = _cli(["explore", start, "--goal", data["goal"], "--lang", lang, "--out", str(out),
                               "--format", "json", *extra], env)
    e = explored["journeys"][0] if explored else {}
    info = (explored or {}).get("options", {}).get("explored", {})
    return {
        "journey": path.stem, "goal": data["goal"],
        "scripted_outcome": s.get("outcome"), "explored_outcome": e.get("outcome"), "search_outcome": info.get("outcome"),
        "reached": bool(e) and e.get("outcome") == s.get("outcome") and e.get("outcome") in ("completed", "blocked"),
        "actions": (e.get("metrics") or {}).get("actions"), "shortest": (s.get("metrics") or {}).get("actions"),
        "replay": bool(e) and {"completed": "completed", "blocked": "blocked"}.get(info.get("outcome")) == e.get("outcome"),
        "same_findings": bool(e) and e.get("outcome") == s.get("outcome") and _fails(e) == _fails(s),
        "only_scripted": sorted(_fails(s) - _fails(e)), "only_explored": sorted(_fails(e) - _fails(s)),
        "seconds": info.get("seconds"), "tried": info.get("actions_tried"), "error": (err2 or err)[-300:] if not e else "",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", help="an eval suite folder (sites/, journeys/, truth/)")
    ap.add_argument("--demo", action="store_true", help="the shipped demo journeys on the embedded demo site")
    ap.add_argument("--only", help="journey file stems, comma-separated")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="keep the run folders (scripted and explored) under DIR")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cxaudit-explore-eval-") as scratch:
        tmp = args.keep or scratch
        if args.demo:
            from cxaudit.demo.server import DemoServer
            from cxaudit.shipped import demo_journeys

            server, base_url, files, env = DemoServer(), None, sorted(demo_journeys().glob("*.yaml")), {}
            base_url = server.start()
        else:
            from run import load_truths, serve, suite_env

            suite = Path(args.suite).resolve()
            server = serve(suite / "sites")
            base_url = f"http://127.0.0.1:{server.server_address[1]}"
            files, env = sorted((suite / "journeys").glob("*.yaml")), suite_env(load_truths(suite / "truth"))
        try:
            for path in files:
                if args.only and path.stem not in args.only.split(","):
                    continue
                rows.append(one(path, base_url, env, Path(tmp)))
                if not args.json:
                    r = rows[-1]
                    print(f"{r['journey']:34} {str(r['scripted_outcome']):9} {str(r['explored_outcome']):9} "
                          f"reached={'yes' if r['reached'] else 'NO '} actions={r['actions']}/{r['shortest']} "
                          f"replay={'yes' if r['replay'] else 'NO '} findings={'same' if r['same_findings'] else 'DIFF'} "
                          f"{r['seconds']}s {r['only_scripted'] or ''} {r['only_explored'] or ''} {r['error']}", flush=True)
        finally:
            if args.demo:
                server.stop()
            else:
                server.shutdown()
    n = len(rows)
    reached = sum(r["reached"] for r in rows)
    within = sum(1 for r in rows if r["reached"] and r["actions"] is not None and r["shortest"] is not None
                 and r["actions"] <= r["shortest"] + 3)
    summary = {"flows": n, "reached": reached, "within_shortest_plus_3": within,
               "replayed": sum(r["replay"] for r in rows), "same_findings": sum(r["same_findings"] for r in rows)}
    if args.json:
        print(json.dumps({"rows": rows, "summary": summary}, indent=1))
    else:
        print(f"reached {reached}/{n}, within shortest+3 {within}/{n}, replayed {summary['replayed']}/{n}, "
              f"same findings {summary['same_findings']}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
