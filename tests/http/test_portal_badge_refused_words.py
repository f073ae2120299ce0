"""A badge asked from the portal before the member is approved, or after their accreditation
ended, is refused (409) in the page's language, the status in words: a French page said
"Badges are printed for approved accreditations; this one is submitted" (tryout of the focal
point's portal, 4 December 2026). A real database and a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element, member
from tests.conftest import Api
from tests.http.test_console import _signed_in
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


async def test_the_refusal_is_said_in_the_pages_language(api: Api, smtp: RecordingSMTP) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    pending = await member(api, be, "Peeters", decision=None)
    path = f"/delegation/alliance-be/members/{pending['id']}/badge"
    status, page, _ = await focal.go("GET", f"{path}?lang=fr")
    assert status == 409
    assert element(page, "error-message") == (
        "Le badge n'est imprimé que pour une accréditation accordée ; celle-ci est : reçue, en "
        "cours d'examen.")
    status, page, _ = await focal.go("GET", f"{path}?lang=en")
    assert status == 409
    assert element(page, "error-message") == (
        "Badges are printed for approved accreditations only; this one is: received, under "
        "review.")
    # the API's answer keeps its words, with the reason a client can act on
    status, problem, _ = await api.call("GET", f"/api/v1/accreditations/{pending['id']}/badge",
                                        role="protocol")
    assert status == 409 and problem["reason"] == "not_approved", problem
    assert problem["status_now"] == "submitted"
