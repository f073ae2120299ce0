"""An address the mail header parser cannot read at all (``<fp-be>@example.org``, stored before
input was checked as strictly as today) raises ``HeaderParseError``, which is no
``ValueError``: in every builder of letters and invitations it once failed the whole event, and
everyone else's mail with it. Now that one message is parked, a failed delivery an organiser
sees and retries (docs/outbox.md), the others arrive at the real test SMTP server, and the
event is not failed: the visa letter, a clearance letter to the focal points, the people's
welcome mail, the calendar invitations and the publication preview (an invitation's
attendee address is refused before the header parser reads it, as not a plain address: their
tests guard that it stays so)."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Any

import asyncpg

from conference.settings import Settings
from tests.browser.helpers import element, member
from tests.conftest import Api, conference_body, start_api
from tests.http.conftest_focal import create_delegation, second_focal_point
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_visa_letters_follow_accreditation import (
    approve_letter,
    journalist,
    request_letter,
)
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def _sql(api: Api, query: str, *args: Any) -> None:
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute(query, *args)
    finally:
        await conn.close()


async def _parked(api: Api) -> list[tuple[str, str]]:
    """The failed deliveries as an organiser lists them, once one is there: parked when the
    mail was written, never tried (no attempt, no lease run out); and no failed event."""
    items: list[Any] = []
    for _ in range(150):
        status, page, _ = await api.call("GET", "/api/v1/deliveries?status=failed",
                                         role="admin")
        assert status == 200, page
        if items := list(page["items"]):
            break
        await asyncio.sleep(0.1)
    status, events, _ = await api.call("GET", f"{BASE}/events?status=failed", role="admin")
    assert status == 200 and events["items"] == [], events
    assert [(d["attempts"], d["lease_expiries"]) for d in items] == [(0, 0)] * len(items), items
    return [(d["recipient"], d["template"]) for d in items]


async def _arrived(smtp: RecordingSMTP, address: str, subject: str = "") -> EmailMessage:
    [m] = await smtp.wait_for(1, where=lambda m: address in str(m["To"]).lower()
                              and subject in str(m["Subject"]))
    return m


async def test_a_visa_letter_to_an_unreadable_address_is_parked_alone(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    readable, unreadable = await journalist(api, 1, approve=True), await journalist(
        api, 2, approve=True)
    letters = [await request_letter(api, p) for p in (readable, unreadable)]
    await _sql(api, "UPDATE accreditation SET email = '<marie.dupont2>@example.org'"
               " WHERE id = $1", unreadable["id"])
    for letter in letters:
        await approve_letter(api, letter)
    await _arrived(smtp, readable["email"].lower(), "Visa invitation letter")
    assert await _parked(api) == [("<marie.dupont2>@example.org", "visa_letter")]


async def test_a_clearance_letter_to_an_unreadable_focal_point_is_parked_alone(
    api: Api, smtp: RecordingSMTP,
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister"]))
    assert status == 201, body
    be = await create_delegation(api, "en")
    await second_focal_point(api, be, "aoife@example.org", "Aoife Byrne", "en")
    await _sql(api, "UPDATE delegation SET focal_point_email = '<fp-be>@example.org'"
               " WHERE id = $1", be["id"])
    minister = await member(api, be, "Milquet", decision=None)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/vetting/status", role="protocol",
        json={"status": "more_information", "reason": "The second page of the passport."})
    assert status == 200, body
    await _arrived(smtp, "aoife@example.org", "more information needed")
    assert await _parked(api) == [("<fp-be>@example.org", "clearance_more_information")]


async def test_a_welcome_to_an_unreadable_address_is_parked_alone(
    db_url: str, settings: Settings, smtp: RecordingSMTP,
) -> None:
    """The addresses are written while no worker runs, then one starts: the welcome mails are
    built from the address stored then (an ASCII name: a mailbox with one is parsed)."""
    quiet = await start_api(db_url, settings, run_worker=False)
    try:
        status, body, _ = await quiet.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body())
        assert status == 201, body
        for email in ("ines@example.org", "bad@example.org"):
            status, body, _ = await quiet.call("POST", "/api/v1/staff", role="admin", json={
                "email": email, "name": "Ines Garnier", "language": "fr",
                "grants": [{"role": "protocol", "conference": "alliance"}]})
            assert status == 201, body
        await _sql(quiet, "UPDATE person SET email = '<bad>@example.org'"
                   " WHERE email = 'bad@example.org'")
    finally:
        await quiet.client.close()
    api = await start_api(db_url, settings)
    try:
        await _arrived(smtp, "ines@example.org")
        assert await _parked(api) == [("<bad>@example.org", "welcome")]
    finally:
        await api.client.close()


async def test_an_unreadable_attendee_stops_neither_the_preview_nor_the_others_invitations(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await make_delegation(api, country="BE")
    fr = await make_delegation(api, country="FR")
    peeters, martin = await member(api, be, "Peeters"), await member(api, fr, "Martin")
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    # with nobody's message buildable, the preview still counts them (it once answered 500)
    await _sql(api, "UPDATE accreditation SET email = '<' || split_part(email, '@', 1)"
               " || '>@example.org' WHERE id = ANY($1::uuid[])", [peeters["id"], martin["id"]])
    status, page, _ = await protocol.go("GET", "/manage/alliance/publish")
    assert status == 200, page
    assert element(page, "count-invitation") == "2"
    assert 'id="sample-invitation"' not in page
    # one of them readable again: the sample is built for them
    await _sql(api, "UPDATE accreditation SET email = $2 WHERE id = $1", martin["id"],
               martin["email"])
    status, page, _ = await protocol.go("GET", "/manage/alliance/publish")
    assert status == 200, page
    sample = element(page, "sample-invitation")
    assert "METHOD:REQUEST" in sample and martin["email"].lower() in sample.lower(), sample
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    await smtp.wait_for(1, where=lambda m: martin["email"].lower() in str(m["To"]).lower()
                        and any(p.get_content_type() == "text/calendar" for p in m.walk()))
    assert await _parked(api) == [("<peeters>@example.org", "invitation_request")]
