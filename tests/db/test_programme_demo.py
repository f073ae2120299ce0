"""`conference demo` builds and publishes the programme of 5 December 2012, once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import asyncpg

from conference.auth import Principal, Role
from conference.conferences.repo import conference_by_slug
from conference.demo import SLUG, load_demo
from conference.programme import repo, service
from conference.roles import protocol_officer

BRUSSELS = ZoneInfo("Europe/Brussels")
OFFICER = protocol_officer(Principal(0, Role.protocol))


def bxl(hour: int, minute: int = 0) -> datetime:
    return datetime(2012, 12, 5, hour, minute, tzinfo=BRUSSELS)


async def test_the_demo_publishes_the_programme_of_the_day_once(db: asyncpg.Connection) -> None:
    first = await load_demo(db)
    second = await load_demo(db)
    assert first.splitlines()[0].endswith("7 sessions, version 1 (published now)")
    assert second.splitlines()[0].endswith("7 sessions, version 1 (unchanged)")
    conference = await conference_by_slug(db, SLUG)
    published = await repo.programme(db, conference, with_participants=True)
    assert published is not None
    assert published.version == 1
    assert await db.fetchval("SELECT count(*) FROM programme_version WHERE conference_id = $1",
                             conference.id) == 1
    assert [(s.starts_at, s.ends_at, s.room_in("en"), s.kind.value, s.royal_presence, s.sequence)
            for s in published.sessions] == [
        (bxl(9), bxl(9, 45), "Plenary hall", "plenary", False, 0),
        (bxl(10), bxl(11, 30), "Room 1", "expert_panel", False, 0),
        (bxl(10), bxl(11, 30), "Room 2", "expert_panel", False, 0),
        (bxl(12), bxl(13), "Plenary hall", "expert_panel", True, 0),
        (bxl(14), bxl(15, 30), "Room 1", "expert_panel", False, 0),
        (bxl(16), bxl(17), "Plenary hall", "ministerial", False, 0),
        (bxl(17, 15), bxl(17, 45), "Press room", "press_conference", False, 0),
    ]
    assert [s.room for s in published.sessions][:2] == ["Salle plénière", "Salle 1"]
    assert published.sessions[-1].room_in("fr") == "Salle de presse"
    titles = [s.title.en for s in published.sessions]
    assert "victims" in titles[1] and "prosecuting" in titles[2]
    assert "awareness" in titles[3] and "availability" in titles[4]
    assert "declaration" in titles[5] and titles[6].startswith("Press conference")
    queen = published.sessions[3]
    assert (queen.seated_by, queen.press_access.value) == (bxl(11, 45), "pool")
    assert len(published.changes.added) == 7

    order = await service.speaking_order(db, OFFICER, published.sessions[0].session_id)
    assert [(s.part, s.person and s.person.styled_name) for s in order.slots] == [
        ("welcome", "Son Excellence Madame Cecilia Malmström"),
        ("speech", "Son Excellence Monsieur Eric Holder"),
    ]
    listing = await service.security_list(db, OFFICER, queen.session_id, bxl(12))
    assert listing.frozen is True
    assert [(e.family_name, e.role) for e in listing.items] == [
        ("Holder", "audience"), ("Malmström", "chair")]


async def test_the_demo_rooms_stand_in_the_order_they_are_listed(db: asyncpg.Connection) -> None:
    """The programme builder shows the rooms in the order they were added: the demo adds the
    plenary hall first, so its grid starts with it (they were added in one transaction at one
    moment, which left their order to the rooms' random ids)."""
    await load_demo(db)
    for slug, names in ((SLUG, ["Plenary hall", "Room 1", "Room 2", "Press room"]),
                        ("global-alliance-follow-up", ["Plenary hall", "Room 1", "Press room"])):
        rows = await db.fetch("SELECT r.name_en FROM room r JOIN conference c"
                              " ON c.id = r.conference_id WHERE c.slug = $1"
                              " ORDER BY r.created_at, r.id", slug)
        assert [r["name_en"] for r in rows] == names
