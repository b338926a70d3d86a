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
    d = run("login_wall", j)
    assert d.score == 0.0
    assert [e.step for e in d.evidence] == [1, 2]
    assert d.evidence[0].box.model_dump() == {"x": 10, "y": 200, "width": 300, "height": 40}
    assert d.evidence[0].words.startswith("Sign in / Customer number / Password")
    assert d.evidence[1].words == "Customer number / Password"  # the page's words, not cxaudit's English step text


def test_login_wall_ignores_a_pin_among_many_fields_and_other_goals():
    pin_form = login_page(extra_fields=4)
    assert run("login_wall", journey([step(0, "goto"), step(1, observation=pin_form), step(2)])).score == 1.0
    assert judged("login_wall", journey([step(0, "goto"), step(1, "login")], goal="signup")).status == "not_applicable"


def test_login_wall_current_password_counts_in_a_big_form():
    j = journey([step(0, "goto"), step(1, observation=login_page(extra_fields=4, autocomplete="current-password")), step(2)])
    assert run("login_wall", j).score == 0.0
