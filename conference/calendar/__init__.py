"""Calendar traffic: iTIP invitations and cancellations, their iMIP mail, and ICS feeds.

``itip`` (the iCalendar objects, written with ``icalendar``), ``mime`` (the mail around them) and
``plan`` (who gets what) are pure code: no I/O, the clock passed in. ``invitations`` is the event
consumer and ``handlers`` serves the feeds. ``conference.calendar.rfc5546`` holds the conformance
checks shared by unit and integration tests; it is not re-exported. The rules: docs/calendar.md.
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
