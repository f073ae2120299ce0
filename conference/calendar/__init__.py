"""Calendar traffic: iTIP invitations and cancellations, their iMIP mail, and ICS feeds.

Pure code (no I/O, the clock passed in). ``conference.calendar.rfc5546`` holds the conformance
checks shared by unit and integration tests; it imports ``icalendar`` and is not re-exported.
"""

from conference.calendar.itip import (
    ROLES,
    Attendee,
    InvitationTemplate,
    Method,
    Organizer,
    SessionVersion,
    build_feed,
)
from conference.calendar.mime import ATTACHMENT_NAME, build_invitation_email

__all__ = [
    "ATTACHMENT_NAME",
    "ROLES",
    "Attendee",
    "InvitationTemplate",
    "Method",
    "Organizer",
    "SessionVersion",
    "build_feed",
    "build_invitation_email",
]
