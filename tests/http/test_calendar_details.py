"""A corrected venue reaches every calendar (docs/calendar.md, "Corrected conference details"):
an administrator moves the conference to another building on the console's settings page, and
everyone invited to a published session that takes place receives an updated invitation, same
UID, higher SEQUENCE, the new LOCATION, saying what changed; a detail the invitations do not
render sends nothing; a later change of the session goes higher still; the feeds show the new
venue at once; a relay refusing one address stops nobody else's."""

from __future__ import annotations

import asyncio
import html
import re
from datetime import datetime
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import vobject

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import Calendars, approved, is_invitation, official
from tests.http.test_console import staff
from tests.http.test_workspaces import Visitor
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
SETTINGS = "/manage/alliance/settings"
BRUSSELS = ZoneInfo("Europe/Brussels")
OLD = "Charlemagne, Rue de la Loi 170, 1040 Bruxelles"
NEW_EN = "Egmont Palace, Place du Petit Sablon 8, 1000 Bruxelles"
NEW_FR = "Palais d'Egmont, Place du Petit Sablon 8, 1000 Bruxelles"


def event_of(m: EmailMessage) -> icalendar.Event:
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
    [event] = cal.walk("VEVENT")
    return event


def text_of(m: EmailMessage) -> str:
    """The text as read: lines joined (a phrase may wrap), non-breaking spaces kept."""
    return re.sub(r"[ \t\r\n]+", " ", body_text(m))


def to(m: EmailMessage) -> str:
    return str(m["To"]).split("<")[-1].rstrip(">")


async def form_of(admin: Visitor, lang: str = "en") -> dict[str, str]:
    """The settings form as the page fills it."""
    status, page, _ = await admin.go("GET", f"{SETTINGS}?lang={lang}")
    assert status == 200, page
    form = dict(re.findall(r'<input id="([^"]+)" name="[^"]+" type="[^"]+" value="([^"]*)"',
                           page))
    form.update(dict(re.findall(r'<select id="([^"]+)" name="[^"]+"[^>]*>(?:(?!</select>).)*?'
                                r'<option value="([^"]*)" selected', page, re.S)))
    # the languages' checkboxes, as a browser posts them: the ticked ones
    form.update(dict.fromkeys(re.findall(r'<input type="checkbox" id="[^"]+" name="([^"]+)" '
                                         r'value="1" checked>', page), "1"))
    return {k: html.unescape(v) for k, v in form.items()}


async def save(admin: Visitor, lang: str = "en", **changes: str) -> str:
    """Save the settings form with ``changes``; the flash of the page it leads to."""
    form = {**await form_of(admin, lang), **changes}
    path = f"{SETTINGS}?lang={lang}"
    status, page, resp = await admin.post_form(path, path, **form)
    assert status == 303, page
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert status == 200
    return element(page, "flash")


async def test_a_corrected_venue_updates_every_invitation_held(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    await approved(api, official(be["id"], 3), "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    t = lambda h, m=0: datetime(day.year, day.month, day.day, h, m, tzinfo=BRUSSELS)  # noqa: E731

    async def session(title: str, start: int) -> dict[str, Any]:
        status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
            "title": {"fr": title, "en": title}, "kind": "plenary", "room_id": room["id"],
            "starts_at": t(start).isoformat(), "ends_at": t(start + 1).isoformat(),
            "audience": ["official"], "press_access": "closed"})
        assert status == 201, s
        return dict(s)

    opening = await session("Opening", 9)
    dinner = await session("Dinner", 19)
    status, v1, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, v1
    await cal.next(6)
    # a session cancelled since, and one not yet published: nobody's calendar holds them
    assert (await api.call("POST", f"/api/v1/sessions/{dinner['id']}/cancel",
                           role="protocol"))[0] == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    assert {i.method for i in await cal.next(3)} == {"CANCEL"}
    await session("Closing", 16)  # a draft
    uid = f"session-{opening['id']}@conference.local"
    sent = [m for m in smtp.messages if is_invitation(m)]
    feed_path = "/api/v1/calendar/" + body_text(next(
        m for m in sent if to(m) == "official2@example.org")).split(
        "/api/v1/calendar/")[1].split()[0]
    status, feed, _ = await api.call("GET", feed_path)
    assert status == 200 and "Charlemagne" in feed
    stamp = vobject.readOne(feed).vevent.dtstamp.value

    # the page says, before saving, that a new venue reaches everyone invited
    admin = await staff(api, smtp, "admin@example.org", "admin", conference="alliance")
    status, page, _ = await admin.go("GET", f"{SETTINGS}?lang=en")
    assert "sends an updated invitation to everyone invited to a published session (3 " \
        "invitations sent so far)" in element(page, "calendar-note")
    status, page, _ = await admin.go("GET", f"{SETTINGS}?lang=fr")
    assert "envoie une invitation mise à jour à chaque personne invitée" \
        in element(page, "calendar-note")

    # the venue moves; one attendee's address is refused by the relay
    await asyncio.sleep(1.1)  # DTSTAMP counts seconds: the correction is in a later one
    smtp.refuse_message = lambda m: "550 no such user" if "official3@" in str(m["To"]) else None
    seen = len(sent)
    flash = await save(admin, venue_fr="Palais d'Egmont", venue_en="Egmont Palace",
                       venue_address="Place du Petit Sablon 8, 1000 Bruxelles")
    assert flash == ("Conference details saved. The attendees' calendars are being updated: "
                     "3 updated invitations are being sent.")
    invites = await cal.next(2)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == [
        (uid, "official1@example.org", "REQUEST", 1),
        (uid, "official2@example.org", "REQUEST", 1)]
    mails = {to(m): m for m in [m for m in smtp.messages if is_invitation(m)][seen:]}
    en, fr = mails["official1@example.org"], mails["official2@example.org"]
    assert str(event_of(en)["LOCATION"]) == f"Plenary hall, {NEW_EN}"
    assert str(event_of(fr)["LOCATION"]) == f"Plenary hall, {NEW_FR}"
    assert str(en["Subject"]).startswith("Updated: Opening")
    assert str(fr["Subject"]).startswith("Mise à jour")
    assert f"now at {NEW_EN} (was {OLD})" in text_of(en)
    assert f"nouveau lieu\u00a0: {NEW_FR} (auparavant\u00a0: {OLD})" in text_of(fr)
    # the feeds show it at once, with the SEQUENCE the calendar holds
    status, feed, _ = await api.call("GET", feed_path)
    v = vobject.readOne(feed)
    [entry] = v.vevent_list
    assert entry.location.value == f"Plenary hall, {NEW_FR}" and entry.sequence.value == "1"
    assert entry.dtstamp.value > stamp  # a client comparing DTSTAMPs takes the new one
    status, public, _ = await api.call("GET", f"{BASE}/programme.ics?lang=en")
    assert [e.location.value for e in vobject.readOne(public).vevent_list] == [
        f"Plenary hall, {NEW_EN}"]

    # a detail no invitation renders sends nothing
    flash = await save(admin, spokesperson1_phone="+32 2 298 00 00",
                       privacy_controller="European Commission")
    assert flash == "Conference details saved."
    await cal.next(0)

    # the title in English only: the English readers' entries (DESCRIPTION), not the French
    seen = len([m for m in smtp.messages if is_invitation(m)])
    flash = await save(admin, title_en="Global Alliance: ministerial meeting")
    assert flash.endswith("2 updated invitations are being sent.")
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.sequence) for i in invites] == [
        (uid, "official1@example.org", 2)]
    [m] = [m for m in smtp.messages if is_invitation(m)][seen:]
    assert "Global Alliance: ministerial meeting" in str(event_of(m)["DESCRIPTION"])
    assert "conference title: “Global Alliance: ministerial meeting” (was “Global " \
        "Alliance: meeting”)" in text_of(m)

    # a later change of the session goes higher still, for each calendar from where it is
    smtp.refuse_message = None
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{opening['id']}",
                                  role="protocol", json={"starts_at": t(9, 30).isoformat(),
                                                         "ends_at": t(10, 30).isoformat()})
    assert status == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(6)  # and the closing session, published with it
    assert [(i.to, i.method, i.sequence) for i in invites if i.uid == uid] == [
        ("official1@example.org", "REQUEST", 3), ("official2@example.org", "REQUEST", 2),
        ("official3@example.org", "REQUEST", 3)]
    last = [m for m in smtp.messages if is_invitation(m)][-6:]
    assert {str(event_of(m)["LOCATION"]) for m in last} == {
        f"Plenary hall, {NEW_EN}", f"Plenary hall, {NEW_FR}"}
