"""Record the shipped demo run once and write it to tests/fixtures/demo_run/ (see tests/demo_fixture.py).

    .venv/bin/python scripts/record_demo_fixture.py
    .venv/bin/python scripts/update_golden.py      # then judge it again into tests/golden/

Needs a Chromium (`cxaudit install-browser`). Review `git diff --stat tests/fixtures` before committing: the
run id, the dates, the timings and the screenshots' pixels change on every recording; the steps, the
outcomes and what the pages showed must not, unless the recorder or the demo site changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from demo_fixture import FIXTURE, record_demo, write_fixture  # noqa: E402

from cxaudit.demo.server import DemoServer  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, DemoServer() as server:
        run, folder = record_demo(Path(tmp), server.base_url)
        write_fixture(run, folder, server.base_url)
    size = sum(p.stat().st_size for p in FIXTURE.rglob("*") if p.is_file())
    print(f"wrote {FIXTURE.relative_to(ROOT)}: {len(run.journeys)} journeys, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
