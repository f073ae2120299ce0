"""Substitutions on a real PostgreSQL and SMTP server: a focal point replaces a member until the
changes deadline (protocol after it, with a reason); the new person takes the old one's place in
the quota and its sessions (same roles); the old badge is refused `substituted` from the commit;
the old person gets one CANCEL per session at once, the new one a REQUEST per session at the next
publication (the places are in the draft); both histories link the other."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from tests.browser.helpers import OPEN_SINCE
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation, payloads
from tests.http.test_badges import _reference
from tests.http.test_calendar_flow import BRUSSELS, Calendars, is_invitation
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"


def official(n: int, delegation: dict[str, Any]) -> dict[str, Any]:
    return {"category": "official", "given_name": "Jan", "family_name": f"Peeters{n}",
            "email": f"jan{n}@example.org", "language": "en", "delegation_id": delegation["id"],
            "rank": "senior_official", "function": "Director"}


def person(n: int, **changes: Any) -> dict[str, Any]:
    return {"given_name": "Lies", "family_name": f"Janssens{n}",
            "email": f"lies{n}@example.org", "language": "fr", **changes}


async def file(api: Api, body: dict[str, Any], role: str) -> dict[str, Any]:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role=role, json=body)
    assert status == 201, created
    return dict(created)


async def substitute(api: Api, accreditation_id: str, body: dict[str, Any], role: str
                     ) -> tuple[int, Any]:
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation_id}/substitute", role=role, json=body)
    return status, answer


async def read(api: Api, accreditation_id: str) -> dict[str, Any]:
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{accreditation_id}",
                                     role="protocol")
    assert status == 200, body
    return dict(body)


async def close_changes(api: Api, at: datetime) -> None:
    """The organisers move the changes deadline (there is no route for it yet)."""
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("UPDATE conference SET changes_close_at = $1 WHERE slug = 'alliance'",
                           at)
    finally:
        await conn.close()


async def test_focal_point_substitutes_until_the_deadline_in_a_full_delegation(
    api: Api,
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body(
        quotas={"official": 2},
        changes_close_at=(datetime.now(UTC) + timedelta(days=1)).isoformat()))
    assert status == 201
    be = await make_delegation(api, "BE")
    fr = await make_delegation(api, "FR")
    fp = be["focal_point_token"]
    first = await file(api, official(1, be), fp)
    second = await file(api, official(2, be), fp)
    # The delegation is full: a third filing is refused, a substitution is not.
    status, _, _ = await api.call("POST", f"{BASE}/accreditations", role=fp,
                                  json=official(3, be))
    assert status == 409

    # Another delegation's focal point may not; a focal point may not approve the new person.
    assert (await substitute(api, first["id"], person(1), fr["focal_point_token"]))[0] == 403
    status, problem = await substitute(api, first["id"], person(1, approve=True), fp)
    assert status == 422 and problem["errors"][0]["field"] == "approve"

    status, new = await substitute(api, first["id"], person(1), fp)
    assert status == 201, new
    assert new["status"] == "submitted" and new["access_token"]
    assert (new["category"], new["delegation_id"], new["rank"], new["function"]) == (
        "official", be["id"], "senior_official", "Director")
    old = await read(api, first["id"])
    assert old["status"] == "substituted"
    assert (old["history"][-1]["action"], old["history"][-1]["linked_accreditation_id"]) == (
        "substitute", new["id"])
    assert (await read(api, new["id"]))["history"][0]["linked_accreditation_id"] == first["id"]
    [event] = await payloads(api, "accreditation.substituted", 1)
    assert (event["accreditation_id"], event["substitute_id"]) == (first["id"], new["id"])

    # The quota is unchanged: still full.
    status, problem, _ = await api.call("POST", f"{BASE}/accreditations", role=fp,
                                        json=official(3, be))
    assert status == 409 and (problem["used"], problem["allowed"]) == (2, 2)
    # The substituted member cannot be substituted again.
    assert (await substitute(api, first["id"], person(9), fp))[0] == 409

    # After the deadline: the focal point is refused, protocol acts with a reason.
    await close_changes(api, datetime.now(UTC) - timedelta(minutes=1))
    status, problem = await substitute(api, second["id"], person(2), fp)
    assert status == 409 and problem["type"].endswith("/deadline-passed"), problem
    status, problem = await substitute(api, second["id"], person(2), "protocol")
    assert status == 422 and problem["errors"][0]["field"] == "reason"
    status, late = await substitute(api, second["id"], person(2, reason="Minister ill."),
                                    "protocol")
    assert status == 201, late
    assert (await read(api, second["id"]))["history"][-1]["reason"] == "Minister ill."


async def test_the_old_badge_dies_its_invitations_are_cancelled_and_the_new_places_follow(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    member = await file(api, official(1, be), "protocol")
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                  role="protocol", json={"decision": "approve"})
    assert status == 200
    status, _, _ = await api.call("POST", f"{BASE}/zones", role="protocol", json={
        "code": "plenary", "name": {"fr": "Plénière", "en": "Plenary"}, "kind": "standard",
        "grants": {"categories": ["official"], "sessions": [], "pools": []},
        "opens_on": OPEN_SINCE})  # scanned today, a month before the conference
    assert status == 201
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    t = lambda h: datetime(day.year, day.month, day.day, h, tzinfo=BRUSSELS)  # noqa: E731
    sessions = []
    for hour, role in ((9, "chair"), (11, "speaker")):
        status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
            "title": {"fr": f"Séance {hour}", "en": f"Session {hour}"}, "kind": "plenary",
            "room_id": room["id"], "starts_at": t(hour).isoformat(),
            "ends_at": t(hour + 1).isoformat(), "audience": ["minister"],
            "press_access": "closed"})
        assert status == 201, s
        status, body, _ = await api.call(
            "PUT", f"/api/v1/sessions/{s['id']}/participants/{member['id']}", role="protocol",
            json={"role": role})
        assert status == 200, body
        sessions.append((s["id"], role))
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    assert {(i.to, i.method) for i in await cal.next(2)} == {("jan1@example.org", "REQUEST")}

    badge = await _reference(api, member["id"])
    scan = {"badge": badge, "zone": "plenary"}
    status, result, _ = await api.call("POST", f"{BASE}/check-ins", role="protocol", json=scan)
    assert status == 200 and result["admitted"] is True, result

    status, new = await substitute(api, member["id"],
                                   person(1, approve=True, reason="The minister sends a deputy."),
                                   "protocol")
    assert status == 201, new
    assert new["status"] == "approved"
    # Refused from the commit on, at every door.
    status, result, _ = await api.call("POST", f"{BASE}/check-ins", role="protocol", json=scan)
    assert status == 200, result
    assert (result["admitted"], result["reason"]) == (False, "substituted")
    status, result, _ = await api.call("POST", f"{BASE}/check-ins", role="protocol", json={
        "badge": await _reference(api, new["id"]), "zone": "plenary"})
    assert result["admitted"] is True, result

    # The new person holds the old one's places, with the same roles.
    for session_id, role in sessions:
        status, s, _ = await api.call("GET", f"/api/v1/sessions/{session_id}", role="protocol")
        assert status == 200
        assert [(p["accreditation_id"], p["role"]) for p in s["participants"]] == [
            (new["id"], role)]

    # The person replaced is no longer expected: one CANCEL per session at once, without
    # waiting for a publication (there may be none to come). The new person's places (chair,
    # speaker) are in the draft: their REQUESTs come with the next publication, and nothing
    # more for the old one then.
    uids = sorted(f"session-{session_id}@conference.local" for session_id, _ in sessions)
    cancels = await cal.next(2)
    assert sorted((i.uid, i.to, i.method) for i in cancels) == [
        (uid, "jan1@example.org", "CANCEL") for uid in uids]
    subjects = [str(m["Subject"]) for m in smtp.messages
                if is_invitation(m) and "jan1@example.org" in str(m["To"])][-2:]
    # the sessions take place: not "Cancelled", but taken out of this person's calendar
    assert len(subjects) == 2 and all("Removed from your calendar: Session " in s
                                      for s in subjects), subjects
    # ... and they offer no calendar feed: the person replaced has none any more (404)
    texts = [m.get_body(("plain",)).get_content() for m in smtp.messages  # type: ignore[union-attr]
             if is_invitation(m) and "jan1@example.org" in str(m["To"])]
    assert len(texts) == 4
    assert ["/api/v1/calendar/" in t for t in texts] == [True, True, False, False]
    # their first invitations added the sessions; the cancellations remove them
    assert ["This invitation adds the session to your calendar;" in t for t in texts] == [
        True, True, False, False]
    assert ["This message removes the session from your calendar." in t for t in texts] == [
        False, False, True, True]
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(2)
    assert sorted((i.uid, i.to, i.method) for i in invites) == [
        (uid, "lies1@example.org", "REQUEST") for uid in uids]
    texts = [m.get_body(("plain",)).get_content() for m in smtp.messages  # type: ignore[union-attr]
             if is_invitation(m) and "lies1@example.org" in str(m["To"])]
    assert len(texts) == 2 and all("/api/v1/calendar/" in t for t in texts)


async def test_the_member_replaced_is_told_and_never_acknowledged_after_the_fact(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, settings: Any,
) -> None:
    """The member replaced gets a letter saying so (no private link: nothing to do there); an
    acknowledgement of their filing ("it will be examined") dispatched after the substitution
    is not written; the new person, filed as submitted, is acknowledged as any filing."""
    from conference.accreditation.notices import accreditation_notices
    from conference.db.pool import create_pool
    from conference.outbox.dispatch import DispatchContext, EventRow

    be = await make_delegation(api, "BE")
    member = await file(api, official(2, be), "protocol")  # submitted
    status, new = await substitute(api, member["id"], person(2, reason="Another expert."),
                                   "protocol")
    assert status == 201 and new["status"] == "submitted", new
    # not approved yet: nothing was granted to transfer, the subject says the request closed
    [letter] = await smtp.wait_for(1, where=lambda m: "jan2@example.org" in str(m["To"])
                                   and "Accreditation request closed" in str(m["Subject"]))
    text = body_text(letter)
    # protocol substituted (an organiser's token): the letter says so, not that the delegation
    # named someone (test_substitution_letter); the member was not approved yet: no badge nor
    # invitation to take back, their request is closed
    assert ("The protocol service has closed your accreditation request (official) for the"
            " Global Alliance: meeting. Another person takes your place in your delegation.")\
        in text
    assert "Nothing else will be sent" not in text  # curt (tryout)
    assert "calendar" not in text and "badge" not in text
    assert "/a/" not in text  # no private link to act on
    await smtp.wait_for(1, where=lambda m: "lies2@example.org" in str(m["To"])
                        and "Demande d'accréditation reçue" in str(m["Subject"]))

    # The filing's acknowledgement, dispatched now (after the substitution): not written.
    pool = await create_pool(api.db_url, settings.database)  # the worker's codecs
    try:
        async with pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT id, type, conference_id, subject_id, payload, occurred_at"
                " FROM domain_event WHERE type = 'accreditation.submitted'"
                " AND subject_id = $1", member["id"])
            assert row is not None
            event = EventRow(row["id"], row["type"], row["conference_id"], row["subject_id"],
                             row["payload"], row["occurred_at"])
            result = await accreditation_notices(conn, event, DispatchContext(
                settings, datetime.now(UTC)))
    finally:
        await pool.close()
    assert [d.template for d in result.deliveries] == []


async def test_a_member_replaced_and_approved_in_one_act_brings_the_new_person_s_approval(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await make_delegation(api, "BE")
    member = await file(api, official(3, be), "protocol")
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                  role="protocol", json={"decision": "approve"})
    assert status == 200
    status, new = await substitute(api, member["id"], person(3, approve=True), "protocol")
    assert status == 201 and new["status"] == "approved", new
    await smtp.wait_for(1, where=lambda m: "lies3@example.org" in str(m["To"])
                        and "Accréditation accordée" in str(m["Subject"]))
    [letter] = await smtp.wait_for(1, where=lambda m: "jan3@example.org" in str(m["To"])
                                   and "Accreditation transferred" in str(m["Subject"]))
    text = body_text(letter)
    assert "The protocol service has transferred your accreditation (official)" in text
    # no programme published, no invitation: no calendar message promised (the cancellations
    # that do follow an invitation are said: test_substitution_letter), and never "nothing
    # more will be sent to you" (found trying the product)
    assert "no longer gives access to the venue.\r\n" in text, text
    assert "calendar" not in text
    assert "Nothing else will be sent" not in text


async def test_the_people_on_either_side_of_a_substitution_do_not_read_its_reason(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    """The letter to the member replaced gives no reason (it may be the delegation's internal
    one), but their own page, and the new person's, showed it in the history ("the minister
    is held up in Paris"): found trying the product on the day of a meeting. The focal point
    and protocol still read it."""
    be = await make_delegation(api, "BE")
    member = await file(api, official(3, be), "protocol")
    status, new = await substitute(
        api, member["id"], person(3, reason="Le ministre est retenu à Paris."), "protocol")
    assert status == 201, new
    from tests.support import current_token

    for accreditation_id in (member["id"], new["id"]):
        token = await current_token(api.db_url, accreditation_id)
        status, body, _ = await api.call(
            "GET", f"/api/v1/accreditations/{accreditation_id}",
            headers={"Authorization": f"Bearer {token}"})
        assert status == 200, body
        [line] = [h for h in body["history"] if h["action"] == "substitute"]
        assert line["reason"] is None
        status, page, _ = await api.call("GET", f"/a/{token}?lang=fr")
        assert status == 200
        assert "retenu à Paris" not in page
    for role in ("protocol", be["focal_point_token"]):
        status, body, _ = await api.call("GET", f"/api/v1/accreditations/{member['id']}",
                                         role=role)
        assert status == 200, body
        [line] = [h for h in body["history"] if h["action"] == "substitute"]
        assert line["reason"] == "Le ministre est retenu à Paris."
