"""The deadlines the console accepts with a word of warning (docs/lifecycle.md, "Quotas and
deadlines"): ``lifecycle.domain.deadline_warnings`` names each field and why."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from conference.lifecycle.domain import DeadlineWarning, deadline_warnings

BRUSSELS = ZoneInfo("Europe/Brussels")
END = datetime(2027, 1, 15, 0, 0, tzinfo=BRUSSELS)  # the end of 14 January, in Brussels


def at(day: int, hour: int = 12, month: int = 1) -> datetime:
    return datetime(2027, month, day, hour, 0, tzinfo=BRUSSELS)


def warnings(**given: datetime | None) -> list[tuple[str, str]]:
    fields: dict[str, datetime | None] = {
        "nominations_close_at": None, "changes_close_at": None,
        "security_list_deadline": None, "press_closes_at": None, **given}
    return [(w.field, w.code) for w in deadline_warnings(
        **fields, ends_on=date(2027, 1, 14), timezone="Europe/Brussels")]


def test_deadlines_in_order_before_the_end_say_nothing() -> None:
    assert warnings(nominations_close_at=at(1), security_list_deadline=at(5),
                    changes_close_at=at(10), press_closes_at=at(12)) == []
    assert warnings() == []  # nothing set: nothing to say
    # the last minute of the last day is still the conference's
    assert warnings(changes_close_at=datetime(2027, 1, 14, 23, 59, tzinfo=BRUSSELS)) == []


def test_changes_nominations_or_press_after_the_conference_ends() -> None:
    assert warnings(changes_close_at=at(15, 0, 1).replace(minute=1)) == [
        ("changes_close_at", "after_conference")]
    assert warnings(nominations_close_at=at(20), changes_close_at=at(21),
                    press_closes_at=at(16)) == [
        ("nominations_close_at", "after_conference"), ("changes_close_at", "after_conference"),
        ("press_registration.closes_at", "after_conference")]


def test_the_security_list_freezing_before_nominations_close() -> None:
    assert warnings(nominations_close_at=at(8), security_list_deadline=at(5)) == [
        ("security_list_deadline", "before_nominations")]
    # nominations left open close with the conference: the list freezes before that
    [w] = deadline_warnings(nominations_close_at=None, changes_close_at=None,
                            security_list_deadline=at(5), press_closes_at=None,
                            ends_on=date(2027, 1, 14), timezone="Europe/Brussels")
    assert w == DeadlineWarning("security_list_deadline", "before_nominations", at(5), END,
                                other_open=True)


def test_nominations_closing_after_changes_close() -> None:
    assert warnings(nominations_close_at=at(10), changes_close_at=at(8)) == [
        ("nominations_close_at", "after_changes")]
