"""The places an import takes (docs/lifecycle.md, "Import", quotas): rows beyond a delegation's
quota become errors naming the category, the places used (the database's and the file's earlier
rows) and allowed; updates that stay put take no place; a member moved frees their old place."""

from __future__ import annotations

from uuid import UUID, uuid4

from conference.accreditation.domain import Category, Status
from conference.lifecycle.domain import (
    Existing,
    MemberRow,
    Planned,
    QuotaError,
    check_deadlines,
    check_places,
)

BE, FR = uuid4(), uuid4()


def row(n: int, category: Category = Category.expert) -> MemberRow:
    return MemberRow(email=f"p{n}@example.org", given_name="P", family_name=str(n),
                     category=category, rank=None, function=None, language="en", gender=None,
                     delegation=None, in_office_since=None)


def existing(n: int, delegation: UUID, category: Category = Category.expert) -> Existing:
    return Existing(id=uuid4(), email=f"p{n}@example.org", given_name="P", family_name=str(n),
                    category=category, status=Status.submitted, rank=None, function=None,
                    language="en", gender=None, delegation_id=delegation, in_office_since=None)


def create(n: int, delegation: UUID = BE) -> Planned:
    return Planned(n, "create", row(n), delegation, None)


def test_rows_beyond_the_quota_are_errors_naming_used_and_allowed() -> None:
    plans = [create(2), create(3), create(4)]
    checked = check_places(plans, {(BE, "expert"): 1}, {(BE, "expert"): 2})
    assert [p.outcome for p in checked] == ["create", "error", "error"]
    errors = [e for p in checked[1:] for e in p.errors if isinstance(e, QuotaError)]
    assert [(e.field, e.category, e.used, e.allowed) for e in errors] == [
        ("category", "expert", 2, 2)] * 2


def test_uncapped_categories_other_delegations_and_errors_take_no_counted_place() -> None:
    failed = Planned(5, "error", None, BE, None, errors=())
    plans = [create(2, FR), create(3, FR), failed, create(4)]
    checked = check_places(plans, {}, {(BE, "expert"): 1, (FR, "expert"): None})
    assert [p.outcome for p in checked] == ["create", "create", "error", "create"]


def test_an_update_in_place_takes_none_and_a_move_frees_the_old_place() -> None:
    stay = Planned(2, "update", row(2), BE, existing(2, BE), changed=("function",))
    move = Planned(3, "update", row(3), FR, existing(3, BE), changed=("delegation",))
    newcomer = create(4)
    full = {(BE, "expert"): 2, (FR, "expert"): 0}
    caps = {(BE, "expert"): 2, (FR, "expert"): 0}
    checked = check_places([stay, newcomer, move], full, caps)
    # the move into FR (no place there) fails, but it freed BE's place for the newcomer
    assert [p.outcome for p in checked] == ["update", "create", "error"]


def test_substitutions_never_close_before_nominations() -> None:
    from datetime import UTC, datetime, timedelta

    at = datetime(2031, 5, 1, tzinfo=UTC)
    assert check_deadlines(at, at) == [] and check_deadlines(None, at) == []
    assert [e.field for e in check_deadlines(at, at - timedelta(seconds=1))] == [
        "changes_close_at"]
