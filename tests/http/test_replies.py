"""Calendar replies by mail: the invitation that arrived leads replies to the person's own
address (its ORGANIZER and From); a real iTIP REPLY built with icalendar and sent there by
aiosmtplib, as a calendar client does, is recorded (ACCEPTED, then DECLINED); forged, replayed
and garbage replies are refused and counted, and change nothing (docs/calendar.md,
"Replies")."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import aiosmtplib
import asyncpg
import icalendar
import pytest

from conference.app import reply_endpoint_key
from conference.settings import Settings
from tests.conftest import Api, conference_body, direct_url, start_api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import approved, is_invitation, official
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
DOMAIN = "conference.local"


def _reply(uid: str, sequence: int, attendee: str, partstat: str, stamp: datetime
           ) -> EmailMessage:
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//Test client//EN")
    cal.add("VERSION", "2.0")
    cal.add("METHOD", "REPLY")
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("SEQUENCE", sequence)
    event.add("DTSTAMP", stamp)
    event.add("DTSTART", stamp + timedelta(days=30))
    who = icalendar.vCalAddress(f"mailto:{attendee}")
    who.params["PARTSTAT"] = partstat
    event.add("ATTENDEE", who)
    event.add("ORGANIZER", icalendar.vCalAddress("mailto:organiser@example.org"))
    cal.add_component(event)
    msg = EmailMessage()
    msg["From"] = attendee
    msg["Subject"] = f"{partstat.title()}: Opening session"
    msg.set_content("Replied.")
    msg.add_alternative(cal.to_ical(), maintype="text", subtype="calendar",
                        params={"method": "REPLY"})
    return msg


async def _send(port: int, to: str, msg: EmailMessage) -> bool:
    try:
        await aiosmtplib.send(msg, hostname="127.0.0.1", port=port, recipients=[to],
                              sender=str(msg["From"]), timeout=10)
        return True
    except aiosmtplib.SMTPDataError as exc:
        assert exc.code == 550, exc
        return False


@pytest.fixture
async def site(db_url: str, settings: Settings) -> Any:
    with_endpoint = settings.model_copy(update={
        "smtp_in": settings.smtp_in.model_copy(update={"port": 0})})
    api = await start_api(db_url, with_endpoint)
    yield api
    await api.client.close()


async def test_a_reply_round_trip_is_recorded_and_forgeries_are_refused(
    site: Api, smtp: RecordingSMTP, db_url: str
) -> None:
    api = site
    assert (await api.call("POST", "/api/v1/conferences", role="admin",
                           json=conference_body()))[0] == 201
    _, conference, _ = await api.call("GET", BASE)
    be = await make_delegation(api, "BE")
    person = await approved(api, official(be["id"], 1), "protocol", "protocol")
    other = await approved(api, official(be["id"], 2), "protocol", "protocol")
    session = await make_session(api, await make_room(api), at(conference, 10),
                                 at(conference, 11), audience=["official"])
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await smtp.wait_for(2, where=is_invitation)

    def organizer(to: str) -> tuple[str, str, int]:
        """Where the invitation to ``to`` leads replies (its ORGANIZER, the From its mail
        came from), and the UID and SEQUENCE to answer."""
        [invite] = [m for m in invites if to in str(m["To"])]
        ics = next(p for p in invite.walk() if p.get_content_type() == "text/calendar")
        event = next(iter(icalendar.Calendar.from_ical(ics.get_payload(decode=True))
                          .walk("VEVENT")))
        address = str(event["ORGANIZER"]).removeprefix("mailto:")
        assert invite["From"].addresses[0].addr_spec == address  # a reply goes back to From
        assert event["ATTENDEE"].params["RSVP"] == "TRUE"  # replies are asked for: read
        return address, str(event["UID"]), int(event["SEQUENCE"])

    mine, uid, sequence = organizer("official1@")
    theirs, _, _ = organizer("official2@")
    assert mine != theirs and mine.endswith(f"@{DOMAIN}")
    port = api.client.server.app[reply_endpoint_key].sockets[0].getsockname()[1]
    now = datetime.now(UTC).replace(microsecond=0)

    async def answers() -> dict[str, str]:
        status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/attendance",
                                         role="protocol")
        assert status == 200, body
        return {a["accreditation_id"]: a["partstat"] for a in body["attendees"]}

    assert await answers() == {person: "NEEDS-ACTION", other: "NEEDS-ACTION"}
    accepted = _reply(uid, sequence, "official1@example.org", "ACCEPTED", now)
    assert await _send(port, mine, accepted)
    assert (await answers())[person] == "ACCEPTED"
    # the address is case-folded by a relay: still theirs
    declined = _reply(uid, sequence, "Official1@Example.org", "DECLINED", now + timedelta(1))
    assert await _send(port, mine.upper(), declined)
    assert (await answers())[person] == "DECLINED"

    refused = [
        (mine, accepted),                                             # replayed: older
        (theirs, _reply(uid, sequence, "official1@example.org", "ACCEPTED",
                        now + timedelta(2))),                         # someone else's address
        (mine.replace("reply-", "reply-x"),                           # a forged signature
         _reply(uid, sequence, "official1@example.org", "ACCEPTED", now + timedelta(3))),
        (mine, _reply(f"session-{uuid.uuid4()}@{DOMAIN}", 0, "official1@example.org",
                      "ACCEPTED", now + timedelta(4))),               # not our session
        (mine, _reply(uid, sequence, "official2@example.org", "ACCEPTED",
                      now + timedelta(5))),                           # another attendee
    ]
    for to, msg in refused:
        assert not await _send(port, to, msg), msg["Subject"]
    garbage = EmailMessage()
    garbage["From"] = "x@example.org"
    garbage.set_content("BEGIN:VCALENDAR\r\nnot really")
    assert not await _send(port, mine, garbage)
    assert await answers() == {person: "DECLINED", other: "NEEDS-ACTION"}

    conn = await asyncpg.connect(direct_url(db_url))
    try:
        counts = dict(await conn.fetch(
            "SELECT outcome, count(*) FROM inbound_reply GROUP BY outcome"))
        events = await conn.fetch(
            "SELECT payload FROM domain_event WHERE type = 'attendance.replied' ORDER BY id")
    finally:
        await conn.close()
    assert counts == {"accepted": 2, "replayed": 1, "forged": 4, "garbage": 1}
    assert [json.loads(e["payload"])["partstat"] for e in events] == ["ACCEPTED", "DECLINED"]
    # the person's answers are in their export
    status, export, _ = await api.call(
        "GET", f"/api/v1/accreditations/{person}/personal-data", role="admin")
    assert [r["partstat"] for r in export["replies"]] == ["DECLINED"]
    # press, focal points and the public cannot read attendance
    for role in (None, "press_office"):
        status, _, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/attendance",
                                      role=role)
        assert status in (401, 403)
