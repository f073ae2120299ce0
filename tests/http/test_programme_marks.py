"""What changed and what was cancelled, as a reader sees it (user test of 1 December 2026,
findings 12 and 15): the publication preview gave a new end time as "moved 11:00 CEST → 11:00
CEST"; a cancelled press conference still said "open to the press" on the public programme."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_room, make_session
from tests.http.test_console import staff
from tests.support import RecordingSMTP

SPRING = {"starts_on": "2027-03-27", "ends_on": "2027-03-28"}


async def _conference(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**SPRING))
    assert status == 201, body


async def _publish(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                                     role="protocol", json={})
    assert status in (200, 201), body


async def test_the_publication_preview_shows_a_new_end_time(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    room = await make_room(api, "Salle 1", 60)
    closing = await make_session(api, room, "2027-03-28T11:00:00+02:00",
                                 "2027-03-28T12:00:00+02:00",
                                 title={"fr": "Clôture", "en": "Closing"})
    await _publish(api)
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{closing['id']}",
                                     role="protocol",
                                     json={"ends_at": "2027-03-28T12:30:00+02:00"})
    assert status == 200, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, was, now in (("en", "11:00 – 12:00", "11:00 – 12:30"),
                           ("fr", "de 11:00 à 12:00", "de 11:00 à 12:30")):
        status, page, _ = await protocol.go("GET", f"/manage/alliance/publish?lang={lang}")
        assert status == 200, page
        line = element(page, "changelog")
        assert was in line and now in line, line


async def test_a_cancelled_press_conference_is_no_longer_open_to_the_press(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    room = await make_room(api, "Salle 1", 60)
    press = await make_session(api, room, "2027-03-28T13:00:00+02:00",
                               "2027-03-28T13:30:00+02:00", press_access="open",
                               kind="press_conference",
                               title={"fr": "Conférence de presse", "en": "Press conference"})
    await _publish(api)
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{press['id']}/cancel",
                                     role="protocol", json={})
    assert status == 200, body
    await _publish(api)
    for lang, open_words, words in (("fr", "Ouverte à la presse", "Sans objet"),
                                    ("en", "Open to the press", "None (session cancelled)")):
        resp = await api.client.get(f"/alliance/programme?lang={lang}")
        assert resp.status == 200
        row = element(await resp.text(), f"session-{press['id']}")
        assert words in row and open_words not in row, row
