"""What a customer does, counted from what each step recorded: a journey's actions by kind, its pages.

The recorder counts each step as it runs it (``StepRecord.action_kinds``): a click, a field filled, an option
picked, a box ticked, a key pressed, a chat message sent, a browser dialog answered. A login is what the
customer does to log in: each field filled and the submit click. Runs recorded before this counting counted a
login as one action (kind ``login``) and a browser dialog as none; ``counted`` reads those steps again from
what they recorded (the values filled, the dialogs met), so judging an old run counts as a new recording would.

``signup_yardstick`` is the one sign-up journey a cancel journey is compared with, by the check
cancel_harder_than_signup and by the report's sentence and chart alike.
"""

from __future__ import annotations

from cxaudit.results.model import JourneyMetrics, JourneyResult, RunResult, StepRecord

DIALOG_TYPES = ("alert", "confirm", "prompt", "beforeunload")


def counted(step: StepRecord) -> dict[str, int]:
    """The step's actions by kind, as this cxaudit counts them."""
    kinds = dict(step.action_kinds)
    old_login = kinds.pop("login", 0)
    if old_login:  # recorded as one action: its fields (the values it filled) and its submit click
        kinds["fill"] = kinds.get("fill", 0) + len(step.filled)
        kinds["click"] = kinds.get("click", 0) + old_login
    if "dialog" not in kinds and not step.native_dialogs:  # recorded before dialogs were answered as actions
        met = sum(1 for d in step.dialogs if d.split(":", 1)[0] in DIALOG_TYPES and ": " in d)
        if met:
            kinds["dialog"] = met
    return {k: n for k, n in kinds.items() if n}


def recount(journey: JourneyResult) -> JourneyResult:
    """Bring the steps' and the journey's counts up to ``counted`` (in place; a no-op for a run recorded by this
    cxaudit). The journey's figures change by what the steps' counts change, so medians of repeated runs stay."""
    delta = 0
    for step in journey.steps:
        kinds = counted(step)
        if kinds == {k: n for k, n in step.action_kinds.items() if n}:
            continue
        delta += sum(kinds.values()) - step.actions
        for kind, n in step.action_kinds.items():
            journey.metrics.action_kinds[kind] = journey.metrics.action_kinds.get(kind, 0) - n
        for kind, n in kinds.items():
            journey.metrics.action_kinds[kind] = journey.metrics.action_kinds.get(kind, 0) + n
        step.action_kinds, step.actions = kinds, sum(kinds.values())
    if delta:
        journey.metrics.actions += delta
    journey.metrics.action_kinds = {k: n for k, n in journey.metrics.action_kinds.items() if n > 0}
    return journey


def metrics(result: JourneyResult) -> JourneyMetrics:
    """A journey's figures from its steps: actions (by kind), probe clicks, pages, typing, time, chat, gates."""
    m = JourneyMetrics()
    views: list[str] = []
    for step in result.steps:
        kinds = counted(step)
        m.actions += sum(kinds.values())
        m.probe_actions += step.probe_actions
        m.characters_typed += step.characters_typed
        m.duration_s += step.duration_s
        for kind, n in kinds.items():
            m.action_kinds[kind] = m.action_kinds.get(kind, 0) + n
        if step.view_key and step.view_key not in views and step.observation is not None:
            views.append(step.view_key)
        if step.chat is not None:
            m.chat_turns += len(step.chat.turns)
        if step.gate is not None:
            m.gates += 1
            m.gates_blocked += int(step.gate.blocked)
    m.pages = len(views)
    m.duration_s = round(m.duration_s, 3)
    return m


def signup_yardstick(run: RunResult | None, journey: JourneyResult) -> JourneyResult | None:
    """The completed sign-up journey of the journey's site that took the fewest actions (then the first by id):
    counted the same way as the cancel journey, so the comparison is like with like. None without one."""
    if run is None:
        return None
    signups = [j for j in run.journeys if j.goal == "signup" and j.site == journey.site and j.outcome == "completed"
               and j.metrics.actions > 0]
    return min(signups, key=lambda j: (j.metrics.actions, j.id)) if signups else None
