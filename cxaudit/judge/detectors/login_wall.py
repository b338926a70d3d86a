"""CX102 login_wall: a login step, or a page with a login form, met before the cancellation was confirmed, where
that is wrong: in a jurisdiction whose law forbids a login before cancelling (``forbidden_in``: § 312k BGB as
LG Köln, OLG Düsseldorf and OLG Nürnberg read it), or anywhere when signing up on the same site (a completed
sign-up journey of the run) needed no account. A login met elsewhere passes, and the details say why."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import first_heading
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, param
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import Form, FormField, Observed, page_of
from cxaudit.words.notes import note


def login_forms(observation: Observed, max_fields: int = 3) -> list[tuple[Form, FormField]]:
    """(form, password field) for each visible login form: a password field marked ``current-password``, or
    one in a small form (user name + password, perhaps "remember me"). A PIN among many fields of a
    cancellation form is a verification question (excessive_verification), not a login."""
    out = []
    for form in page_of(observation).forms:
        visible = [f for f in form.fields if not f.hidden and f.type != "hidden"]
        for f in visible:
            if f.type.lower() != "password" or f.disabled:
                continue
            if f.autocomplete.lower() == "current-password" or len(visible) <= max_fields:
                out.append((form, f))
                break
    return out


def needs_login(journey: JourneyResult, max_fields: int) -> bool:
    return any(s.type == "login" or login_forms(s.observation, max_fields) for s in journey.steps)


def signup_without_account(journey: JourneyResult, ctx: DetectorContext, max_fields: int) -> JourneyResult | None:
    """A completed sign-up journey of the same site that met no login, or None."""
    if ctx.run is None:
        return None
    return next((j for j in ctx.run.journeys if j.goal == "signup" and j.site == journey.site
                 and j.outcome == "completed" and not needs_login(j, max_fields)), None)


@detector("login_wall")
def login_wall(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    max_fields = int(param(ctx, "max_login_fields", 3))
    steps = journey.steps
    if journey.outcome == "completed" and len(steps) > 1:
        steps = steps[:-1]  # the success page itself is not on the way
    evidence: list[Evidence] = []
    seen_urls: set[str] = set()
    for i, s in enumerate(steps):
        if s.type == "login":
            evidence.append(Evidence(
                step=s.index, words=clip(" / ".join(f.label or f.name or "" for f in s.filled) or (s.element.name if s.element else None)),
                element=s.element, box=box_of(s.element),
                screenshot_step=max(s.index - 1, 0), note=note("login_step"),
                data={"login_step": True},
            ))
            continue
        if i + 1 < len(steps) and steps[i + 1].type == "login":
            continue  # the form the next step logs in with: one wall, judged at the login that used it
        forms = login_forms(s.observation, max_fields)
        url = (s.url_after or "").split("?")[0]
        if forms and url not in seen_urls:
            seen_urls.add(url)
            form, f = forms[0]
            labels = [x.label or x.name for x in form.fields if not x.hidden]
            words = clip(" / ".join(p for p in [first_heading(s.observation), *labels] if p))
            evidence.append(Evidence(
                step=s.index, words=words, element=f, box=box_of(f), screenshot_step=s.index,
                note=note("login_form", field=clip(f.label or f.name, 40) or None, url=s.url_after) if s.url_after
                else note("login_form_here", field=clip(f.label or f.name, 40) or None),
                data={"url": s.url_after, "fields": len(labels)},
            ))
    if not evidence:
        return Detection(score=1.0, details={"login": False})
    evidence.sort(key=lambda e: e.step)
    details = {"login": True, "first_step": evidence[0].step, "jurisdiction": ctx.jurisdiction}
    if ctx.jurisdiction in (param(ctx, "forbidden_in", ["de"]) or []):
        return Detection(score=0.0, evidence=evidence, details={**details, "forbidden_here": True})
    signup = signup_without_account(journey, ctx, max_fields)
    if signup is not None:
        for ev in evidence:
            ev.note = ev.note + note("login_not_at_signup", journey=signup.id)
        return Detection(score=0.0, evidence=evidence, details={**details, "signup_without_account": signup.id})
    why = note("login_allowed_here", jurisdiction=ctx.jurisdiction)
    return Detection(score=1.0, details={**details, "forbidden_here": False, "reason": why.text("en"),
                                         "reason_parts": why.dump()})
