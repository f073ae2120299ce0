"""A session's times on the programme builder's form, when the clocks change (user test of
1 December 2026, finding 11): a session typed for 02:15–02:45 on 28 March 2027 in Brussels,
an hour the clocks skip, was saved as 03:15–03:45 without a word. It is now refused on its
field, as the deadlines' form refuses such a time (workspaces.domain.wall_clock); a repeated
autumn hour is its first occurrence."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_room
from tests.http.test_console import Visitor, staff
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"
# Brussels puts its clocks forward at 02:00 on 28 March 2027 and back at 03:00 on 31 October
SPRING = {"starts_on": "2027-03-27", "ends_on": "2027-03-28"}


async def _form(v: Visitor, page_path: str, action: str, fields: list[tuple[str, str]]
                ) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", page_path)
    return await v.go("POST", action, [("csrf", hidden(page, "csrf")), *fields])  # type: ignore


def _session(room_id: str, day: str, starts: str, ends: str) -> list[tuple[str, str]]:
    return [("title_fr", "Nuit"), ("title_en", "Night"), ("kind", "plenary"),
            ("room_id", room_id), ("day", day), ("starts", starts), ("ends", ends),
            ("press_access", "closed"), ("audience", "minister")]


async def _conference(api: Api, **dates: str) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**dates))
    assert status == 201, body


async def _sessions(api: Api) -> list[dict[str, Any]]:
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/sessions",
                                     role="protocol")
    assert status == 200, body
    return list(body["items"])


def _utc(session: dict[str, Any]) -> tuple[str, str]:
    """A session's start and end in UTC, to the minute."""
    return tuple(datetime.fromisoformat(session[k]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
                 for k in ("starts_at", "ends_at"))  # type: ignore[return-value]


async def test_a_time_the_clocks_skip_is_refused_on_its_field_in_both_languages(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, **SPRING)
    room = await make_room(api, {"fr": "Salle 1", "en": "Room 1"}, 60)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    new = f"{SESSIONS}/new"
    for lang, words in (("en", "does not exist on that day"), ("fr", "n'existe pas ce jour-là")):
        status, page, _ = await _form(protocol, f"{new}?lang={lang}", f"{SESSIONS}?lang={lang}",
                                      _session(room["id"], "2027-03-28", "02:15", "02:45"))
        assert status == 422, page
        assert words in element(page, "starts-error") and words in element(page, "ends-error")
        assert words in element(page, "error-summary")
    # only the end in the gap: the end is named, not the start
    status, page, _ = await _form(protocol, new, SESSIONS,
                                  _session(room["id"], "2027-03-28", "01:30", "02:30"))
    assert status == 422 and 'id="ends-error"' in page and 'id="starts-error"' not in page
    assert await _sessions(api) == []
    # the same times the day before exist: saved as typed
    status, _, resp = await _form(protocol, new, SESSIONS,
                                  _session(room["id"], "2027-03-27", "02:15", "02:45"))
    assert status == 303, resp
    [saved] = await _sessions(api)
    assert _utc(saved) == ("2027-03-27T01:15", "2027-03-27T01:45")
    # a change of the session to the skipped hour is refused too, and nothing moves
    path = resp.headers["Location"].split("?")[0]
    status, page, _ = await _form(protocol, path, path,
                                  _session(room["id"], "2027-03-28", "02:15", "02:45"))
    assert status == 422 and 'id="starts-error"' in page
    assert _utc((await _sessions(api))[0]) == ("2027-03-27T01:15", "2027-03-27T01:45")


async def test_a_repeated_autumn_hour_is_its_first_occurrence(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, starts_on="2027-10-30", ends_on="2027-10-31")
    room = await make_room(api, "Salle 1", 60)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, _, resp = await _form(protocol, f"{SESSIONS}/new", SESSIONS,
                                  _session(room["id"], "2027-10-31", "02:30", "03:30"))
    assert status == 303, resp
    [saved] = await _sessions(api)
    # 02:30 CEST (the first 02:30) to 03:30 CET: two hours
    assert _utc(saved) == ("2027-10-31T00:30", "2027-10-31T02:30")


async def test_the_grid_and_the_form_say_in_which_time_the_times_are(
    api: Api, smtp: RecordingSMTP
) -> None:
    # the officer may be in another country than the venue: the times typed and shown are the
    # conference's, and say so, with the abbreviation of that day (CET, then CEST on the 28th)
    await _conference(api, **SPRING)
    await make_room(api, {"fr": "Salle 1", "en": "Room 1"}, 60)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/programme?day=2027-03-27&lang=en")
    assert element(page, "grid-zone") == "Times at the conference (Brussels time, CET)."
    _, page, _ = await protocol.go("GET", "/manage/alliance/programme?day=2027-03-28&lang=fr")
    assert element(page, "grid-zone") == (
        "Heures de la conférence (heure de Bruxelles, CEST).")
    _, page, _ = await protocol.go("GET", f"{SESSIONS}/new?day=2027-03-28&lang=en")
    assert element(page, "starts-hint") == "Times at the conference (Brussels time, CEST)."
    assert 'aria-describedby="starts-hint"' in page
