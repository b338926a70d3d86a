"""The recorder's axe helpers that accessibility_barriers reads, without a browser."""

from __future__ import annotations

from factories import heading, observation

from cxaudit.record.axe import axe_key, axe_options, axe_script


def test_axe_key_ignores_the_query_but_not_the_view():
    obs = observation(headings=[heading("Your account")])
    assert axe_key("http://x/account?ref=1", obs) == axe_key("http://x/account?ref=2", obs)
    assert axe_key("http://x/account", obs) != axe_key("http://x/account", observation(headings=[heading("Cancel")]))
    assert axe_key("http://x/app#/a", None) != axe_key("http://x/app#/b", None)


def test_axe_script_is_one_function_that_loads_and_runs_axe():
    js = axe_script()
    assert js.startswith("async (options) =>") and "axe.run(document, options)" in js and "Deque" in js
    opts = axe_options()
    assert opts["runOnly"]["values"] == ["wcag2a", "wcag2aa"] and opts["resultTypes"] == ["violations"]
    assert opts["iframes"] is False


def test_axe_is_on_by_default_and_can_be_switched_off(tmp_path):
    from cxaudit.record.session import RecorderOptions

    assert RecorderOptions(run_folder=tmp_path).axe is True
    assert RecorderOptions(run_folder=tmp_path, axe=False).axe is False
