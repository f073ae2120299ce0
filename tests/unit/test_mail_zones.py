"""One way to write a zone in every language (docs/calendar.md, "The mail (iMIP)")."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from conference.mail import formatting

WINTER = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
SUMMER = datetime(2027, 7, 15, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("zone, when, label", [
    ("Europe/Brussels", WINTER, "CET"),
    ("Europe/Brussels", SUMMER, "CEST"),
    ("Europe/London", WINTER, "GMT"),
    ("Asia/Dubai", WINTER, "UTC+4"),          # the database has no abbreviation: "+04"
    ("America/Caracas", WINTER, "UTC\u22124"),
    ("Asia/Kathmandu", WINTER, "UTC+5:45"),
])
def test_a_zone_reads_the_same_in_french_and_english(zone: str, when: datetime,
                                                     label: str) -> None:
    for language in ("fr", "en"):
        assert formatting.time(when, zone, language).endswith(f" {label}")
        end = when.replace(hour=10)
        assert formatting.span(when, end, zone, language).endswith(f"({label})")


def test_a_session_past_midnight_reads_from_one_day_to_the_other() -> None:
    """« lundi 25 janvier 2027, de 21:00 à mardi 26 janvier 2027, 01:00 » in a minister's
    invitation (tried as a protocol officer, 5 December 2026): « du … au … » in French."""
    zone = ZoneInfo("Asia/Amman")
    dinner = datetime(2027, 1, 25, 21, tzinfo=zone)
    ends = datetime(2027, 1, 26, 1, tzinfo=zone)
    assert formatting.span(dinner, ends, zone, "fr") == (
        "du lundi 25 janvier 2027, 21:00, au mardi 26 janvier 2027, 01:00 (UTC+3)")
    assert formatting.span(dinner, ends, zone, "en") == (
        "Monday 25 January 2027, 21:00 – Tuesday 26 January 2027, 01:00 (UTC+3)")
    # the same day, as before
    assert formatting.span(dinner, dinner.replace(hour=23), zone, "fr") == (
        "lundi 25 janvier 2027, de 21:00 à 23:00 (UTC+3)")
