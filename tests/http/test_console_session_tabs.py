"""Two protocol officers (or one in two tabs) on one session's page (tried as a protocol
officer, 5 December 2026): the second save, from a page opened before the first, put back the
times the first had just moved, and both were told "Session saved." The form carries the
fingerprint of what it showed; a save from a page opened before someone else's change is
refused (409), the page shown again as the session is now (docs/workspaces.md, "Two officers
on one session")."""

from __future__ import annotations

import re

from tests.browser.helpers import element, form_fields
from tests.conftest import Api
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"


def _session_form(page: str) -> dict[str, str]:
    form = re.search(r'<form [^>]*id="session-form"[^>]*>(.*?)</form>', page, re.S)
    assert form, page
    return form_fields(form.group(1))


async def test_a_save_from_a_page_opened_before_another_s_change_is_refused(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    one = await staff(api, smtp, "protocol@example.org", "protocol")
    other = await staff(api, smtp, "deputy@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    _, page_one, _ = await one.go("GET", f"{path}?lang=en")
    _, page_other, _ = await other.go("GET", f"{path}?lang=en")

    # the first moves it to 10:00–10:45
    moved = {**_session_form(page_one), "starts": "10:00", "ends": "10:45"}
    status, _, _ = await one.go("POST", f"{path}?lang=en", moved)
    assert status == 303

    # the other, whose page still says 09:30–10:15, corrects the English title only
    renamed = {**_session_form(page_other), "title_en": "Opening of the meeting"}
    assert renamed["starts"] == "09:30"
    status, page, _ = await other.go("POST", f"{path}?lang=en", renamed)
    assert status == 409, page
    assert element(page, "form-error").startswith(
        "Someone else changed this session after you opened this page: your changes were not "
        "saved.")
    _, body, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}", role="protocol")
    assert body["starts_at"].startswith(f"{conf['starts_on']}T10:00")  # the move stands
    assert body["title"]["en"] != "Opening of the meeting"
    # the form shows the session as it is now; sent again from it, the title is saved
    again = _session_form(page)
    assert (again["starts"], again["ends"]) == ("10:00", "10:45")
    status, _, _ = await other.go("POST", f"{path}?lang=en",
                                  {**again, "title_en": "Opening of the meeting"})
    assert status == 303
    _, body, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}", role="protocol")
    assert body["title"]["en"] == "Opening of the meeting"
    assert body["starts_at"].startswith(f"{conf['starts_on']}T10:00")

    # the French page's words
    _, page_fr, _ = await one.go("GET", f"{path}?lang=fr")
    _, page_fr_other, _ = await other.go("GET", f"{path}?lang=fr")
    status, _, _ = await other.go("POST", f"{path}?lang=fr",
                                  {**_session_form(page_fr_other), "title_fr": "Ouverture"})
    assert status == 303
    status, page, _ = await one.go("POST", f"{path}?lang=fr",
                                   {**_session_form(page_fr), "title_fr": "Séance d'ouverture"})
    assert status == 409
    assert element(page, "form-error").startswith(
        "Cette séance a été modifiée par quelqu'un d'autre après l'ouverture de cette page : ")


async def test_a_save_whose_page_is_current_is_not_refused(api: Api, smtp: RecordingSMTP
                                                          ) -> None:
    """An officer saving twice in a row, each time from the page the last save led to, is
    never refused: only someone else's change in between makes a page stale."""
    await _setup(api, smtp)
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    one = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    _, page, _ = await one.go("GET", f"{path}?lang=en")
    status, _, resp = await one.go("POST", f"{path}?lang=en",
                                   {**_session_form(page), "starts": "09:00"})
    assert status == 303
    _, page, _ = await one.go("GET", resp.headers["Location"])
    status, _, _ = await one.go("POST", f"{path}?lang=en",
                                {**_session_form(page), "ends": "10:30"})
    assert status == 303
    _, body, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}", role="protocol")
    assert body["starts_at"].startswith(f"{conf['starts_on']}T09:00")
    assert body["ends_at"].startswith(f"{conf['starts_on']}T10:30")
