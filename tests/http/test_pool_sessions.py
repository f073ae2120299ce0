"""A press pool covers sessions (docs/credentials.md, "Press pools and the sessions they
cover"): only a session of the pool's conference whose press access is ``pool`` or
``photo_opportunity`` may be linked, by the roles that keep the pools; and the pool's members
then receive the session's calendar invitation, and its cancellation when they leave the pool
or the session is unlinked (docs/calendar.md, "Who is invited"). A real database and a real
SMTP server; the mail is read as it arrived and parsed with ``icalendar``."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Any

import asyncpg
import icalendar

from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_focal import sql
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import Calendars, approved, is_invitation
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def _pool(api: Api, name: str = "Royal pool", slug: str = "alliance") -> dict[str, Any]:
    status, pool, _ = await api.call("POST", f"/api/v1/conferences/{slug}/pools",
                                     role="press_office", json={"name": name})
    assert status == 201, pool
    return dict(pool)


async def _settled(api: Api) -> None:
    """Every recorded event dispatched (the calendar's runs done)."""
    for _ in range(300):
        if not await sql(api, "SELECT count(*) FROM domain_event WHERE dispatched_at IS NULL"):
            return
        await asyncio.sleep(0.05)
    raise AssertionError("events still pending")


def _calendar(m: EmailMessage) -> icalendar.Calendar:
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    return icalendar.Calendar.from_ical(part.get_payload(decode=True))


def _mails_to(smtp: RecordingSMTP, address: str) -> list[EmailMessage]:
    return [m for m in smtp.messages if is_invitation(m) and address in str(m["To"])]


def _uid(session: dict[str, Any]) -> str:
    return f"session-{session['id']}@conference.local"


async def test_only_a_pool_or_photo_opportunity_session_of_the_pool_s_conference_is_linked(
    api: Api, conference: dict[str, Any], db: asyncpg.Connection
) -> None:
    room = await make_room(api)
    pool_session = await make_session(api, room, at(conference, 9), at(conference, 10),
                                      press_access="pool")
    photo = await make_session(api, room, at(conference, 11), at(conference, 12),
                               press_access="photo_opportunity")
    closed = await make_session(api, room, at(conference, 13), at(conference, 14),
                                press_access="closed")
    opened = await make_session(api, room, at(conference, 15), at(conference, 16),
                                press_access="open")
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body("summit"))
    assert status == 201, body
    elsewhere = await make_session(api, await make_room(api, slug="summit"),
                                   at(body, 9), at(body, 10), slug="summit",
                                   press_access="pool")
    pool = await _pool(api)
    links = f"/api/v1/pools/{pool['id']}/sessions"

    status, linked, _ = await api.call("PUT", f"{links}/{pool_session['id']}",
                                       role="press_office")
    assert status == 200, linked
    assert linked["sessions"] == [pool_session["id"]]
    status, linked, _ = await api.call("PUT", f"{links}/{photo['id']}", role="admin")
    assert status == 200, linked
    assert linked["sessions"] == [pool_session["id"], photo["id"]]  # by their start
    status, again, _ = await api.call("PUT", f"{links}/{photo['id']}", role="press_office")
    assert status == 200 and again["sessions"] == linked["sessions"]  # idempotent
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type = 'pool.session_linked'") == 2

    for session in (closed, opened):
        status, problem, resp = await api.call("PUT", f"{links}/{session['id']}",
                                                  role="press_office")
        assert status == 409, problem
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert problem["field"] == "press_access"
        assert problem["press_access"] == session["press_access"]
    status, problem, resp = await api.call("PUT", f"{links}/{elsewhere['id']}",
                                              role="press_office")
    assert status == 422, problem
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert [e["field"] for e in problem["errors"]] == ["session_id"]
    status, problem, _ = await api.call(
        "PUT", f"{links}/00000000-0000-4000-8000-000000000000", role="press_office")
    assert status == 404, problem

    # a delegation's focal point keeps no pool
    be = await make_delegation(api, "BE")
    status, problem, _ = await api.call("PUT", f"{links}/{pool_session['id']}",
                                        role=be["focal_point_token"])
    assert status == 403, problem
    status, problem, _ = await api.call("DELETE", f"{links}/{pool_session['id']}",
                                        role=be["focal_point_token"])
    assert status == 403, problem

    status, listed, _ = await api.call("GET", f"{BASE}/pools", role="press_office")
    assert status == 200, listed
    assert listed["items"][0]["sessions"] == [pool_session["id"], photo["id"]]

    status, _, _ = await api.call("DELETE", f"{links}/{pool_session['id']}",
                                  role="press_office")
    assert status == 204
    status, problem, _ = await api.call("DELETE", f"{links}/{pool_session['id']}",
                                        role="press_office")
    assert status == 404, problem
    status, listed, _ = await api.call("GET", f"{BASE}/pools", role="press_office")
    assert listed["items"][0]["sessions"] == [photo["id"]]
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type = 'pool.session_unlinked'") == 1


async def test_a_pool_s_members_are_invited_to_the_royal_opening_it_covers_and_uninvited(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The royal opening, press pool only: no journalist is invited by its audience, and
    protocol used to add each pool journalist as a participant. Now the press office links the
    session to its pool: the members get the REQUEST; one taken out of the pool, and the rest
    when the session is unlinked, get the CANCEL."""
    cal = Calendars(smtp)
    first = await approved(api, press_body(1, language="en"), "press_office", "press_office")
    second = await approved(api, press_body(2, language="en"), "press_office", "press_office")
    room = await make_room(api)
    opening = await make_session(
        api, room, at(conference, 9), at(conference, 10), press_access="pool",
        royal_presence=True, audience=["minister", "official", "press"],
        title={"fr": "Ouverture royale", "en": "Royal opening"})
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    await _settled(api)
    await cal.next(0)  # a pool session: the press is not invited by its audience

    pool = await _pool(api)
    members = f"/api/v1/pools/{pool['id']}/members"
    status, body, _ = await api.call("PUT", f"{members}/{first}", role="press_office")
    assert status == 200, body
    await _settled(api)
    await cal.next(0)  # the pool covers nothing yet

    status, body, _ = await api.call("PUT", f"/api/v1/pools/{pool['id']}/sessions/"
                                            f"{opening['id']}", role="press_office")
    assert status == 200, body
    [invite] = await cal.next(1)
    assert (invite.to, invite.method, invite.uid) == ("marie.dupont1@example.org", "REQUEST",
                                                       _uid(opening))
    [mail] = _mails_to(smtp, "marie.dupont1@example.org")
    ics = _calendar(mail)
    assert str(ics["METHOD"]) == "REQUEST"
    [event] = list(ics.walk("VEVENT"))
    assert str(event["UID"]) == _uid(opening)
    assert str(event["SUMMARY"]) == "Royal opening"
    attendee = event["ATTENDEE"]
    assert str(attendee).lower() == "mailto:marie.dupont1@example.org"
    assert attendee.params["ROLE"] == "OPT-PARTICIPANT"
    assert mail["Subject"].startswith("Invitation")

    # a member added to a pool that covers the session is invited at once
    status, body, _ = await api.call("PUT", f"{members}/{second}", role="press_office")
    assert status == 200, body
    [invite] = await cal.next(1)
    assert (invite.to, invite.method, invite.uid) == ("marie.dupont2@example.org", "REQUEST",
                                                       _uid(opening))

    # a publication leaves the pool's invitations alone
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{opening['id']}",
                                     role="protocol", json={"ends_at": at(conference, 10, 30)})
    assert status == 200, body
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    updates = await cal.next(2)
    assert {(i.to, i.method) for i in updates} == {("marie.dupont1@example.org", "REQUEST"),
                                                    ("marie.dupont2@example.org", "REQUEST")}
    held = {i.to: i.sequence for i in updates}

    # taken out of the pool: that journalist alone gets the CANCEL
    status, _, _ = await api.call("DELETE", f"{members}/{first}", role="press_office")
    assert status == 204
    [cancel] = await cal.next(1)
    assert (cancel.to, cancel.method, cancel.uid) == ("marie.dupont1@example.org", "CANCEL",
                                                       _uid(opening))
    ics = _calendar(_mails_to(smtp, "marie.dupont1@example.org")[-1])
    assert str(ics["METHOD"]) == "CANCEL"
    [event] = list(ics.walk("VEVENT"))
    assert str(event["UID"]) == _uid(opening)
    assert int(event["SEQUENCE"]) > held["marie.dupont1@example.org"]

    # the session unlinked: the members left get the CANCEL
    status, _, _ = await api.call("DELETE", f"/api/v1/pools/{pool['id']}/sessions/"
                                            f"{opening['id']}", role="press_office")
    assert status == 204
    [cancel] = await cal.next(1)
    assert (cancel.to, cancel.method, cancel.uid) == ("marie.dupont2@example.org", "CANCEL",
                                                       _uid(opening))
    ics = _calendar(_mails_to(smtp, "marie.dupont2@example.org")[-1])
    assert str(ics["METHOD"]) == "CANCEL"
    [event] = list(ics.walk("VEVENT"))
    assert str(event["UID"]) == _uid(opening)
    assert int(event["SEQUENCE"]) > held["marie.dupont2@example.org"]
    await _settled(api)
    await cal.next(0)  # nothing more
