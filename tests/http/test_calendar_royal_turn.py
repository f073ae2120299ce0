"""A session turned royal after it was published, as a protocol officer tried it on
2 December 2026: the Royal Household confirms on the eve that the patron attends the closing
session. Publishing it sent nothing: the invited kept an entry without the patron and without
the time they must be seated by (docs/calendar.md, "UID and SEQUENCE")."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import Calendars, approved, official
from tests.http.test_calendar_words import text_of
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
BRUSSELS = ZoneInfo("Europe/Brussels")


async def test_a_session_turned_royal_tells_its_guests_to_be_seated_and_back_again(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    start = datetime(day.year, day.month, day.day, 9, 30, tzinfo=BRUSSELS)
    end = datetime(day.year, day.month, day.day, 11, tzinfo=BRUSSELS)
    _, closing, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Clôture", "en": "Closing"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": start.isoformat(), "ends_at": end.isoformat(),
        "audience": ["official"], "press_access": "closed"})
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    first = await cal.next(2)
    assert {i.sequence for i in first} == {0}

    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{closing['id']}",
                                     role="protocol", json={"royal_presence": True})
    assert status == 200, body
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    updates = await cal.next(2)
    assert sorted((i.to, i.method, i.sequence) for i in updates) == [
        ("official1@example.org", "REQUEST", 1), ("official2@example.org", "REQUEST", 1)]
    mails = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m)
             for m in smtp.messages[-2:]}
    assert "now in royal presence: guests take their seats by 09:15" in \
        mails["official1@example.org"]
    assert "In the presence of Her Majesty the Queen" in mails["official1@example.org"]
    assert "désormais en présence royale : les invités prennent place avant 09:15" in \
        mails["official2@example.org"]

    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{closing['id']}",
                                     role="protocol", json={"royal_presence": False})
    assert status == 200, body
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    again = await cal.next(2)
    assert {i.sequence for i in again} == {2}
    mails = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m)
             for m in smtp.messages[-2:]}
    assert "no longer in royal presence" in mails["official1@example.org"]
    assert "n'est plus en présence royale" in mails["official2@example.org"]


async def test_a_guest_made_speaker_is_told_they_were_in_the_audience(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A deputy invited with the ministers' audience, then given the floor: the update said
    "your role: speaker (was guest)" / "votre rôle : prise de parole (auparavant :
    invitation)"."""
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    one = await approved(api, official(be["id"], 1), "protocol", "protocol")
    two = await approved(api, official(be["id"], 2, "fr"), "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    start = datetime(day.year, day.month, day.day, 9, 30, tzinfo=BRUSSELS)
    end = datetime(day.year, day.month, day.day, 11, tzinfo=BRUSSELS)
    _, opening, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": start.isoformat(), "ends_at": end.isoformat(),
        "audience": ["official"], "press_access": "closed"})
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(2)
    for who in (one, two):
        status, body, _ = await api.call(
            "PUT", f"/api/v1/sessions/{opening['id']}/participants/{who}", role="protocol",
            json={"role": "speaker"})
        assert status == 200, body
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    await cal.next(2)
    mails = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m)
             for m in smtp.messages[-2:]}
    assert "your role: speaker (was in the audience)" in mails["official1@example.org"]
    assert "votre rôle : prise de parole (auparavant : dans l'assistance)" in \
        mails["official2@example.org"]
