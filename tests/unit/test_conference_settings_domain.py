"""The pure rules of a conference's days and time zone corrected (conferences.domain;
docs/workspaces.md, "The conference's days, time zone and languages")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from conference.conferences.domain import SessionTimes, rewall, sessions_outside
from conference.types import Localized


def _session(starts: str, ends: str, *, cancelled: bool = False) -> SessionTimes:
    return SessionTimes(id=uuid4(), title=Localized(fr="Séance", en="Session"),
                        starts_at=datetime.fromisoformat(starts),
                        ends_at=datetime.fromisoformat(ends), cancelled=cancelled)


def test_a_time_keeps_its_local_time_in_the_corrected_zone() -> None:
    typed = datetime(2027, 4, 15, 9, tzinfo=UTC)  # 09:00 typed with the zone "UTC"
    assert rewall(typed, "UTC", "Europe/Brussels") == datetime(2027, 4, 15, 7, tzinfo=UTC)
    # a time the autumn change repeats: its first occurrence (summer time)
    repeated = datetime(2027, 10, 31, 2, 30, tzinfo=UTC)
    assert rewall(repeated, "UTC", "Europe/Brussels") == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_a_time_the_clocks_skip_in_the_corrected_zone_is_refused() -> None:
    with pytest.raises(ValueError):
        rewall(datetime(2027, 3, 28, 2, 30, tzinfo=UTC), "UTC", "Europe/Brussels")


def test_a_session_ending_at_midnight_after_the_last_day_is_inside() -> None:
    inside = _session("2027-04-16T22:00:00+02:00", "2027-04-17T00:00:00+02:00")
    late = _session("2027-04-16T23:00:00+02:00", "2027-04-17T00:30:00+02:00")
    early = _session("2027-04-14T23:30:00+02:00", "2027-04-15T01:00:00+02:00")
    cancelled = _session("2027-04-18T09:00:00+02:00", "2027-04-18T10:00:00+02:00",
                         cancelled=True)
    assert sessions_outside([inside, late, early, cancelled], date(2027, 4, 15),
                            date(2027, 4, 16), "Europe/Brussels") == [late, early]
