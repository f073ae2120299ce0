"""The rule of sessions closed to the press, pure (docs/credentials.md, "Sessions closed to the
press"): a press badge that holds a zone only through its sessions is refused
``press_session_closed`` while a session closed to the press is held there and no press-open
one, ``press_pool_only`` during a pool session, ``press_photo_only`` during a photo opportunity
unless a photographer's, a camera operator's or a technician's; its place in the decision
order."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conference.accreditation.domain import Category, Status
from conference.accreditation.models import PressRole
from conference.badges.domain import (
    Reason,
    ZoneFacts,
    ZoneKind,
    press_session_refusal,
    press_through_sessions,
    scan_reason,
)
from conference.programme.published import PressAccess

THROUGH_SESSIONS = ZoneFacts(by_session=True)
ACC = uuid.uuid4()


def _scan(category: Category = Category.press, kind: ZoneKind = ZoneKind.standard,
          facts: ZoneFacts = THROUGH_SESSIONS, *, status: Status = Status.approved,
          closed_now: bool = True, open_now: bool = False, **others: bool) -> Reason:
    held = [PressAccess.closed] * closed_now + [PressAccess.open] * open_now
    return scan_reason(kind, ACC, True, status, category, facts, held=held,
                       press_role="journalist", **others)


def test_a_press_badge_through_sessions_is_refused_during_a_closed_session() -> None:
    assert _scan() is Reason.press_session_closed


def test_between_sessions_the_press_is_admitted() -> None:
    assert _scan(closed_now=False) is Reason.granted


def test_a_press_open_session_of_the_zone_held_at_the_same_time_admits() -> None:
    assert _scan(open_now=True) is Reason.granted
    assert _scan(closed_now=False, open_now=True) is Reason.granted


@pytest.mark.parametrize("facts", [
    ZoneFacts(by_session=True, by_category=True),
    ZoneFacts(by_session=True, by_pool=True),
    ZoneFacts(by_category=True),
    ZoneFacts(by_pool=True),
])
def test_a_press_badge_granted_otherwise_is_not_concerned(facts: ZoneFacts) -> None:
    assert not press_through_sessions(Category.press, ZoneKind.standard, facts)
    assert _scan(facts=facts) is Reason.granted


@pytest.mark.parametrize("category", [c for c in Category if c is not Category.press])
def test_a_non_press_badge_is_not_concerned(category: Category) -> None:
    assert _scan(category) is Reason.granted


def test_a_royal_perimeter_keeps_its_own_rules() -> None:
    pooled = ZoneFacts(by_session=True, by_pool=True)
    assert _scan(kind=ZoneKind.royal_perimeter, facts=pooled) is Reason.granted
    assert (_scan(kind=ZoneKind.royal_perimeter, facts=THROUGH_SESSIONS)
            is Reason.press_not_in_pool)
    assert not press_through_sessions(Category.press, ZoneKind.royal_perimeter,
                                      THROUGH_SESSIONS)


def test_it_comes_where_the_zone_rule_comes_in_the_order() -> None:
    # the badge's own state, a reissue, the clearance and the day say so first
    assert _scan(status=Status.revoked) is Reason.revoked
    assert _scan(superseded=True) is Reason.superseded
    assert _scan(lacks_clearance=True) is Reason.not_cleared
    assert _scan(outside_days=True) is Reason.outside_hours
    # a zone the badge does not hold says so, whatever is held there
    assert _scan(facts=ZoneFacts()) is Reason.zone_not_granted


@pytest.mark.parametrize(("held", "role", "expected"), [
    ([PressAccess.pool], "journalist", Reason.press_pool_only),
    ([PressAccess.pool], "photographer", Reason.press_pool_only),
    ([PressAccess.pool, PressAccess.open], "journalist", Reason.granted),
    ([PressAccess.photo_opportunity], "journalist", Reason.press_photo_only),
    ([PressAccess.photo_opportunity], "photographer", Reason.granted),
    ([PressAccess.photo_opportunity], "camera", Reason.granted),
    ([PressAccess.photo_opportunity], "technician", Reason.granted),
    ([PressAccess.photo_opportunity, PressAccess.open], "journalist", Reason.granted),
    # several keep the badge out: the strictest is said
    ([PressAccess.photo_opportunity, PressAccess.pool], "journalist", Reason.press_pool_only),
    ([PressAccess.pool, PressAccess.closed], "camera", Reason.press_session_closed),
    # a photo opportunity in the zone's other room admits a photographer
    ([PressAccess.closed, PressAccess.photo_opportunity], "photographer", Reason.granted),
    ([PressAccess.closed, PressAccess.photo_opportunity], "journalist",
     Reason.press_session_closed),
])
def test_a_pool_session_and_a_photo_opportunity_keep_out_whom_they_do_not_admit(
    held: list[PressAccess], role: str, expected: Reason
) -> None:
    assert scan_reason(ZoneKind.standard, ACC, True, Status.approved, Category.press,
                       THROUGH_SESSIONS, held=held, press_role=role) is expected


@given(st.sampled_from(list(Category)), st.sampled_from(list(ZoneKind)),
       st.builds(ZoneFacts, st.booleans(), st.booleans(), st.booleans(), st.booleans()),
       st.lists(st.sampled_from(list(PressAccess)), max_size=3),
       st.sampled_from([None, *PressRole]))
def test_the_rule_only_ever_turns_an_admission_into_this_refusal(
    category: Category, kind: ZoneKind, facts: ZoneFacts, held: list[PressAccess],
    role: PressRole | None
) -> None:
    without = scan_reason(kind, ACC, True, Status.approved, category, facts)
    reason = scan_reason(kind, ACC, True, Status.approved, category, facts, held=held,
                         press_role=role)
    refused = press_session_refusal(category, kind, facts, held, role)
    assert reason is (refused or without)
    assert not refused or without is Reason.granted
