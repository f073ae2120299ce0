"""One way to write a zone in every language (docs/calendar.md, "The mail (iMIP)")."""

from datetime import UTC, datetime

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
