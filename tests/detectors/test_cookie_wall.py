"""CX106 cookie_wall on hand-built overlays at the start."""

from __future__ import annotations

from factories import dialog

from .records import el, journey, page, run, step


def wall(blocks=True, covers=1.0):
    return page(dialogs=[dialog(name="We value your privacy", text="We and our 187 partners use cookies",
                                box={"x": 300, "y": 200, "width": 600, "height": 300}, covers=covers, blocks_pointer=blocks)])


def test_cookie_wall_at_the_start_fails_with_box_and_dismiss_control():
    dismiss = el("Accept all", in_dialog=True)
    j = journey([step(0, "goto", observation=wall(), actions=0), step(1, "dismiss", element=dismiss), step(2)], goal="signup")
    d = run("cookie_wall", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 0 and ev.box.width == 600 and ev.element.name == "Accept all"
    assert ev.data["consent_wording"] and "100%" in ev.note.text()


def test_cookie_banner_that_does_not_block_passes_and_late_walls_are_ignored():
    j = journey([step(0, "goto", observation=wall(blocks=False, covers=0.2), actions=0), step(1)])
    assert run("cookie_wall", j).score == 1.0
    late = journey([step(0, "goto", actions=0), step(1), step(2, observation=wall())])
    assert run("cookie_wall", late).score == 1.0


def test_cookie_wall_seen_after_a_wait_step():
    j = journey([step(0, "goto", actions=0), step(1, "wait_for", observation=wall(covers=0.8), actions=0), step(2)])
    assert run("cookie_wall", j).evidence[0].step == 1
