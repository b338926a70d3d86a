"""Shared fixtures: servers on 127.0.0.1 with a free port, started by the tests themselves; the demo run,
recorded live (``demo_run``, a browser test) or as committed under tests/fixtures/demo_run (``recorded_demo``).

The fast tier (``make test-fast``: ``CXAUDIT_FAST=1``, or a ``-m`` expression with ``not browser``) never
starts a browser: here Playwright's launch and connect raise, so a test that needs Chromium without its
``@pytest.mark.browser`` fails with a message saying so instead of starting one silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

FAST_TIER_MESSAGE = ("the fast tier (make test-fast) starts no browser: mark this test @pytest.mark.browser, "
                     "or give it the recorded demo run (the recorded_demo fixture)")


def fast_tier(config: pytest.Config) -> bool:
    return os.environ.get("CXAUDIT_FAST") == "1" or "not browser" in (config.getoption("markexpr") or "")


def pytest_configure(config: pytest.Config) -> None:
    if not fast_tier(config):
        return
    from playwright._impl import browser_type

    async def refuse(*args, **kwargs):
        raise RuntimeError(FAST_TIER_MESSAGE)

    for name in ("launch", "launch_persistent_context", "connect", "connect_over_cdp"):
        setattr(browser_type.BrowserType, name, refuse)


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
    """Every shipped demo journey, recorded once for the whole test session: (RunResult, run folder)."""
    from demo_fixture import record_demo

    return record_demo(tmp_path_factory.mktemp("demo-run"), demo_url)


@pytest.fixture(scope="session")
def recorded_demo(tmp_path_factory):
    """The demo run committed under tests/fixtures/demo_run (no browser), in a working copy the tests may
    write into: (RunResult, run folder). Not judged: a test judges it with the checks it means."""
    from demo_fixture import load_fixture

    return load_fixture(tmp_path_factory.mktemp("recorded-demo"))


@pytest.fixture
def behind_login(pages_url, monkeypatch):
    """Explore a fixture page behind a log-in twice: without credentials (none in the environment either),
    then with them; both results."""
    from cxaudit.explore import ExploreOptions, explore

    monkeypatch.delenv("CXAUDIT_USERNAME", raising=False)
    monkeypatch.delenv("CXAUDIT_PASSWORD", raising=False)

    def both(page: str, goal: str, username: str, password: str):
        url = f"{pages_url}/explore/{page}"
        return (explore(ExploreOptions(url=url, goal=goal)),
                explore(ExploreOptions(url=url, goal=goal, username=username, password=password)))
    return both
