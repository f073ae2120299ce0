"""The calendar reconciliation: exactly the messages each attendee needs."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from conference.calendar.plan import Action, AttendeeView, Sent, SessionView, invited_role, plan

S1, S2 = uuid.UUID(int=1), uuid.UUID(int=2)
ANNA, BEN, PRESS, PHOTO = (uuid.UUID(int=n) for n in (10, 11, 12, 13))
anna = AttendeeView(ANNA, "minister", True)
ben = AttendeeView(BEN, "expert", True)
press = AttendeeView(PRESS, "press", True, "journalist")
photo = AttendeeView(PHOTO, "press", True, "photographer")


def session(sid: uuid.UUID = S1, seq: int = 0, *, cancelled: bool = False,
            audience: tuple[str, ...] = ("minister",), press_access: str = "closed",
            participants: dict[uuid.UUID, str] | None = None) -> SessionView:
    return SessionView(sid, seq, cancelled, frozenset(audience), press_access,
                       participants or {})


def brief(actions: list[Action]) -> list[tuple[object, ...]]:
    """The actions without what they carry of the last message sent."""
    return [(a.accreditation_id, a.session_id, a.method, a.sequence, a.basis, a.role)
            for a in actions]


def A(*fields: object) -> tuple[object, ...]:  # noqa: N802 (reads like the Action it stands for)
    return fields


def test_first_publication_invites_the_audience_and_participants() -> None:
    s = session(participants={BEN: "speaker"})
    assert brief(plan([s], [anna, ben], {})) == [
        A(ANNA, S1, "REQUEST", 0, 0, "OPT-PARTICIPANT"),
        A(BEN, S1, "REQUEST", 0, 0, "REQ-PARTICIPANT"),
    ]


def test_unchanged_programme_sends_nothing() -> None:
    s = session()
    assert plan([s], [anna], {(ANNA, S1): Sent("REQUEST", 0, 0, "OPT-PARTICIPANT")}) == []


def test_moved_session_is_a_request_with_the_next_sequence() -> None:
    assert brief(plan([session(seq=1)], [anna], {(ANNA, S1): Sent("REQUEST", 0, 0)})) == [
        A(ANNA, S1, "REQUEST", 1, 1, "OPT-PARTICIPANT")]


def test_cancelled_session_is_a_cancel_with_a_higher_sequence() -> None:
    assert brief(plan([session(seq=2, cancelled=True)], [anna],
                      {(ANNA, S1): Sent("REQUEST", 1, 1)})) == [
        A(ANNA, S1, "CANCEL", 2, 2, "REQ-PARTICIPANT")]


def test_removed_person_alone_gets_a_cancel() -> None:
    s = session(audience=(), participants={ANNA: "speaker"})
    sent = {(ANNA, S1): Sent("REQUEST", 0, 0), (BEN, S1): Sent("REQUEST", 0, 0)}
    assert brief(plan([s], [anna, ben], sent)) == [A(BEN, S1, "CANCEL", 1, 0, "REQ-PARTICIPANT")]


def test_readded_person_gets_a_request_above_the_cancel() -> None:
    s = session()
    assert brief(plan([s], [anna], {(ANNA, S1): Sent("CANCEL", 1, 0)})) == [
        A(ANNA, S1, "REQUEST", 2, 0, "OPT-PARTICIPANT")]


def test_withdrawn_person_gets_cancels_for_every_session() -> None:
    gone = AttendeeView(ANNA, "minister", False)
    sent = {(ANNA, S1): Sent("REQUEST", 0, 0), (ANNA, S2): Sent("REQUEST", 3, 3)}
    assert brief(plan([session(), session(S2, 3)], [gone], sent)) == [
        A(ANNA, S1, "CANCEL", 1, 0, "REQ-PARTICIPANT"),
        A(ANNA, S2, "CANCEL", 4, 3, "REQ-PARTICIPANT"),
    ]


def test_press_by_audience_only_where_the_press_is_let_in() -> None:
    for access, invited in (("open", {PRESS, PHOTO}), ("photo_opportunity", {PHOTO}),
                            ("pool", set()), ("closed", set())):
        s = session(audience=("press",), press_access=access)
        assert {a.accreditation_id for a in plan([s], [press, photo], {})} == invited, access
    pool = session(audience=("press",), press_access="pool", participants={PRESS: "attendee"})
    assert invited_role(pool, press) == "REQ-PARTICIPANT"


def test_a_press_pool_s_members_are_invited_to_the_sessions_it_covers() -> None:
    """docs/calendar.md, "Press pools": OPT-PARTICIPANT, part pool, while the session is for the
    pool or a photo opportunity; a participant keeps their part, the audience its own."""
    for access, invited in (("pool", {PRESS, PHOTO}), ("photo_opportunity", {PRESS, PHOTO}),
                            ("closed", set()), ("open", set())):
        s = replace(session(press_access=access), pool_members=frozenset({PRESS, PHOTO}))
        actions = plan([s], [press, photo, anna], {})
        assert {a.accreditation_id for a in actions if a.accreditation_id != ANNA} == invited
        assert {(a.role, a.part) for a in actions if a.accreditation_id != ANNA} <= {
            ("OPT-PARTICIPANT", "pool")}
    photo_op = replace(session(audience=("press",), press_access="photo_opportunity",
                               participants={PRESS: "speaker"}),
                       pool_members=frozenset({PRESS, PHOTO}))
    assert {(a.accreditation_id, a.part) for a in plan([photo_op], [press, photo], {})} == {
        (PRESS, "speaker"), (PHOTO, "audience")}
    # refused clearance or no longer approved: not invited by the pool either
    gone = AttendeeView(PRESS, "press", False, "journalist")
    pool = replace(session(press_access="pool"), pool_members=frozenset({PRESS}))
    assert plan([pool], [gone], {}) == []
    # taken out of the pool: a CANCEL with the role and part last sent
    sent = {(PRESS, S1): Sent("REQUEST", 0, 0, "OPT-PARTICIPANT", "pool")}
    [cancel] = plan([session(press_access="pool")], [press], sent)
    assert (cancel.method, cancel.role, cancel.part, cancel.sequence) == (
        "CANCEL", "OPT-PARTICIPANT", "pool", 1)


def test_unapproved_participant_is_not_invited() -> None:
    pending = AttendeeView(ANNA, "minister", False)
    assert brief(plan([session(participants={ANNA: "chair"})], [pending], {})) == []


@given(st.lists(st.tuples(st.integers(0, 5), st.booleans(), st.booleans()), min_size=1,
                max_size=8))
def test_sequence_never_goes_down_and_replaying_sends_nothing(
    steps: list[tuple[int, bool, bool]]
) -> None:
    sent: dict[tuple[uuid.UUID, uuid.UUID], Sent] = {}
    seq = 0
    for bump, cancelled, approved in steps:
        seq += bump
        s = session(seq=seq, cancelled=cancelled)
        person = AttendeeView(ANNA, "minister", approved)
        for a in plan([s], [person], sent):
            last = sent.get((a.accreditation_id, a.session_id))
            assert last is None or a.sequence > last.sequence
            sent[(a.accreditation_id, a.session_id)] = Sent(a.method, a.sequence, a.basis,
                                                            a.role, a.part)
        assert brief(plan([s], [person], sent)) == []


def test_a_role_change_is_a_request_with_the_new_role() -> None:
    chair = Sent("REQUEST", 0, 0, "CHAIR", "chair")
    now_speaker = session(audience=(), participants={ANNA: "speaker"})
    [action] = plan([now_speaker], [anna], {(ANNA, S1): chair})
    assert brief([action]) == [A(ANNA, S1, "REQUEST", 1, 0, "REQ-PARTICIPANT")]
    assert action.part == "speaker" and action.last == chair
    # speaker -> attendee keeps the ATTENDEE ROLE but is a change of part: named in words
    speaker = Sent("REQUEST", 1, 0, "REQ-PARTICIPANT", "speaker")
    now_attendee = session(audience=(), participants={ANNA: "attendee"})
    assert brief(plan([now_attendee], [anna], {(ANNA, S1): speaker})) == [
        A(ANNA, S1, "REQUEST", 2, 0, "REQ-PARTICIPANT")]
    # a state without a part is compared on its ROLE only (no update for every participant)
    old = Sent("REQUEST", 0, 0, "REQ-PARTICIPANT", None)
    assert plan([now_attendee], [anna], {(ANNA, S1): old}) == []


def test_a_cancel_carries_the_role_the_person_was_invited_with() -> None:
    chair = Sent("REQUEST", 0, 0, "CHAIR", "chair")
    [action] = plan([session(seq=1, cancelled=True)], [anna], {(ANNA, S1): chair})
    assert (action.method, action.role, action.part) == ("CANCEL", "CHAIR", "chair")


def test_a_royal_session_invites_the_audience_approved_by_its_security_list_deadline() -> None:
    """As its security list lists them (docs/protocol.md, "Royal presence"): an audience member
    approved after the deadline is not invited (the royal perimeter's door refuses them); a
    participant put on the session is, and so is anyone at another session."""
    from datetime import UTC, datetime, timedelta

    deadline = datetime(2027, 1, 7, 12, tzinfo=UTC)
    royal = SessionView(S1, 0, False, frozenset({"minister"}), "pool", {BEN: "speaker"},
                        deadline)
    plain = session(S2)
    early = AttendeeView(ANNA, "minister", True, decided_at=deadline - timedelta(days=1))
    late = AttendeeView(ANNA, "minister", True, decided_at=deadline + timedelta(minutes=1))
    speaker = AttendeeView(BEN, "minister", True, decided_at=deadline + timedelta(minutes=1))
    assert invited_role(royal, early) == "OPT-PARTICIPANT"
    assert invited_role(royal, late) is None
    assert invited_role(plain, late) == "OPT-PARTICIPANT"
    assert invited_role(royal, speaker) == "REQ-PARTICIPANT"


def test_corrected_conference_details_update_every_invitation_held() -> None:
    # docs/calendar.md, "Corrected conference details": an invitation that rendered an older
    # revision of the venue (or another detail rendered) is updated, SEQUENCE last + 1; a
    # session cancelled, or a calendar that holds a CANCEL, gets nothing
    held = Sent("REQUEST", 3, 1, "OPT-PARTICIPANT", "audience", 0)
    [update] = plan([session(seq=1)], [anna], {(ANNA, S1): held}, details=1)
    assert (update.method, update.sequence, update.basis, update.details, update.last) == (
        "REQUEST", 4, 1, 1, held)
    assert plan([session(seq=1)], [anna], {(ANNA, S1): held}, details=0) == []
    assert plan([session(seq=1)], [anna],
                {(ANNA, S1): Sent("REQUEST", 4, 1, "OPT-PARTICIPANT", "audience", 1)},
                details=1) == []
    assert plan([session(seq=1)], [anna],
                {(ANNA, S1): Sent("CANCEL", 2, 1, "OPT-PARTICIPANT", "audience", 0)},
                details=1)[0].method == "REQUEST"  # invited again, as after any CANCEL
    assert plan([session(seq=2, cancelled=True)], [anna],
                {(ANNA, S1): Sent("CANCEL", 2, 2, "OPT-PARTICIPANT", "audience", 0)},
                details=1) == []
    # a later move of the session goes on from the SEQUENCE the correction sent
    [move] = plan([session(seq=2)], [anna],
                  {(ANNA, S1): Sent("REQUEST", 4, 1, "OPT-PARTICIPANT", "audience", 1)},
                  details=1)
    assert (move.sequence, move.details) == (5, 1)


def test_a_session_over_by_the_change_gets_no_message() -> None:
    """docs/calendar.md, "Sessions already over": ended by the event's time (its end included),
    no invitation, update nor CANCEL; in progress, planned as before."""
    ten = datetime(2027, 4, 15, 10, tzinfo=UTC)
    morning = replace(session(S1, seq=1), ends_at=ten)
    noon = replace(session(S2, seq=1), ends_at=ten + timedelta(hours=2))
    held = {(ANNA, S1): Sent("REQUEST", 0, 0), (ANNA, S2): Sent("REQUEST", 0, 0)}
    for at in (ten, ten + timedelta(minutes=30)):
        assert [a.session_id for a in plan([morning, noon], [anna, ben], {}, at=at)] == [S2]
        assert [a.session_id for a in plan([morning, noon], [anna], held, at=at)] == [S2]
        gone = [replace(s, cancelled=True) for s in (morning, noon)]
        assert [(a.session_id, a.method) for a in plan(gone, [anna], held, at=at)] == [
            (S2, "CANCEL")]
        withdrawn = AttendeeView(ANNA, "minister", False)
        assert [a.session_id for a in plan([morning, noon], [withdrawn], held, at=at)] == [S2]
    # a minute before its end the morning session is still planned
    assert len(plan([morning, noon], [anna], {}, at=ten - timedelta(minutes=1))) == 2
    assert len(plan([morning, noon], [anna], {})) == 2  # no time given: every session


def test_a_session_over_when_the_person_was_approved_is_never_their_invitation() -> None:
    """A publication reconciled late (its worker behind) plans everyone approved by then at the
    publication's time: a journalist approved at 11:30 was invited to the opening that ended at
    10:00. No first invitation for a session over by the person's approval; one already sent
    is kept in line at the event's time, as before."""
    ten = datetime(2027, 4, 15, 10, tzinfo=UTC)
    morning = replace(session(S1, seq=1, audience=("press",), press_access="open"), ends_at=ten)
    noon = replace(session(S2, seq=1, audience=("press",), press_access="open"),
                   ends_at=ten + timedelta(hours=2))
    late = replace(press, decided_at=ten + timedelta(minutes=90))
    published = ten - timedelta(hours=2)
    assert [a.session_id for a in plan([morning, noon], [late], {}, at=published)] == [S2]
    # approved before the morning ended: invited to both, as before
    early = replace(press, decided_at=ten - timedelta(hours=3))
    assert len(plan([morning, noon], [early], {}, at=published)) == 2
    # an invitation already sent is moved when the session is (the event before its end)
    held = {(PRESS, S1): Sent("REQUEST", 0, 0)}
    assert [(a.session_id, a.method) for a in plan([morning], [late], held, at=published)] == [
        (S1, "REQUEST")]
