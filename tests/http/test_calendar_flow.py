"""Every attendee's calendar follows the published programme: one REQUEST per session and
attendee, updates with the same UID and a higher SEQUENCE, CANCELs, nothing when nothing
changed. Every message is checked against RFC 5546/6047 and parsed by two parsers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import vobject

from conference.calendar.rfc5546 import assert_imip_message
from tests.conftest import Api, press_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Invite:
    to: str
    method: str
    uid: str
    sequence: int
    start: datetime
    end: datetime
    attendee: str


def is_invitation(m: EmailMessage) -> bool:
    return m.get_content_type() == "multipart/mixed" and any(
        p.get_content_type() == "text/calendar" for p in m.walk())


def read_invite(m: EmailMessage) -> Invite:
    cal = assert_imip_message(m)
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    ics = part.get_payload(decode=True)
    assert part.get_param("method") == str(cal["METHOD"])
    [event] = [c for c in cal.walk() if c.name == "VEVENT"]
    # an independent parser agrees on what matters
    v = vobject.readOne(ics.decode())
    ve = v.vevent
    assert ve.uid.value == str(event["UID"])
    assert int(ve.sequence.value) == int(event["SEQUENCE"])
    assert v.method.value == str(cal["METHOD"])
    assert ve.dtstart.value == event.decoded("DTSTART")
    assert ve.dtend.value == event.decoded("DTEND")
    assert ve.attendee.value.lower() == str(event["ATTENDEE"]).lower()
    attachment = next(p for p in m.walk() if p.get_filename() == "invite.ics")
    assert attachment.get_payload(decode=True) == ics
    return Invite(
        to=str(m["To"]).split("<")[-1].rstrip(">"), method=str(cal["METHOD"]),
        uid=str(event["UID"]), sequence=int(event["SEQUENCE"]),
        start=event.decoded("DTSTART"), end=event.decoded("DTEND"),
        attendee=str(event["ATTENDEE"]).removeprefix("mailto:"),
    )


class Calendars:
    def __init__(self, smtp: RecordingSMTP) -> None:
        self.smtp = smtp
        self.seen = 0

    async def next(self, count: int, settle: float = 0.6) -> list[Invite]:
        """The next ``count`` invitations, and proof that no more follow."""
        total = self.seen + count
        if count:
            await self.smtp.wait_for(total, timeout=20, where=is_invitation)
        await asyncio.sleep(settle)
        found = [m for m in self.smtp.messages if is_invitation(m)]
        assert len(found) == total, [m["Subject"] for m in found[self.seen:]]
        new = [read_invite(m) for m in found[self.seen:]]
        self.seen = total
        return sorted(new, key=lambda i: (i.uid, i.to))


async def approved(api: Api, body: dict[str, Any], role: str, decider: str) -> str:
    """File an accreditation as ``role``, have ``decider`` approve it; its id."""
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role=role, json=body)
    assert status == 201, created
    status, decided, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}"
                                                "/decision", role=decider,
                                        json={"decision": "approve"})
    assert status == 200, decided
    return str(created["id"])


def official(delegation_id: str, n: int, language: str = "en") -> dict[str, Any]:
    return {"category": "official", "given_name": f"Official{n}", "family_name": "Peeters",
            "email": f"official{n}@example.org", "language": language,
            "delegation_id": delegation_id, "rank": "senior_official", "function": "Director"}


async def test_calendar_follows_every_published_change(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    a = await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    await approved(api, official(be["id"], 3), "protocol", "protocol")
    p = await approved(api, press_body(1, language="en"), "press_office", "press_office")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    t = lambda h, m=0: datetime(day.year, day.month, day.day, h, m, tzinfo=BRUSSELS)  # noqa: E731
    _, s1, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": t(9).isoformat(), "ends_at": t(10).isoformat(),
        "audience": ["official"], "press_access": "closed"})
    _, s2, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Conférence de presse", "en": "Press conference"},
        "kind": "press_conference", "room_id": room["id"], "starts_at": t(13).isoformat(),
        "ends_at": t(14).isoformat(), "audience": ["press"], "press_access": "open"})
    status, body, _ = await api.call("PUT", f"/api/v1/sessions/{s2['id']}/participants/{a}",
                                     role="protocol", json={"role": "chair"})
    assert status == 200, body
    uid1 = f"session-{s1['id']}@conference.local"
    uid2 = f"session-{s2['id']}@conference.local"

    # v1: one REQUEST per session and attendee
    status, v1, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, v1
    invites = await cal.next(5)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == sorted([
        (uid1, "official1@example.org", "REQUEST", 0),
        (uid1, "official2@example.org", "REQUEST", 0),
        (uid1, "official3@example.org", "REQUEST", 0),
        (uid2, "marie.dupont1@example.org", "REQUEST", 0),
        (uid2, "official1@example.org", "REQUEST", 0),
    ])
    assert all(i.attendee == i.to for i in invites)
    assert {(i.start, i.end) for i in invites if i.uid == uid1} == {(t(9), t(10))}

    # v2: move the opening -> only its attendees, same UID, SEQUENCE + 1, new times
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{s1['id']}", role="protocol",
                                  json={"starts_at": t(9, 30).isoformat(),
                                        "ends_at": t(10, 30).isoformat()})
    assert status == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(3)
    assert {(i.uid, i.method, i.sequence) for i in invites} == {(uid1, "REQUEST", 1)}
    assert {i.to for i in invites} == {f"official{n}@example.org" for n in (1, 2, 3)}
    assert all(i.start == t(9, 30) and i.end == t(10, 30) for i in invites)

    # publishing with no change sends nothing
    status, same, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status in (200, 201) and same["version"] == 2
    await cal.next(0)

    # v3: cancel it -> CANCEL with a higher SEQUENCE
    assert (await api.call("POST", f"/api/v1/sessions/{s1['id']}/cancel",
                           role="protocol"))[0] == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(3)
    assert {(i.uid, i.method, i.sequence) for i in invites} == {(uid1, "CANCEL", 2)}

    # v4: remove one person -> only that person gets a CANCEL
    assert (await api.call("DELETE", f"/api/v1/sessions/{s2['id']}/participants/{a}",
                           role="protocol"))[0] == 204
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == [
        (uid2, "official1@example.org", "CANCEL", 1)]

    # approval after publication invites the person to their sessions
    q = await approved(api, press_body(2, language="fr"), "press_office", "press_office")
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == [
        (uid2, "marie.dupont2@example.org", "REQUEST", 0)]
    # revocation cancels theirs
    assert (await api.call("POST", f"/api/v1/accreditations/{p}/revoke",
                           role="press_office", json={"reason": "Left the outlet"}))[0] == 200
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == [
        (uid2, "marie.dupont1@example.org", "CANCEL", 1)]
    assert q


async def test_invitation_text_in_the_attendees_language_with_royal_seating(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    minister = {"category": "minister", "given_name": "Annemie", "family_name": "Turtelboom",
                "email": "minister@example.org", "language": "fr", "gender": "female",
                "delegation_id": be["id"], "rank": "minister", "function": "Ministre"}
    await approved(api, minister, "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Salle Europa", "capacity": 100})
    day = datetime.fromisoformat(conference["starts_on"])
    noon = datetime(day.year, day.month, day.day, 12, 0, tzinfo=BRUSSELS)
    status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Sensibilisation", "en": "Awareness raising"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": noon.isoformat(),
        "ends_at": (noon + timedelta(hours=1)).isoformat(), "audience": ["minister"],
        "press_access": "pool", "royal_presence": True})
    assert status == 201, s
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    [invite] = await cal.next(1)
    msg = next(m for m in smtp.messages if is_invitation(m))
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert msg["Subject"].startswith("Invitation\u00a0: Sensibilisation")
    assert msg["Content-Language"] == "fr"
    assert text.startswith("Madame la Ministre,") or text.startswith("Excellence,"), text
    assert "En présence de Sa Majesté la Reine." in text
    assert "Prière d'être assise avant 11:45" in text  # the minister is a woman
    assert "Salle Europa" in text
    assert "/api/v1/calendar/" in text
    # the MIME shape, part by part
    assert msg.get_content_type() == "multipart/mixed"
    alternative, attachment = msg.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    plain, cal_part = alternative.get_payload()[0], alternative.get_payload()[-1]
    assert plain.get_content_type() == "text/plain"
    assert cal_part.get_content_type() == "text/calendar"
    assert cal_part.get_param("method") == "REQUEST"
    assert cal_part.get_content_charset() == "utf-8"
    assert cal_part["Content-Transfer-Encoding"] == "base64"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_payload(decode=True) == cal_part.get_payload(decode=True)
    assert str(msg["To"]).endswith("<minister@example.org>")
    # From and ORGANIZER: the organisers, as long as no reply endpoint takes calendar replies
    # (with one, the person's own reply address: tests/http/test_replies.py)
    sender = msg["From"].addresses[0]
    assert sender.display_name == "Alliance mondiale : réunion"
    assert sender.addr_spec == "organiser@example.org"
    assert msg["Reply-To"].addresses[0].addr_spec == "organiser@example.org"
    ics = cal_part.get_payload(decode=True).decode()
    assert "ORGANIZER;CN=" in ics and f"mailto:{sender.addr_spec}" in ics.replace("\r\n ", "")
    assert "RSVP=TRUE" in ics.replace("\r\n ", "")
    assert "BEGIN:VALARM" in ics and "TRIGGER:-PT30M" in ics
    assert invite.method == "REQUEST"


async def test_feeds_follow_the_programme_with_etags(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    a = await approved(api, official(be["id"], 1), "protocol", "protocol")
    status, body, _ = await api.call("GET", f"{BASE}/programme.ics")
    assert status == 200 and "BEGIN:VCALENDAR" in body and "BEGIN:VEVENT" not in body
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    nine = datetime(day.year, day.month, day.day, 9, 0, tzinfo=BRUSSELS)
    _, s1, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": nine.isoformat(),
        "ends_at": (nine + timedelta(hours=1)).isoformat(), "audience": ["official"]})
    await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    await cal.next(1)
    msg = next(m for m in smtp.messages if is_invitation(m))
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    feed_path = "/api/v1/calendar/" + text.split("/api/v1/calendar/")[1].split()[0]

    status, feed, resp = await api.call("GET", feed_path)
    assert status == 200, feed
    assert resp.headers["Content-Type"].startswith("text/calendar")
    v = vobject.readOne(feed)
    assert v.method.value == "PUBLISH"
    assert [e.uid.value for e in v.vevent_list] == [f"session-{s1['id']}@conference.local"]
    etag = resp.headers["ETag"]
    status, _, resp = await api.call("GET", feed_path, headers={"If-None-Match": etag})
    assert status == 304
    status, public, presp = await api.call("GET", f"{BASE}/programme.ics?lang=en")
    assert "SUMMARY:Opening" in public
    status, _, _ = await api.call("GET", f"{BASE}/programme.ics",
                                  headers={"If-None-Match": presp.headers["ETag"]})
    assert status == 200  # another language, another body
    status, _, _ = await api.call("GET", f"{BASE}/programme.ics?lang=en",
                                  headers={"If-None-Match": presp.headers["ETag"]})
    assert status == 304

    # a move changes the feed and its ETag
    await api.call("PATCH", f"/api/v1/sessions/{s1['id']}", role="protocol",
                   json={"starts_at": (nine + timedelta(hours=2)).isoformat(),
                         "ends_at": (nine + timedelta(hours=3)).isoformat()})
    await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    await cal.next(1)
    status, feed2, resp2 = await api.call("GET", feed_path, headers={"If-None-Match": etag})
    assert status == 200 and resp2.headers["ETag"] != etag
    assert "SEQUENCE:1" in feed2

    # unknown, forged and revoked tokens are 404
    assert (await api.call("GET", "/api/v1/calendar/nothing.ics"))[0] == 404
    assert (await api.call("GET", feed_path[:-6] + "AAAA.ics"))[0] == 404
    await api.call("POST", f"/api/v1/accreditations/{a}/revoke", role="protocol",
                   json={"reason": "Left office"})
    assert (await api.call("GET", feed_path))[0] == 404
