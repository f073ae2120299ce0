"""On the meeting's day, the calendar leaves alone the sessions already over (docs/calendar.md,
"Sessions already over"): a journalist approved at 11:30 is invited to the session in progress
and to the afternoon's, not to the morning's that ended at 10:00; a publication after it ended
neither updates nor cancels it, nor does a revocation. The service's clock is injected and set
to the conference's first day; the mail is read as it arrived at the SMTP fixture."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from email.message import EmailMessage
from typing import Any

import icalendar
import pytest

from conference.settings import Settings
from tests.conftest import Api, conference_body, press_body, start_api
from tests.http.conftest_focal import sql
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_calendar_flow import Calendars, approved, is_invitation
from tests.http.test_programme_royal import Clock
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def clocked(db_url: str, settings: Settings, clock: Clock) -> AsyncIterator[Api]:
    api = await start_api(db_url, settings, clock=clock)
    yield api
    await api.client.close()


@pytest.fixture
async def day(clocked: Api) -> dict[str, Any]:
    """The conference with three published sessions on its first day: 09:00–10:00, 11:00–12:00
    and 14:00–15:00 (Brussels), for the press and officials."""
    status, conference, _ = await clocked.call("POST", "/api/v1/conferences", role="admin",
                                               json=conference_body())
    assert status == 201, conference
    room = await make_room(clocked)
    sessions = []
    for start, end, en in ((9, 10, "Opening"), (11, 12, "Plenary"), (14, 15, "Press briefing")):
        sessions.append(await make_session(
            clocked, room, at(conference, start), at(conference, end),
            title={"fr": en, "en": en}, audience=["press", "official"], press_access="open"))
    status, body, _ = await clocked.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    # the publication is reconciled before the clock moves to the meeting's day: run after the
    # approval, it would plan the new journalist at its own (earlier) time
    for _ in range(200):
        pending = await sql(clocked, "SELECT count(*) FROM domain_event "
                                     "WHERE dispatched_at IS NULL")
        if not pending:
            break
        await asyncio.sleep(0.05)
    assert pending == 0
    return {"conference": conference, "sessions": sessions}


def events_of(m: EmailMessage) -> list[icalendar.Event]:
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    return list(icalendar.Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT"))


def uid(session: dict[str, Any]) -> str:
    return f"session-{session['id']}@conference.local"


async def test_a_journalist_approved_on_the_day_is_not_invited_to_a_session_already_over(
    clocked: Api, clock: Clock, day: dict[str, Any], smtp: RecordingSMTP
) -> None:
    opening, plenary, briefing = day["sessions"]
    status, filed, _ = await clocked.call("POST", f"{BASE}/accreditations",
                                          json=press_body(1, language="en"))
    assert status == 201, filed
    # 11:30 on the day: the opening ended at 10:00, the plenary is in progress
    clock.now = datetime.fromisoformat(at(day["conference"], 11, 30))
    status, decided, _ = await clocked.call(
        "POST", f"/api/v1/accreditations/{filed['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided

    invites = await Calendars(smtp).next(2)
    assert {(i.uid, i.method, i.to) for i in invites} == {
        (uid(plenary), "REQUEST", "marie.dupont1@example.org"),
        (uid(briefing), "REQUEST", "marie.dupont1@example.org")}
    mails = [m for m in smtp.messages if is_invitation(m)]
    vevents = [e for m in mails for e in events_of(m)]
    assert sorted(str(e["UID"]) for e in vevents) == sorted([uid(plenary), uid(briefing)])
    assert uid(opening) not in {str(e["UID"]) for e in vevents}


async def test_a_publication_and_a_revocation_after_a_session_ended_leave_it_alone(
    clocked: Api, clock: Clock, day: dict[str, Any], smtp: RecordingSMTP
) -> None:
    opening, plenary, briefing = day["sessions"]
    cal = Calendars(smtp)
    press = await approved(clocked, press_body(2, language="en"), "press_office", "press_office")
    assert {i.uid for i in await cal.next(3)} == {uid(opening), uid(plenary), uid(briefing)}

    clock.now = datetime.fromisoformat(at(day["conference"], 11, 30))
    # The opening's record is corrected after it ended, the briefing moves an hour later.
    for session, changes in ((opening, {"title": {"fr": "Ouverture", "en": "Welcome"}}),
                             (briefing, {"starts_at": at(day["conference"], 15),
                                         "ends_at": at(day["conference"], 16)})):
        status, body, _ = await clocked.call("PATCH", f"/api/v1/sessions/{session['id']}",
                                             role="protocol", json=changes)
        assert status == 200, body
    status, body, _ = await clocked.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    [update] = await cal.next(1)
    assert (update.uid, update.method, update.sequence) == (uid(briefing), "REQUEST", 1)

    status, body, _ = await clocked.call("POST", f"/api/v1/accreditations/{press}/revoke",
                                         role="press_office", json={"reason": "Misconduct."})
    assert status == 200, body
    cancels = await cal.next(2)
    assert {(i.uid, i.method) for i in cancels} == {(uid(plenary), "CANCEL"),
                                                    (uid(briefing), "CANCEL")}
