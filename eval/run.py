"""Run cxaudit on the held-out sites and compare its verdicts with the truth files.

    PYTHONPATH=$PWD .venv/bin/python eval/run.py [--suite DIR] [--json] [--keep DIR] [--workers N]

A suite is a folder with ``sites/``, ``journeys/`` and ``truth/``: ``eval/`` itself (the first batch, the
default) or ``eval/unseen/``. Serves the suite's sites on 127.0.0.1 (a free port), runs ``cxaudit run
<suite>/journeys`` into a temporary folder (or DIR with ``--keep``), reads results.json and prints per
site and in total: outcome right or wrong, actions and pages against the truth, TP/FP/FN, recall,
precision, and the findings on the controls. The log-ins' ``${VAR}`` values are CREDENTIALS below (the
first batch) plus the ``env:`` map of each of the suite's truth files. The matching rules are in
eval/matcher.py. It measures, it does not gate: the exit status is 0 whatever the figures (2 only when
cxaudit produced no results.json at all, or DIR is not a suite).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import matcher  # noqa: E402  (eval/ is not a package; matcher.py sits beside this file)

# The journeys read their log-ins from the environment, as a real audit would. The sites accept any
# value; the lengths matter to the truth's characters typed (shopnest: 22 + 16).
CREDENTIALS = {
    "SHOPNEST_USER": "jordan.lee@example.com",
    "SHOPNEST_PASSWORD": "Harbour-7-lights",
    "LEDGER_USER": "jordan.lee@example.com",
    "LEDGER_PASSWORD": "Ledger-2026-news",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the sites' access log is not the evaluation's output
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def load_truths(folder: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def suite_env(truths: dict[str, dict]) -> dict[str, str]:
    """The values the suite's journeys read from ``${VAR}``: CREDENTIALS, then each truth file's ``env:``."""
    env = dict(CREDENTIALS)
    for name, truth in truths.items():
        for key, value in (truth.get("env") or {}).items():
            if key in env and env[key] != str(value):
                raise SystemExit(f"eval/run.py: {key} is set twice with different values (truth of {name})")
            env[key] = str(value)
    return env


def cli_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment a cxaudit subprocess of the harness runs in: this checkout first on the path."""
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_cxaudit(journeys: Path, base_url: str, out: Path, workers: int, timeout: int,
                credentials: dict[str, str]) -> tuple[int, str]:
    env = cli_env(credentials)
    cmd = [sys.executable, "-m", "cxaudit.cli", "run", str(journeys), "--base-url", base_url,
           "--out", str(out), "--workers", str(workers), "--format", "html", "--quiet"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stderr.strip()


def fmt(x) -> str:
    return "–" if x is None else f"{x:.2f}" if isinstance(x, float) else str(x)


def print_table(matches: list[matcher.JourneyMatch], total: dict, rc: int, err: str) -> None:
    w = max(len(m.name) for m in matches)
    print(f"cxaudit exit status {rc}" + (f" ({err.splitlines()[-1]})" if err else ""))
    print(f"{'site':<{w}}  ctrl  outcome (truth/got)       actions  pages   TP FP FN")
    for m in matches:
        ok = "ok " if m.outcome_right else "BAD"
        print(f"{m.name:<{w}}  {'yes' if m.control else '   '}   {ok} {m.outcome_expected:>9}/{m.outcome:<10}"
              f"  {fmt(m.actions_expected):>2}/{fmt(m.actions):<3}  {fmt(m.pages_expected):>2}/{fmt(m.pages):<3}"
              f"  {len(m.tp):>2} {len(m.fp):>2} {len(m.fn):>2}")
        for label, items in (("TP", m.tp), ("FP", m.fp), ("FN", m.fn)):
            for f in items:
                step = "journey" if f.step is None else f"step {f.step}"
                print(f"{'':<{w}}    {label} {f.check} ({step}){': ' + f.note if f.note else ''}")
    print()
    print(f"outcomes right {total['outcomes_right']}/{total['journeys']}, actions right "
          f"{total['actions_right']}/{total['journeys']}, pages right {total['pages_right']}/{total['journeys']}")
    print(f"findings (check, step): TP {total['tp']}  FP {total['fp']}  FN {total['fn']}  "
          f"recall {fmt(total['recall'])}  precision {fmt(total['precision'])}")
    c = total["check_level"]
    print(f"findings (check only):  TP {c['tp']}  FP {c['fp']}  FN {c['fn']}  "
          f"recall {fmt(c['recall'])}  precision {fmt(c['precision'])}")
    cf = total["control_findings"]
    print(f"findings on the {total['controls']} controls: {len(cf)}"
          + "".join(f"\n  {f['journey']}: {f['check']} (step {fmt(f['step'])}) {f['note']}" for f in cf))
    if total["control_warns"]:
        print("warns on the controls (not findings): "
              + ", ".join(f"{w['journey']}: {w['check']}" for w in total["control_warns"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", metavar="DIR", default=str(HERE),
                    help="folder with sites/, journeys/ and truth/ (default: eval/, the first batch)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    ap.add_argument("--keep", metavar="DIR", help="write the run folder below DIR and keep it")
    ap.add_argument("--workers", type=int, default=2, help="journeys in parallel (default 2)")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds the whole cxaudit run may take")
    args = ap.parse_args(argv)

    suite = Path(args.suite).resolve()
    missing = [d for d in ("sites", "journeys", "truth") if not (suite / d).is_dir()]
    if missing:
        print(f"eval/run.py: {suite} is not a suite (no {', '.join(missing)}/)", file=sys.stderr)
        return 2
    truths = load_truths(suite / "truth")
    credentials = suite_env(truths)
    server = serve(suite / "sites")
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    tmp = None
    try:
        if args.keep:
            out = Path(args.keep).resolve()
            out.mkdir(parents=True, exist_ok=True)
        else:
            tmp = tempfile.TemporaryDirectory(prefix="cxaudit-eval-")
            out = Path(tmp.name)
        before = set(out.glob("*/results.json"))
        rc, err = run_cxaudit(suite / "journeys", base_url, out, args.workers, args.timeout, credentials)
        found = sorted(set(out.glob("*/results.json")) - before, key=lambda p: p.stat().st_mtime)
        if not found:
            print(f"cxaudit wrote no results.json (exit status {rc}):\n{err}", file=sys.stderr)
            return 2
        results = json.loads(found[-1].read_text(encoding="utf-8"))
        matches = matcher.match_run(results, truths)
        total = matcher.totals(matches)
        if args.json:
            json.dump({"suite": str(suite.relative_to(ROOT)) if suite.is_relative_to(ROOT) else str(suite),
                       "cxaudit_exit_status": rc, "run_folder": str(found[-1].parent) if args.keep else None,
                       "base_url": base_url, "journeys": [m.as_dict() for m in matches], "totals": total},
                      sys.stdout, indent=2, ensure_ascii=False)
            print()
        else:
            if suite != HERE:
                print(f"suite {suite.relative_to(ROOT) if suite.is_relative_to(ROOT) else suite}")
            print_table(matches, total, rc, err)
            if args.keep:
                print(f"run folder: {found[-1].parent}")
        return 0
    finally:
        server.shutdown()
        server.server_close()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
