"""Versioned publication: a scripted sequence of edits and publishes yields exactly the
changelogs expected, each session carries its iCalendar SEQUENCE, publishing without a change
makes no version, and the published programme is served to anyone."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    payloads,
    put_participant,
)

PUBLISH = "/api/v1/conferences/alliance/programme/publish"
PROGRAMME = "/api/v1/conferences/alliance/programme"
EMPTY = {"added": [], "moved": [], "re_roomed": [], "renamed": [], "cancelled": [],
         "details_changed": [], "participants_added": [], "participants_removed": [],
         "participants_changed": []}


def line(session: dict[str, Any]) -> dict[str, Any]:
    return {k: session[k] for k in ("title", "starts_at", "ends_at", "room_id", "room",
                                    "room_names")} | {
        "session_id": session["id"]}


def changes(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {**EMPTY, **lists}


def pair(session: dict[str, Any], person: dict[str, Any], role: str) -> dict[str, Any]:
    return {"session_id": session["id"], "accreditation_id": person["id"], "role": role}


async def patch(api: Api, session: dict[str, Any], **fields: Any) -> dict[str, Any]:
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json=fields)
    assert status == 200, body
    return dict(body)


async def publish(api: Api, expected_status: int = 201) -> dict[str, Any]:
    status, body, _ = await api.call("POST", PUBLISH, role="protocol")
    assert status == expected_status, body
    return dict(body)


async def test_a_scripted_sequence_of_edits_yields_the_expected_changelogs(
    api: Api, conference: dict[str, Any]
) -> None:
    c = conference
    status, body, _ = await api.call("POST", PUBLISH, role="protocol")
    assert status == 409 and "nothing to publish" in body["detail"]
    status, _, _ = await api.call("GET", PROGRAMME)
    assert status == 404

    room_a, room_b = await make_room(api, "Room A", 100), await make_room(api, "Room B", 100)
    be, us = await make_delegation(api, "BE"), await make_delegation(api, "US")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    eric = await accredit(api, "Eric", "Holder", delegation=us)
    opening = await make_session(api, room_a, at(c, 9), at(c, 10),
                                 title={"fr": "Ouverture", "en": "Opening"})
    victims = await make_session(api, room_b, at(c, 10), at(c, 11), press_access="open",
                                 title={"fr": "Victimes", "en": "Victims"})
    # every write's answer checked: a refused one would show here, not as a changelog short
    assert (await put_participant(api, opening, joelle, "chair"))[0] == 200
    assert (await put_participant(api, opening, eric, "speaker"))[0] == 200

    # Version 1: everything is new.
    v1 = await publish(api)
    assert v1["version"] == 1 and v1["published"] is True
    assert v1["changes"] == changes(
        added=[line(opening), line(victims)],
        participants_added=[pair(opening, eric, "speaker"), pair(opening, joelle, "chair")]
        if eric["id"] < joelle["id"] else
        [pair(opening, joelle, "chair"), pair(opening, eric, "speaker")],
    )
    # Publishing again changes nothing and makes no version.
    again = await publish(api, 200)
    assert again == {"version": 1, "published": False, "published_at": v1["published_at"],
                     "changes": EMPTY}

    # Version 2: a move, a re-rooming with a rename, a detail, a new session, people moved.
    opening = await patch(api, opening, starts_at=at(c, 8, 30), ends_at=at(c, 9, 30))
    victims = await patch(api, victims, room_id=room_a["id"], press_access="pool",
                          title={"fr": "Identification des victimes",
                                 "en": "Victim identification"})
    prosecution = await make_session(api, room_b, at(c, 11), at(c, 12),
                                     title={"fr": "Poursuites", "en": "Prosecution"})
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{opening['id']}/participants/{eric['id']}",
        role="protocol")
    assert status == 204
    changed = await put_participant(api, opening, joelle, "speaker")
    assert changed[0] == 200, changed
    added = await put_participant(api, victims, eric, "speaker")
    assert added[0] == 200, added
    v2 = await publish(api)
    assert v2["version"] == 2
    assert v2["changes"] == changes(
        added=[line(prosecution)],
        moved=[{"session_id": opening["id"], "title": opening["title"],
                "starts_at": at(c, 8, 30), "ends_at": at(c, 9, 30),
                "previous_starts_at": at(c, 9), "previous_ends_at": at(c, 10)}],
        re_roomed=[{"session_id": victims["id"], "title": victims["title"],
                    "room_id": room_a["id"], "room": "Room A",
                    "previous_room_id": room_b["id"], "previous_room": "Room B",
                    "room_names": {"fr": "Room A", "en": "Room A"},
                    "previous_room_names": {"fr": "Room B", "en": "Room B"}}],
        renamed=[{"session_id": victims["id"], "title": victims["title"],
                  "previous_title": {"fr": "Victimes", "en": "Victims"}}],
        details_changed=[{"session_id": victims["id"], "title": victims["title"],
                          "field": "press_access", "value": "pool",
                          "previous_value": "open"}],
        participants_added=[pair(victims, eric, "speaker")],
        participants_removed=[pair(opening, eric, "speaker")],
        participants_changed=[{**pair(opening, joelle, "speaker"), "previous_role": "chair"}],
    )

    # Version 3: a published session cancelled; one created and cancelled unseen.
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{prosecution['id']}/cancel",
                                  role="protocol")
    assert status == 200
    unseen = await make_session(api, room_b, at(c, 14), at(c, 15))
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{unseen['id']}/cancel",
                                  role="protocol")
    assert status == 200
    v3 = await publish(api)
    assert v3["version"] == 3
    assert v3["changes"] == changes(cancelled=[line(prosecution)])
    assert (await publish(api, 200))["version"] == 3

    # The latest version, as anyone sees it: no participants; organisers see them.
    status, public, _ = await api.call("GET", PROGRAMME)
    assert status == 200
    assert public["version"] == 3 and public["timezone"] == "Europe/Brussels"
    assert public["changes"] == v3["changes"]
    assert [(s["session_id"], s["sequence"], s["status"], s["participants"])
            for s in public["sessions"]] == [
        (opening["id"], 1, "scheduled", []),
        (victims["id"], 1, "scheduled", []),
        (prosecution["id"], 1, "cancelled", []),
    ]
    status, full, _ = await api.call("GET", PROGRAMME, role="protocol")
    assert status == 200
    assert [s["participants"] for s in full["sessions"]] == [
        [{"accreditation_id": joelle["id"], "role": "speaker"}],
        [{"accreditation_id": eric["id"], "role": "speaker"}],
        [],
    ]
    assert full["sessions"][1] == {
        "session_id": victims["id"], "sequence": 1, "title": victims["title"],
        "kind": "plenary", "room_id": room_a["id"], "room": "Room A",
        "room_names": {"fr": "Room A", "en": "Room A"}, "starts_at": at(c, 10),
        "ends_at": at(c, 11), "status": "scheduled",
        "press_access": "pool", "audience": ["minister", "official"], "royal_presence": False,
        "seated_by": None, "participants": [{"accreditation_id": eric["id"], "role": "speaker"}],
    }
    status, first, _ = await api.call("GET", PROGRAMME + "?version=1")
    assert status == 200
    assert [(s["session_id"], s["sequence"]) for s in first["sessions"]] == [
        (opening["id"], 0), (victims["id"], 0)]
    status, _, _ = await api.call("GET", PROGRAMME + "?version=9")
    assert status == 404

    # Each version wrote one programme.published event carrying its changelog.
    published = await payloads(api, "programme.published", 3)
    assert [(p["version"], p["changes"]) for p in published] == [
        (1, v1["changes"]), (2, v2["changes"]), (3, v3["changes"])]


async def test_sequence_grows_only_with_time_room_title_or_cancellation(
    api: Api, conference: dict[str, Any]
) -> None:
    c = conference
    room_a, room_b = await make_room(api, "Room A", 100), await make_room(api, "Room B", 100)
    session = await make_session(api, room_a, at(c, 9), at(c, 10), press_access="closed")

    async def sequence() -> int:
        status, body, _ = await api.call("GET", PROGRAMME)
        assert status == 200
        [published] = [s for s in body["sessions"] if s["session_id"] == session["id"]]
        return int(published["sequence"])

    await publish(api)
    assert await sequence() == 0
    for fields in ({"press_access": "pool"}, {"kind": "expert_panel"},
                   {"audience": ["expert"]}):
        await patch(api, session, **fields)
        await publish(api)
        assert await sequence() == 0, fields
    expected = 0
    for fields in ({"ends_at": at(c, 10, 30)}, {"room_id": room_b["id"]},
                   {"title": {"fr": "Nouveau", "en": "New"}},
                   {"starts_at": at(c, 8), "room_id": room_a["id"],
                    "title": {"fr": "Encore", "en": "Again"}}):
        await patch(api, session, **fields)
        await publish(api)
        expected += 1
        assert await sequence() == expected, fields
    # Moved and moved back between two publications: nothing to publish, same sequence.
    await patch(api, session, starts_at=at(c, 7))
    await patch(api, session, starts_at=at(c, 8))
    assert (await publish(api, 200))["published"] is False
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{session['id']}/cancel",
                                  role="protocol")
    assert status == 200
    await publish(api)
    assert await sequence() == expected + 1


async def test_only_organisers_publish(api: Api, conference: dict[str, Any]) -> None:
    status, _, _ = await api.call("POST", PUBLISH, role="press_office")
    assert status == 403
    status, _, _ = await api.call("POST", PUBLISH)
    assert status == 401
    status, _, _ = await api.call("GET", "/api/v1/conferences/nowhere/programme")
    assert status == 404
