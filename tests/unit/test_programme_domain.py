"""The programme's pure rules: times in the conference zone, royal presence, the security-list
CSV, heads of delegation, and publication (`next_snapshot` and `diff`)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.accreditation.domain import Category, Status
from conference.conferences.models import Host
from conference.errors import NotEligible, RoyalPresenceRule, SecurityListFrozen
from conference.programme import domain
from conference.programme.models import (
    Changelog,
    Participant,
    ParticipantRole,
    PressAccess,
    PublishedSession,
    SecurityListEntry,
    SessionKind,
)
from conference.protocol.precedence import ProtocolConfig
from conference.protocol.ranks import Rank
from conference.types import Localized

BRUSSELS = ZoneInfo("Europe/Brussels")
DAY = date(2012, 12, 5)


def bxl(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


# --- times ------------------------------------------------------------------------------------


def test_times_inside_the_conference_day_are_accepted() -> None:
    assert domain.time_errors(bxl(0), bxl(23, 59), "Europe/Brussels", DAY, DAY) == []
    midnight = datetime(2012, 12, 6, 0, 0, tzinfo=BRUSSELS)
    assert domain.time_errors(bxl(23), midnight, "Europe/Brussels", DAY, DAY) == []


def test_the_conference_day_is_taken_in_the_conference_time_zone() -> None:
    # 23:30 UTC on 5 December is 00:30 in Brussels on the 6th: outside a one-day conference.
    late = datetime(2012, 12, 5, 23, 30, tzinfo=UTC)
    assert [e["field"] for e in domain.time_errors(
        bxl(22), late, "Europe/Brussels", DAY, DAY)] == ["ends_at"]
    # 23:30 UTC on 4 December is 00:30 in Brussels on the 5th: inside.
    early = datetime(2012, 12, 4, 23, 30, tzinfo=UTC)
    assert domain.time_errors(early, bxl(2), "Europe/Brussels", DAY, DAY) == []


def test_end_before_start_and_outside_are_all_named() -> None:
    errors = domain.time_errors(bxl(10, day=date(2012, 12, 6)), bxl(9), "Europe/Brussels",
                                DAY, DAY)
    assert [(e["field"], e["type"]) for e in errors] == [
        ("ends_at", "end_before_start"), ("starts_at", "outside_conference")]


def test_a_conference_across_the_dst_change_keeps_its_local_midnights() -> None:
    first, last = date(2013, 3, 30), date(2013, 3, 31)  # clocks go forward on the 31st
    opens, closes = domain.conference_bounds("Europe/Brussels", first, last)
    assert opens.utcoffset() == timedelta(hours=1) and closes.utcoffset() == timedelta(hours=2)
    assert closes.astimezone(UTC) - opens.astimezone(UTC) == timedelta(hours=47)


def test_guests_are_seated_before_a_royal_presence_session_only() -> None:
    assert domain.seated_by(bxl(12), True, 15) == bxl(11, 45)
    assert domain.seated_by(bxl(12), False, 15) is None


# --- royal presence ---------------------------------------------------------------------------


def test_open_press_is_refused_only_with_royal_presence() -> None:
    assert [e["field"] for e in domain.royal_press_errors(True, PressAccess.open)] == [
        "press_access"]
    for access in (PressAccess.pool, PressAccess.photo_opportunity, PressAccess.closed):
        assert domain.royal_press_errors(True, access) == []
    assert domain.royal_press_errors(False, PressAccess.open) == []


def test_the_security_list_freezes_at_the_deadline_itself() -> None:
    deadline = datetime(2012, 12, 3, 11, 0, tzinfo=UTC)
    domain.check_security_list_open(deadline, deadline - timedelta(microseconds=1), "x")
    domain.check_security_list_open(None, deadline, "x")
    with pytest.raises(SecurityListFrozen) as frozen:
        domain.check_security_list_open(deadline, deadline, "a participant")
    assert frozen.value.extra == {"deadline": "2012-12-03T11:00:00+00:00"}


def test_eligibility_of_participants() -> None:
    a = uuid4()
    domain.check_eligible(Status.approved, True, a)
    domain.check_eligible(Status.submitted, False, a)
    domain.check_eligible(Status.waitlisted, False, a)
    for status in (Status.submitted, Status.waitlisted, Status.rejected, Status.revoked):
        with pytest.raises(RoyalPresenceRule):
            domain.check_eligible(status, True, a)
    for status in (Status.rejected, Status.withdrawn, Status.revoked):
        with pytest.raises(NotEligible):
            domain.check_eligible(status, False, a)


def test_security_list_csv_round_trips_and_defuses_formulas() -> None:
    entries = [
        SecurityListEntry(accreditation_id=UUID(int=1), family_name="Œstergaard",
                          given_name="Anne-Marie", delegation="Danemark",
                          category=Category.official, role="speaker",
                          date_of_birth=date(1969, 7, 21), nationality="DK",
                          document_type="identity_card", document_number="=DK123"),
        SecurityListEntry(accreditation_id=UUID(int=2), family_name="@SUM(A1)",
                          given_name="Bob, Jr.", delegation=None, category=Category.expert,
                          role="audience"),
    ]
    text = domain.security_list_csv(entries, delimiter=",", bom=False)  # the API's
    assert text.startswith("family_name,given_name,delegation,category,role,accreditation_id,"
                           "added_after_freeze,in_place_of,date_of_birth,nationality,"
                           "document_type,document_number\r\n")
    assert list(csv.reader(io.StringIO(text)))[1:] == [
        ["Œstergaard", "Anne-Marie", "Danemark", "official", "speaker", str(UUID(int=1)),
         "false", "", "1969-07-21", "DK", "identity_card", "'=DK123"],
        ["'@SUM(A1)", "Bob, Jr.", "", "expert", "audience", str(UUID(int=2)), "false", "",
         "", "", "", ""],
    ]


# --- heads of delegation ----------------------------------------------------------------------


def member(family: str, *, rank: Rank, country: str, category: Category = Category.minister,
           status: Status = Status.approved, given: str = "Alex",
           delegation: UUID | None = None) -> domain.Member:
    return domain.Member(
        accreditation_id=uuid4(), given_name=given, family_name=family, gender=None,
        category=category, status=status, rank=rank, function=None, in_office_since=None,
        delegation_id=delegation or UUID(int=sum(map(ord, country))), country=country,
        organisation=None)


def test_heads_of_delegation_skip_hosts_and_closed_applications() -> None:
    config = ProtocolConfig(tie_break="eu_protocol", language="fr")  # type: ignore[arg-type]
    hosts = [Host(name="Eric  HOLDER")]
    heads = domain.heads_of_delegation([
        member("Holder", given="Eric", rank=Rank.minister, country="US"),
        member("Napolitano", given="Janet", rank=Rank.minister, country="US",
               status=Status.submitted),
        member("Withdrawn", rank=Rank.head_of_state, country="FR", status=Status.withdrawn),
        member("Valls", rank=Rank.minister, country="FR"),
        member("Official", rank=Rank.ambassador, country="FR", category=Category.official),
        member("Expert", rank=Rank.head_of_state, country="BE", category=Category.expert),
    ], config, hosts)
    assert [m.family_name for m in heads] == ["Valls", "Napolitano"]


def test_hosts_are_matched_by_full_name_whatever_the_case_and_spacing() -> None:
    hosts = [Host(name="Cecilia Malmström")]
    assert domain.is_host("cecilia", " MALMSTRÖM ", hosts)
    assert domain.is_host("Cecilia", "Malmstro\u0308m", hosts)  # decomposed ö
    assert not domain.is_host("Cecilia", "Malmstrom", hosts)


# --- publication ------------------------------------------------------------------------------

ROOM_A, ROOM_B = UUID(int=0xA), UUID(int=0xB)


def published(n: int, start: int = 9, *, room: UUID = ROOM_A, title: str | None = None,
              status: str = "scheduled", people: dict[int, str] | None = None,
              sequence: int = 0, **changes: object) -> PublishedSession:
    values: dict[str, object] = {
        "session_id": UUID(int=n), "sequence": sequence,
        "title": Localized(fr=title or f"Séance {n}", en=title or f"Session {n}"),
        "kind": SessionKind.plenary, "room_id": room, "room": "A" if room == ROOM_A else "B",
        "starts_at": bxl(start), "ends_at": bxl(start + 1), "status": status,
        "press_access": PressAccess.closed, "audience": [], "royal_presence": False,
        "seated_by": None,
        "participants": [Participant(accreditation_id=UUID(int=100 + p), role=ParticipantRole(r))
                         for p, r in (people or {}).items()],
    }
    values.update(changes)
    return PublishedSession.model_validate(values)


def test_the_first_version_adds_every_scheduled_session_and_its_people() -> None:
    current = domain.next_snapshot(None, [
        published(2, 10), published(1, 9, people={1: "chair"}),
        published(3, 11, status="cancelled")])
    assert [(s.session_id.int, s.sequence) for s in current.sessions] == [(1, 0), (2, 0)]
    log = domain.diff(None, current)
    assert [line.session_id.int for line in log.added] == [1, 2]
    assert [(p.session_id.int, p.accreditation_id.int, p.role.value)
            for p in log.participants_added] == [(1, 101, "chair")]
    assert log.model_copy(update={"added": [], "participants_added": []}) == Changelog()


def test_an_unchanged_draft_yields_an_empty_changelog_and_the_same_snapshot() -> None:
    v1 = domain.next_snapshot(None, [published(1, people={1: "speaker", 2: "chair"})])
    v2 = domain.next_snapshot(v1, [published(1, people={2: "chair", 1: "speaker"})])
    assert v2 == v1
    assert domain.diff(v1, v2).is_empty()


def test_each_change_is_listed_where_it_belongs_and_raises_the_sequence_once() -> None:
    v1 = domain.next_snapshot(None, [
        published(1, 9, people={1: "chair", 2: "speaker"}), published(2, 10),
        published(3, 11), published(4, 12, people={3: "speaker"})])
    v2 = domain.next_snapshot(v1, [
        published(1, 8, people={1: "speaker", 4: "attendee"}),  # moved, people changed
        published(2, 10, room=ROOM_B, title="Renamed"),  # re-roomed and renamed
        # details only, but royal presence, which the invitation says (with the time guests are
        # seated by), raises the sequence
        published(3, 11, press_access=PressAccess.pool, royal_presence=True),
        published(4, 12, status="cancelled", people={3: "speaker"}),
        published(5, 14),
    ])
    assert [(s.session_id.int, s.sequence) for s in v2.sessions] == [
        (1, 1), (2, 1), (3, 1), (4, 1), (5, 0)]
    log = domain.diff(v1, v2)
    assert [s.session_id.int for s in log.added] == [5]
    assert [(m.session_id.int, m.previous_starts_at, m.starts_at) for m in log.moved] == [
        (1, bxl(9), bxl(8))]
    assert [(r.session_id.int, r.previous_room, r.room) for r in log.re_roomed] == [
        (2, "A", "B")]
    assert [(r.session_id.int, r.previous_title.en, r.title.en) for r in log.renamed] == [
        (2, "Session 2", "Renamed")]
    assert [(d.session_id.int, d.field, d.previous_value, d.value)
            for d in log.details_changed] == [
        (3, "press_access", PressAccess.closed, PressAccess.pool),
        (3, "royal_presence", False, True)]
    assert [c.session_id.int for c in log.cancelled] == [4]
    assert [(p.session_id.int, p.accreditation_id.int) for p in log.participants_added] == [
        (1, 104)]
    assert [(p.session_id.int, p.accreditation_id.int) for p in log.participants_removed] == [
        (1, 102)]
    assert [(p.session_id.int, p.accreditation_id.int, p.previous_role.value, p.role.value)
            for p in log.participants_changed] == [(1, 101, "chair", "speaker")]
    # v3: the cancelled session stays cancelled with its sequence; nothing else to tell.
    v3 = domain.next_snapshot(v2, [s.model_copy(update={"sequence": 0}) for s in v2.sessions])
    assert v3 == v2 and domain.diff(v2, v3).is_empty()


def test_a_cancelled_session_is_listed_only_as_cancelled_with_its_people_kept() -> None:
    v1 = domain.next_snapshot(None, [published(1, 9, people={1: "chair", 2: "speaker"})])
    v2 = domain.next_snapshot(v1, [published(1, 10, title="Moved and cancelled",
                                             status="cancelled", people={1: "chair",
                                                                         3: "speaker"})])
    log = domain.diff(v1, v2)
    assert [c.session_id.int for c in log.cancelled] == [1]
    assert log.moved == [] and log.renamed == [] and log.participants_added == []
    # The person taken off before the cancellation still needs to hear of it.
    assert [p.accreditation_id.int for p in log.participants_removed] == [102]


sessions_strategy = st.lists(
    st.builds(
        lambda n, start, room, cancelled, people: published(
            n, start, room=ROOM_B if room else ROOM_A,
            status="cancelled" if cancelled else "scheduled",
            people={p: "speaker" for p in people}),
        st.integers(1, 6), st.integers(0, 20), st.booleans(), st.booleans(),
        st.sets(st.integers(1, 4), max_size=3)),
    max_size=6, unique_by=lambda s: s.session_id)


@settings(max_examples=150, deadline=None)
@given(sessions_strategy, sessions_strategy)
def test_diff_and_sequences_hold_for_any_two_drafts(
    first: list[PublishedSession], second: list[PublishedSession]
) -> None:
    v1 = domain.next_snapshot(None, first)
    v2 = domain.next_snapshot(v1, second)
    log = domain.diff(v1, v2)
    assert domain.diff(v2, v2).is_empty()
    before = {s.session_id: s for s in v1.sessions}
    for s in v2.sessions:
        old = before.get(s.session_id)
        significant = old is not None and (
            (old.starts_at, old.ends_at, old.room_id, old.title, old.status)
            != (s.starts_at, s.ends_at, s.room_id, s.title, s.status))
        assert s.sequence == (0 if old is None else old.sequence + significant)
        assert old is not None or s.status == "scheduled"  # never-published cancelled left out
    listed = [line.session_id for line in log.added + log.cancelled]
    assert len(listed) == len(set(listed))
    assert {line.session_id for line in log.added} == {
        s.session_id for s in v2.sessions if s.status == "scheduled" and (
            s.session_id not in before or before[s.session_id].status == "cancelled")}
    assert log.is_empty() == (v1 == v2)
