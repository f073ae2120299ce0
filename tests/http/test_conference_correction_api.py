"""A conference's details corrected through the API (``PATCH /api/v1/conferences/{slug}``,
docs/workspaces.md, "The conference's details"): the same correction as the console's settings
page, for a client. A field given replaces the conference's, a field left out stays; what the
invitations render reaches every calendar that holds one; what may not change is refused,
naming the field; two corrections of different fields at once both land."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_details import event_of, to
from tests.http.test_calendar_flow import Calendars, approved, is_invitation, official
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
BRUSSELS = ZoneInfo("Europe/Brussels")


async def details_events(api: Api) -> list[dict[str, Any]]:
    """The ``conference.details_changed`` events of the conference, once the log shows them."""
    found: list[dict[str, Any]] = []
    for _attempt in range(30):
        status, events, _ = await api.call("GET", f"{BASE}/events", role="admin")
        assert status == 200, events
        found = [e for e in events["items"] if e["type"] == "conference.details_changed"]
        if found:
            return found
        await asyncio.sleep(0.1)
    return found


async def test_a_field_given_replaces_the_conference_s_and_the_rest_stays(
    api: Api, conference: dict[str, Any]
) -> None:
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "venue": {"name": "Egmont Palace", "address": "Place du Petit Sablon 8, 1000 Bruxelles"},
        "patron": None, "protocol": {"presidency": "CY"}})
    assert status == 200, body
    assert body["changed"] == ["venue", "patron", "protocol"]
    status, c, _ = await api.call("GET", BASE)
    assert (c["venue"]["name"], c["venue"]["address"]) == (
        "Egmont Palace", "Place du Petit Sablon 8, 1000 Bruxelles")
    assert c["patron"] is None and body["conference"] == c
    assert c["protocol"]["presidency"] == "CY" and c["protocol"]["tie_break"] == "eu_protocol"
    for name in ("title", "hosts", "spokespersons", "press_registration", "starts_on",
                 "security_list_deadline", "organiser_email"):
        assert c[name] == conference[name], name
    [event] = await details_events(api)
    assert event["payload"]["fields"] == ["venue", "patron", "protocol"]

    # the same values again: nothing changes, nothing is recorded
    status, body, _ = await api.call("PATCH", BASE, role="admin",
                                     json={"venue": c["venue"], "title": c["title"]})
    assert status == 200 and body["changed"] == [], body
    await asyncio.sleep(0.3)
    assert len(await details_events(api)) == 1


async def test_what_may_not_change_is_refused_naming_the_field(
    api: Api, conference: dict[str, Any]
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"title": None}, "title"),
        ({"organiser_email": "not an address"}, "organiser_email"),
        ({"starts_on": None}, "starts_on"),  # corrected, never removed
        ({"slug": "other"}, "slug"),
        ({"protocol": {"tie_break": "alphabetical"}}, "protocol.tie_break"),
        ({"hosts": [{"name": "A"}] * 21}, "hosts"),
    ]
    for body, field in cases:
        status, problem, resp = await api.call("PATCH", BASE, role="admin", json=body)
        assert status == 422, (body, problem)
        assert resp.content_type == "application/problem+json"
        assert field in [e["field"] for e in problem["errors"]], (body, problem)
    status, c, _ = await api.call("GET", BASE)
    assert {k: c[k] for k in conference if k not in ("id", "created_at")} == {
        k: conference[k] for k in conference if k not in ("id", "created_at")}
    assert await details_events(api) == []


async def test_only_an_administrator_corrects_a_conference(
    api: Api, conference: dict[str, Any]
) -> None:
    body = {"venue": {"name": "Elsewhere", "address": "Somewhere 1, 1000 Bruxelles"}}
    for role, expected in (("protocol", 403), ("press_office", 403), (None, 401)):
        status, problem, _ = await api.call("PATCH", BASE, role=role, json=body)
        assert status == expected, (role, problem)
    status, problem, _ = await api.call("PATCH", "/api/v1/conferences/nowhere", role="admin",
                                        json=body)
    assert status == 404, problem
    status, c, _ = await api.call("GET", BASE)
    assert c["venue"]["name"] == "Charlemagne"


async def test_two_corrections_of_different_fields_at_once_both_land(
    api: Api, conference: dict[str, Any]
) -> None:
    """Each correction is laid over the conference as it is once locked: the second does not
    put back the first's field as it read it before."""
    title = {"fr": "Alliance mondiale : réunion ministérielle",
             "en": "Global Alliance: ministerial meeting"}
    venue = {"name": "Egmont Palace", "address": "Place du Petit Sablon 8, 1000 Bruxelles"}
    for _round in range(3):
        answers = await asyncio.gather(
            api.call("PATCH", BASE, role="admin", json={"title": title}),
            api.call("PATCH", BASE, role="admin", json={"venue": venue}))
        assert [a[0] for a in answers] == [200, 200], answers
        status, c, _ = await api.call("GET", BASE)
        assert c["title"] == title and c["venue"]["name"] == venue["name"]
        title = {"fr": title["fr"] + " (bis)", "en": title["en"] + " (bis)"}
        venue = {**venue, "name": venue["name"] + " bis"}


async def test_a_venue_corrected_through_the_api_updates_the_invitations(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1), "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "press_access": "closed", "audience": ["official"],
        "starts_at": datetime(day.year, day.month, day.day, 9, tzinfo=BRUSSELS).isoformat(),
        "ends_at": datetime(day.year, day.month, day.day, 10, tzinfo=BRUSSELS).isoformat()})
    assert status == 201, s
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(1)
    await asyncio.sleep(1.1)  # DTSTAMP counts seconds: the correction is in a later one
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "venue": {"name": "Egmont Palace", "address": "Place du Petit Sablon 8, 1000 Bruxelles"}})
    assert status == 200 and body["changed"] == ["venue"], body
    [invite] = await cal.next(1)
    assert (invite.to, invite.method, invite.sequence) == ("official1@example.org", "REQUEST", 1)
    mail = [m for m in smtp.messages if is_invitation(m)][-1]
    assert to(mail) == "official1@example.org"
    assert str(event_of(mail)["LOCATION"]) == (
        "Plenary hall, Egmont Palace, Place du Petit Sablon 8, 1000 Bruxelles")
    # a correction the invitations do not render sends nothing
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "spokespersons": [{"name": "Tove Ernst", "phone": "+32 2 298 67 64",
                           "email": "tove.ernst@example.org"}]})
    assert status == 200 and body["changed"] == ["spokespersons"], body
    await cal.next(0, settle=1.0)
