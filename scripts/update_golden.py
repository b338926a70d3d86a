"""Regenerate tests/golden/demo.json and tests/golden/demo.md from a fresh run of every demo journey.

    .venv/bin/python scripts/update_golden.py

Review the diff (git diff tests/golden) before committing: every change must be explained by a change in
the recorder, the demo site, the checks or the report.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from report_golden import GOLDEN, dumps, normalise, normalise_markdown  # noqa: E402

from cxaudit.demo.server import DemoServer  # noqa: E402
from cxaudit.journey import load_journeys  # noqa: E402
from cxaudit.judge.engine import judge_run  # noqa: E402
from cxaudit.record.runner import RunOptions, run_journeys  # noqa: E402
from cxaudit.report.markdown import markdown  # noqa: E402
from cxaudit.shipped import demo_journeys  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, DemoServer() as server:
        run, _folder = run_journeys(load_journeys([demo_journeys()]), RunOptions(base_url=server.base_url, out=Path(tmp), workers=2))
        judge_run(run)
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / "demo.json").write_text(dumps(normalise(run)), encoding="utf-8")
        (GOLDEN / "demo.md").write_text(normalise_markdown(markdown(run, "en"), run), encoding="utf-8")
    print(f"wrote {GOLDEN / 'demo.json'} and {GOLDEN / 'demo.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
