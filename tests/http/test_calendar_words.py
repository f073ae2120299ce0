"""Invitations read as a person reads them: the subject and the text say the time the calendar
entry holds, "Updated" only to whoever holds an invitation to update, what changed in words,
the person's role, each end's zone across a clock change, and no invitation to subscribe to a
feed that would show every session twice (docs/calendar.md)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import Api, conference_body, start_api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import Calendars, approved, is_invitation, official
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
BRUSSELS = ZoneInfo("Europe/Brussels")
STAFF = 120


def event_of(m: EmailMessage) -> icalendar.Event:
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
    [event] = cal.walk("VEVENT")
    return event


def attendee_role(m: EmailMessage) -> str:
    return str(event_of(m)["ATTENDEE"].params["ROLE"])


def text_of(m: EmailMessage) -> str:
    """The text as read: lines joined (a phrase may wrap)."""
    return " ".join(body_text(m).split())


def to(m: EmailMessage) -> str:
    return str(m["To"]).split("<")[-1].rstrip(">")


# -- 1 and 2: a version published while the previous one is still being sent ---------------


async def _worker(db_url: str, settings: Settings, smtp: RecordingSMTP) -> Worker:
    pool = await create_pool(db_url, settings.database)
    return Worker(pool, settings, Mailer(settings.smtp, "127.0.0.1", smtp.port), db_url,
                  consumers())


@pytest.fixture(params=["default steps", "steps of 1"])
def stepping(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    if request.param == "default steps":
        return settings
    data = settings.model_dump()
    data["worker"].update(dispatch_first_step=1, dispatch_max_step=1)
    return Settings.model_validate(data)


@pytest.fixture
async def staff_api(db_url: str, stepping: Settings) -> AsyncIterator[Api]:
    api = await start_api(db_url, stepping, run_worker=False)
    yield api
    await api.client.close()


async def test_a_move_published_while_the_previous_version_is_sent_reads_right_everywhere(
    staff_api: Api, stepping: Settings, db_url: str, smtp: RecordingSMTP
) -> None:
    api = staff_api
    assert (await api.call("POST", "/api/v1/conferences", role="admin",
                           json=conference_body()))[0] == 201
    _, conf, _ = await api.call("GET", BASE)
    be = await make_delegation(api, "BE")
    for n in range(STAFF):
        await approved(api, official(be["id"], n, "fr" if n % 3 == 0 else "en"), "protocol",
                       "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary", "capacity": 500})
    day = date.fromisoformat(conf["starts_on"])
    nine = datetime(day.year, day.month, day.day, 9, tzinfo=BRUSSELS)
    two = nine.replace(hour=14)
    status, session, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Réunion du personnel", "en": "Staff meeting"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": nine.isoformat(),
        "ends_at": (nine + timedelta(hours=1)).isoformat(), "audience": ["official"]})
    assert status == 201, session
    worker = await _worker(db_url, stepping, smtp)
    try:
        while await worker.dispatch_once():  # the approvals' own events: nothing to send yet
            pass
        assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
        await worker.dispatch_once()  # the first step of v1 is committed and sent ...
        while await worker.send_once():
            pass
        early = {to(m): m for m in smtp.messages if is_invitation(m)}
        assert 1 <= len(early) < STAFF
        await asyncio.sleep(0.4)  # ... and 0.4 s later the session moves to 14:00
        status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                      role="protocol", json={
                                          "starts_at": two.isoformat(),
                                          "ends_at": (two + timedelta(hours=1)).isoformat()})
        assert status == 200
        assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
        while await worker.dispatch_once() or await worker.send_once():
            pass
    finally:
        await worker.mailer.close()
        await worker.pool.close()

    mails = [m for m in smtp.messages if is_invitation(m)]
    later = mails[len(early):]
    assert len(later) == STAFF  # everyone once more: the first ones an update, the rest invited
    by_person: dict[str, list[EmailMessage]] = {}
    for m in mails:
        by_person.setdefault(to(m), []).append(m)
    assert len(by_person) == STAFF
    for address, received in by_person.items():
        last = received[-1]
        subject, text = str(last["Subject"]), text_of(last)
        assert event_of(last).decoded("DTSTART") == two, address
        assert "14:00" in subject and "09:00" not in subject, subject
        # the zone, as in the body: an inbox set to another zone shows the subject as written
        assert subject.endswith(", 14:00 (CET)") or subject.endswith(", 14:00 (CEST)"), subject
        french = last["Content-Language"] == "fr"
        if address in early:  # they hold the 09:00 invitation: an update, saying so
            assert len(received) == 2
            assert subject.startswith("Mise à jour" if french else "Updated"), subject
            assert ("déplacée de 09:00 à 14:00" if french else "moved from 09:00 to 14:00") \
                in text, text
        else:  # their first invitation, whatever the session's SEQUENCE
            assert len(received) == 1
            assert subject.startswith("Invitation"), subject
            assert "09:00" not in text, text
        assert ("de 14:00 à 15:00" if french else "14:00 – 15:00") in text, text


# -- 3 and 4: what changed, in words; roles; a rename in one language ------------------------


async def test_updates_say_what_changed_and_reach_only_who_can_see_it(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    chair = await approved(api, official(be["id"], 3), "protocol", "protocol")
    _, room1, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                 json={"name": "Room 1", "capacity": 100})
    _, room2, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                 json={"name": "Room 2", "capacity": 100})
    day = date.fromisoformat(conference["starts_on"])
    one = datetime(day.year, day.month, day.day, 13, tzinfo=BRUSSELS)
    status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room1["id"], "starts_at": one.isoformat(),
        "ends_at": (one + timedelta(hours=1)).isoformat(), "audience": ["official"]})
    assert status == 201, s
    participant = f"/api/v1/sessions/{s['id']}/participants/{chair}"
    assert (await api.call("PUT", participant, role="protocol", json={"role": "chair"}))[0] == 200

    def mails(n: int) -> dict[str, EmailMessage]:
        found = [m for m in smtp.messages if is_invitation(m)]
        return {to(m): m for m in found[len(found) - n:]}

    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(3)
    first = mails(3)
    text = text_of(first["official3@example.org"])
    assert "as chair" in text, text
    assert attendee_role(first["official3@example.org"]) == "CHAIR"
    assert attendee_role(first["official1@example.org"]) == "OPT-PARTICIPANT"
    assert "13:00 – 14:00 (CET)" in text_of(first["official1@example.org"])
    # the personal feed is offered as an alternative to the invitations, not on top of them
    assert "not both" in text and "/api/v1/calendar/" in text
    assert "pas les deux" in text_of(first["official2@example.org"])

    # v2: moved, another room, renamed, and the chair now a speaker
    two = one + timedelta(hours=1)
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{s['id']}", role="protocol", json={
        "starts_at": two.isoformat(), "ends_at": (two + timedelta(hours=1)).isoformat(),
        "room_id": room2["id"], "title": {"fr": "Séance d'ouverture", "en": "Opening session"}})
    assert status == 200
    assert (await api.call("PUT", participant, role="protocol",
                           json={"role": "speaker"}))[0] == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(3)
    second = mails(3)
    en = text_of(second["official1@example.org"])
    assert str(second["official1@example.org"]["Subject"]).startswith(
        "Updated: Opening session, "), second["official1@example.org"]["Subject"]
    for words in ("moved from 13:00 to 14:00", "now in Room 2 (was Room 1)",
                  "renamed (was “Opening”)"):
        assert words in en, en
    assert "your role" not in en
    fr = text_of(second["official2@example.org"])
    for words in ("déplacée de 13:00 à 14:00", "nouvelle salle : Room 2 (auparavant : Room 1)",
                  "nouveau titre (auparavant « Ouverture »)"):
        assert words in fr, fr
    speaker = second["official3@example.org"]
    assert "your role: speaker (was chair)" in text_of(speaker)
    assert attendee_role(speaker) == "REQ-PARTICIPANT"
    sequence = int(event_of(speaker)["SEQUENCE"])

    # v3: the French title only: French readers are told, English readers get nothing
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{s['id']}", role="protocol", json={
        "title": {"fr": "Séance inaugurale", "en": "Opening session"}})
    assert status == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    [only] = await cal.next(1, settle=1.5)
    assert only.to == "official2@example.org"
    fr = text_of(mails(1)["official2@example.org"])
    assert "nouveau titre (auparavant « Séance d'ouverture »)" in fr, fr
    assert "déplacée" not in fr

    # v4: a role change alone reaches the calendar, with the new ROLE and a higher SEQUENCE
    assert (await api.call("PUT", participant, role="protocol", json={"role": "chair"}))[0] == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(1)
    recast = mails(1)["official3@example.org"]
    assert "your role: chair (was speaker)" in text_of(recast)
    assert attendee_role(recast) == "CHAIR"
    assert int(event_of(recast)["SEQUENCE"]) > sequence

    # a person approved now gets an invitation, not an "update" of one they never had
    await approved(api, official(be["id"], 4), "protocol", "protocol")
    await cal.next(1)
    newcomer = mails(1)["official4@example.org"]
    assert str(newcomer["Subject"]).startswith("Invitation: Opening session, "), \
        newcomer["Subject"]
    assert "replaces" not in text_of(newcomer)

    # v5: cancelled: every cancellation carries the person's real ROLE
    assert (await api.call("POST", f"/api/v1/sessions/{s['id']}/cancel",
                           role="protocol"))[0] == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(4)
    cancels = mails(4)
    assert {a: attendee_role(m) for a, m in cancels.items()} == {
        "official1@example.org": "OPT-PARTICIPANT", "official2@example.org": "OPT-PARTICIPANT",
        "official3@example.org": "CHAIR", "official4@example.org": "OPT-PARTICIPANT"}
    assert all(str(event_of(m)["STATUS"]) == "CANCELLED" for m in cancels.values())

    # 6: the feeds ask to be refreshed hourly
    for path in (f"{BASE}/programme.ics",):
        status, feed, _ = await api.call("GET", path)
        assert status == 200
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in feed
        assert "X-PUBLISHED-TTL:PT1H\r\n" in feed


# -- 5: a session across the autumn clock change ----------------------------------------------


def _last_sunday_of_october(after: date) -> date:
    year = after.year
    while True:
        day = date(year, 10, 31)
        day -= timedelta(days=(day.weekday() + 1) % 7)
        if day > after:
            return day
        year += 1


async def test_times_across_a_clock_change_name_each_end_s_zone(
    api: Api, smtp: RecordingSMTP
) -> None:
    change = _last_sunday_of_october(datetime.now(UTC).date() + timedelta(days=40))
    body = conference_body(starts_on=(change - timedelta(days=1)).isoformat(),
                           ends_on=change.isoformat())
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=body))[0] == 201
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    rooms = [(await api.call("POST", f"{BASE}/rooms", role="protocol",
                             json={"name": f"Night room {n}", "capacity": 10}))[1]
             for n in (1, 2)]
    midnight = datetime(change.year, change.month, change.day, tzinfo=UTC) - timedelta(hours=2)
    across = (midnight + timedelta(hours=1, minutes=30),   # 01:30 CEST
              midnight + timedelta(hours=4, minutes=30))   # 03:30 CET
    repeated = (midnight + timedelta(hours=3, minutes=30),  # the second 02:30 (CET)
                midnight + timedelta(hours=5))              # 04:00 CET
    for room, (title, (start, end)) in zip(rooms, (("Across", across),
                                                   ("Repeated", repeated)), strict=True):
        status, _, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
            "title": {"fr": title, "en": title}, "kind": "plenary", "room_id": room["id"],
            "starts_at": start.isoformat(), "ends_at": end.isoformat(),
            "audience": ["official"]})
        assert status == 201
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(4)
    texts = {(to(m), str(m["Subject"]).split(": ")[-1].split(" : ")[-1].split(",")[0]):
             text_of(m) for m in smtp.messages if is_invitation(m)}
    day_en = f"Sunday {change.day} October {change.year}"
    assert f"{day_en}, 01:30 (CEST) – 03:30 (CET)" in texts[("official1@example.org", "Across")]
    assert (f"{day_en}, 02:30 (CET, after the clocks go back) – 04:00 (CET)"
            in texts[("official1@example.org", "Repeated")])
    day_fr = f"dimanche {change.day} octobre {change.year}"
    assert (f"{day_fr}, de 01:30 (CEST) à 03:30 (CET)"
            in texts[("official2@example.org", "Across")])
    assert ("de 02:30 (CET, après le passage à l'heure d'hiver) à 04:00 (CET)"
            in texts[("official2@example.org", "Repeated")])
