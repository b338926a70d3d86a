"""Regenerate tests/golden/demo.json and tests/golden/demo.md: the recorded demo run in tests/fixtures/demo_run
judged with the checks of this checkout (no browser needed).

    .venv/bin/python scripts/update_golden.py

Review the diff (git diff tests/golden) before committing: every change must be explained by a change in
the checks, the detectors, the score model or the report, or by a new recording of the fixture
(scripts/record_demo_fixture.py, after a change in the recorder or the demo site).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from demo_fixture import load_fixture  # noqa: E402
from report_golden import GOLDEN, dumps, normalise, normalise_markdown  # noqa: E402

from cxaudit.judge.engine import judge_run  # noqa: E402
from cxaudit.report.markdown import markdown  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        run, _folder = load_fixture(Path(tmp))
        judge_run(run)
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / "demo.json").write_text(dumps(normalise(run)), encoding="utf-8")
        (GOLDEN / "demo.md").write_text(normalise_markdown(markdown(run, "en"), run), encoding="utf-8")
    print(f"wrote {GOLDEN / 'demo.json'} and {GOLDEN / 'demo.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
