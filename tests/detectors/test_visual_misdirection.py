"""CX302 visual_misdirection on hand-built pages of competing controls.

The alternatives of a decision come from the decision containers snapshot.js records (``groups``, nearest first);
the eval's failure shapes (an account name against a video's "Play", a footer expander against a hero button, a
drop-down item against its own menu button, "Weiter" against the cookie settings) are rebuilt here by hand."""

from __future__ import annotations

import pytest

from .judged import judged
from .records import el, journey, page, run, step

MAIN, FORM, CHOICES = "main@m", "form@f", "group@g"


def test_big_keep_button_vs_grey_text_in_the_same_step_fails_and_names_both():
    keep = el("Keep my benefits", y=320, w=240, h=66, fs=20.8, fw=600, contrast=4.2, groups=[CHOICES, MAIN])
    go_on = el("Continue to cancel", role="generic", y=410, w=640, h=20, fs=13.6, contrast=2.5, filled=False,
               groups=[CHOICES, MAIN])
    j = journey([step(0, "goto", observation=page()), step(1, element=el("Cancel"), observation=page(keep), navigated=True),
                 step(2, element=go_on), step(3)])
    d = run("visual_misdirection", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box.width == 640
    text = ev.note.text()
    assert "'Continue to cancel' vs 'Keep my benefits'" in text
    assert "filled vs not filled" in text and "contrast 2.5:1 vs 4.2:1" in text
    assert ev.data["alternative"]["name"] == "Keep my benefits" and ev.data["decision"] == "group"


def test_an_offer_card_in_the_flow_step_is_an_alternative_a_far_tile_is_not():
    # shopnest's offer page: "Continue to cancel" straight in main, the offer in a card of the same main
    offer = el("Switch to annual payments", y=300, w=300, h=56, fs=19, fw=700, groups=["card@o", MAIN])
    tile = el("Watch now", y=1500, w=400, h=80, fs=24, groups=["card@t", MAIN])
    go_on = el("Continue to cancel", role="link", y=380, w=130, h=22, fs=12, filled=False, groups=[MAIN])
    j = journey([step(0, "goto", observation=page(offer, tile, go_on)), step(1, element=go_on)], goal="uninstall")
    d = run("visual_misdirection", j)
    assert d.score == 0.0 and d.evidence[0].data["alternative"]["name"] == "Switch to annual payments"
    alone = journey([step(0, "goto", observation=page(tile, go_on)), step(1, element=go_on)], goal="uninstall")
    assert run("visual_misdirection", alone).details["steps_judged"] == 0


def test_header_navigation_menus_banners_and_hero_elsewhere_are_not_alternatives():
    play = el("Play", y=200, w=120, h=44, fs=16, fw=700, groups=["card@video"])           # a video tile, page level
    hero = el("Zu den Angeboten", y=180, w=220, h=48, fw=700, groups=[])                  # the hero, page level
    avatar = el("JB", y=10, w=48, h=48, groups=["header@h"])
    settings_link = el("Cookie-Einstellungen", role="link", y=700, fs=13, filled=False, groups=["region@cmp"])
    # an account-menu name in the header, "Settings" in the navigation: where to go, not a step's decision
    account = el("Mein himmelblick · Jonas B.", role="link", y=12, fs=14, filled=False, groups=["header@h"])
    settings = el("Settings", role="link", y=60, fs=14, filled=False, groups=["nav@n", "header@h"])
    # the footer's "Weitere Links einblenden" against the hero's button (eval himmelblick)
    more = el("Weitere Links einblenden", y=1400, fs=14, filled=False, groups=["footer@f"])
    # a drop-down item against the button that opened it (eval shopnest-prime)
    item = el("End membership", role="menuitem", y=340, fs=15, filled=False, groups=["menu@mm", MAIN])
    manage = el("Manage membership", y=300, w=200, h=40, groups=[MAIN])
    things = page(play, hero, avatar, settings_link, account, settings, more, item, manage)
    for needed in (account, settings, more, item):
        j = journey([step(0, "goto", observation=things), step(1, element=needed)], goal="uninstall")
        assert run("visual_misdirection", j).details["steps_judged"] == 0, needed.name
    # "Weiter" in its form: the form's own "Zurück" is the alternative, not the cookie banner or the hero
    weiter = el("Weiter", y=420, w=140, h=44, groups=[FORM, MAIN])
    back = el("Zurück", role="link", x=300, y=420, w=140, h=44, groups=[FORM, MAIN])
    j = journey([step(0, "goto", observation=page(weiter, back, hero, settings_link, play)), step(1, element=weiter)],
                goal="uninstall")
    d = run("visual_misdirection", j)
    assert d.score == 1.0 and d.details["steps_judged"] == 1


def test_the_current_tab_of_a_settings_tab_bar_is_no_alternative_to_the_tab_needed():
    # a settings page whose current tab is drawn filled and bold, the needed tab plain (eval unseen14 keyloft)
    tabs = ["list@tabs", MAIN]
    general = el("General", role="link", y=120, w=110, h=38, fw=600, groups=tabs, current=True)
    advanced = el("Advanced", role="link", x=320, y=120, w=110, h=38, filled=False, groups=tabs)
    j = journey([step(0, "goto", observation=page(general, advanced)), step(1, element=advanced)], goal="uninstall")
    assert run("visual_misdirection", j).details["steps_judged"] == 0
    # the same bar without the mark: the strong tab is another next step, and weighed as one
    unmarked = general.model_copy(update={"current": None})
    j = journey([step(0, "goto", observation=page(unmarked, advanced)), step(1, element=advanced)], goal="uninstall")
    d = run("visual_misdirection", j)
    assert d.score == 0.0 and d.evidence[0].data["alternative"]["name"] == "General"


def test_a_control_alone_in_its_card_is_weighed_in_the_flow_step_but_never_past_its_dialog():
    go_on = el("Continue to cancel", role="link", y=400, fs=12, filled=False, groups=["card@c", MAIN])
    keep = el("Keep my plan", y=330, w=260, h=60, fs=20, groups=[MAIN])
    j = journey([step(0, "goto", observation=page(go_on, keep)), step(1, element=go_on)], goal="uninstall")
    assert run("visual_misdirection", j).score == 0.0
    # in a dialog, the page behind it offers no alternative
    confirm = el("Yes, cancel", y=400, fs=12, filled=False, in_dialog=True, groups=["dialog@d"])
    j = journey([step(0, "goto", observation=page(confirm, keep)), step(1, element=confirm)], goal="uninstall")
    assert run("visual_misdirection", j).details["steps_judged"] == 0
    stay = el("No, stay", y=330, w=260, h=60, fs=20, in_dialog=True, groups=["dialog@d"])
    j = journey([step(0, "goto", observation=page(confirm, stay, keep)), step(1, element=confirm)], goal="uninstall")
    d = run("visual_misdirection", j)
    assert d.score == 0.0 and d.evidence[0].data["alternative"]["name"] == "No, stay"


def test_groups_are_read_from_the_page_snapshot_first():
    # element.js's own record of the needed control may miss its containers; the page's record of it counts
    on_page = el("Continue", y=400, fs=12, filled=False, groups=[CHOICES, MAIN])
    keep = el("Stay", y=330, w=260, h=60, fs=20, groups=[CHOICES, MAIN])
    acted = el("Continue", y=400, fs=12, filled=False, groups=["nav@elsewhere"])
    j = journey([step(0, "goto", observation=page(on_page, keep)), step(1, element=acted)], goal="uninstall")
    assert run("visual_misdirection", j).score == 0.0


def test_runs_recorded_before_groups_compare_within_the_same_landmark():
    # no groups (a 1.0-1.2 recording): the same landmark, outside header, navigation and footer, within 600 px
    cancel = el("Cancel membership", x=100)
    keep = el("Keep membership", x=300)
    nav = el("Home", y=320, fs=30, landmark="nav", w=400, h=80)
    hero = el("Watch now", y=320, w=500, h=90, fs=30, landmark=None)
    far = el("Watch later", y=1400, w=500, h=90, fs=30)
    field = el("Comment", role="textbox", y=320, w=900, h=100)
    j = journey([step(0, "goto", observation=page(cancel, keep, nav, hero, far, field)), step(1, element=cancel)])
    assert run("visual_misdirection", j).score == 1.0
    more = el("More links", y=1400, fs=14, filled=False, landmark="footer", in_footer=True)
    j = journey([step(0, "goto", observation=page(more, hero, far)), step(1, element=more)], goal="uninstall")
    assert run("visual_misdirection", j).details["steps_judged"] == 0


def test_weak_signals_give_an_intermediate_score_and_the_entry_is_skipped():
    needed = el("Continue", fs=16, fw=400, groups=[CHOICES])
    alt = el("Stay", x=300, fs=20, fw=700, groups=[CHOICES])
    j = journey([step(0, "goto", observation=page(alt)), step(1, element=needed)], goal="uninstall")
    assert run("visual_misdirection", j).score == pytest.approx(0.8)  # two mild differences
    alt_bold = el("Stay", x=300, fw=700, groups=[CHOICES])
    j1 = journey([step(0, "goto", observation=page(alt_bold)), step(1, element=needed)], goal="uninstall")
    assert run("visual_misdirection", j1).score == pytest.approx(0.9)
    # on a cancel journey the entry (the first click whose name says cancel) is hidden_cancel_link's, not judged here
    entry = el("Cancel membership", fs=16, groups=[CHOICES])
    j2 = journey([step(0, "goto", observation=page(alt)), step(1, element=entry, navigated=True)])
    assert run("visual_misdirection", j2).details["steps_judged"] == 0
    j3 = journey([step(0, "goto", observation=page(alt)), step(1, element=needed, navigated=True)])
    assert run("visual_misdirection", j3).details["steps_judged"] == 1  # "Continue" is no entry
    assert judged("visual_misdirection", journey([step(0, "goto")], goal="signup")).status == "not_applicable"


def test_a_cancel_word_declining_an_offer_is_judged_here_not_left_to_hidden_cancel_link():
    # the shape of moovia (eval/unseen5), in English: a vague "Manage membership" leads to a free pause offer, whose
    # decline is a grey "Continue to cancel" under the big filled offer button; unmarked, it is no entry but a choice
    manage = el("Manage membership", role="link", y=200, groups=["card@a", MAIN])
    pause = el("Pause my membership for free", role="link", y=293, w=422, h=66, fs=20, groups=["card@o", MAIN])
    decline = el("Continue to cancel", role="link", y=380, w=140, h=15, fs=13, filled=False, groups=["card@o", MAIN])
    offer = page(pause, decline, texts=["Pause your membership for up to 3 months, free of charge."])
    j = journey([step(0, "goto", observation=page(manage)), step(1, element=manage, observation=offer, navigated=True),
                 step(2, element=decline, navigated=True), step(3)])
    d = run("visual_misdirection", j)
    assert d.score == 0.0 and d.evidence[0].step == 2
    assert d.evidence[0].data["alternative"]["name"] == "Pause my membership for free"
    # without the offer on the page, "Continue to cancel" is the entry and hidden_cancel_link's to judge
    keep = el("Keep my membership", role="link", y=293, w=422, h=66, fs=20, groups=["card@o", MAIN])
    plain = page(keep, decline)
    j = journey([step(0, "goto", observation=page(manage)), step(1, element=manage, observation=plain, navigated=True),
                 step(2, element=decline, navigated=True), step(3)])
    assert run("visual_misdirection", j).details["steps_judged"] == 0


def test_a_wider_button_of_the_same_style_is_only_longer_words_but_a_bigger_one_is_prominent():
    # lumiboo (eval/unseen17), rebuilt: a filled "Gérer" of a device card beside a filled "Ajouter un appareil
    # (Famille+)" of the same height, font and weight, three times as wide because its words are
    manage = el("Gérer la tablette de Léa", text="Gérer", y=300, w=80, h=44, fw=600, groups=["card@d", MAIN])
    add = el("Ajouter un appareil (Famille+)", y=380, w=290, h=44, fw=600, groups=[MAIN])
    j = journey([step(0, "goto", observation=page(manage, add)), step(1, element=manage)], goal="uninstall")
    assert run("visual_misdirection", j).score == 1.0
    big = el("Ajouter un appareil (Famille+)", y=380, w=290, h=64, fs=20, fw=600, groups=[MAIN])
    j = journey([step(0, "goto", observation=page(manage, big)), step(1, element=manage)], goal="uninstall")
    assert run("visual_misdirection", j).score < 1.0


def test_the_stars_of_a_rating_widget_are_no_alternative():
    # rydeclub (eval/unseen18), rebuilt: "Rate your trip" stars (grey text, larger) beside the filled "Manage Ryde+"
    manage = el("Manage Ryde+", role="link", y=300, w=150, h=40, fs=16, filled=False, groups=[MAIN])
    stars = [el(f"{n} star{'s' if n > 1 else ''}", text="★", y=420, w=40, h=40, fs=22.4, groups=[MAIN]) for n in range(1, 6)]
    j = journey([step(0, "goto", observation=page(manage, *stars)), step(1, element=manage)])
    assert run("visual_misdirection", j).details["steps_judged"] == 0
    keep = el("Keep my plan", y=420, w=150, h=40, fs=22.4, groups=[MAIN])
    j = journey([step(0, "goto", observation=page(manage, keep)), step(1, element=manage)])
    assert run("visual_misdirection", j).score < 1
