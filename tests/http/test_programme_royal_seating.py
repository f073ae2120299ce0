"""A royal-presence session holds its room and its participants from its guests' seating (its
start minus the conference's protocol.seated_before_minutes, 15 here), through the API: a
meeting still in the room then is refused as any double booking is, 409 naming the clash and
saying why; one ending as the guests are seated is not (docs/programme.md)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
    session_body,
)

SESSIONS = "/api/v1/conferences/alliance/sessions"


def royal_body(room: dict[str, Any], conference: dict[str, Any], **changes: Any
               ) -> dict[str, Any]:
    """A photo opportunity with the patron, 13:00–13:30: guests seated by 12:45."""
    return session_body(room, at(conference, 13), at(conference, 13, 30),
                        title={"fr": "Photo avec S.M. la Reine", "en": "Photo with H.M. the Queen"},
                        kind="photo_opportunity", press_access="photo_opportunity", audience=[],
                        royal_presence=True, **changes)


async def test_a_royal_session_is_refused_where_a_meeting_runs_past_the_seating(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    meeting = await make_session(api, room, at(conference, 12), at(conference, 13))
    status, body, resp = await api.call("POST", SESSIONS, role="protocol",
                                        json=royal_body(room, conference))
    assert status == 409, body
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert body["type"].endswith("/scheduling-conflict")
    assert body["conflicts"] == [
        {"kind": "room", "session_id": meeting["id"], "title": meeting["title"],
         "room_id": room["id"], "room": "Salle plénière", "starts_at": at(conference, 12),
         "ends_at": at(conference, 13), "accreditation_id": None, "seated_by": None}]
    assert body["seated_by"] == at(conference, 12, 45)
    assert "its guests are seated from 12:45" in body["detail"]
    assert "“Opening session”" in body["detail"]
    # the other way round: the meeting scheduled after the royal session, refused the same way,
    # naming the royal session's seating
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{meeting['id']}",
                                  role="protocol", json={"ends_at": at(conference, 12, 45)})
    assert status == 200
    royal = await make_session(api, room, at(conference, 13), at(conference, 13, 30),
                               **{k: v for k, v in royal_body(room, conference).items()
                                  if k not in ("room_id", "starts_at", "ends_at")})
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{meeting['id']}",
                                     role="protocol", json={"ends_at": at(conference, 12, 50)})
    assert status == 409
    assert [(c["session_id"], c["seated_by"]) for c in body["conflicts"]] == [
        (royal["id"], at(conference, 12, 45))]
    assert "guests seated from 12:45" in body["detail"] and "seated_by" not in body


async def test_a_meeting_ending_as_the_guests_are_seated_is_allowed(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 12), at(conference, 12, 45))
    status, body, _ = await api.call("POST", SESSIONS, role="protocol",
                                     json=royal_body(room, conference))
    assert status == 201, body
    assert body["seated_by"] == at(conference, 12, 45)
    # and one starting after the royal session's end, as before
    await make_session(api, room, at(conference, 13, 30), at(conference, 14))


async def test_a_session_turned_royal_after_the_fact_is_refused_when_its_seating_clashes(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    meeting = await make_session(api, room, at(conference, 12), at(conference, 13))
    photo = await make_session(api, room, at(conference, 13), at(conference, 13, 30),
                               press_access="photo_opportunity", audience=[])
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{photo['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 409, body
    assert [c["session_id"] for c in body["conflicts"]] == [meeting["id"]]
    assert body["seated_by"] == at(conference, 12, 45)
    status, unchanged, _ = await api.call("GET", f"/api/v1/sessions/{photo['id']}",
                                          role="protocol")
    assert unchanged["royal_presence"] is False
    # the meeting shortened to end at the seating: the change goes through
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{meeting['id']}",
                                  role="protocol", json={"ends_at": at(conference, 12, 45)})
    assert status == 200
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{photo['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 200, body


async def test_participants_are_booked_from_the_seating(
    api: Api, conference: dict[str, Any]
) -> None:
    hall, spaak = await make_room(api), await make_room(api, "Room Spaak", 40)
    be = await make_delegation(api, "BE")
    didier = await accredit(api, "Didier", "Reynders", delegation=be)
    briefing = await make_session(api, spaak, at(conference, 12), at(conference, 12, 50))
    assert (await put_participant(api, briefing, didier))[0] == 200
    status, royal, _ = await api.call("POST", SESSIONS, role="protocol",
                                      json=royal_body(hall, conference))
    assert status == 201, royal
    status, body = await put_participant(api, royal, didier)
    assert status == 409, body
    assert [(c["kind"], c["session_id"], c["accreditation_id"]) for c in body["conflicts"]] == [
        ("person", briefing["id"], didier["id"])]
    assert "its guests are seated from 12:45" in body["detail"]
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{briefing['id']}",
                                  role="protocol", json={"ends_at": at(conference, 12, 45)})
    assert status == 200
    assert (await put_participant(api, royal, didier))[0] == 200


async def test_a_royal_session_and_a_meeting_racing_for_the_room_let_one_through(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    bodies = [royal_body(room, conference),
              session_body(room, at(conference, 12), at(conference, 12, 50))]

    async def book(body: dict[str, Any]) -> tuple[int, Any]:
        status, answer, _ = await api.call("POST", SESSIONS, role="protocol", json=body)
        return status, answer

    for _ in range(5):
        results = await asyncio.gather(*(book(b) for b in bodies))
        assert sorted(s for s, _ in results) == [201, 409], results
        [(_, winner)] = [r for r in results if r[0] == 201]
        [(_, refused)] = [r for r in results if r[0] == 409]
        assert [c["session_id"] for c in refused["conflicts"]] == [winner["id"]]
        status, _, _ = await api.call("POST", f"/api/v1/sessions/{winner['id']}/cancel",
                                      role="protocol")
        assert status == 200
