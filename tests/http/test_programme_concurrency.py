"""Concurrent writers against the real service: PostgreSQL's exclusion constraints, not Python,
let exactly one of many overlapping bookings through, and every refusal names the winner."""

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
    session_body,
)


async def test_twenty_overlapping_bookings_of_one_room_let_exactly_one_through(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)

    async def book(i: int) -> tuple[int, Any]:
        body = session_body(room, at(conference, 9, i), at(conference, 10, i),
                            title={"fr": f"Séance {i}", "en": f"Session {i}"})
        status, problem, _ = await api.call("POST", "/api/v1/conferences/alliance/sessions",
                                            role="protocol", json=body)
        return status, problem

    results = await asyncio.gather(*(book(i) for i in range(20)))
    winners = [body for status, body in results if status == 201]
    refused = [body for status, body in results if status == 409]
    assert len(winners) == 1 and len(refused) == 19, [s for s, _ in results]
    [winner] = winners
    for problem in refused:
        assert problem["type"].endswith("/scheduling-conflict")
        assert [(c["kind"], c["session_id"]) for c in problem["conflicts"]] == [
            ("room", winner["id"])]
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/sessions",
                                       role="protocol")
    assert [s["id"] for s in listed["items"]] == [winner["id"]]


async def test_twenty_overlapping_bookings_of_one_person_let_exactly_one_through(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    sessions = []
    for i in range(20):
        room = await make_room(api, f"Room {i}", 30)
        sessions.append(await make_session(api, room, at(conference, 9, i),
                                           at(conference, 10, i)))

    async def book(session: dict[str, Any]) -> tuple[int, Any]:
        status, body, _ = await api.call(
            "PUT", f"/api/v1/sessions/{session['id']}/participants/{joelle['id']}",
            role="protocol", json={"role": "speaker"})
        return status, body

    results = await asyncio.gather(*(book(s) for s in sessions))
    winners = [body for status, body in results if status == 200]
    refused = [body for status, body in results if status == 409]
    assert len(winners) == 1 and len(refused) == 19, [s for s, _ in results]
    for problem in refused:
        assert [(c["kind"], c["session_id"], c["accreditation_id"])
                for c in problem["conflicts"]] == [("person", winners[0]["id"], joelle["id"])]


async def test_concurrent_moves_into_one_slot_let_exactly_one_through(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    sessions = [await make_session(api, room, at(conference, 8 + i), at(conference, 9 + i))
                for i in range(10)]

    async def move(session: dict[str, Any]) -> int:
        status, _, _ = await api.call(
            "PATCH", f"/api/v1/sessions/{session['id']}", role="protocol",
            json={"starts_at": at(conference, 20), "ends_at": at(conference, 21)})
        return status

    statuses = await asyncio.gather(*(move(s) for s in sessions))
    assert sorted(statuses) == [200] + [409] * 9


async def test_two_moves_that_swap_a_persons_sessions_are_both_refused_cleanly(
    api: Api, conference: dict[str, Any]
) -> None:
    # Each move needs the other's slot, held by the same person: whatever the interleaving
    # (including the deadlock PostgreSQL breaks when both wait for each other), both are
    # refused with their conflicts, never a 500.
    be = await make_delegation(api, "BE")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    room_a, room_b = await make_room(api, "Room A", 30), await make_room(api, "Room B", 30)
    first = await make_session(api, room_a, at(conference, 9), at(conference, 10))
    second = await make_session(api, room_b, at(conference, 11), at(conference, 12))
    for session in (first, second):
        status, body, _ = await api.call(
            "PUT", f"/api/v1/sessions/{session['id']}/participants/{joelle['id']}",
            role="protocol", json={"role": "speaker"})
        assert status == 200, body

    async def move(session: dict[str, Any], start: int) -> tuple[int, Any]:
        status, body, _ = await api.call(
            "PATCH", f"/api/v1/sessions/{session['id']}", role="protocol",
            json={"starts_at": at(conference, start), "ends_at": at(conference, start + 1)})
        return status, body

    for _ in range(3):
        results = await asyncio.gather(move(first, 11), move(second, 9))
        assert [status for status, _ in results] == [409, 409], results
        assert [[c["accreditation_id"] for c in body["conflicts"]] for _, body in results] == [
            [joelle["id"]], [joelle["id"]]]


async def test_concurrent_publications_make_one_version(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))

    async def publish() -> tuple[int, Any]:
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/programme/publish", role="protocol")
        return status, body

    results = await asyncio.gather(*(publish() for _ in range(8)))
    assert sorted(status for status, _ in results) == [200] * 7 + [201]
    assert {body["version"] for _, body in results} == {1}
