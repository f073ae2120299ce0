"""A journalist added at the press desk (docs/workspaces.md, "A journalist added at the desk"):
on the meeting's day a journalist came to the desk after the press registration had closed, and
only the API could file them (tryout, 5 December 2026). The desk's form files the application
with the office's grant, the journalist is mailed as a filing mails them, and the
application's page follows, to decide on it; the public form stays closed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.test_workspaces_reasons import _officer
from tests.support import RecordingSMTP

NEW = "/manage/alliance/press/new"
FORM = {"given_name": "Marta", "family_name": "Borg", "email": "marta.borg@example.org",
        "language": "en", "outlet": "Times of Malta", "press_card_number": "MT-2231",
        "role": "photographer", "country": "MT"}


async def test_the_press_office_files_a_walk_in_journalist_after_the_window_closed(
    api: Api, smtp: RecordingSMTP
) -> None:
    now = datetime.now(UTC)
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(press_registration={
                                         "opens_at": (now - timedelta(days=5)).isoformat(),
                                         "closes_at": (now - timedelta(days=1)).isoformat(),
                                         "pool_capacity": 10}))
    assert status == 201, body
    # the public form is closed
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                  json={"category": "press", "given_name": "Marta",
                                        "family_name": "Borg", "email": "x@example.org",
                                        "language": "en",
                                        "press": {"outlet": "X", "press_card_number": "1",
                                                  "role": "journalist"}})
    assert status == 409
    desk = await _officer(api, smtp)
    status, page, _ = await desk.go("GET", "/manage/alliance/press?lang=en")
    assert 'href="/manage/alliance/press/new?lang=en"' in page
    status, page, _ = await desk.go("GET", f"{NEW}?lang=en")
    assert status == 200 and element(page, "walkin-intro").startswith("For a journalist")

    # a field missing: said on it, nothing filed
    status, page, _ = await desk.go("POST", f"{NEW}?lang=en",
                                    {**FORM, "outlet": "", "csrf": hidden(page, "csrf")})
    assert status == 422, page
    assert element(page, "outlet-error") == "Error: This field is required."
    assert 'value="Marta"' in page  # what was typed, kept
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                       role="press_office")
    assert listed["items"] == []

    status, _, resp = await desk.go("POST", f"{NEW}?lang=en",
                                    {**FORM, "csrf": hidden(page, "csrf")})
    assert status == 303, resp
    assert "Borg" not in resp.headers["Location"]  # the name in the flash's cookie
    status, page, _ = await desk.go("GET", resp.headers["Location"])
    assert status == 200
    assert element(page, "flash") == "Application filed for Marta Borg: decide below."
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                       role="press_office")
    [filed] = listed["items"]
    assert (filed["status"], filed["press"]["outlet"], filed["press"]["role"]) == (
        "submitted", "Times of Malta", "photographer")
    # the journalist is told, as a filing tells them, with their link
    [mail] = await smtp.wait_for(1, where=lambda m: "marta.borg@example.org" in m["To"])
    assert mail is not None

    # the same address again: said on the field
    status, page, _ = await desk.go("GET", f"{NEW}?lang=fr")
    status, page, _ = await desk.go("POST", f"{NEW}?lang=fr",
                                    {**FORM, "csrf": hidden(page, "csrf")})
    assert status == 409
    assert element(page, "email-error").startswith("Erreur : Une demande existe déjà")
    # no token: nothing
    status, _, _ = await desk.go("POST", f"{NEW}?lang=en", {**FORM, "email": "b@example.org"})
    assert status == 403


async def test_only_the_press_office_and_admin_add_a_journalist(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    door = await _officer(api, smtp, email="door@example.org", role="door")
    status, _, _ = await door.go("GET", f"{NEW}?lang=en")
    assert status == 403
