"""The press desk's application page says that the press pool is full before the press officer
chooses "Approve" (docs/workspaces.md, "The press office desk"): trying the desk with the pool
full, the counter above the form was read past, "Approve" chosen, and the refusal (409, "The
press pool is full: waitlist the application or revoke another.") came back only once the
decision was sent. A real database and a real SMTP server."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api, conference_body
from tests.http.test_workspaces_reasons import _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"


async def _conference(api: Api) -> None:
    # the press vetted: the clearance's warning stands above the choice too
    body = conference_body(vetting_required=["press"])
    body["press_registration"]["pool_capacity"] = 1
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created


async def _decide(api: Api, application: dict[str, Any], decision: str) -> None:
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{application['id']}/decision", role="press_office",
        json={"decision": decision})
    assert status == 200, body


async def test_the_decision_form_says_the_pool_is_full_before_the_choice(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    submitted = await press(api, 1)
    waiting = await press(api, 2)
    first = await press(api, 3)
    await _decide(api, waiting, "waitlist")
    v = await _officer(api, smtp)

    # a place left: nothing said
    _, page, _ = await v.go("GET", f"{DESK}/{submitted['id']}?lang=en")
    assert 'id="pool-full-warning"' not in page

    await _decide(api, first, "approve")
    _, page, _ = await v.go("GET", f"{DESK}/{submitted['id']}?lang=en")
    form = page[page.index('id="decision-form"'):]
    # first among the warnings above the choice: it is the one that refuses
    assert 'id="clearance-warning"' in form
    assert form.index('class="alert warning" id="pool-full-warning"') \
        == form.index('class="alert warning"')
    assert form.index('id="pool-full-warning"') < form.index('id="decision-approve"')
    assert element(page, "pool-full-warning") == (
        "The press pool is full: waitlist the application or revoke another.")
    _, page, _ = await v.go("GET", f"{DESK}/{submitted['id']}?lang=fr")
    assert element(page, "pool-full-warning") == (  # (element() folds the spaces)
        "Le pool de presse est complet : mettez la demande en liste d'attente ou "
        "révoquez-en une autre.")
    assert "complet\u00a0: mettez" in page

    # as the refusal says, once sent: the same words, the application still under review
    status, page, _ = await v.go("POST", f"{DESK}/{submitted['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "approve"})
    assert status == 409
    assert "The press pool is full: waitlist the application or revoke another." in page
    # waitlisting it, as the warning says, is done
    status, _, _ = await v.go("POST", f"{DESK}/{submitted['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "waitlist"})
    assert status == 303

    # on the waiting list it is not offered the waiting list again: the warning is not shown
    # (the approval stays refused while the pool is full)
    _, page, _ = await v.go("GET", f"{DESK}/{waiting['id']}?lang=en")
    assert 'id="decision-form"' in page and 'id="pool-full-warning"' not in page
