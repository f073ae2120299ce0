"""A conference's days, time zone and languages corrected through the API (``PATCH
/api/v1/conferences/{slug}``; docs/workspaces.md, "The conference's days, time zone and
languages"): what an organiser who typed them wrong, or whose meeting gains a day, may mend,
and what the programme, the invitations and the letters already sent refuse (409 naming the
field and why)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from tests.conftest import Api, conference_body, direct_url
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    moment,
    payloads,
    session_body,
)
from tests.support import another_waits_for_a_lock

BASE = "/api/v1/conferences/alliance"
BRUSSELS, LISBON = ZoneInfo("Europe/Brussels"), ZoneInfo("Europe/Lisbon")


def day(conference: dict[str, Any], n: int) -> str:
    return (date.fromisoformat(conference["starts_on"]) + timedelta(days=n)).isoformat()


async def refused(api: Api, body: dict[str, Any], field: str, code: str,
                  slug: str = "alliance") -> dict[str, Any]:
    """The correction refused with 409 naming ``field`` and the rule, the conference as it
    was."""
    _, before, _ = await api.call("GET", f"/api/v1/conferences/{slug}")
    status, problem, resp = await api.call("PATCH", f"/api/v1/conferences/{slug}",
                                           role="admin", json=body)
    assert status == 409, (body, problem)
    assert resp.content_type == "application/problem+json"
    assert (problem["field"], problem["code"]) == (field, code), problem
    _, after, _ = await api.call("GET", f"/api/v1/conferences/{slug}")
    assert after == before
    return dict(problem)


async def test_the_last_day_moved_later_is_saved_with_its_event(
    api: Api, conference: dict[str, Any]
) -> None:
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"ends_on": day(conference, 2)})
    assert status == 200, body
    assert body["changed"] == ["ends_on"] and body["to_review"] == []
    _, c, _ = await api.call("GET", BASE)
    assert c["ends_on"] == day(conference, 2) and c["starts_on"] == conference["starts_on"]
    [event] = await payloads(api, "conference.details_changed", 1)
    assert event["fields"] == ["ends_on"] and event["sessions_moved"] == []


async def test_days_that_would_leave_a_session_outside_are_refused_naming_it(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))
    last = await make_session(api, room, at(conference, 9, day=1), at(conference, 11, day=1),
                              title={"fr": "Clôture", "en": "Closing session"})
    problem = await refused(api, {"ends_on": conference["starts_on"]}, "ends_on",
                            "sessions_outside")
    assert [s["id"] for s in problem["sessions"]] == [last["id"]]
    assert "1 session(s)" in problem["detail"] and "“Clôture”" in problem["detail"]
    # the meeting moved a day later: the sessions are not shifted, both refuse it
    problem = await refused(api, {"starts_on": day(conference, 1), "ends_on": day(conference, 2)},
                            "starts_on", "sessions_outside")
    assert len(problem["sessions"]) == 1
    # a day more at either end is fine
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "starts_on": day(conference, -1), "ends_on": day(conference, 2)})
    assert status == 200 and body["changed"] == ["starts_on", "ends_on"], body


async def test_a_last_day_before_the_first_is_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    problem = await refused(api, {"ends_on": day(conference, -1)}, "ends_on", "dates_order")
    assert "before the first" in problem["detail"]
    await refused(api, {"starts_on": day(conference, 3), "ends_on": day(conference, 2)},
                  "ends_on", "dates_order")


async def test_days_the_press_window_or_the_security_list_no_longer_fit_are_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    """The fixture's press registration closes 20 days from now, its security list 25 days
    from now: a meeting brought forward to 10 days from now would be over before either."""
    soon = (datetime.now(BRUSSELS) + timedelta(days=10)).date()
    days = {"starts_on": soon.isoformat(), "ends_on": (soon + timedelta(days=1)).isoformat()}
    problem = await refused(api, days, "ends_on", "press_after_end")
    assert problem["conflicts_with"] == "press_registration.closes_at"
    assert "press registration closes" in problem["detail"]
    window = {**conference["press_registration"],
              "closes_at": datetime.combine(soon, time(12), BRUSSELS).isoformat()}
    problem = await refused(api, {**days, "press_registration": window}, "ends_on",
                            "security_list_after_end")
    assert problem["conflicts_with"] == "security_list_deadline"


async def test_a_time_zone_corrected_keeps_the_local_times_typed(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    # back to back in one room: moved one by one, the first would clash with the second
    first = await make_session(api, room, at(conference, 9), at(conference, 10))
    second = await make_session(api, room, at(conference, 10), at(conference, 11))
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"timezone": "Europe/Lisbon"})
    assert status == 200, body
    assert body["changed"] == ["press_registration", "timezone"], body
    c = body["conference"]
    assert c["timezone"] == "Europe/Lisbon"
    for s, hour in ((first, 9), (second, 10)):
        status, stored, _ = await api.call("GET", f"/api/v1/sessions/{s['id']}",
                                           role="protocol")
        assert status == 200, stored
        starts = moment(stored["starts_at"])
        assert starts.astimezone(LISBON).time() == time(hour)
        assert starts == moment(s["starts_at"]) + timedelta(hours=1)  # Lisbon is an hour behind
    for name in ("opens_at", "closes_at"):
        old = moment(conference["press_registration"][name]).astimezone(BRUSSELS)
        new = moment(c["press_registration"][name]).astimezone(LISBON)
        assert new.replace(tzinfo=None) == old.replace(tzinfo=None), name
    old = moment(conference["security_list_deadline"]).astimezone(BRUSSELS)
    new = moment(c["security_list_deadline"]).astimezone(LISBON)
    assert new.replace(tzinfo=None) == old.replace(tzinfo=None)
    [event] = await payloads(api, "conference.details_changed", 1)
    assert event["fields"] == ["press_registration", "timezone"]
    assert sorted(event["sessions_moved"]) == sorted([first["id"], second["id"]])


async def test_a_zone_where_a_session_s_time_does_not_exist_is_refused(api: Api) -> None:
    """02:30 on the last Sunday of March 2027 is a time the clocks skip in Brussels."""
    body = conference_body("nuit", timezone="UTC", starts_on="2027-03-27", ends_on="2027-03-28")
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=body))[0] == 201
    room = await make_room(api, slug="nuit")
    await make_session(api, room, "2027-03-28T02:30:00+00:00", "2027-03-28T03:30:00+00:00",
                       slug="nuit")
    problem = await refused(api, {"timezone": "Europe/Brussels"}, "timezone",
                            "timezone_no_such_time", slug="nuit")
    assert "2027-03-28 02:30" in problem["detail"]


async def test_the_zone_and_the_first_language_stay_once_the_programme_is_published(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    problem = await refused(api, {"timezone": "Europe/Lisbon"}, "timezone",
                            "timezone_published")
    assert "invitations went out" in problem["detail"]
    await refused(api, {"languages": ["en", "fr"]}, "languages", "first_language_published")
    # the days still may be corrected
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"ends_on": day(conference, 2)})
    assert status == 200 and body["changed"] == ["ends_on"], body


async def test_a_language_added_says_what_to_check(api: Api) -> None:
    body = conference_body("seule", languages=["fr"])
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=body))[0] == 201
    room = await make_room(api, slug="seule")
    c = (await api.call("GET", "/api/v1/conferences/seule"))[1]
    await make_session(api, room, at(c, 9), at(c, 10), slug="seule",
                       title={"fr": "Ouverture", "en": "Ouverture"})
    status, answer, _ = await api.call("PATCH", "/api/v1/conferences/seule", role="admin",
                                       json={"languages": ["fr", "en"]})
    assert status == 200, answer
    assert answer["changed"] == ["languages"]
    assert answer["conference"]["languages"] == ["fr", "en"]
    [note] = answer["to_review"]
    assert "English added" in note and "programme builder" in note
    assert "1 session(s) have the same title in English as in French" in note
    # the public programme and its feed read in the new language
    assert (await api.call("POST", "/api/v1/conferences/seule/programme/publish",
                           role="protocol"))[0] == 201
    status, page, _ = await api.call("GET", "/seule/programme?lang=en")
    assert status == 200 and "Ouverture" in page
    status, feed, _ = await api.call("GET", "/api/v1/conferences/seule/programme.ics?lang=en")
    assert status == 200 and "SUMMARY:Ouverture" in feed


async def test_a_language_is_removed_only_while_nobody_uses_it(
    api: Api, conference: dict[str, Any]
) -> None:
    # nothing in English yet: removed, and put back
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={"languages": ["fr"]})
    assert status == 200 and body["changed"] == ["languages"], body
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"languages": ["fr", "en"]})
    assert status == 200 and body["conference"]["languages"] == ["fr", "en"], body
    be = await make_delegation(api, "BE")
    await accredit(api, "John", "Smith", delegation=be, language="en", decision=None)
    problem = await refused(api, {"languages": ["fr"]}, "languages", "language_in_use")
    assert problem["detail"].startswith("English cannot be removed: 1 accreditation(s) in "
                                        "English")
    # the first language changes before publication (French is still used: it stays)
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"languages": ["en", "fr"]})
    assert status == 200 and body["conference"]["languages"] == ["en", "fr"], body
    await refused(api, {"languages": ["en"]}, "languages", "language_in_use")


async def test_days_zone_and_languages_cannot_be_removed_nor_be_unknown(
    api: Api, conference: dict[str, Any]
) -> None:
    for body, field in (({"timezone": None}, "timezone"), ({"languages": None}, "languages"),
                        ({"starts_on": None}, "starts_on"),
                        ({"timezone": "Europe/Atlantis"}, "timezone"),
                        ({"languages": ["fr", "fr"]}, "languages"),
                        ({"languages": ["de"]}, "languages.0"),
                        ({"languages": []}, "languages")):
        status, problem, _ = await api.call("PATCH", BASE, role="admin", json=body)
        assert status == 422, (body, problem)
        assert field in [e["field"] for e in problem["errors"]], (body, problem)


async def test_a_zone_of_the_same_offsets_moves_nothing(
    api: Api, conference: dict[str, Any]
) -> None:
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"timezone": "Europe/Paris"})
    assert status == 200 and body["changed"] == ["timezone"], body
    assert body["conference"]["press_registration"] == conference["press_registration"]
    _, stored, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}", role="protocol")
    assert moment(stored["starts_at"]) == moment(session["starts_at"])
    [event] = await payloads(api, "conference.details_changed", 1)
    assert event == {"fields": ["timezone"], "sessions_moved": []}


async def test_a_zone_corrected_while_a_session_is_moved_keeps_the_move(
    api: Api, conference: dict[str, Any]
) -> None:
    """A session being moved (its row updated, not yet committed) when the zone is corrected:
    the correction waits for the move and keeps the moved local time, rather than putting the
    session back at the time it read before."""
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10))
    mover = await asyncpg.connect(direct_url(api.db_url))
    try:
        tx = mover.transaction()
        await tx.start()
        await mover.execute("UPDATE session SET during = tstzrange($2, $3) WHERE id = $1",
                            session["id"], moment(at(conference, 11)),
                            moment(at(conference, 12)))
        patch = asyncio.create_task(api.call("PATCH", BASE, role="admin",
                                             json={"timezone": "Europe/Lisbon"}))
        await another_waits_for_a_lock(mover, patch)
        await tx.commit()
    finally:
        await mover.close()
    status, body, _ = await patch
    assert status == 200, body
    _, stored, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}", role="protocol")
    assert moment(stored["starts_at"]).astimezone(LISBON).time() == time(11)


async def test_a_session_scheduled_while_the_days_are_corrected_is_checked_against_them(
    api: Api, conference: dict[str, Any]
) -> None:
    """A correction of the days being saved (the conference's row updated, not yet committed)
    when a session is scheduled on the day it removes: the scheduling waits for it and is
    refused on the corrected days, rather than saving a session outside the meeting (it read
    the conference unlocked and answered 201)."""
    room = await make_room(api)
    corrector = await asyncpg.connect(direct_url(api.db_url))
    try:
        tx = corrector.transaction()
        await tx.start()
        await corrector.execute("UPDATE conference SET ends_on = starts_on WHERE slug = $1",
                                "alliance")
        scheduling = asyncio.create_task(make_session_status(api, room, conference))
        await another_waits_for_a_lock(corrector, scheduling)
        await tx.commit()
    finally:
        await corrector.close()
    status, body = await scheduling
    assert status == 422, body
    assert {e["field"] for e in body["errors"]} & {"starts_at", "ends_at"}, body
    _, sessions, _ = await api.call("GET", f"{BASE}/sessions", role="protocol")
    assert sessions["items"] == []


async def make_session_status(api: Api, room: dict[str, Any],
                              conference: dict[str, Any]) -> tuple[int, Any]:
    """A session on the conference's second day, scheduled: the status and body."""
    status, body, _ = await api.call(
        "POST", f"{BASE}/sessions", role="protocol",
        json=session_body(room, at(conference, 9, day=1), at(conference, 10, day=1)))
    return status, body
