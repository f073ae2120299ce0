"""What an update says of a corrected conference detail, in the reader's language
(docs/calendar.md, "Corrected conference details")."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from conference.calendar.words import Shown, changes, detail_changes
from conference.programme.published import PublishedSession

_S, _R = uuid.uuid4(), uuid.uuid4()

BEFORE = Shown(venue="Charlemagne, Rue de la Loi 170", title="Alliance: meeting",
               organizer="GA 2027", patron="Her Majesty the Queen")


def test_each_detail_seen_changed_is_one_line() -> None:
    now = Shown(venue="Egmont Palace, Place du Petit Sablon 8", title="Alliance: summit",
                organizer="GA 2028", patron="His Majesty the King")
    assert detail_changes(BEFORE, now, "en") == (
        "now at Egmont Palace, Place du Petit Sablon 8 (was Charlemagne, Rue de la Loi 170)",
        "conference title: “Alliance: summit” (was “Alliance: meeting”)",
        "organiser: GA 2028 (was GA 2027)",
        "in the presence of His Majesty the King (was Her Majesty the Queen)")
    assert detail_changes(BEFORE, now, "fr")[:2] == (
        "nouveau lieu\u00a0: Egmont Palace, Place du Petit Sablon 8 (auparavant\u00a0: "
        "Charlemagne, Rue de la Loi 170)",
        "intitulé de la conférence\u00a0: «\u00a0Alliance: summit\u00a0» (auparavant "
        "«\u00a0Alliance: meeting\u00a0»)")


def test_nothing_seen_is_no_line() -> None:
    assert detail_changes(BEFORE, BEFORE, "en") == ()
    # the organiser named by the title: the title's line says it once
    before = Shown(venue="V", title="Old", organizer="Old")
    assert detail_changes(before, Shown(venue="V", title="New", organizer="New"), "en") == (
        "conference title: “New” (was “Old”)",)


def test_the_organisers_address_when_it_is_the_organizer() -> None:
    before = Shown(venue="V", title="T", organizer="T", organizer_email="a@example.org")
    now = Shown(venue="V", title="T", organizer="T", organizer_email="b@example.org")
    assert detail_changes(before, now, "en") == (
        "organisers' address: b@example.org (was a@example.org)",)


def _session(starts: datetime) -> PublishedSession:
    return PublishedSession(
        session_id=_S, sequence=0, title={"fr": "Clôture", "en": "Closing"}, kind="plenary",
        room_id=_R, room="Plenary", starts_at=starts,
        ends_at=starts + timedelta(hours=1, minutes=30),
        status="scheduled", press_access="open", audience=["minister"], royal_presence=False,
        seated_by=None, participants=[])


def test_a_move_to_another_day_reads_from_one_day_to_the_other() -> None:
    """A user test read « déplacée de dimanche 17 janvier 2027, 15:00 à lundi 18 janvier
    2027, 11:30 »: « du … au … » in French, each day and time set off by commas."""
    zone = ZoneInfo("Europe/Brussels")
    sunday = datetime(2027, 1, 17, 15, tzinfo=zone)
    monday = datetime(2027, 1, 18, 11, 30, tzinfo=zone)
    assert changes(_session(sunday), _session(monday), zone, "fr") == (
        "déplacée du dimanche 17 janvier 2027, 15:00, au lundi 18 janvier 2027, 11:30 "
        "(fin à 13:00)",)
    assert changes(_session(sunday), _session(monday), zone, "en") == (
        "moved from Sunday 17 January 2027, 15:00, to Monday 18 January 2027, 11:30 "
        "(ends at 13:00)",)
    # the same day: the times alone, as before
    later = datetime(2027, 1, 17, 16, tzinfo=zone)
    assert changes(_session(sunday), _session(later), zone, "fr") == (
        "déplacée de 15:00 à 16:00 (fin à 17:30)",)
