"""Shared by the explore tests."""

from __future__ import annotations

import pytest

from cxaudit.explore import ExploreOptions, explore


@pytest.fixture
def behind_login(pages_url, monkeypatch):
    """Explore a fixture page behind a log-in twice: without credentials (none in the environment either),
    then with them; both results."""
    monkeypatch.delenv("CXAUDIT_USERNAME", raising=False)
    monkeypatch.delenv("CXAUDIT_PASSWORD", raising=False)

    def both(page: str, goal: str, username: str, password: str):
        url = f"{pages_url}/explore/{page}"
        return (explore(ExploreOptions(url=url, goal=goal)),
                explore(ExploreOptions(url=url, goal=goal, username=username, password=password)))
    return both
