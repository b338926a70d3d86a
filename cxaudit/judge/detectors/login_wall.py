"""CX102 login_wall: a login step, or a page with a login form, met before the cancellation was confirmed."""

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


@detector("login_wall")
def login_wall(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    steps = journey.steps
    if journey.outcome == "completed" and len(steps) > 1:
        steps = steps[:-1]  # the success page itself is not on the way
    evidence: list[Evidence] = []
    seen_urls: set[str] = set()
    for s in steps:
        if s.type == "login":
            evidence.append(Evidence(
                step=s.index, words=clip(" / ".join(f.label or f.name or "" for f in s.filled) or (s.element.name if s.element else None)),
                element=s.element, box=box_of(s.element),
                screenshot_step=max(s.index - 1, 0), note=note("login_step"),
                data={"login_step": True},
            ))
            continue
        forms = login_forms(s.observation, int(param(ctx, "max_login_fields", 3)))
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
    return Detection(score=0.0, evidence=evidence, details={"login": True, "first_step": evidence[0].step})
