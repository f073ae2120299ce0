"""A session closed to the press keeps out the press badge that holds the zone only through its
sessions (docs/credentials.md, "Sessions closed to the press"): found by a tryout, a
journalist's press badge was ADMITTED at the plenary hall at 10:45 on the meeting's day during
« Session d'experts : enquêtes et poursuites », a session closed to the press, because the hall
is granted to the press through its press-open sessions, for whole days. Checked at the API at
times before, during and after the closed session, during an open one, with a cancelled closed
session, for a press pool member at a royal perimeter and for a non-press badge; and on the
door page in French and English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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
from tests.conftest import Api, conference_body, press_body, start_api
from tests.http.test_badges import _reference
from tests.http.test_console import Visitor, staff
from tests.support import Clock, RecordingSMTP

BRUSSELS = ZoneInfo("Europe/Brussels")
DOOR = "/manage/alliance/door"
TITLE = {"fr": "Session d'experts\u00a0: enquêtes et poursuites",
         "en": "Expert session: investigations and prosecution"}


@pytest.fixture
def clock() -> Iterator[Clock]:
    yield Clock(datetime.now(UTC))


@dataclass
class Meeting:
    conference: dict[str, Any]
    closed: dict[str, Any]
    journalist: str
    """The badge of a journalist the plenary hall admits through its press-open sessions."""

    def at(self, hour: int, minute: int = 0, day: int = 0) -> datetime:
        return datetime.fromisoformat(at(self.conference, hour, minute, day))


async def _conference(api: Api) -> dict[str, Any]:
    """The conference, in three days: the door's staff signs in by a welcome link (valid seven
    days from its mail, sent at the real time) with the clock on the meeting's day."""
    today = datetime.now(UTC).date()
    body = conference_body(starts_on=(today + timedelta(days=3)).isoformat(),
                           ends_on=(today + timedelta(days=4)).isoformat())
    now = datetime.now(UTC)
    body["press_registration"] = {**body["press_registration"],
                                  "closes_at": (now + timedelta(days=1)).isoformat()}
    body["security_list_deadline"] = (now + timedelta(days=2)).isoformat()
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=body)
    assert status == 201, conference
    return dict(conference)


async def _meeting(api: Api) -> Meeting:
    """The plenary hall of the tryout: granted to the delegations by category and to the press
    through its open sessions; on the first day an open session (09:30–10:15), the closed
    expert session (10:30–12:30), a closed session cancelled (13:00–14:00), two closed
    sessions without a break (14:15–15:15, 15:15–16:00); in Room 2, a press-open session
    granting the hall too (14:30–15:00)."""
    conference = await _conference(api)
    hall = await room(api, "Salle plénière")
    side = await room(api, "Salle 2")
    press_open = {"press_access": "open", "audience": ["minister", "official", "press"]}
    closed = {"press_access": "closed", "audience": ["official", "expert"],
              "kind": "expert_panel"}
    opening = await session(api, hall, at(conference, 9, 30), at(conference, 10, 15),
                            **press_open)
    experts = await session(api, hall, at(conference, 10, 30), at(conference, 12, 30),
                            title=TITLE, **closed)
    cancelled = await session(api, hall, at(conference, 13), at(conference, 14),
                              title={"fr": "Annulée", "en": "Cancelled"}, **closed)
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{cancelled['id']}/cancel",
                                  role="protocol")
    assert status == 200
    await session(api, hall, at(conference, 14, 15), at(conference, 15, 15),
                  title={"fr": "Huis clos", "en": "Closed doors"}, **closed)
    await session(api, hall, at(conference, 15, 15), at(conference, 16),
                  title={"fr": "Suite", "en": "Continued"}, **closed)
    briefing = await session(api, side, at(conference, 14, 30), at(conference, 15),
                             title={"fr": "Point presse", "en": "Briefing"}, **press_open)
    await zone(api, "plenary-hall", categories=["minister", "official", "expert", "staff"],
               sessions=[opening["id"], briefing["id"]])
    journalist = await press(api, decision="approve")
    return Meeting(conference, experts, await _reference(api, journalist["id"]))


async def test_the_press_is_kept_out_of_a_closed_session_and_admitted_between_sessions(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        m = await _meeting(api)
        answers = {}
        for label, moment in (("open session", m.at(9, 45)),
                              ("between sessions", m.at(10, 20)),
                              ("a minute before", m.at(10, 29)),
                              ("its start", m.at(10, 30)),
                              ("the tryout", m.at(10, 45)),
                              ("its last minute", m.at(12, 29)),
                              ("its end", m.at(12, 30)),
                              ("cancelled closed session", m.at(13, 30)),
                              ("closed session, open one in the zone's other room",
                               m.at(14, 45)),
                              ("closed session after the open one", m.at(15, 5)),
                              ("the next closed session, without a break", m.at(15, 15)),
                              ("after them", m.at(16)),
                              ("next day", m.at(10, 45, day=1))):
            clock.now = moment
            result = await scan(api, m.journalist, "plenary-hall")
            answers[label] = (result["admitted"], result["reason"])
        refused = (False, "press_session_closed")
        admitted = (True, "granted")
        assert answers == {
            "open session": admitted, "between sessions": admitted,
            "a minute before": admitted, "its start": refused, "the tryout": refused,
            "its last minute": refused, "its end": admitted,
            "cancelled closed session": admitted,
            "closed session, open one in the zone's other room": admitted,
            "closed session after the open one": refused,
            "the next closed session, without a break": refused, "after them": admitted,
            "next day": admitted,
        }

        clock.now = m.at(10, 45)
        result = await scan(api, m.journalist, "plenary-hall")
        assert result["holder"]["category"] == "press"  # whose badge, still said
        held = result["closed_session"]
        assert (held["id"], held["title"]) == (m.closed["id"], TITLE)
        ends = datetime.fromisoformat(held["ends_at"])
        assert ends == m.at(12, 30) and ends.utcoffset() == ends.astimezone(BRUSSELS).utcoffset()
        assert datetime.fromisoformat(held["closed_until"]) == m.at(12, 30)
        # closed sessions one after the other: the press waits for the end of the last
        clock.now = m.at(15, 5)
        held = (await scan(api, m.journalist, "plenary-hall"))["closed_session"]
        assert held["title"]["en"] == "Closed doors"
        assert datetime.fromisoformat(held["ends_at"]) == m.at(15, 15)
        assert datetime.fromisoformat(held["closed_until"]) == m.at(16)
        assert result["zones_granted"] == []
        clock.now = m.at(10, 20)
        assert (await scan(api, m.journalist, "plenary-hall"))["closed_session"] is None
    finally:
        await api.client.close()


async def test_other_badges_and_other_grants_are_unchanged(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        m = await _meeting(api)
        be = await delegation(api, "BE")
        minister = await member(api, be, "Milquet")
        # the press centre, granted to the press by category; a pool position at the hall
        await zone(api, "press-centre", categories=["press"])
        tribune = await pool(api, "Pool tribune")
        await zone(api, "press-tribune", pools=[tribune["id"]])
        # a royal perimeter around the hall, on the second day, its press only as a pool
        royal = await session(api, {"id": m.closed["room_id"]}, at(m.conference, 9, day=1),
                              at(m.conference, 10, day=1), royal_presence=True,
                              press_access="pool", audience=["official", "press"])
        royal_pool = await pool(api)
        await zone(api, "royal-perimeter", kind="royal_perimeter", sessions=[royal["id"]],
                   pools=[royal_pool["id"]])
        in_pool = await press(api, 1, decision="approve")
        not_in_pool = await press(api, 2, decision="approve")
        for pool_id, who in ((royal_pool["id"], in_pool), (tribune["id"], not_in_pool)):
            status, _, _ = await api.call(
                "PUT", f"/api/v1/pools/{pool_id}/members/{who['id']}", role="press_office")
            assert status == 200

        clock.now = m.at(10, 45)  # the closed expert session is held in the hall
        expected = [
            (await _reference(api, minister["id"]), "plenary-hall", "granted"),
            (m.journalist, "press-centre", "granted"),
            (await _reference(api, not_in_pool["id"]), "press-tribune", "granted"),
            (await _reference(api, in_pool["id"]), "royal-perimeter", "granted"),
            (await _reference(api, not_in_pool["id"]), "royal-perimeter", "press_not_in_pool"),
            (m.journalist, "plenary-hall", "press_session_closed"),
        ]
        for badge, code, reason in expected:
            result = await scan(api, badge, code)
            assert (result["reason"], result["closed_session"]) == (
                reason, result["closed_session"] if reason == "press_session_closed" else None
            ), (code, reason)
    finally:
        await api.client.close()


async def _door_says(door: Visitor, lang: str, badge: str, reason: str,
                     texts: tuple[str, str, str]) -> None:
    """The door page, in ``lang``, answers the badge at the hall with the verdict, the reason
    and the next step ``texts``, in words (the reason's code, ``reason``, is not shown)."""
    verdict, said, action = texts
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="plenary-hall",
                                           badge=badge)
    assert status == 200, page
    assert verdict in element(page, "door-result")
    # (element() reads the text with its spaces, non-breaking ones too, as one space)
    assert element(page, "door-reason") == " ".join(said.split())
    assert element(page, "door-action") == " ".join(action.split())
    assert said in page.replace("&#39;", "'")  # the non-breaking spaces are there
    assert reason not in page


async def test_the_door_page_says_closed_to_the_press_until_when_and_what_to_do(
    db_url: str, settings: Settings, clock: Clock, smtp: RecordingSMTP
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        m = await _meeting(api)
        clock.now = m.at(10, 45)
        door = await staff(api, smtp, "door@example.org", "door", language="fr")
        expected = {
            "fr": ("REFUSÉ",
                   "Fermé à la presse jusqu'à 12:30\u00a0: séance en cours, «\u00a0Session "
                   "d'experts\u00a0: enquêtes et poursuites\u00a0».",
                   "N'admettez pas la personne avant 12:30\u00a0: elle peut attendre "
                   "jusque-là."),
            "en": ("REFUSED",
                   "Closed to the press until 12:30: session in progress, “Expert session: "
                   "investigations and prosecution”.",
                   "Do not admit the person before 12:30: they may wait until then."),
        }
        for lang, (verdict, said, action) in expected.items():
            await _door_says(door, lang, m.journalist, "press_session_closed",
                             (verdict, said, action))

        clock.now = m.at(15, 5)  # two closed sessions without a break: until the last one ends
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="plenary-hall",
                                               badge=m.journalist)
        assert status == 200 and element(page, "door-reason") == (
            "Closed to the press until 16:00: session in progress, “Closed doors”.")
        # what to do names the same time: at 15:15, the end of "Closed doors", the press is
        # refused again ("wait until it ends" sent the journalist back too early; tryout)
        assert element(page, "door-action") == (
            "Do not admit the person before 16:00: they may wait until then.")

        clock.now = m.at(12, 30)  # the session is over: the journalist goes in
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="plenary-hall",
                                               badge=m.journalist)
        assert status == 200 and "ADMITTED" in element(page, "door-result")
    finally:
        await api.client.close()


async def test_the_door_sends_the_press_to_the_press_centre_only_where_there_is_one(
    db_url: str, settings: Settings, clock: Clock, smtp: RecordingSMTP
) -> None:
    """A tryout's door told a journalist kept out of a closed session to "go to the press
    centre" at a conference that had none. A press centre is a zone every press badge opens by
    its category and no session grants (docs/credentials.md, "Sessions closed to the press"),
    named as the conference names it, when it admits on the day; without one the door says to
    wait (the test above)."""
    api = await start_api(db_url, settings, clock=clock)
    try:
        m = await _meeting(api)
        day_before = (datetime.fromisoformat(at(m.conference, 9)) - timedelta(days=1)).date()
        named = {"press-centre": ("Centre de presse", "Press centre", ["press", "staff"], [],
                                  None),
                 # closed the day before the meeting: not a place to go today
                 "press-room": ("Salle de presse", "Press room", ["press"], [],
                                (day_before - timedelta(days=2), day_before)),
                 # a room of sessions, which may be closed to the press too
                 "side-hall": ("Salle annexe", "Side hall", ["press"], [m.closed["id"]], None)}
        for code, (fr, en, categories, sessions, days) in named.items():
            status, body, _ = await api.call(
                "POST", "/api/v1/conferences/alliance/zones", role="protocol", json={
                    "code": code, "name": {"fr": fr, "en": en}, "kind": "standard",
                    **({"opens_on": str(days[0]), "closes_on": str(days[1])} if days else {}),
                    "grants": {"categories": categories, "sessions": sessions}})
            assert status == 201, body
        tribune = await pool(api, "Pool tribune")
        await zone(api, "press-tribune", pools=[tribune["id"]])  # a pool's place: not for all
        clock.now = m.at(10, 45)
        door = await staff(api, smtp, "door@example.org", "door", language="fr")
        expected = {
            "fr": "N'admettez pas la personne avant 12:30\u00a0: elle peut attendre jusque-là, "
                  "ou se rendre dans la zone «\u00a0Centre de presse\u00a0».",
            "en": "Do not admit the person before 12:30: they may wait until then, or go to "
                  "the zone “Press centre”.",
        }
        for lang, action in expected.items():
            status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}",
                                                   zone="plenary-hall", badge=m.journalist)
            assert status == 200, page
            assert element(page, "door-action") == " ".join(action.split())
            assert action in page.replace("&#39;", "'").replace("&#34;", '"')

        # two such places: both named
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/zones", role="protocol", json={
                "code": "media-lounge", "name": {"fr": "Salon des médias", "en": "Media lounge"},
                "grants": {"categories": ["press"]}})
        assert status == 201, body
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="plenary-hall",
                                               badge=m.journalist)
        assert status == 200, page
        assert element(page, "door-action") == (
            "Do not admit the person before 12:30: they may wait until then, or go to the "
            "zone “Press centre” or “Media lounge”.")
    finally:
        await api.client.close()


# --- a session open to the press pool only, a photo opportunity ------------------------------
# The docs said only a closed session kept the press out: on the day the whole press walked
# into a pool session, and writing journalists into a photo opportunity (SPEC: press access
# open / pool / photo opportunity only / closed).

POOL_TITLE = {"fr": "Tour de table ministériel", "en": "Ministerial round table"}
PHOTO_TITLE = {"fr": "Photo de famille", "en": "Family photo"}


@dataclass
class PressDay:
    conference: dict[str, Any]
    pool_session: dict[str, Any]
    photo: dict[str, Any]
    journalist: str
    photographer: str
    camera: str
    pool_member: str
    """The badge of a journalist of the press pool granted the hall."""

    def at(self, hour: int, minute: int = 0) -> datetime:
        return datetime.fromisoformat(at(self.conference, hour, minute))


async def _press_day(api: Api) -> PressDay:
    """The plenary hall, granted to the press through its press-open sessions and to a press
    pool; on the first day an open session (08:00–08:45), a session open to the pool only
    (09:00–10:00) followed without a break by a photo opportunity (10:00–10:30), then another
    pool session (11:00–12:00) while a press briefing, granting the hall too, is held in
    Room 2 (11:00–12:00)."""
    conference = await _conference(api)
    hall = await room(api, "Salle plénière")
    side = await room(api, "Salle 2")
    press_open = {"press_access": "open", "audience": ["minister", "official", "press"]}
    opening = await session(api, hall, at(conference, 8), at(conference, 8, 45), **press_open)
    pool_session = await session(api, hall, at(conference, 9), at(conference, 10),
                                 title=POOL_TITLE, press_access="pool",
                                 audience=["minister", "press"])
    photo = await session(api, hall, at(conference, 10), at(conference, 10, 30),
                          title=PHOTO_TITLE, press_access="photo_opportunity",
                          audience=["minister", "press"], kind="photo_opportunity")
    await session(api, hall, at(conference, 11), at(conference, 12), press_access="pool",
                  title={"fr": "Déjeuner de travail", "en": "Working lunch"},
                  audience=["minister", "press"])
    briefing = await session(api, side, at(conference, 11), at(conference, 12),
                             title={"fr": "Point presse", "en": "Briefing"}, **press_open)
    hall_pool = await pool(api, "Pool plénière")
    await zone(api, "plenary-hall", categories=["minister", "official"],
               sessions=[opening["id"], briefing["id"]], pools=[hall_pool["id"]])
    journalist = await press(api, decision="approve")
    photographer = await press(api, 1, decision="approve",
                               press={**press_body(1)["press"], "role": "photographer"})
    camera = await press(api, 2, decision="approve",
                         press={**press_body(2)["press"], "role": "camera"})
    member_of_pool = await press(api, 3, decision="approve")
    status, _, _ = await api.call(
        "PUT", f"/api/v1/pools/{hall_pool['id']}/members/{member_of_pool['id']}",
        role="press_office")
    assert status == 200
    return PressDay(conference, pool_session, photo, await _reference(api, journalist["id"]),
                    await _reference(api, photographer["id"]),
                    await _reference(api, camera["id"]),
                    await _reference(api, member_of_pool["id"]))


async def test_a_pool_session_admits_its_pool_and_a_photo_opportunity_its_photographers(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        d = await _press_day(api)
        answers = {}
        for label, moment in (("pool session", d.at(9, 30)), ("photo opportunity", d.at(10, 15)),
                              ("between sessions", d.at(10, 45)),
                              ("pool session, open one in the zone's other room",
                               d.at(11, 30))):
            clock.now = moment
            answers[label] = {
                who: (await scan(api, badge, "plenary-hall"))["reason"]
                for who, badge in (("journalist", d.journalist),
                                   ("photographer", d.photographer), ("camera", d.camera),
                                   ("pool member", d.pool_member))}
        assert answers == {
            "pool session": {"journalist": "press_pool_only", "photographer": "press_pool_only",
                             "camera": "press_pool_only", "pool member": "granted"},
            "photo opportunity": {"journalist": "press_photo_only", "photographer": "granted",
                                  "camera": "granted", "pool member": "granted"},
            "between sessions": dict.fromkeys(("journalist", "photographer", "camera",
                                               "pool member"), "granted"),
            "pool session, open one in the zone's other room": dict.fromkeys(
                ("journalist", "photographer", "camera", "pool member"), "granted"),
        }

        # the session that keeps the badge out, and until when: the pool session followed by
        # the photo opportunity keeps a journalist out until 10:30, a photographer until 10:00
        clock.now = d.at(9, 30)
        result = await scan(api, d.journalist, "plenary-hall")
        assert result["admitted"] is False
        held = result["closed_session"]
        assert (held["id"], held["title"]) == (d.pool_session["id"], POOL_TITLE)
        assert datetime.fromisoformat(held["ends_at"]) == d.at(10)
        assert datetime.fromisoformat(held["closed_until"]) == d.at(10, 30)
        held = (await scan(api, d.photographer, "plenary-hall"))["closed_session"]
        assert datetime.fromisoformat(held["closed_until"]) == d.at(10)
        clock.now = d.at(10, 15)
        held = (await scan(api, d.journalist, "plenary-hall"))["closed_session"]
        assert (held["id"], held["title"]) == (d.photo["id"], PHOTO_TITLE)
        assert datetime.fromisoformat(held["closed_until"]) == d.at(10, 30)
        assert (await scan(api, d.photographer, "plenary-hall"))["closed_session"] is None

        # every scan is recorded with its reason (migration 0062)
        status, page, _ = await api.call("GET", "/api/v1/conferences/alliance/check-ins",
                                         role="protocol")
        assert status == 200
        reasons = [c["reason"] for c in page["items"]]
        assert reasons[:5] == ["press_pool_only", "press_pool_only", "press_pool_only",
                               "granted", "press_photo_only"]
    finally:
        await api.client.close()


async def test_the_door_page_says_pool_only_or_photographers_only_until_when(
    db_url: str, settings: Settings, clock: Clock, smtp: RecordingSMTP
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        d = await _press_day(api)
        await zone(api, "press-centre", categories=["press"])
        clock.now = d.at(9, 30)  # signed in on the meeting's day
        door = await staff(api, smtp, "door@example.org", "door", language="fr")
        expected = {
            (9, 30): {
                "fr": ("Réservé au pool de presse jusqu'à 10:30\u00a0: séance en cours, "
                       "«\u00a0Tour de table ministériel\u00a0».",
                       "N'admettez pas la personne avant 10:30\u00a0: elle peut attendre "
                       "jusque-là, ou se rendre dans la zone «\u00a0Zone press-centre\u00a0»."),
                "en": ("Press pool only until 10:30: session in progress, “Ministerial round "
                       "table”.",
                       "Do not admit the person before 10:30: they may wait until then, or go "
                       "to the zone “Zone press-centre”."),
            },
            (10, 15): {
                "fr": ("Réservé aux photographes et aux équipes de tournage jusqu'à "
                       "10:30\u00a0: séance photo en cours, «\u00a0Photo de famille\u00a0».",
                       "N'admettez pas la personne avant 10:30\u00a0: elle peut attendre "
                       "jusque-là, ou se rendre dans la zone «\u00a0Zone press-centre\u00a0»."),
                "en": ("Photographers and camera crews only until 10:30: photo opportunity "
                       "in progress, “Family photo”.",
                       "Do not admit the person before 10:30: they may wait until then, or go "
                       "to the zone “Zone press-centre”."),
            },
        }
        for (hour, minute), texts in expected.items():
            clock.now = d.at(hour, minute)
            reason = "press_pool_only" if hour == 9 else "press_photo_only"
            for lang, (said, action) in texts.items():
                await _door_says(door, lang, d.journalist, reason,
                                 ("REFUSÉ" if lang == "fr" else "REFUSED", said, action))
        # the photographer goes in to the photo opportunity
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="plenary-hall",
                                               badge=d.photographer)
        assert status == 200 and "ADMITTED" in element(page, "door-result")
    finally:
        await api.client.close()
