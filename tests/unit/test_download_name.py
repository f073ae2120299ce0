"""A session's CSV downloads are named by the conference, the day and the title, in ASCII
(docs/lifecycle.md, "CSV files"): they were named by the session's id."""

from __future__ import annotations

from datetime import date

from conference.csvfile import download_name

DAY = date(2027, 4, 15)


def test_the_name_says_the_conference_the_day_and_the_title() -> None:
    assert download_name("security-list", "alliance-2027", DAY, "Ministerial") == \
        "security-list-alliance-2027-2027-04-15-ministerial.csv"


def test_a_french_title_is_folded_to_ascii() -> None:
    assert download_name("seating", "alliance", DAY, "Séance d'ouverture – Plénière") == \
        "seating-alliance-2027-04-15-seance-d-ouverture-pleniere.csv"


def test_a_long_title_is_cut_at_a_word() -> None:
    name = download_name("speaking-order", "alliance", DAY,
                         "Ministerial session on the implementation of the action plan")
    assert name == "speaking-order-alliance-2027-04-15-ministerial-session-on-the.csv"
    assert name.isascii()


def test_a_title_with_no_latin_letters_leaves_the_day() -> None:
    for title in ("会议", "Σύνοδος"):
        assert download_name("seating", "alliance", DAY, title) == \
            "seating-alliance-2027-04-15.csv"
