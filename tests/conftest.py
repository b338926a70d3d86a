"""Shared fixtures: servers on 127.0.0.1 with a free port, started by the tests themselves."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "fixtures" / "pages"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def pages_url():
    """The fixture pages in tests/fixtures/pages, served on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(PAGES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def demo_url():
    from cxaudit.demo.server import DemoServer

    with DemoServer() as server:
        yield server.base_url


@pytest.fixture
def run_yaml(tmp_path):
    """Run one journey given as YAML text against a base URL; return (journey result, run folder)."""
    from cxaudit.journey import parse_journey
    from cxaudit.record.runner import RunOptions, run_journeys

    def run(text: str, base_url: str, **options):
        journey = parse_journey(text, "inline.yaml").model_copy(update={"id": "inline"})
        run, folder = run_journeys([journey], RunOptions(base_url=base_url, out=tmp_path, workers=1, **options))
        return run.journeys[0], folder

    return run


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory, demo_url):
    """Every shipped demo journey, run once for the whole test session: (RunResult, run folder)."""
    from cxaudit.journey import load_journeys
    from cxaudit.record.runner import RunOptions, run_journeys
    from cxaudit.shipped import demo_journeys

    out = tmp_path_factory.mktemp("demo-run")
    return run_journeys(load_journeys([demo_journeys()]), RunOptions(base_url=demo_url, out=out, workers=2))
