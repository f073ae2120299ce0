"""An ordinary door while a royal-presence session is held behind it (docs/credentials.md,
"Royal presence at an ordinary door"). Tried on the meeting's day (5 December 2026): at 09:35,
during the royal opening in the plenary hall, the hall's own door admitted an official who was
not on the session's security list, while the royal perimeter's door refused the same badge.
From the time guests are seated to the session's end, a standard zone whose rooms hold it
admits a non-press badge only from the list; before and after, as before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from conference.settings import Settings
from tests.browser.helpers import (
    at,
    delegation,
    element,
    member,
    participant,
    pool,
    press,
    room,
    scan,
    session,
    zone,
)
from tests.conftest import start_api
from tests.http.test_badges import _reference
from tests.http.test_console import staff
from tests.http.test_door_press_sessions import _conference
from tests.support import Clock, RecordingSMTP


@pytest.fixture
def clock() -> Iterator[Clock]:
    yield Clock(datetime.now(UTC))


async def test_the_hall_s_door_keeps_to_the_security_list_while_the_royal_session_is_held(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        conference = await _conference(api)
        hall = await room(api, "Salle plénière")
        other = await room(api, "Salle 2")
        # the royal opening 09:30–10:15 (guests seated from 09:15), ministers invited, press
        # as a pool; an ordinary session after it; the hall granted by category and through
        # its sessions, as the tryout's secretariat set it
        royal = await session(api, hall, at(conference, 9, 30), at(conference, 10, 15),
                              royal_presence=True, press_access="pool",
                              audience=["minister"])
        later = await session(api, hall, at(conference, 11), at(conference, 12),
                              press_access="open", audience=["minister", "official", "press"])
        side = await session(api, other, at(conference, 9, 30), at(conference, 10, 15),
                             press_access="open", audience=["official"])
        await zone(api, "plenary-hall", categories=["minister", "official", "staff"],
                   sessions=[later["id"]])
        await zone(api, "room-2", categories=["official"], sessions=[side["id"]])
        es = await delegation(api, "ES")
        minister = await member(api, es, "Ribera")  # of the invited audience
        official = await member(api, es, "Haddad", category="official", rank="official")
        speaker = await member(api, es, "Garcia", category="official", rank="official")
        await participant(api, royal, speaker)
        journalist = await press(api, decision="approve")
        badges = {"minister": await _reference(api, minister["id"]),
                  "official": await _reference(api, official["id"]),
                  "speaker": await _reference(api, speaker["id"]),
                  "journalist": await _reference(api, journalist["id"])}

        def moment(hour: int, minute: int = 0) -> datetime:
            return datetime.fromisoformat(at(conference, hour, minute))

        answers: dict[tuple[str, str], Any] = {}
        for label, when in (("before seating", moment(9, 14)), ("seating", moment(9, 15)),
                            ("the tryout", moment(9, 35)), ("its end", moment(10, 15))):
            clock.now = when
            for who in ("minister", "official", "speaker"):
                result = await scan(api, badges[who], "plenary-hall")
                answers[(label, who)] = result["reason"]
        assert answers == {
            ("before seating", "minister"): "granted",
            ("before seating", "official"): "granted",
            ("before seating", "speaker"): "granted",
            ("seating", "minister"): "granted",
            ("seating", "official"): "not_on_security_list",
            ("seating", "speaker"): "granted",
            ("the tryout", "minister"): "granted",
            ("the tryout", "official"): "not_on_security_list",
            ("the tryout", "speaker"): "granted",
            ("its end", "minister"): "granted",
            ("its end", "official"): "granted",
            ("its end", "speaker"): "granted",
        }
        clock.now = moment(9, 35)
        refused = await scan(api, badges["official"], "plenary-hall")
        assert refused["admitted"] is False and refused["holder"]["family_name"] == "Haddad"
        # another room's door is not concerned; the press keeps its own rule (the pool)
        assert (await scan(api, badges["official"], "room-2"))["reason"] == "granted"
        assert (await scan(api, badges["journalist"], "plenary-hall"))["reason"] == \
            "press_pool_only"
        # the session cancelled: the door admits as before
        status, _, _ = await api.call("POST", f"/api/v1/sessions/{royal['id']}/cancel",
                                      role="protocol")
        assert status == 200
        assert (await scan(api, badges["official"], "plenary-hall"))["reason"] == "granted"
    finally:
        await api.client.close()


async def test_a_pool_member_at_the_hall_s_door_is_sent_to_the_pool_s_entrance(
    db_url: str, settings: Settings, clock: Clock, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): the royal pool's photographer, at the
    plenary hall's door during the royal opening, was refused "Press pool only" and told to
    wait, though a member of the pool, which goes in through the royal perimeter. The door
    names the pool's entrance."""
    api = await start_api(db_url, settings, clock=clock)
    try:
        conference = await _conference(api)
        hall = await room(api, "Salle plénière")
        royal = await session(api, hall, at(conference, 9, 30), at(conference, 10, 15),
                              royal_presence=True, press_access="pool", audience=["minister"])
        later = await session(api, hall, at(conference, 11), at(conference, 12),
                              press_access="open", audience=["minister", "press"])
        await zone(api, "plenary-hall", categories=["minister"], sessions=[later["id"]])
        royal_pool = await pool(api, "Royal opening pool")
        await zone(api, "royal-perimeter", kind="royal_perimeter", sessions=[royal["id"]],
                   pools=[royal_pool["id"]])
        photographer = await press(api, decision="approve")
        status, _, _ = await api.call(
            "PUT", f"/api/v1/pools/{royal_pool['id']}/members/{photographer['id']}",
            role="press_office")
        assert status == 200
        other = await press(api, 1, decision="approve")
        badge = await _reference(api, photographer["id"])
        clock.now = datetime.fromisoformat(at(conference, 9, 35))
        result = await scan(api, badge, "plenary-hall")
        assert (result["reason"], result["zones_granted"]) == (
            "press_pool_only", ["royal-perimeter"])
        assert (await scan(api, badge, "royal-perimeter"))["admitted"] is True
        # a journalist of no pool is told to wait, as before
        assert (await scan(api, await _reference(api, other["id"]),
                           "plenary-hall"))["zones_granted"] == []
        door = await staff(api, smtp, "door@example.org", "door")
        status, page, _ = await door.post_form("/manage/alliance/door?lang=en",
                                               "/manage/alliance/door?lang=en",
                                               zone="plenary-hall", badge=badge)
        assert status == 200, page
        assert element(page, "door-action") == (
            "Do not admit the person through this door: their press pool goes in through the "
            "zone “Zone royal-perimeter”. Send them to that entrance.")
    finally:
        await api.client.close()
