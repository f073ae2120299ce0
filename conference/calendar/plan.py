"""Who gets which calendar message: reconcile what each attendee's calendar should hold (from
the latest published programme) with what was sent to it. Pure.

Who is invited to a published session (``invited_role``):

* its explicit participants (chair → ``CHAIR``, speaker and attendee → ``REQ-PARTICIPANT``), if
  their accreditation is approved;
* every approved accreditation whose category is in the session's audience
  (``OPT-PARTICIPANT``), except the press, who are invited by audience only where the press is
  let in: ``open`` sessions (every press role) and ``photo_opportunity`` sessions (photographers
  and camera operators). At ``pool`` sessions only the pool members put on the session as
  participants are invited; at ``closed`` sessions no press by audience;
* the approved members of the press pools that cover the session (``OPT-PARTICIPANT``, part
  ``pool``), while its press access is ``pool`` or ``photo_opportunity``, if not invited
  otherwise (docs/calendar.md, "Who is invited").

What is sent (``plan``), per (attendee, session), against ``Sent`` (the last message sent):

====================  ===================  ====================================================
should hold           last sent            message
====================  ===================  ====================================================
the session           nothing              REQUEST, SEQUENCE = the session's sequence S
the session           REQUEST of S         nothing
the session           REQUEST of S' < S    REQUEST, SEQUENCE = max(S, last + 1)
it, in another role   REQUEST of S         REQUEST, SEQUENCE = last + 1
the session           CANCEL               REQUEST, SEQUENCE = max(S, last + 1)
the session, its      REQUEST of S, of an  REQUEST, SEQUENCE = last + 1
conference's details  older revision
corrected             of the details
nothing               REQUEST              CANCEL,  SEQUENCE = max(S, last + 1)
nothing               nothing or CANCEL    nothing
====================  ===================  ====================================================

So a moved session reaches its attendees as a REQUEST with the same UID and SEQUENCE + 1, a
cancelled one as a CANCEL with a higher SEQUENCE, a removed person alone gets a CANCEL, a person
whose role changed (chair → speaker, audience → speaker, …) gets a REQUEST with the new
``ROLE``, a corrected venue (or other detail of the conference an invitation renders: the
revision ``details``) reaches everyone invited as a REQUEST with SEQUENCE + 1, and an
unchanged programme sends nothing. A CANCEL carries the ``ROLE`` the person was
last invited with. Each action carries what was last sent (``last``), from which the consumer
words the update and decides "Invitation" or "Updated". SEQUENCE never goes down for any
attendee, so every client applies every message in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

Method = Literal["REQUEST", "CANCEL"]
PARTICIPANT_ROLES = {"chair": "CHAIR", "speaker": "REQ-PARTICIPANT", "attendee": "REQ-PARTICIPANT"}
PHOTO_ROLES = frozenset({"photographer", "camera"})


@dataclass(frozen=True)
class SessionView:
    session_id: UUID
    sequence: int
    cancelled: bool
    audience: frozenset[str]
    press_access: str
    participants: Mapping[UUID, str]
    """accreditation id → chair | speaker | attendee"""
    audience_approved_by: datetime | None = None
    """A royal-presence session's security-list deadline: its audience is the accreditations
    approved by then, as on its security list (docs/protocol.md, "Royal presence"); None for
    any other session, or without a deadline."""
    ends_at: datetime | None = None
    """When the session ends (None: not known to the caller); see :func:`over`."""
    pool_members: frozenset[UUID] = frozenset()
    """The members of the press pools that cover the session (the pools' links and members
    as they are now, not as published: docs/calendar.md, "Who is invited")."""


@dataclass(frozen=True)
class AttendeeView:
    accreditation_id: UUID
    category: str
    approved: bool
    """Approved and not refused security clearance: whom the programme may invite
    (docs/calendar.md, "Who is invited")."""
    press_role: str | None = None
    decided_at: datetime | None = None
    """When the accreditation was approved (None: not known to the caller)."""


@dataclass(frozen=True)
class Sent:
    method: Method
    sequence: int
    basis: int
    """The session's sequence S when this message was sent."""
    role: str = "REQ-PARTICIPANT"
    """The ATTENDEE ROLE it carried."""
    part: str | None = None
    """The person's part in the session it was sent for: chair | speaker | attendee (an
    explicit participant) or audience; None when not recorded (states older than parts)."""
    details: int = 0
    """The revision of the conference's details (venue, titles, patron, organiser) it rendered
    (docs/calendar.md, "Corrected conference details")."""


@dataclass(frozen=True)
class Action:
    accreditation_id: UUID
    session_id: UUID
    method: Method
    sequence: int
    basis: int
    role: str
    """ATTENDEE ROLE: CHAIR, REQ-PARTICIPANT or OPT-PARTICIPANT."""
    part: str | None = None
    """chair | speaker | attendee | audience (a REQUEST); the last part sent (a CANCEL)."""
    last: Sent | None = None
    """What was last sent to this person for this session (None: nothing)."""
    details: int = 0
    """The revision of the conference's details the message renders."""


def invited_role(session: SessionView, attendee: AttendeeView) -> str | None:
    invited = invited_part(session, attendee)
    return None if invited is None else PART_ROLES[invited]


PART_ROLES = {**PARTICIPANT_ROLES, "audience": "OPT-PARTICIPANT", "pool": "OPT-PARTICIPANT"}
POOL_COVERED = frozenset({"pool", "photo_opportunity"})
"""The press accesses at which a press pool's members are invited to the sessions it covers."""


def invited_part(session: SessionView, attendee: AttendeeView) -> str | None:
    """chair | speaker | attendee (an explicit participant) | audience | pool (a member of a
    press pool covering it), or None: not invited."""
    if session.cancelled or not attendee.approved:
        return None
    explicit = session.participants.get(attendee.accreditation_id)
    if explicit is not None:
        return str(explicit)
    by_audience = _audience_part(session, attendee)
    if by_audience is not None:
        return by_audience
    if (attendee.accreditation_id in session.pool_members and attendee.category == "press"
            and session.press_access in POOL_COVERED):
        return "pool"
    return None


def _audience_part(session: SessionView, attendee: AttendeeView) -> str | None:
    """"audience" when the session's audience invites the person, else None."""
    if attendee.category not in session.audience:
        return None
    if (session.audience_approved_by is not None and attendee.decided_at is not None
            and attendee.decided_at > session.audience_approved_by):
        # Approved after the security list froze: off the list, so refused at the royal
        # perimeter's door; an invitation "please be seated by …" would send them there.
        return None
    if attendee.category == "press":
        if session.press_access == "open":
            return "audience"
        if session.press_access == "photo_opportunity" and attendee.press_role in PHOTO_ROLES:
            return "audience"
        return None
    return "audience"


def over(session: SessionView, at: datetime | None) -> bool:
    """True if the session has ended by ``at``: no message about it is sent any more."""
    return at is not None and session.ends_at is not None and session.ends_at <= at


def plan(
    sessions: Iterable[SessionView],
    attendees: Iterable[AttendeeView],
    sent: Mapping[tuple[UUID, UUID], Sent],
    details: int = 0,
    at: datetime | None = None,
) -> list[Action]:
    """The messages that bring the attendees' calendars in line with the sessions.

    ``sent`` holds the last message per (accreditation, session) for the attendees given;
    a session absent from ``sessions`` but present in ``sent`` is treated as cancelled.
    ``details`` is the latest revision of the conference's details: an invitation that
    rendered an older one is updated. ``at`` is when the change being reconciled happened
    (its event's time, the same on every retry): a session that has ended by then gets no
    message at all, neither an invitation nor an update nor a CANCEL (docs/calendar.md,
    "Sessions already over"); one in progress is still planned. Nor is a session that had ended
    when the person was approved (``decided_at``) ever their first invitation.
    """
    actions: list[Action] = []
    people = list(attendees)
    by_id = {s.session_id: s for s in sessions}
    for session in by_id.values():
        if over(session, at):
            continue
        for person in people:
            key = (person.accreditation_id, session.session_id)
            if key not in sent and over(session, person.decided_at):
                # over before they were approved: never a first invitation, even from a
                # change reconciled after the approval at its own earlier time
                continue
            action = _decide(session.session_id, session.sequence,
                             invited_part(session, person), sent.get(key), person, details)
            if action is not None:
                actions.append(action)
    wanted = {p.accreditation_id: p for p in people}
    for (accreditation_id, session_id), last in sent.items():
        removed = wanted.get(accreditation_id)
        if session_id in by_id or removed is None:
            continue
        action = _decide(session_id, last.basis, None, last, removed, details)
        if action is not None:
            actions.append(action)
    return actions


def _decide(session_id: UUID, sequence: int, part: str | None, last: Sent | None,
            person: AttendeeView, details: int = 0) -> Action | None:
    if part is not None:
        role = PART_ROLES[part]
        if last is None:
            return Action(person.accreditation_id, session_id, "REQUEST", sequence, sequence,
                          role, part, details=details)
        if (last.method == "REQUEST" and last.basis >= sequence
                and not _recast(last, role, part) and last.details >= details):
            return None
        return Action(person.accreditation_id, session_id, "REQUEST",
                      max(sequence, last.sequence + 1), sequence, role, part, last, details)
    if last is None or last.method == "CANCEL":
        return None
    return Action(person.accreditation_id, session_id, "CANCEL",
                  max(sequence, last.sequence + 1), sequence, last.role, last.part, last,
                  details)


def _recast(last: Sent, role: str, part: str) -> bool:
    """True if the person's role in the session changed since the last REQUEST (a state
    without a recorded part is compared on its ATTENDEE ROLE only)."""
    return last.role != role or (last.part is not None and last.part != part)
