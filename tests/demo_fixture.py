"""The recorded demo run committed under tests/fixtures/demo_run/, as Lighthouse keeps its sample artifacts.

Judging, report and golden tests read this recording instead of driving a browser; one browser test
(tests/test_demo_fixture.py) records the demo again and checks that the recording still matches it.
Regenerate it with ``scripts/record_demo_fixture.py``.

The folder holds the run as ``cxaudit`` saved it (results.json, recorded and not judged: the tests judge it
with the checks of the checkout), gzipped (4 MB of observations become 0.25 MB; read it with
``zcat tests/fixtures/demo_run/results.json.gz``), and its screenshots, re-encoded as small JPEGs: a quarter of their width and
height, at a low quality, so that the whole fixture stays well under 2 MB. A report draws the findings' boxes
over a screenshot at its recorded size (CSS px), so ``screens.json`` keeps each screenshot's recorded size
and ``load_fixture`` scales the small JPEGs back up to it in a copy of the folder: the pictures are blurred,
their geometry is the recorded one.

What the script makes the same on every regeneration: the demo server's port (written as 8765, the port of
``cxaudit demo --serve``), the journey files' paths (relative to the repository) and the run folder (``out``).
What still varies from one recording to the next: the run id, the dates, every timing (step and journey
durations, so the journey_time check's figures) and the screenshots' pixels.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from cxaudit.results.model import RunResult, load_run

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "demo_run"
RESULTS = "results.json.gz"
SIZES = "screens.json"  # {screenshot path: [width, height] as recorded}
FIXED_ORIGIN = "http://127.0.0.1:8765"
SHRINK = 4  # the committed screenshots are 1/SHRINK of the recorded width and height
QUALITY = 35
REGENERATE = "regenerate it with `.venv/bin/python scripts/record_demo_fixture.py` and review `git diff tests/fixtures`"


def record_demo(out: Path, base_url: str) -> tuple[RunResult, Path]:
    """Every shipped demo journey against the demo site at ``base_url``: what ``cxaudit demo`` records."""
    from cxaudit.journey import load_journeys
    from cxaudit.record.runner import RunOptions, run_journeys
    from cxaudit.shipped import demo_journeys

    return run_journeys(load_journeys([demo_journeys()]), RunOptions(base_url=base_url, out=out, workers=2))


def _portable(text: str, base_url: str, folder: Path) -> str:
    """The recording's text with the port, the run folder and the repository's path made fixed."""
    host = re.escape(urlsplit(base_url).netloc)  # 127.0.0.1:<port>, with or without the scheme before it
    text = re.sub(host + r"(?!\d)", urlsplit(FIXED_ORIGIN).netloc, text)
    for path, fixed in ((folder.parent, "reports"), (ROOT, "")):
        text = text.replace(json.dumps(str(path))[1:-1] + "/", fixed + ("/" if fixed else ""))
        text = text.replace(json.dumps(str(path))[1:-1], fixed or ".")
    return text


def write_fixture(run: RunResult, folder: Path, base_url: str, dest: Path = FIXTURE) -> Path:
    """Write the recorded ``run`` (its folder ``folder``) into ``dest``, replacing what was there."""
    from PIL import Image

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    sizes: dict[str, list[int]] = {}
    for shot in sorted({s.screenshot for j in run.journeys for s in j.steps if s.screenshot}):
        target = dest / shot
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(folder / shot) as im:
            sizes[shot] = [im.width, im.height]
            small = im.convert("RGB").resize((max(1, im.width // SHRINK), max(1, im.height // SHRINK)), Image.LANCZOS)
        small.save(target, "JPEG", quality=QUALITY, optimize=True)
    text = _portable(run.model_dump_json(indent=1), base_url, folder) + "\n"
    (dest / RESULTS).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    lines = [f"{json.dumps(shot)}: [{w}, {h}]" for shot, (w, h) in sorted(sizes.items())]
    (dest / SIZES).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    return dest


def load_fixture(copy_to: Path, source: Path = FIXTURE) -> tuple[RunResult, Path]:
    """A working copy of the committed recording in ``copy_to`` (tests may write into it): the run and its
    folder, with every screenshot back at its recorded size."""
    from PIL import Image

    if not (source / RESULTS).is_file():
        raise FileNotFoundError(f"{source / RESULTS} is missing: {REGENERATE}")
    copy_to.mkdir(parents=True, exist_ok=True)
    (copy_to / "results.json").write_bytes(gzip.decompress((source / RESULTS).read_bytes()))
    for shot, (width, height) in json.loads((source / SIZES).read_text(encoding="utf-8")).items():
        (copy_to / shot).parent.mkdir(parents=True, exist_ok=True)
        with Image.open(source / shot) as im:
            im.resize((width, height), Image.NEAREST).save(copy_to / shot, "JPEG", quality=QUALITY)
    return load_run(copy_to), copy_to
