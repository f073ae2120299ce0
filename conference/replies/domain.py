"""Pure rules of replies: the per-recipient reply address, and reading an iTIP REPLY.

A reply is taken only if everything agrees: the address it was sent to carries a signature of
the person's accreditation (so nobody can answer for someone else by guessing an address), the
calendar object is a ``METHOD:REPLY`` for one of the conference's sessions, and its ATTENDEE is
that person. A reply older than the last one taken for the same session (its DTSTAMP) is a
replay. See docs/calendar.md, "Replies".
"""

from __future__ import annotations

import email
import email.policy
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import icalendar

from conference.signing import Signer

PARTSTATS = frozenset({"ACCEPTED", "DECLINED", "TENTATIVE"})
_PURPOSE = "reply"
_MAX_BYTES = 1_000_000


class Outcome(StrEnum):
    accepted = "accepted"
    garbage = "garbage"
    """Not a calendar reply we can read."""
    forged = "forged"
    """Not for an invitation this person received (address, UID or attendee do not agree)."""
    replayed = "replayed"
    """No newer than the reply already taken."""


class Refused(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.value)
        self.outcome = outcome


@dataclass(frozen=True)
class Reply:
    uid: str
    attendee: str
    """The attendee's address, lowercased."""
    partstat: str
    sequence: int
    dtstamp: datetime


def reply_address(signer: Signer, accreditation_id: uuid.UUID, domain: str) -> str:
    """The address an invitation asks replies to go to: ``reply-<signed id>@domain``."""
    return f"reply-{signer.sign_caseless(_PURPOSE, accreditation_id.bytes)}@{domain}"


def accreditation_of(signer: Signer, address: str, domain: str) -> uuid.UUID:
    """The accreditation a reply address was made for; ``Refused(forged)`` otherwise."""
    local, _, at = address.strip().strip("<>").rpartition("@")
    if at.lower() != domain.lower() or not local.lower().startswith("reply-"):
        raise Refused(Outcome.forged)
    data = signer.verify_caseless(_PURPOSE, local[len("reply-"):])
    if data is None or len(data) != 16:
        raise Refused(Outcome.forged)
    return uuid.UUID(bytes=data)


def session_of(uid: str, domain: str) -> uuid.UUID:
    """The session a calendar UID names (``session-<id>@domain``); ``Refused(forged)``."""
    name, _, at = uid.partition("@")
    if at != domain or not name.startswith("session-"):
        raise Refused(Outcome.forged)
    try:
        return uuid.UUID(name[len("session-"):])
    except ValueError:
        raise Refused(Outcome.forged) from None


def read_reply(raw: bytes) -> Reply:
    """The REPLY carried by a message (its text/calendar part or an .ics attachment)."""
    if len(raw) > _MAX_BYTES:
        raise Refused(Outcome.garbage)
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [p for p in message.walk()
                 if p.get_content_type() in ("text/calendar", "application/ics")]
        for part in parts:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                reply = _reply_of(payload)
                if reply is not None:
                    return reply
    except (ValueError, TypeError, LookupError, UnicodeError, AttributeError):
        pass
    raise Refused(Outcome.garbage)


def _reply_of(ics: bytes) -> Reply | None:
    cal = icalendar.Calendar.from_ical(ics)
    if str(cal.get("METHOD", "")).upper() != "REPLY":
        return None
    events = [c for c in cal.walk("VEVENT")]
    if len(events) != 1:
        return None
    event = events[0]
    attendees = event.get("ATTENDEE")
    if attendees is None or isinstance(attendees, list):
        return None  # a reply speaks for one attendee
    partstat = str(attendees.params.get("PARTSTAT", "")).upper()
    address = str(attendees)
    if partstat not in PARTSTATS or not address.lower().startswith("mailto:"):
        return None
    stamp = event.decoded("DTSTAMP")
    if not isinstance(stamp, datetime):
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return Reply(uid=str(event["UID"]), attendee=address[len("mailto:"):].strip().lower(),
                 partstat=partstat, sequence=int(event.get("SEQUENCE", 0)), dtstamp=stamp)


def check_replay(reply: Reply, last_dtstamp: datetime | None) -> None:
    """A reply must be newer than the last one taken for the same session and person."""
    if last_dtstamp is not None and reply.dtstamp <= last_dtstamp:
        raise Refused(Outcome.replayed)
