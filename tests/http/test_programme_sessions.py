"""Rooms and sessions through the API: scheduling, moves, cancellation, participants, the
conflicts PostgreSQL refuses (every clash named) and bad input refused as problem+json."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from tests.conftest import Api, conference_body
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    moment,
    payloads,
    put_participant,
    session_body,
)


async def test_a_scheduled_session_reads_back_in_the_conference_time_zone(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, moment(at(conference, 9)).astimezone().isoformat(),
                          at(conference, 10)),
    )
    assert status == 201, body
    assert {k: body[k] for k in ("conference", "kind", "room_id", "room", "starts_at", "ends_at",
                                 "press_access", "audience", "royal_presence", "seated_by",
                                 "status", "cancelled_at", "participants", "warnings")} == {
        "conference": "alliance", "kind": "plenary", "room_id": room["id"],
        "room": "Salle plénière", "starts_at": at(conference, 9), "ends_at": at(conference, 10),
        "press_access": "open", "audience": ["minister", "official"], "royal_presence": False,
        "seated_by": None, "status": "scheduled", "cancelled_at": None, "participants": [],
        "warnings": [],
    }
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/sessions",
                                       role="admin")
    assert status == 200
    assert [s["id"] for s in listed["items"]] == [body["id"]]
    status, one, _ = await api.call("GET", f"/api/v1/sessions/{body['id']}", role="protocol")
    assert status == 200 and one == {k: v for k, v in body.items() if k != "warnings"}


async def test_rooms_are_listed_and_named_once(api: Api, conference: dict[str, Any]) -> None:
    a = await make_room(api, "Room A", 40)
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/rooms", role="admin",
                                     json={"name": "room a", "capacity": 10})
    assert status == 409 and body["field"] == "name"
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/rooms",
                                     role="protocol")
    assert status == 200
    assert body["items"] == [a]


async def test_the_press_office_may_not_schedule(api: Api, conference: dict[str, Any]) -> None:
    room = await make_room(api)
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="press_office",
        json=session_body(room, at(conference, 9), at(conference, 10)))
    assert status == 403
    status, _, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions",
        json=session_body(room, at(conference, 9), at(conference, 10)))
    assert status == 401


async def test_a_double_booked_room_is_refused_naming_every_clash(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    first = await make_session(api, room, at(conference, 9), at(conference, 10))
    second = await make_session(api, room, at(conference, 10), at(conference, 11),
                                title={"fr": "Identification", "en": "Identification"})
    status, body, resp = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 9, 30), at(conference, 10, 30)))
    assert status == 409
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert body["type"].endswith("/scheduling-conflict")
    assert body["conflicts"] == [
        {"kind": "room", "session_id": first["id"], "title": first["title"],
         "room_id": room["id"], "room": "Salle plénière", "starts_at": at(conference, 9),
         "ends_at": at(conference, 10), "accreditation_id": None, "seated_by": None},
        {"kind": "room", "session_id": second["id"], "title": second["title"],
         "room_id": room["id"], "room": "Salle plénière", "starts_at": at(conference, 10),
         "ends_at": at(conference, 11), "accreditation_id": None, "seated_by": None},
    ]
    assert "2 booking(s)" in body["detail"]


async def test_back_to_back_sessions_do_not_clash(api: Api, conference: dict[str, Any]) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))
    await make_session(api, room, at(conference, 10), at(conference, 11))


async def test_a_cancelled_session_frees_its_room_and_its_people(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    other_room = await make_room(api, "Room B", 20)
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Annemie", "Turtelboom", delegation=be)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    assert (await put_participant(api, session, minister))[0] == 200
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{session['id']}/cancel",
                                     role="protocol")
    assert status == 200 and body["status"] == "cancelled"
    assert body["participants"] == [{"accreditation_id": minister["id"], "role": "speaker"}]
    again = await make_session(api, room, at(conference, 9), at(conference, 10))
    elsewhere = await make_session(api, other_room, at(conference, 9), at(conference, 10))
    assert (await put_participant(api, elsewhere, minister))[0] == 200
    assert again["room_id"] == room["id"]
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{session['id']}/cancel",
                                     role="protocol")
    assert status == 409 and body["type"].endswith("/illegal-transition")
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"title": {"fr": "x", "en": "x"}})
    assert status == 409


async def test_a_person_booked_twice_is_refused_naming_the_person_and_the_session(
    api: Api, conference: dict[str, Any]
) -> None:
    room_a, room_b = await make_room(api, "Room A", 50), await make_room(api, "Room B", 50)
    fr = await make_delegation(api, "FR")
    manuel = await accredit(api, "Manuel", "Valls", delegation=fr)
    panel = await make_session(api, room_a, at(conference, 9), at(conference, 10))
    other = await make_session(api, room_b, at(conference, 9, 30), at(conference, 11))
    assert (await put_participant(api, panel, manuel))[0] == 200
    status, body = await put_participant(api, other, manuel)
    assert status == 409
    assert body["conflicts"] == [
        {"kind": "person", "session_id": panel["id"], "title": panel["title"],
         "room_id": room_a["id"], "room": "Room A", "starts_at": at(conference, 9),
         "ends_at": at(conference, 10), "accreditation_id": manuel["id"],
         "seated_by": None},
    ]


async def test_a_move_is_refused_when_it_double_books_a_room_and_people_all_named(
    api: Api, conference: dict[str, Any]
) -> None:
    room_a, room_b = await make_room(api, "Room A", 50), await make_room(api, "Room B", 50)
    de, it = await make_delegation(api, "DE"), await make_delegation(api, "IT")
    hans = await accredit(api, "Hans-Peter", "Friedrich", delegation=de)
    anna = await accredit(api, "Anna Maria", "Cancellieri", delegation=it)
    morning = await make_session(api, room_a, at(conference, 9), at(conference, 10))
    late = await make_session(api, room_b, at(conference, 14), at(conference, 15))
    noon = await make_session(api, room_a, at(conference, 12), at(conference, 13))
    for person in (hans, anna):
        assert (await put_participant(api, morning, person))[0] == 200
        assert (await put_participant(api, late, person))[0] == 200
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{late['id']}", role="protocol",
        json={"room_id": room_a["id"], "starts_at": at(conference, 9, 30),
              "ends_at": at(conference, 12, 30)})
    assert status == 409
    room_clash = {"kind": "room", "room_id": room_a["id"], "room": "Room A",
                  "accreditation_id": None, "seated_by": None}
    person_clash = {"kind": "person", "session_id": morning["id"], "title": morning["title"],
                    "room_id": room_a["id"], "room": "Room A", "starts_at": at(conference, 9),
                    "ends_at": at(conference, 10), "seated_by": None}
    expected = [
        {**room_clash, "session_id": morning["id"], "title": morning["title"],
         "starts_at": at(conference, 9), "ends_at": at(conference, 10)},
        {**room_clash, "session_id": noon["id"], "title": noon["title"],
         "starts_at": at(conference, 12), "ends_at": at(conference, 13)},
    ] + sorted(
        [{**person_clash, "accreditation_id": hans["id"]},
         {**person_clash, "accreditation_id": anna["id"]}],
        key=lambda c: c["accreditation_id"])
    assert body["conflicts"] == expected
    # Same move into the free room B: only the people clash.
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{late['id']}", role="protocol",
        json={"starts_at": at(conference, 9, 30), "ends_at": at(conference, 10, 30)})
    assert status == 409
    assert [c["kind"] for c in body["conflicts"]] == ["person", "person"]


async def test_a_moved_session_carries_its_people_along(
    api: Api, conference: dict[str, Any]
) -> None:
    room_a, room_b = await make_room(api, "Room A", 50), await make_room(api, "Room B", 50)
    se = await make_delegation(api, "SE")
    beatrice = await accredit(api, "Beatrice", "Ask", delegation=se)
    moved = await make_session(api, room_a, at(conference, 9), at(conference, 10))
    assert (await put_participant(api, moved, beatrice))[0] == 200
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{moved['id']}", role="protocol",
        json={"starts_at": at(conference, 15), "ends_at": at(conference, 16)})
    assert status == 200, body
    assert (body["starts_at"], body["ends_at"]) == (at(conference, 15), at(conference, 16))
    # Her old slot is free now, her new one is taken.
    nine = await make_session(api, room_b, at(conference, 9), at(conference, 10))
    assert (await put_participant(api, nine, beatrice))[0] == 200
    three = await make_session(api, room_b, at(conference, 15, 30), at(conference, 16, 30))
    status, body = await put_participant(api, three, beatrice)
    assert status == 409 and body["conflicts"][0]["session_id"] == moved["id"]


async def test_participants_roles_one_chair_and_removal(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    be, nl = await make_delegation(api, "BE"), await make_delegation(api, "NL")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    ivo = await accredit(api, "Ivo", "Opstelten", delegation=nl)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body = await put_participant(api, session, joelle, "chair")
    assert status == 200
    status, body = await put_participant(api, session, ivo, "chair")
    assert status == 409 and body["field"] == "role"
    status, body = await put_participant(api, session, ivo, "speaker")
    assert status == 200
    assert body["participants"] == [{"accreditation_id": joelle["id"], "role": "chair"},
                                    {"accreditation_id": ivo["id"], "role": "speaker"}]
    status, body = await put_participant(api, session, joelle, "attendee")
    assert status == 200
    assert body["participants"][0] == {"accreditation_id": joelle["id"], "role": "attendee"}
    path = f"/api/v1/sessions/{session['id']}/participants/{ivo['id']}"
    status, _, _ = await api.call("DELETE", path, role="protocol")
    assert status == 204
    status, body, _ = await api.call("DELETE", path, role="protocol")
    assert status == 404


async def test_rejected_and_withdrawn_accreditations_cannot_be_put_on_a_session(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    pt = await make_delegation(api, "PT")
    rejected = await accredit(api, "Miguel", "Macedo", delegation=pt, decision="reject")
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body = await put_participant(api, session, rejected)
    assert status == 409
    assert body["type"].endswith("/not-eligible") and body["status_now"] == "rejected"
    submitted = await accredit(api, "Paula", "Teixeira", delegation=pt, decision=None,
                               category="official", rank="senior_official")
    assert (await put_participant(api, session, submitted))[0] == 200


async def test_more_people_invited_than_seats_is_a_warning(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api, "Salon", 2)
    delegations = [await make_delegation(api, c) for c in ("AT", "BG", "CZ")]
    people = [await accredit(api, "Given", f"Family{i}", delegation=d)
              for i, d in enumerate(delegations)]
    session = await make_session(api, room, at(conference, 9), at(conference, 10),
                                 audience=[])
    assert (await put_participant(api, session, people[0]))[0] == 200
    status, body = await put_participant(api, session, people[1])
    assert status == 200 and body["warnings"] == []
    status, body = await put_participant(api, session, people[2])
    assert status == 200
    assert body["warnings"] == [
        "Room Salon seats 2; 3 people are invited (participants and the approved accreditations"
        " of the audience categories)."]
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"audience": ["minister"]})
    assert status == 200 and "3 people are invited" in body["warnings"][0]


# --- bad input --------------------------------------------------------------------------------


async def test_end_before_start_is_refused_naming_ends_at(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    status, body, resp = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 11), at(conference, 10)))
    assert status == 422
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert body["errors"] == [{"field": "ends_at", "message": "must be after starts_at",
                               "type": "end_before_start"}]
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 10), at(conference, 10)))
    assert status == 422 and body["errors"][0]["field"] == "ends_at"


async def test_times_outside_the_conference_are_refused_naming_the_field(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    span = (f"outside the conference: the conference runs from {conference['starts_on']} to "
            f"{conference['ends_on']} (Europe/Brussels)")
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 23, day=-1), at(conference, 9)))
    assert status == 422
    assert body["errors"] == [{"field": "starts_at", "message": span,
                               "type": "outside_conference"}]
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 23, day=1), at(conference, 1, day=2)))
    assert status == 422
    assert body["errors"] == [{"field": "ends_at", "message": span,
                               "type": "outside_conference"}]
    # 23:00 to 24:00 on the last day, Brussels time, is inside; 23:30 UTC is not.
    await make_session(api, room, at(conference, 23, day=1), at(conference, 0, day=2))
    last = date.fromisoformat(conference["ends_on"])
    utc_late = datetime(last.year, last.month, last.day, 23, 30).isoformat() + "+00:00"
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, at(conference, 22, day=1), utc_late))
    assert status == 422 and body["errors"][0]["field"] == "ends_at"


async def test_naive_times_are_refused(api: Api, conference: dict[str, Any]) -> None:
    room = await make_room(api)
    naive = at(conference, 9)[:19]
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, naive, at(conference, 10)))
    assert status == 422
    assert [(e["field"], e["type"]) for e in body["errors"]] == [("starts_at", "timezone_aware")]
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"ends_at": at(conference, 11)[:19]})
    assert status == 422
    assert [(e["field"], e["type"]) for e in body["errors"]] == [("ends_at", "timezone_aware")]


async def test_an_unknown_room_or_a_room_of_another_conference_is_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body("follow-up"))
    assert status == 201
    foreign = await make_room(api, slug="follow-up")
    for room_id in (foreign["id"], "00000000-0000-4000-8000-000000000000"):
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
            json=session_body({"id": room_id}, at(conference, 9), at(conference, 10)))
        assert status == 422
        assert body["errors"] == [{"field": "room_id", "type": "unknown_room",
                                   "message": "no such room in this conference"}]
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"room_id": foreign["id"]})
    assert status == 422 and body["errors"][0]["field"] == "room_id"


async def test_a_participant_of_another_conference_is_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body("follow-up"))
    assert status == 201
    foreign_delegation = await make_delegation(api, "US", slug="follow-up")
    foreigner = await accredit(api, "Eric", "Holder", delegation=foreign_delegation,
                               slug="follow-up")
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body = await put_participant(api, session, foreigner)
    assert status == 422
    assert body["errors"] == [{"field": "accreditation_id", "type": "other_conference",
                               "message": "not an accreditation of this session's conference"}]
    status, body = await put_participant(
        api, session, {"id": "00000000-0000-4000-8000-000000000000"})
    assert status == 404


async def test_other_bad_bodies_are_refused_cleanly(api: Api, conference: dict[str, Any]) -> None:
    room = await make_room(api)
    path = "/api/v1/conferences/alliance/sessions"
    cases = [
        (session_body(room, at(conference, 9), at(conference, 10), kind="banquet"), "kind"),
        (session_body(room, at(conference, 9), at(conference, 10), audience=["press", "press"]),
         "audience"),
        (session_body(room, at(conference, 9), at(conference, 10), room_id="nope"), "room_id"),
        (session_body(room, at(conference, 9), at(conference, 10), colour="red"), "colour"),
        (session_body(room, "tomorrow", at(conference, 10)), "starts_at"),
    ]
    for body, field in cases:
        status, problem, _ = await api.call("POST", path, role="protocol", json=body)
        assert status == 422, (field, problem)
        assert [e["field"] for e in problem["errors"]] == [field]
    status, problem, _ = await api.call("POST", path, role="protocol", data=b"{not json",
                                        headers={"Content-Type": "application/json"})
    assert status == 400
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, problem, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                        role="protocol", json={"title": None})
    assert status == 422
    assert problem["errors"] == [{"field": "title", "message": "may not be null",
                                  "type": "null"}]
    status, _, _ = await api.call("PATCH", "/api/v1/sessions/not-a-uuid", role="protocol",
                                  json={"kind": "plenary"})
    assert status == 404


async def test_a_patch_that_changes_nothing_writes_no_event(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{session['id']}", role="protocol",
        json={"starts_at": moment(at(conference, 9)).astimezone().isoformat(),
              "kind": "plenary"})
    assert status == 200 and body["updated_at"] == session["updated_at"]
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{session['id']}", role="protocol",
        json={"title": {"fr": "Ouverture", "en": "Opening"}, "starts_at": at(conference, 8)})
    assert status == 200
    await payloads(api, "session.moved", 1)  # visible once older transactions are over
    status, events, _ = await api.call("GET", "/api/v1/conferences/alliance/events",
                                       role="admin")
    programme = [(e["type"], e["payload"].get("changed")) for e in events["items"]
                 if e["type"].startswith("session.")]
    assert programme == [("session.scheduled", []),
                         ("session.moved", ["title", "starts_at"])]
    assert timedelta(0) < moment(body["updated_at"]) - moment(session["updated_at"])
