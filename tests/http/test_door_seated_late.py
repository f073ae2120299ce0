"""A guest admitted after the seating time of a royal-presence session is said to be late
(docs/credentials.md, "Late for the patron"). Tried on the meeting's day (5 December 2026): a
minister on the royal opening's list walked through the perimeter at 09:35, the session having
started at 09:30 in the patron's presence, and the door said only ADMITTED. Guests are seated
before the patron arrives: after the "please be seated by" time the door admits the person on
the list but hands them to an usher, and says whether the session has begun. Checked at the
API (perimeter and the hall's own door, before and after the seating, after the start and the
end, an ordinary session, a cancelled one) and on the door page in French and English."""

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

DOOR = "/manage/alliance/door"
TITLE = {"fr": "Ouverture solennelle", "en": "Formal opening"}


@pytest.fixture
def clock() -> Iterator[Clock]:
    yield Clock(datetime.now(UTC))


async def test_a_guest_admitted_after_the_seating_is_late_for_the_patron(
    db_url: str, settings: Settings, clock: Clock, smtp: RecordingSMTP
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        conference = await _conference(api)
        hall = await room(api, "Salle plénière")
        # the royal opening 09:30–10:15 (guests seated from 09:15: the conference's default
        # 15 minutes), ministers invited, the press as a pool; an ordinary session after it
        royal = await session(api, hall, at(conference, 9, 30), at(conference, 10, 15),
                              title=TITLE, royal_presence=True, press_access="pool",
                              audience=["minister"])
        later = await session(api, hall, at(conference, 11), at(conference, 12),
                              press_access="open", audience=["minister", "official"])
        es = await delegation(api, "ES")
        minister = await member(api, es, "Ribera")
        photographer = await press(api, decision="approve")
        royal_pool = await pool(api)
        status, _, _ = await api.call(
            "PUT", f"/api/v1/pools/{royal_pool['id']}/members/{photographer['id']}",
            role="press_office")
        assert status in (200, 204)
        await zone(api, "perimeter", kind="royal_perimeter", sessions=[royal["id"]],
                   pools=[royal_pool["id"]])
        await zone(api, "plenary-hall", categories=["minister", "official"],
                   sessions=[later["id"]])
        badges = {"minister": await _reference(api, minister["id"]),
                  "photographer": await _reference(api, photographer["id"])}

        def moment(hour: int, minute: int = 0) -> datetime:
            return datetime.fromisoformat(at(conference, hour, minute))

        said: dict[tuple[str, str, str], Any] = {}
        for label, when in (("early", moment(9, 10)), ("at the seating", moment(9, 15)),
                            ("after it", moment(9, 20)), ("begun", moment(9, 35)),
                            ("its end", moment(10, 15)), ("ordinary", moment(11, 5))):
            clock.now = when
            for who, where in (("minister", "perimeter"), ("minister", "plenary-hall"),
                               ("photographer", "perimeter")):
                result = await scan(api, badges[who], where)
                late = result["late_for"]
                said[(label, who, where)] = (
                    result["reason"],
                    None if late is None else (late["id"], late["title"]["en"],
                                               late["seated_by"][11:16],
                                               late["starts_at"][11:16]))
        on_time = ("granted", None)
        late = ("granted", (royal["id"], TITLE["en"], "09:15", "09:30"))
        assert said == {
            ("early", "minister", "perimeter"): on_time,
            ("early", "minister", "plenary-hall"): on_time,
            ("early", "photographer", "perimeter"): on_time,
            ("at the seating", "minister", "perimeter"): on_time,
            ("at the seating", "minister", "plenary-hall"): on_time,
            ("at the seating", "photographer", "perimeter"): on_time,
            ("after it", "minister", "perimeter"): late,
            ("after it", "minister", "plenary-hall"): late,
            ("after it", "photographer", "perimeter"): late,
            ("begun", "minister", "perimeter"): late,
            ("begun", "minister", "plenary-hall"): late,
            ("begun", "photographer", "perimeter"): late,
            ("its end", "minister", "perimeter"): on_time,
            ("its end", "minister", "plenary-hall"): on_time,
            ("its end", "photographer", "perimeter"): on_time,
            ("ordinary", "minister", "perimeter"): on_time,
            ("ordinary", "minister", "plenary-hall"): on_time,
            ("ordinary", "photographer", "perimeter"): on_time,
        }

        # the door page, in both languages: before the start, and once it has begun
        clock.now = moment(9, 20)
        door = await staff(api, smtp, "door@example.org", "door", language="fr")
        for lang, when, text in (
            ("fr", moment(9, 20),
             "En retard pour « Ouverture solennelle » : les invités devaient être assis à "
             "09:15, la séance commence à 09:30 en présence royale. Confiez la personne à un "
             "huissier, qui la conduit à sa place."),
            ("en", moment(9, 35),
             "“Formal opening” began at 09:30 in the royal presence (guests seated by 09:15): "
             "the person waits until an usher takes them in, without crossing the room."),
        ):
            clock.now = when
            status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}",
                                                   zone="perimeter", badge=badges["minister"])
            assert status == 200, page
            assert ("ADMIS" if lang == "fr" else "ADMITTED") in element(page, "door-result")
            assert element(page, "door-seated-late") == text
        clock.now = moment(9, 10)
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="perimeter",
                                               badge=badges["minister"])
        assert status == 200 and 'id="door-seated-late"' not in page

        # the session cancelled: nobody is late for it
        status, _, _ = await api.call("POST", f"/api/v1/sessions/{royal['id']}/cancel",
                                      role="protocol")
        assert status == 200
        clock.now = moment(9, 35)
        assert (await scan(api, badges["minister"], "plenary-hall"))["late_for"] is None
    finally:
        await api.client.close()
