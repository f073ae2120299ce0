"""Two protocol officers (or one in two tabs) on one session's page (tried as a protocol
officer, 5 December 2026): the second save, from a page opened before the first, put back the
times the first had just moved, and both were told "Session saved." The form carries the
fingerprint of what it showed; a save from a page opened before someone else's change is
refused (409), the page shown again as the session is now (docs/workspaces.md, "Two officers
on one session")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tests.browser.helpers import element, form_fields, publish
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


async def test_a_dinner_past_midnight_is_scheduled_and_renamed_on_the_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The official dinner, 21:00 to 01:00: refused as "The end must come after the start.",
    the form having one day; one made through the API could not even be renamed on its page.
    An end before the start is the next day's, for a session of 12 hours at most."""
    await _setup(api, smtp)
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    one = await staff(api, smtp, "protocol@example.org", "protocol")
    day = conf["starts_on"]
    _, page, _ = await one.go("GET", f"{SESSIONS}/new?lang=en")
    assert "An end before the start is on the next day (past midnight)." in element(
        page, "ends-hint")
    fields = {**form_fields(re.search(r'<form [^>]*id="session-form"[^>]*>(.*?)</form>',
                                      page, re.S).group(1)),  # type: ignore[union-attr]
              "title_fr": "Dîner officiel", "title_en": "Official dinner", "kind": "reception",
              "room_id": hall["id"], "day": day, "starts": "21:00", "ends": "01:00",
              "press_access": "closed"}
    status, page, resp = await one.go("POST", f"{SESSIONS}?lang=en", fields)
    assert status == 303, element(page, "error-summary")
    _, body, _ = await api.call("GET", "/api/v1/conferences/alliance/sessions", role="protocol")
    [dinner] = body["items"]
    assert dinner["starts_at"].startswith(f"{day}T21:00")
    second = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    assert dinner["ends_at"].startswith(f"{second}T01:00")

    # renamed on its page: saved, its end still the next day's
    _, page, _ = await one.go("GET", f"{SESSIONS}/{dinner['id']}?lang=en")
    form = _session_form(page)
    assert (form["day"], form["starts"], form["ends"]) == (day, "21:00", "01:00")
    assert element(page, "session-when").endswith("21:00–01:00 (next day) · Plenary hall")
    status, page, _ = await one.go("POST", f"{SESSIONS}/{dinner['id']}?lang=en",
                                   {**form, "title_en": "State dinner"})
    assert status == 303, element(page, "error-summary")
    _, got, _ = await api.call("GET", f"/api/v1/sessions/{dinner['id']}", role="protocol")
    assert got["title"]["en"] == "State dinner"
    assert got["ends_at"].startswith(f"{second}T01:00")

    # the public programme says the end is the next day's, as the invitations do
    assert (await publish(api))["published"] is True
    for language, said in (("en", "(next day)"), ("fr", "(le lendemain)")):
        resp = await api.client.get(f"/alliance/programme?lang={language}")
        cell = re.search(r'<td class="time">(.*?)</td>', await resp.text(), re.S)
        assert cell and said in cell.group(1), cell

    # 14:00 to 13:00 is a mistake, not a session of 23 hours
    _, page, _ = await one.go("GET", f"{SESSIONS}/{dinner['id']}?lang=en")
    status, page, _ = await one.go("POST", f"{SESSIONS}/{dinner['id']}?lang=en",
                                   {**_session_form(page), "starts": "14:00", "ends": "13:00"})
    assert status == 422
    assert "The end must come after the start." in element(page, "error-summary")


async def test_a_room_named_in_arabic_keeps_its_seat_count_on_its_side(
    api: Api, smtp: RecordingSMTP
) -> None:
    """« Salle de presse (80), (50) قاعة الاجتماعات الكبرى »: the seat count of a room named
    in Arabic took the name's direction, under the grid and in the session form's room list.
    Each name is isolated (<bdi>; U+2068 … U+2069 in an option, which takes no markup)."""
    await _setup(api, smtp)
    arabic = "قاعة الاجتماعات الكبرى"
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/rooms", role="protocol",
                                  json={"name": arabic, "capacity": 50})
    assert status == 201
    one = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await one.go("GET", "/manage/alliance/programme?lang=fr")
    assert f"<bdi>{arabic}</bdi> (50)" in page
    _, page, _ = await one.go("GET", f"{SESSIONS}/new?lang=en")
    assert f">\u2068{arabic}\u2069 (50)</option>" in page
