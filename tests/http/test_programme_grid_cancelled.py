"""The sessions called off, listed under the programme builder's grid: their day and time were
written "2027-01-13 12:30", the only ISO date on a page that writes every other one in words;
they now read as the rest of the console ("13 January 2027, 12:30 CET", "13 janvier 2027 à
12:30 CET"), with the room in the reader's language; and each day's grid lists the sessions
cancelled that day only (a user test of 1 December 2026 saw Sunday night's cancelled session
under Saturday's grid)."""

from __future__ import annotations

from datetime import date

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_console import staff
from tests.support import RecordingSMTP


async def test_a_cancelled_session_is_dated_in_words(api: Api, smtp: RecordingSMTP) -> None:
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body())
    assert status == 201, conference
    room = await make_room(api, {"fr": "Salle 1", "en": "Room 1"}, 60)
    lunch = await make_session(api, room, at(conference, 12, 30), at(conference, 14),
                               title={"fr": "Déjeuner de travail", "en": "Working lunch"})
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{lunch['id']}/cancel",
                                     role="protocol", json={})
    assert status == 200, body
    day = date.fromisoformat(conference["starts_on"])
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, words in (("en", f"Room 1, {day.day} {day:%B} {day.year}, 12:30"),
                        ("fr", f"Salle 1, {day.day}")):
        status, page, _ = await protocol.go("GET", f"/manage/alliance/programme?lang={lang}")
        assert status == 200, page
        listed = page[page.index('id="cancelled-sessions"'):]
        listed = listed[:listed.index("</ul>")]
        assert words in listed, listed
        assert day.isoformat() not in listed, listed


async def test_a_cancelled_session_is_listed_on_its_own_day_only(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                 json=conference_body(starts_on="2027-03-27",
                                                      ends_on="2027-03-28"))
    assert status == 201
    room = await make_room(api, "Salle 1", 60)
    night = await make_session(api, room, "2027-03-28T01:00:00+01:00",
                               "2027-03-28T01:30:00+01:00",
                               title={"fr": "Nuit", "en": "Night"})
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{night['id']}/cancel",
                                     role="protocol", json={})
    assert status == 200, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/programme?day=2027-03-27")
    assert status == 200 and 'id="cancelled-sessions"' not in page
    status, page, _ = await protocol.go("GET", "/manage/alliance/programme?day=2027-03-28")
    assert "Night" in element(page, "cancelled-sessions")
