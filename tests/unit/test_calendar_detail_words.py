"""What an update says of a corrected conference detail, in the reader's language
(docs/calendar.md, "Corrected conference details")."""

from __future__ import annotations

from conference.calendar.words import Shown, detail_changes

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
