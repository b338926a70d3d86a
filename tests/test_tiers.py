"""The test tiers: ``make test`` runs everything; ``make test-fast`` (CXAUDIT_FAST=1, -m 'not browser') runs
every test that needs no browser and refuses to start one (see conftest.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import FAST_TIER_MESSAGE, fast_tier

ROOT = Path(__file__).resolve().parent.parent


def test_the_fast_tier_refuses_to_launch_a_browser(request):
    if not fast_tier(request.config):
        pytest.skip("only the fast tier refuses to launch a browser")
    from playwright._impl.browser_type import BrowserType

    for name in ("launch", "launch_persistent_context", "connect", "connect_over_cdp"):
        with pytest.raises(RuntimeError) as refused:
            asyncio.run(getattr(BrowserType, name)(None))
        assert str(refused.value) == FAST_TIER_MESSAGE, name


def test_make_test_fast_runs_without_a_browser_and_make_test_stays_the_whole_suite():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    bootstrap = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    assert "test-fast:\n\tsh scripts/bootstrap.sh test-fast" in makefile
    assert "test:\n\tsh scripts/bootstrap.sh test -q $(ARGS)" in makefile
    assert """test-fast) export CXAUDIT_FAST=1; exec "$VENV/bin/python" -m pytest -m 'not browser'""" in bootstrap
    assert 'if [ "$job" != test-fast ]; then' in bootstrap  # no browser installed for it
    assert "make test-fast" in (ROOT / "README.md").read_text(encoding="utf-8")
