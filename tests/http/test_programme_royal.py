"""Royal presence (docs/protocol.md): approved accreditations only, the security list frozen at the
deadline (the service's clock is injected here and moved past it), press only as a pool or a
photo opportunity, the "please be seated by" time, and the list exported as JSON and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import pytest

from conference.settings import Settings
from tests.browser.helpers import scan, zone
from tests.conftest import Api, conference_body, press_body, start_api
from tests.http.conftest_programme import (
    BRUSSELS,
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
    session_body,
)
from tests.support import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def clocked(db_url: str, settings: Settings, clock: Clock) -> AsyncIterator[Api]:
    """The service with a clock the test moves; no outbox worker (nothing here mails)."""
    api = await start_api(db_url, settings, run_worker=False, clock=clock)
    yield api
    await api.client.close()


@pytest.fixture
async def alliance(clocked: Api) -> dict[str, Any]:
    status, body, _ = await clocked.call("POST", "/api/v1/conferences", role="admin",
                                         json=conference_body())
    assert status == 201, body
    return dict(body)


def royal(room: dict[str, Any], conference: dict[str, Any], **changes: Any) -> dict[str, Any]:
    body = session_body(
        room, at(conference, 12), at(conference, 13), kind="expert_panel",
        title={"fr": "Sensibilisation", "en": "Awareness raising"}, press_access="pool",
        royal_presence=True, audience=["minister"])
    return {**body, **changes}


async def royal_session(api: Api, room: dict[str, Any], conference: dict[str, Any],
                        **changes: Any) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/sessions",
                                     role="protocol", json=royal(room, conference, **changes))
    assert status == 201, body
    return dict(body)


async def test_only_approved_accreditations_go_on_a_royal_presence_session(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    api = clocked
    room = await make_room(api)
    be = await make_delegation(api, "BE")
    session = await royal_session(api, room, alliance)
    pending = await accredit(api, "Joëlle", "Milquet", delegation=be, decision=None)
    rejected = await accredit(api, "Pieter", "De Crem", delegation=be, decision="reject")
    approved = await accredit(api, "Annemie", "Turtelboom", delegation=be)
    for person, status_now in ((pending, "submitted"), (rejected, "rejected")):
        status, body = await put_participant(api, session, person)
        assert status == 409, body
        assert body["type"].endswith("/royal-presence")
        assert body["status_now"] == status_now
        assert body["accreditation_id"] == person["id"]
    status, body = await put_participant(api, session, approved)
    assert status == 200
    assert body["participants"] == [{"accreditation_id": approved["id"], "role": "speaker"}]
    # A session with a pending person on it cannot become royal.
    plain = await make_session(api, room, at(alliance, 15), at(alliance, 16),
                               press_access="closed")
    assert (await put_participant(api, plain, pending))[0] == 200
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{plain['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 409 and body["type"].endswith("/royal-presence")
    assert body["accreditations"] == [{"accreditation_id": pending["id"],
                                       "status": "submitted"}]


async def test_open_press_access_is_refused_at_a_royal_presence_session(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    api = clocked
    room = await make_room(api)
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/sessions",
                                     role="protocol",
                                     json=royal(room, alliance, press_access="open"))
    assert status == 422
    assert [(e["field"], e["type"]) for e in body["errors"]] == [
        ("press_access", "royal_press_access")]
    session = await make_session(api, room, at(alliance, 12), at(alliance, 13),
                                 royal_presence=True, press_access="photo_opportunity")
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"press_access": "open"})
    assert status == 422 and body["errors"][0]["field"] == "press_access"
    opened = await make_session(api, room, at(alliance, 9), at(alliance, 10),
                                press_access="open")
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{opened['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 422 and body["errors"][0]["field"] == "press_access"
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/sessions/{opened['id']}", role="protocol",
        json={"royal_presence": True, "press_access": "pool"})
    assert status == 200 and (body["royal_presence"], body["press_access"]) == (True, "pool")


async def test_guests_are_seated_before_the_patron_arrives(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    api = clocked
    room = await make_room(api)
    session = await royal_session(api, room, alliance)
    assert session["seated_by"] == at(alliance, 11, 45)
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"starts_at": at(alliance, 12, 30)})
    assert status == 200 and body["seated_by"] == at(alliance, 12, 15)
    status, other, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body("early", protocol={"tie_break": "alphabetical",
                                                "seated_before_minutes": 30}))
    assert status == 201
    early_room = await make_room(api, slug="early")
    early = await make_session(api, early_room, at(other, 12), at(other, 13), slug="early",
                               royal_presence=True, press_access="pool")
    assert early["seated_by"] == at(other, 11, 30)
    plain = await make_session(api, room, at(alliance, 9), at(alliance, 10))
    assert plain["seated_by"] is None


async def test_after_the_deadline_nobody_is_added_and_the_list_is_frozen(
    clocked: Api, alliance: dict[str, Any], clock: Clock
) -> None:
    api = clocked
    deadline = alliance["security_list_deadline"]
    room = await make_room(api)
    be, fr = await make_delegation(api, "BE"), await make_delegation(api, "FR")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    manuel = await accredit(api, "Manuel", "Valls", delegation=fr)
    late_approval = await accredit(api, "Christiane", "Taubira", delegation=fr, decision=None)
    adviser = await accredit(api, "Aurélien", "Lechevallier", delegation=fr, category="official",
                             rank="senior_official")
    session = await royal_session(api, room, alliance)
    assert (await put_participant(api, session, joelle, "chair"))[0] == 200
    plain = await make_session(api, room, at(alliance, 9), at(alliance, 10), audience=[],
                               press_access="pool")
    assert (await put_participant(api, plain, manuel))[0] == 200

    clock.now = datetime.fromisoformat(deadline) + timedelta(seconds=1)
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{late_approval['id']}/decision", role="admin",
        json={"decision": "approve"})
    assert status == 200
    status, body = await put_participant(api, session, adviser)  # not in the audience
    assert status == 409
    assert body["type"].endswith("/security-list-frozen")
    assert body["deadline"] == deadline.replace("Z", "+00:00")
    assert deadline[:16] in body["detail"]
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"audience": ["minister", "official"]})
    assert status == 409 and body["type"].endswith("/security-list-frozen")
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{plain['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 409 and body["type"].endswith("/security-list-frozen")
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/sessions",
                                     role="protocol",
                                     json=royal(room, alliance, starts_at=at(alliance, 16),
                                                ends_at=at(alliance, 17)))
    assert status == 409 and body["type"].endswith("/security-list-frozen")
    # Moving, changing a role and taking someone off remain possible.
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                     role="protocol", json={"ends_at": at(alliance, 13, 30)})
    assert status == 200
    assert (await put_participant(api, session, joelle, "speaker"))[0] == 200
    # a minister in the audience, on the list as it froze, given the floor: nobody is added
    # (refused until 5 December 2026, the chair could not let a minister in the room speak)
    assert (await put_participant(api, session, manuel, "speaker"))[0] == 200
    status, body = await put_participant(api, session, late_approval)  # approved too late
    assert status == 409 and body["type"].endswith("/security-list-frozen")

    status, listing, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/security-list",
                                        role="protocol")
    assert status == 200
    assert listing["frozen"] is True
    assert [(e["family_name"], e["role"]) for e in listing["items"]] == [
        ("Milquet", "speaker"), ("Valls", "speaker")]  # Taubira was approved too late
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{session['id']}/participants/{joelle['id']}",
        role="protocol")
    assert status == 204


async def test_a_substitute_after_the_freeze_is_marked_on_the_security_list(
    clocked: Api, alliance: dict[str, Any], clock: Clock
) -> None:
    """A speaker replaced after the deadline hands their place to the substitute (docs/
    lifecycle.md, "Substitutions"), so the live list names someone the list sent to the royal
    household and the police at the freeze does not: the list says so, and whom they replace,
    in JSON, in the API's CSV and on the console's page (fr, en). Before, the list said
    "List frozen" and had silently changed."""
    api = clocked
    room = await make_room(api)
    be, fr = await make_delegation(api, "BE"), await make_delegation(api, "FR")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    manuel = await accredit(api, "Manuel", "Valls", delegation=fr)
    session = await royal_session(api, room, alliance)
    assert (await put_participant(api, session, manuel, "speaker"))[0] == 200

    clock.now = datetime.fromisoformat(alliance["security_list_deadline"]) + timedelta(hours=1)
    status, bernard, _ = await api.call(
        "POST", f"/api/v1/accreditations/{manuel['id']}/substitute", role="protocol",
        json={"given_name": "Bernard", "family_name": "Cazeneuve",
              "email": "bernard.cazeneuve@example.org", "language": "fr", "gender": "male",
              "reason": "Le ministre est retenu à Paris.", "approve": True})
    assert status == 201, bernard
    path = f"/api/v1/sessions/{session['id']}/security-list"
    status, listing, _ = await api.call("GET", path, role="protocol")
    assert status == 200 and listing["frozen"] is True
    assert [(e["family_name"], e["role"], e["added_after_freeze"], e["in_place_of"])
            for e in listing["items"]] == [
        ("Cazeneuve", "speaker", True, "Manuel Valls"),
        ("Milquet", "audience", False, None)]
    assert joelle["id"] == listing["items"][1]["accreditation_id"]

    status, text, _ = await api.call("GET", path, role="protocol",
                                     headers={"Accept": "text/csv"})
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["family_name"], r["added_after_freeze"], r["in_place_of"]) for r in rows] == [
        ("Cazeneuve", "true", "Manuel Valls"), ("Milquet", "false", "")]

    # The royal perimeter's door admits him, and says he is an addition after the freeze: the
    # police at the door hold the list of the freeze, without him.
    await zone(api, "royal", kind="royal_perimeter", sessions=[session["id"]])
    status, badges, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    assert status == 200, badges
    refs = {b["accreditation_id"]: b["short_reference"] for b in badges["items"]}
    late = await scan(api, refs[bernard["id"]], "royal")
    assert (late["admitted"], late["added_after_freeze"]) == (True, True)
    early = await scan(api, refs[joelle["id"]], "royal")
    assert (early["admitted"], early["added_after_freeze"]) == (True, False)


async def test_someone_cleared_after_the_freeze_is_marked_on_the_list_and_at_the_door(
    clocked: Api, alliance: dict[str, Any], clock: Clock, db_url: str
) -> None:
    """A minister of the audience whose clearance was still pending at the freeze is off the
    list the royal household and the police received; cleared after the deadline, they are
    listed and admitted at the royal perimeter, which both say ("added after the freeze"):
    the page read "List frozen" over a list that had grown."""
    api = clocked
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute("UPDATE conference SET vetting_required = '{minister}'")
    finally:
        await conn.close()
    room = await make_room(api)
    be = await make_delegation(api, "BE")
    early = await accredit(api, "Joëlle", "Milquet", delegation=be)
    pending = await accredit(api, "Koen", "Geens", delegation=be)
    session = await royal_session(api, room, alliance)
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{early['id']}/vetting/status",
                                  role="protocol", json={"status": "cleared"})
    assert status == 200
    path = f"/api/v1/sessions/{session['id']}/security-list"
    status, listing, _ = await api.call("GET", path, role="protocol")
    assert [e["family_name"] for e in listing["items"]] == ["Milquet"]
    # named apart, so that protocol sees who is missing and why
    assert [(e["family_name"], e["role"]) for e in listing["awaiting_clearance"]] == [
        ("Geens", "audience")]

    clock.now = datetime.fromisoformat(alliance["security_list_deadline"]) + timedelta(hours=1)
    status, _, _ = await api.call(
        "POST", f"/api/v1/accreditations/{pending['id']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200
    status, listing, _ = await api.call("GET", path, role="protocol")
    assert [(e["family_name"], e["added_after_freeze"], e["in_place_of"])
            for e in listing["items"]] == [("Geens", True, None), ("Milquet", False, None)]
    assert listing["awaiting_clearance"] == []
    await zone(api, "royal", kind="royal_perimeter", sessions=[session["id"]])
    status, badges, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    refs = {b["accreditation_id"]: b["short_reference"] for b in badges["items"]}
    assert (await scan(api, refs[pending["id"]], "royal"))["added_after_freeze"] is True
    assert (await scan(api, refs[early["id"]], "royal"))["added_after_freeze"] is False


async def test_the_press_is_on_the_security_list_only_as_the_session_lets_it_in(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    """Press only as a pool or a photo opportunity (docs/protocol.md, "Royal presence"): at a
    pool session the pool members put on it, not every journalist of an audience that names
    the press; at a photo opportunity the photographers and camera operators. A tryout found a
    journalist listed "In the audience" of a pool session: the royal household's list let in
    someone the calendar did not invite and the door refused."""
    api = clocked
    room = await make_room(api)
    people = {}
    for n, role in ((1, "journalist"), (2, "photographer"), (3, "camera")):
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            json=press_body(n, press={"outlet": "Belga", "press_card_number": f"P-{n}",
                                      "role": role, "country": "BE"}))
        assert status == 201, body
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{body['id']}/decision", role="admin",
            json={"decision": "approve"})
        assert status == 200, decided
        people[role] = body
    pool = await royal_session(api, room, alliance, audience=["press"], press_access="pool")
    assert (await put_participant(api, pool, people["photographer"], "attendee"))[0] == 200
    photo = await royal_session(api, room, alliance, audience=["press"],
                                press_access="photo_opportunity",
                                starts_at=at(alliance, 15), ends_at=at(alliance, 16))

    async def listed(session: dict[str, Any]) -> list[tuple[str, str]]:
        status, listing, _ = await api.call(
            "GET", f"/api/v1/sessions/{session['id']}/security-list", role="protocol")
        assert status == 200, listing
        return [(e["accreditation_id"], e["role"]) for e in listing["items"]]

    assert await listed(pool) == [(people["photographer"]["id"], "attendee")]
    assert sorted(await listed(photo)) == sorted([
        (people["photographer"]["id"], "audience"), (people["camera"]["id"], "audience")])


async def test_the_security_list_exports_as_json_and_csv(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    api = clocked
    room = await make_room(api)
    be, se = await make_delegation(api, "BE"), await make_delegation(api, "SE")
    unicef = await make_delegation(api, organisation="UNICEF")
    joelle = await accredit(api, "Joëlle", "Milquet", delegation=be)
    beatrice = await accredit(api, "Beatrice", "Ask", delegation=se)
    expert = await accredit(api, "Anne-Marie", "Œstergaard", delegation=unicef,
                            category="official", rank="head_of_organisation")
    prankster = await accredit(api, "Bobby", "=HYPERLINK(1)", delegation=be,
                               email="bobby@example.org")
    revoked = await accredit(api, "Pieter", "De Crem", delegation=be)
    outsider = await accredit(api, "Jan", "Jambon", category="expert", rank="expert")
    session = await royal_session(api, room, alliance)
    for person, role in ((joelle, "chair"), (expert, "speaker"), (revoked, "attendee"),
                         (outsider, "attendee")):
        assert (await put_participant(api, session, person, role))[0] == 200
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{revoked['id']}/revoke",
                                  role="admin", json={"reason": "Left office"})
    assert status == 200

    path = f"/api/v1/sessions/{session['id']}/security-list"
    status, listing, _ = await api.call("GET", path, role="protocol")
    assert status == 200
    expected = [
        {"accreditation_id": prankster["id"], "family_name": "=HYPERLINK(1)",
         "given_name": "Bobby", "delegation": "Belgique", "category": "minister",
         "role": "audience"},
        {"accreditation_id": beatrice["id"], "family_name": "Ask", "given_name": "Beatrice",
         "delegation": "Suède", "category": "minister", "role": "audience"},
        {"accreditation_id": outsider["id"], "family_name": "Jambon", "given_name": "Jan",
         "delegation": None, "category": "expert", "role": "attendee"},
        {"accreditation_id": joelle["id"], "family_name": "Milquet", "given_name": "Joëlle",
         "delegation": "Belgique", "category": "minister", "role": "chair"},
        {"accreditation_id": expert["id"], "family_name": "Œstergaard",
         "given_name": "Anne-Marie", "delegation": "UNICEF", "category": "official",
         "role": "speaker"},
    ]
    for e in expected:
        e.update(added_after_freeze=False, in_place_of=None, date_of_birth=None,
                 nationality=None, document_type=None, document_number=None, gender=None)
    assert listing == {
        "session_id": session["id"], "title": session["title"],
        "starts_at": at(alliance, 12), "seated_by": at(alliance, 11, 45),
        "deadline": datetime.fromisoformat(alliance["security_list_deadline"])
        .astimezone(BRUSSELS).isoformat(),
        "frozen": False, "items": expected, "awaiting_clearance": [],
    }

    status, text, resp = await api.call("GET", path, role="protocol",
                                        headers={"Accept": "text/csv"})
    assert status == 200
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    # the file sent to the Royal Household and the police is named by the conference, the
    # session's day and title, as the console names it, not by the session's id
    disposition = resp.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="security-list-alliance-'), disposition
    assert session["id"] not in disposition
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [
        {"family_name": ("'" if e["family_name"].startswith("=") else "") + e["family_name"],
         "given_name": e["given_name"], "delegation": e["delegation"] or "",
         "category": e["category"], "role": e["role"], "accreditation_id": e["accreditation_id"],
         "added_after_freeze": "false", "in_place_of": "", "date_of_birth": "",
         "nationality": "", "document_type": "", "document_number": ""}
        for e in expected
    ]


async def test_only_a_royal_presence_session_has_a_security_list(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    room = await make_room(clocked)
    plain = await make_session(clocked, room, at(alliance, 9), at(alliance, 10))
    status, body, _ = await clocked.call("GET", f"/api/v1/sessions/{plain['id']}/security-list",
                                         role="admin")
    assert status == 409 and "royal-presence" in body["detail"]
    status, _, _ = await clocked.call("GET", f"/api/v1/sessions/{plain['id']}/security-list",
                                      role="press_office")
    assert status == 403


async def test_a_refused_clearance_is_not_on_the_security_list(
    clocked: Api, alliance: dict[str, Any]
) -> None:
    """The list the royal household's security reads is who may be in the room: a person whose
    clearance was refused may not (every door refuses them), whether a participant or in the
    audience (docs/credentials.md, "Vetting"); a later status puts them back."""
    api = clocked
    room = await make_room(api)
    be = await make_delegation(api, "BE")
    chair = await accredit(api, "Joëlle", "Milquet", delegation=be)
    guest = await accredit(api, "Pieter", "De Crem", delegation=be, email="pdc@example.org")
    speaker = await accredit(api, "Jan", "Jambon", category="expert", rank="expert")
    session = await royal_session(api, room, alliance)
    for person, role in ((chair, "chair"), (speaker, "speaker")):
        assert (await put_participant(api, session, person, role))[0] == 200
    path = f"/api/v1/sessions/{session['id']}/security-list"

    async def listed() -> list[str]:
        status, listing, _ = await api.call("GET", path, role="protocol")
        assert status == 200, listing
        return [e["family_name"] for e in listing["items"]]

    assert await listed() == ["De Crem", "Jambon", "Milquet"]
    for person in (guest, speaker):
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/vetting/status", role="protocol",
            json={"status": "refused", "reason": "Refused by the security service"})
        assert status == 200, body
    assert await listed() == ["Milquet"]
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{guest['id']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200, body
    assert await listed() == ["De Crem", "Milquet"]
