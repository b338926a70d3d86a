"""CX102 login_wall on hand-built login pages and login steps."""

from __future__ import annotations

from factories import field, form, heading

from cxaudit.results.model import FilledValue

from .judged import judged
from .records import el, journey, page, run, step


def login_page(extra_fields=0, autocomplete=""):
    fields = [field(label="Customer number"),
              field(label="Password", type="password", autocomplete=autocomplete, box={"x": 10, "y": 200, "width": 300, "height": 40})]
    fields += [field(label=f"Q{i}") for i in range(extra_fields)]
    return page(forms=[form(*fields)], headings=[heading("Sign in")])


def test_login_wall_password_page_then_login_step():
    filled = [FilledValue(label="Customer number", value="K-1"), FilledValue(label="Password", value="*", secret=True)]
    j = journey([step(0, "goto"), step(1, observation=login_page()),
                 step(2, "login", element=el("Customer number", "textbox"), filled=filled),
                 step(3, observation=page(headings=[heading("Done")]))])
    d = run("login_wall", j, jurisdiction="de")
    assert d.score == 0.0
    # one wall, one finding: at the login step that used the form the step before led to
    assert [e.step for e in d.evidence] == [2]
    assert d.evidence[0].words == "Customer number / Password"  # the page's words, not cxaudit's English step text
    # a login form met with no login step after it (the journey stopped at the wall, or filled it field by field)
    j = journey([step(0, "goto"), step(1, observation=login_page()), step(2, "fill"), step(3)])
    d = run("login_wall", j, jurisdiction="de")
    assert [e.step for e in d.evidence] == [1]
    assert d.evidence[0].box.model_dump() == {"x": 10, "y": 200, "width": 300, "height": 40}
    assert d.evidence[0].words.startswith("Sign in / Customer number / Password")


def test_login_wall_ignores_a_pin_among_many_fields_and_other_goals():
    pin_form = login_page(extra_fields=4)
    assert run("login_wall", journey([step(0, "goto"), step(1, observation=pin_form), step(2)]), jurisdiction="de").score == 1.0
    assert judged("login_wall", journey([step(0, "goto"), step(1, "login")], goal="signup")).status == "not_applicable"


def test_login_wall_current_password_counts_in_a_big_form():
    j = journey([step(0, "goto"), step(1, observation=login_page(extra_fields=4, autocomplete="current-password")), step(2)])
    assert run("login_wall", j, jurisdiction="de").score == 0.0


def _cancel_with_login(site="shop/x"):
    return journey([step(0, "goto"), step(1, observation=login_page()), step(2)], site=site)


def test_login_wall_passes_where_no_rule_forbids_a_login_and_says_why():
    for where in ("none", "us-ca", "uk", "eu"):
        d = run("login_wall", _cancel_with_login(), jurisdiction=where)
        assert d.score == 1.0 and not d.evidence, where
        assert d.details["login"] is True and d.details["forbidden_here"] is False
        assert "no rule forbids one" in d.details["reason"]


def test_login_wall_follows_forbidden_in():
    assert run("login_wall", _cancel_with_login(), jurisdiction="uk", forbidden_in=["de", "uk"]).score == 0.0
    assert run("login_wall", _cancel_with_login(), jurisdiction="de", forbidden_in=[]).score == 1.0


def test_login_wall_fails_anywhere_when_signing_up_needed_no_account():
    from cxaudit.results.model import RunResult

    cancel = _cancel_with_login()
    signup = journey([step(0, "goto"), step(1, "fill"), step(2)], goal="signup")
    signup.id = "shop-signup"
    other_site = journey([step(0, "goto"), step(1)], goal="signup", site="other/y")
    runs = RunResult(run_id="r", started_at="2026-12-01T00:00:00+00:00", journeys=[cancel, signup])
    d = run("login_wall", cancel, jurisdiction="us-ca", run_result=runs)
    assert d.score == 0.0 and d.details["signup_without_account"] == "shop-signup"
    assert "signing up (shop-signup) needed no account" in d.evidence[0].note.text("en")
    # a sign-up that needed a login too, or one on another site, proves nothing
    signup.steps.insert(1, step(1, "login"))
    runs.journeys = [cancel, signup, other_site]
    assert run("login_wall", cancel, jurisdiction="us-ca", run_result=runs).score == 1.0
