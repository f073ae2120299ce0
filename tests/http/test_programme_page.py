"""Rooms in French and English, and the public programme page: by day then start time with the
room as a column, what changed since the version before marked, and each room's name in the
reader's language on the page, in the programme JSON, in the invitation mail and in the ICS
LOCATION (docs/programme.md)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from icalendar import Calendar

from tests.browser.helpers import BASE, at, element, publish, session, text
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation, make_room
from tests.http.test_calendar_flow import Calendars, approved, is_invitation, official
from tests.support import RecordingSMTP, body_text

EUROPA = {"fr": "Salle Europe", "en": "Europa room"}
ATLAS = {"fr": "Salle Atlas", "en": "Atlas room"}


async def _page(api: Api, lang: str) -> str:
    resp = await api.client.get(f"/alliance/programme?lang={lang}")
    assert resp.status == 200
    return await resp.text()


def _rows(page: str) -> list[str]:
    """The session rows' ids, in the page's order."""
    return re.findall(r'<tr class="session[^"]*" id="session-([0-9a-f-]+)"', page)


def _cell(page: str, session_id: str, cell: str) -> str:
    row = page.split(f'id="session-{session_id}"')[1].split("</tr>")[0]
    match = re.search(rf'<td class="{cell}">(.*?)</td>', row, re.S)
    assert match, cell
    return text(match.group(1))


# --- rooms ------------------------------------------------------------------------------------


async def test_a_room_takes_one_name_or_a_name_per_language(
    api: Api, conference: dict[str, Any]
) -> None:
    plain = await make_room(api, "Salle Schuman", 80)
    assert (plain["name"], plain["names"]) == ("Salle Schuman",
                                               {"fr": "Salle Schuman", "en": "Salle Schuman"})
    both = await make_room(api, EUROPA, 120)
    # `name` keeps its shape: the conference's first language (French here)
    assert (both["name"], both["names"]) == ("Salle Europe", EUROPA)
    status, listed, _ = await api.call("GET", f"{BASE}/rooms", role="protocol")
    assert status == 200
    assert [r["names"] for r in listed["items"]] == [EUROPA, plain["names"]]
    # a name already taken, in either language: 409 naming the field
    for taken in ({"fr": "Salle Europe", "en": "Other"}, {"fr": "Autre", "en": "EUROPA ROOM"},
                  "salle schuman"):
        status, body, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                         json={"name": taken, "capacity": 10})
        assert status == 409, (taken, body)
    # a name missing a language, or empty: 422, never a 500
    for bad, fields in (({"fr": "Salle seule"}, {"name.en"}), ({"fr": "", "en": "Empty"},
                                                              {"name.fr"}),
                        ("", {"name"}), (12, {"name"}), ("Salle\x00", {"name"})):
        status, body, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                         json={"name": bad, "capacity": 10})
        assert status == 422, (bad, body)
        assert {e["field"] for e in body["errors"]} == fields, body


async def test_the_programme_json_carries_the_room_in_both_languages(
    api: Api, conference: dict[str, Any]
) -> None:
    europa = await make_room(api, EUROPA, 120)
    s = await session(api, europa, at(conference, 9), at(conference, 10))
    assert (s["room"], s["room_names"]) == ("Salle Europe", EUROPA)
    await publish(api)
    status, body, _ = await api.call("GET", f"{BASE}/programme")
    assert status == 200
    [published] = body["sessions"]
    assert (published["room_id"], published["room"], published["room_names"]) == (
        europa["id"], "Salle Europe", EUROPA)
    assert body["changes"]["added"][0]["room_names"] == EUROPA


# --- the page: order ----------------------------------------------------------------------------


async def test_sessions_are_listed_by_day_then_start_time_whatever_their_room(
    api: Api, conference: dict[str, Any]
) -> None:
    hall = await make_room(api, {"fr": "Salle plénière", "en": "Plenary hall"})
    a = await make_room(api, {"fr": "Salle A", "en": "Room A"}, 50)
    b = await make_room(api, {"fr": "Salle B", "en": "Room B"}, 50)
    # created in the order a room-grouped page used to show them
    late = await session(api, hall, at(conference, 16), at(conference, 17),
                         title={"fr": "Clôture", "en": "Closing"})
    next_day = await session(api, hall, at(conference, 10, day=1), at(conference, 11, day=1),
                             title={"fr": "Jour deux", "en": "Day two"})
    in_b = await session(api, b, at(conference, 10), at(conference, 11, 30),
                         title={"fr": "Atelier B", "en": "Workshop B"})
    in_a = await session(api, a, at(conference, 10), at(conference, 11, 30),
                         title={"fr": "Atelier A", "en": "Workshop A"})
    await publish(api)
    for lang, rooms in (("fr", ["Salle A", "Salle B", "Salle plénière", "Salle plénière"]),
                        ("en", ["Room A", "Room B", "Plenary hall", "Plenary hall"])):
        page = await _page(api, lang)
        assert _rows(page) == [in_a["id"], in_b["id"], late["id"], next_day["id"]]
        first_day, second_day = page.split('id="day-2"')
        assert _rows(first_day) == [in_a["id"], in_b["id"], late["id"]]
        assert _rows(second_day) == [next_day["id"]]
        assert [_cell(page, s["id"], "room") for s in (in_a, in_b, late, next_day)] == rooms
        assert _cell(page, in_a["id"], "time") == "10:00 – 11:30"
        # the columns are named, in the reader's language; the times' zone is said (a
        # journalist abroad reads them), as the reader names it
        head = ["Séance", "Salle", "Presse"] if lang == "fr" else ["Session", "Room", "Press"]
        assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', first_day) == head
        zone = r"Heure \(heure de Bruxelles, CES?T\)" if lang == "fr" else \
            r"Time \(Brussels time, CES?T\)"
        assert re.search(zone, text(first_day.split('<th scope="col" class="time">')[1]
                                    .split("</th>")[0])), first_day
    # babel dates: the day headings in each language's style
    day = datetime.fromisoformat(conference["starts_on"]).date()
    fr, en = element(await _page(api, "fr"), "day-1"), element(await _page(api, "en"), "day-1")
    assert fr.endswith(f" {day.year}") and fr.split()[0].islower()  # "mardi 1er …"
    assert en.split()[0][0].isupper() and en.endswith(f" {day.year}")  # "Tuesday 1 …"
    # nothing is "new" in the first version
    assert "New session" not in await _page(api, "en")


async def test_parallel_sessions_are_in_one_order_in_both_languages(
    api: Api, conference: dict[str, Any]
) -> None:
    """Sorted by the room's name in each language, « Salle 1 » came before « Salle plénière »
    in French and « Plenary hall » before « Room 1 » in English: the two programmes, read side
    by side, listed the same hour's sessions in another order (a tryout, 4 December 2026)."""
    hall = await make_room(api, {"fr": "Salle plénière", "en": "Plenary hall"})
    one = await make_room(api, {"fr": "Salle 1", "en": "Room 1"}, 50)
    in_hall = await session(api, hall, at(conference, 10), at(conference, 11),
                            title={"fr": "Enquêtes", "en": "Investigations"})
    in_one = await session(api, one, at(conference, 10), at(conference, 11),
                           title={"fr": "Identification", "en": "Identification"})
    await publish(api)
    for lang in ("fr", "en"):
        assert _rows(await _page(api, lang)) == [in_one["id"], in_hall["id"]], lang


# --- the page: what changed ---------------------------------------------------------------------


async def test_what_changed_since_the_previous_version_is_marked(
    api: Api, conference: dict[str, Any]
) -> None:
    a = await make_room(api, {"fr": "Salle A", "en": "Room A"}, 50)
    b = await make_room(api, {"fr": "Salle B", "en": "Room B"}, 50)
    moved = await session(api, a, at(conference, 9), at(conference, 10),
                          title={"fr": "Déplacée", "en": "Moved"})
    re_roomed = await session(api, a, at(conference, 11), at(conference, 12),
                              title={"fr": "Changée de salle", "en": "Re-roomed"})
    cancelled = await session(api, a, at(conference, 14), at(conference, 15),
                              title={"fr": "Annulée", "en": "Called off"})
    other_day = await session(api, b, at(conference, 15), at(conference, 16),
                              title={"fr": "Autre jour", "en": "Other day"})
    unchanged = await session(api, b, at(conference, 9), at(conference, 10),
                              title={"fr": "Inchangée", "en": "Unchanged"})
    await publish(api)

    async def patch(s: dict[str, Any], **body: Any) -> None:
        status, answer, _ = await api.call("PATCH", f"/api/v1/sessions/{s['id']}",
                                           role="protocol", json=body)
        assert status == 200, answer

    await patch(moved, starts_at=at(conference, 9, 30), ends_at=at(conference, 10, 30))
    await patch(re_roomed, room_id=b["id"])
    await patch(other_day, starts_at=at(conference, 15, day=1), ends_at=at(conference, 16, day=1))
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{cancelled['id']}/cancel",
                                  role="protocol")
    assert status == 200
    added = await session(api, a, at(conference, 17), at(conference, 18),
                          title={"fr": "Ajoutée", "en": "Added"})
    assert (await publish(api))["version"] == 2

    page = await _page(api, "en")
    assert "Version 2" in element(page, "version")
    assert _rows(page) == [unchanged["id"], moved["id"], re_roomed["id"], cancelled["id"],
                           added["id"], other_day["id"]]
    assert "Moved (was 09:00 – 10:00)" in _cell(page, moved["id"], "what")
    assert _cell(page, moved["id"], "time") == "09:30 – 10:30"
    assert _cell(page, re_roomed["id"], "room") == "Room B New room (was Room A)"
    assert "Cancelled" in _cell(page, cancelled["id"], "what")
    assert "<del>Called off</del>" in page
    assert "New session" in _cell(page, added["id"], "what")
    first = datetime.fromisoformat(conference["starts_on"]).date()
    was = _cell(page, other_day["id"], "what")
    assert re.search(rf"Moved \(was \w+ {first.day} \w+ {first.year}, 15:00 – 16:00\)", was), was
    unchanged_row = _cell(page, unchanged["id"], "what") + _cell(page, unchanged["id"], "room")
    assert not re.search(r"New session|Moved \(|New room|Cancelled", unchanged_row)
    assert re.search(r'class="session new marked" id="session-' + added["id"], page)
    assert re.search(r'class="session changed" id="session-' + re_roomed["id"], page)

    page = await _page(api, "fr")
    assert "Déplacée (auparavant 09:00 – 10:00)" in _cell(page, moved["id"], "what")
    assert _cell(page, re_roomed["id"], "room") == "Salle B Nouvelle salle (auparavant Salle A)"
    assert "Annulée" in _cell(page, cancelled["id"], "what")
    assert "Nouvelle séance" in _cell(page, added["id"], "what")

    # a third version with nothing new for these sessions: the marks of version 2 are gone
    await patch(unchanged, title={"fr": "Inchangée (titre)", "en": "Unchanged (title)"})
    await publish(api)
    page = await _page(api, "en")
    for s in (moved, re_roomed, added, other_day):
        assert not re.search(r"New session|Moved \(|New room", _cell(page, s["id"], "what") + _cell(
            page, s["id"], "room")), s["title"]
    assert "Cancelled" in _cell(page, cancelled["id"], "what")  # cancelled stays cancelled


# --- the room in the reader's language: mail and calendars --------------------------------------


def _location(ics: bytes | str) -> list[str]:
    cal = Calendar.from_ical(ics)
    return [str(e["LOCATION"]) for e in cal.walk("VEVENT")]


async def test_invitations_and_feeds_name_the_room_in_the_readers_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1, "fr"), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "en"), "protocol", "protocol")
    europa = await make_room(api, EUROPA, 120)
    atlas = await make_room(api, ATLAS, 120)
    s = await session(api, europa, at(conference, 9), at(conference, 10),
                      audience=["official"], press_access="closed")
    await publish(api)
    await cal.next(2)
    mails = {str(m["To"]).split("<")[-1].rstrip(">"): m
             for m in smtp.messages if is_invitation(m)}
    venue = f"{conference['venue']['name']}, {conference['venue']['address']}"

    def ics_of(m: Any) -> bytes:
        part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
        return bytes(part.get_payload(decode=True))

    fr, en = mails["official1@example.org"], mails["official2@example.org"]
    assert "Salle Europe" in body_text(fr) and "Europa room" not in body_text(fr)
    assert "Europa room" in body_text(en) and "Salle Europe" not in body_text(en)
    assert _location(ics_of(fr)) == [f"Salle Europe, {venue}"]
    assert _location(ics_of(en)) == [f"Europa room, {venue}"]
    # the personal feed and the public feed
    for m, room in ((fr, "Salle Europe"), (en, "Europa room")):
        feed = "/api/v1/calendar/" + body_text(m).split("/api/v1/calendar/")[1].split()[0]
        status, body, _ = await api.call("GET", feed)
        assert status == 200 and _location(body) == [f"{room}, {venue}"]
    for lang, room in (("fr", "Salle Europe"), ("en", "Europa room")):
        status, body, _ = await api.call("GET", f"{BASE}/programme.ics?lang={lang}")
        assert status == 200 and _location(body) == [f"{room}, {venue}"]
    # the update after a change of room says so in each reader's words
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{s['id']}", role="protocol",
                                  json={"room_id": atlas["id"]})
    assert status == 200
    await publish(api)
    await cal.next(2)
    updates = [m for m in smtp.messages if is_invitation(m)][2:]
    words = {str(m["To"]).split("<")[-1].rstrip(">"): body_text(m) for m in updates}
    assert "nouvelle salle\u00a0: Salle Atlas (auparavant\u00a0: Salle Europe)" in \
        words["official1@example.org"]
    assert "now in Atlas room (was Europa room)" in words["official2@example.org"]
    assert _location(ics_of(updates[0])) in ([f"Salle Atlas, {venue}"], [f"Atlas room, {venue}"])
    assert {tuple(_location(ics_of(m))) for m in updates} == {
        (f"Salle Atlas, {venue}",), (f"Atlas room, {venue}",)}


async def test_a_version_published_before_rooms_had_two_names_still_reads(
    api: Api, conference: dict[str, Any]
) -> None:
    """A snapshot frozen before migration 0032 has no room_names: its one name serves both."""
    import asyncpg

    hall = await make_room(api, "Salle Schuman", 80)
    await session(api, hall, at(conference, 9), at(conference, 10),
                  title={"fr": "Ancienne", "en": "Old"})
    await publish(api)
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute(
            "UPDATE programme_version SET snapshot = jsonb_set(snapshot, '{sessions}', "
            "(SELECT jsonb_agg(s - 'room_names') FROM jsonb_array_elements(snapshot -> "
            "'sessions') s))")
    finally:
        await conn.close()
    page = await _page(api, "en")
    assert [_cell(page, r, "room") for r in _rows(page)] == ["Salle Schuman"]
    status, body, _ = await api.call("GET", f"{BASE}/programme.ics?lang=en")
    assert status == 200 and "LOCATION:Salle Schuman" in body


# --- the venue in the reader's language ---------------------------------------------------------

VENUE = {"name": "Palais d'Egmont", "address": "Place du Petit Sablon 8, 1000 Bruxelles",
         "names": {"fr": "Palais d'Egmont", "en": "Egmont Palace"}}


async def test_a_venue_named_in_each_language_is_named_in_the_readers(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Found in a user's tryout: the English pages and mail named the venue in French. A venue
    may be given a name per language (``venue.names``); pages, mail, invitations and their
    LOCATION use the reader's (docs/programme.md, "The venue in each language")."""
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body(venue=VENUE))
    assert status == 201, conference
    assert conference["venue"]["names"] == VENUE["names"]
    for lang, name, other in (("fr", "Palais d'Egmont", "Egmont Palace"),
                              ("en", "Egmont Palace", "Palais d'Egmont")):
        page = await _page(api, lang)
        where = text(page.split('class="conference-where">')[1].split("</p>")[0])
        assert where.startswith(f"{name}, Place du Petit Sablon 8"), where
        assert other not in page

    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    await approved(api, official(be["id"], 1, "fr"), "protocol", "protocol")
    await approved(api, official(be["id"], 2, "en"), "protocol", "protocol")
    await session(api, await make_room(api, EUROPA, 120), at(conference, 9),
                  at(conference, 10), audience=["official"], press_access="closed")
    await publish(api)
    await cal.next(2)
    mails = {str(m["To"]).split("<")[-1].rstrip(">"): m
             for m in smtp.messages if is_invitation(m)}
    address = VENUE["address"]
    for to, room, name in (("official1@example.org", "Salle Europe", "Palais d'Egmont"),
                           ("official2@example.org", "Europa room", "Egmont Palace")):
        m = mails[to]
        assert f"{room}, {name}, {address}" in body_text(m)
        part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
        assert _location(bytes(part.get_payload(decode=True))) == [f"{room}, {name}, {address}"]


async def test_a_venue_with_one_name_keeps_it_in_both_languages(
    api: Api, conference: dict[str, Any]
) -> None:
    assert conference["venue"]["names"] is None
    for lang in ("fr", "en"):
        page = await _page(api, lang)
        assert f"{conference['venue']['name']}, {conference['venue']['address']}" in page
