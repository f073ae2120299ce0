"""The days a zone admits (docs/credentials.md, "Days of admission"): the conference's days in
its time zone, unless the zone names its own first or last day; a badge scanned on another day
is refused ``outside_hours``, at the API and on the door page, in French and English (found in
a user test: a badge was admitted on 1 December 2026 for a conference on 14–15 January 2027).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from conference.settings import Settings
from tests.browser.helpers import BASE, element, press, scan, zone
from tests.conftest import Api, conference_body, start_api
from tests.http.test_badges import _reference
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import Clock, RecordingSMTP

DOOR = "/manage/alliance/door"


@pytest.fixture
def clock() -> Iterator[Clock]:
    yield Clock(datetime(2026, 12, 1, 10, tzinfo=UTC))


async def _conference(api: Api) -> None:
    body = conference_body(starts_on="2027-01-14", ends_on="2027-01-15")
    body["press_registration"] = {"opens_at": "2026-11-01T09:00:00+00:00",
                                  "closes_at": "2026-12-20T09:00:00+00:00", "pool_capacity": 10}
    body["security_list_deadline"] = "2027-01-10T09:00:00+00:00"
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created


async def test_a_badge_admits_only_on_the_conference_days_in_its_time_zone(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        await _conference(api)
        await zone(api, "plenary-hall", categories=["press"], opens_on=None)
        acc = await press(api, decision="approve")
        badge = await _reference(api, acc["id"])

        def at(day: date, hour: int, minute: int = 0) -> datetime:  # Brussels is UTC+1
            return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)

        answers = []
        for moment in (at(date(2026, 12, 1), 10),         # six weeks early (the user test)
                       at(date(2027, 1, 13), 22, 59),     # 23:59 in Brussels the day before
                       at(date(2027, 1, 13), 23, 0),      # midnight in Brussels: day one
                       at(date(2027, 1, 15), 22, 59),     # 23:59 in Brussels, last day
                       at(date(2027, 1, 15), 23, 0),      # the day after, in Brussels
                       at(date(2027, 3, 1), 9)):
            clock.now = moment
            result = await scan(api, badge, "plenary-hall")
            answers.append((result["admitted"], result["reason"]))
        assert answers == [(False, "outside_hours"), (False, "outside_hours"), (True, "granted"),
                           (True, "granted"), (False, "outside_hours"),
                           (False, "outside_hours")]
        clock.now = at(date(2026, 12, 1), 10)
        result = await scan(api, badge, "plenary-hall")
        assert result["holder"]["accreditation_id"] == acc["id"]  # whose badge, still said
        assert "does not admit on this day" in result["detail"]
    finally:
        await api.client.close()


async def test_a_zone_may_name_its_own_days_and_they_are_checked(
    db_url: str, settings: Settings, clock: Clock
) -> None:
    api = await start_api(db_url, settings, clock=clock)
    try:
        await _conference(api)
        created = await zone(api, "press-centre", categories=["press"], opens_on="2027-01-12")
        assert (created["opens_on"], created["closes_on"]) == ("2027-01-12", None)
        acc = await press(api, decision="approve")
        badge = await _reference(api, acc["id"])
        clock.now = datetime(2027, 1, 12, 8, tzinfo=UTC)
        assert (await scan(api, badge, "press-centre"))["reason"] == "granted"
        clock.now = datetime(2027, 1, 16, 8, tzinfo=UTC)
        assert (await scan(api, badge, "press-centre"))["reason"] == "outside_hours"
        # an unknown zone says so first, on any day
        clock.now = datetime(2026, 12, 1, 10, tzinfo=UTC)
        assert (await scan(api, badge, "no-such-zone"))["reason"] == "unknown_zone"

        body = {"code": "vip", "name": {"fr": "VIP", "en": "VIP"},
                "opens_on": "2027-01-16", "closes_on": None}
        status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol", json=body)
        assert status == 422 and problem["errors"][0]["field"] == "opens_on", problem
        body = {**body, "opens_on": "2027-01-15", "closes_on": "2027-01-14"}
        status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol", json=body)
        assert status == 422 and problem["errors"][0]["field"] == "closes_on", problem
    finally:
        await api.client.close()


async def test_the_door_page_says_the_zone_admits_no_one_today(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"], opens_on=None)  # in 30 days
    acc = await press(api, decision="approve")
    badge = await _reference(api, acc["id"])
    expected = {
        "fr": ("Cette zone n'admet personne aujourd'hui.",
               "N'admettez pas la personne aujourd'hui. En cas de doute, orientez-la vers le "
               "bureau des accréditations."),
        "en": ("This zone admits no one today.",
               "Do not admit the person today. If in doubt, send them to the accreditation "
               "desk."),
    }
    for lang, (said, action) in expected.items():
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone="press-centre",
                                               badge=badge)
        assert status == 200, page
        assert ("REFUSÉ" if lang == "fr" else "REFUSED") in element(page, "door-result")
        assert element(page, "door-reason") == " ".join(said.split())
        assert element(page, "door-action") == " ".join(action.split())


async def test_the_door_page_says_which_days_the_zone_admits(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A person turned away from a zone closed today is told when to come back: the page names
    the zone's days, its own first day and the conference's last (found trying the door on the
    morning of a meeting: "no one today" alone left the door staff with nothing to say)."""
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    _, conference, _ = await api.call("GET", BASE, role="admin")
    first = date.fromisoformat(conference["starts_on"])
    last = date.fromisoformat(conference["ends_on"])
    opens = first - timedelta(days=1)  # a press centre opens the day before
    await zone(api, "press-centre", categories=["press"], opens_on=opens.isoformat())
    await zone(api, "plenary-hall", categories=["press"], opens_on=None)
    acc = await press(api, decision="approve")
    badge = await _reference(api, acc["id"])
    expected = {
        ("press-centre", "fr"): "Jours d'accès de cette zone\u00a0: du "
                                f"{_fr(opens)} au {_fr(last)}.",
        ("press-centre", "en"): f"This zone admits from {_en(opens)} to {_en(last)}.",
        ("plenary-hall", "en"): f"This zone admits from {_en(first)} to {_en(last)}.",
    }
    for (code, lang), said in expected.items():
        status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang={lang}", zone=code,
                                               badge=badge)
        assert status == 200, page
        assert "outside_hours" not in page
        assert element(page, "door-days") == " ".join(said.split()), (code, lang)

    # a badge refused for another reason says no days
    status, page, _ = await door.post_form(DOOR, f"{DOOR}?lang=en", zone="press-centre",
                                           badge="ZZZZ")
    assert status == 200 and 'id="door-days"' not in page


_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")


def _fr(day: date) -> str:
    number = "1er" if day.day == 1 else str(day.day)
    return f"{_FR_DAYS[day.weekday()]} {number} {_FR_MONTHS[day.month - 1]} {day.year}"


def _en(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
