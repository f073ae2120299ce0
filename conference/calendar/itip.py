"""iTIP invitations (RFC 5545 / RFC 5546) and iCalendar feeds for programme sessions.

Pure: no I/O, no clock (every timestamp is passed in). The calendar objects are built with the
``icalendar`` library, which escapes TEXT values, quotes and encodes parameters and folds the
lines; this module decides what goes in them (the rules are in docs/calendar.md).

How it is used
--------------
When a programme version is published, the changelog says which sessions were added, moved,
cancelled, or which people were added or removed. For each (session version, method, language)
the caller builds one :class:`InvitationTemplate` and renders it once per recipient::

    template = InvitationTemplate.build(session, organizer, "REQUEST", alarm_minutes=15,
                                        prodid=PRODID)
    for attendee in attendees:
        ics = template.render(attendee, dtstamp=now)

:meth:`InvitationTemplate.build` builds the whole calendar object with ``icalendar`` once, with
placeholders for the two lines that differ per recipient (``DTSTAMP`` and the ``ATTENDEE``), and
keeps the bytes around them. A render joins those bytes with the recipient's two lines, each
also written by ``icalendar`` (the ``ATTENDEE`` line is cached per attendee and method, the
``DTSTAMP`` line per instant: a publication renders the same person for several sessions at the
same time). The result is byte for byte what ``icalendar`` writes for the object built with that
attendee and stamp (:func:`invitation_calendar`, serialised by :func:`serialise`).

Decisions a reader should know
------------------------------
* **Times are UTC** (``DTSTART:20121205T080000Z``), with no ``VTIMEZONE``. Every client
  (Outlook, Gmail/Google Calendar, Apple Calendar, Thunderbird) converts UTC to the reader's
  zone, and delegates travel from many time zones. UTC also cannot fall into the Outlook trap of
  a VTIMEZONE made of RDATE lists (which is what most libraries generate from the tz database).
  The session's own zone (Europe/Brussels) is only used to convert: ``starts_at``/``ends_at``
  must be aware, and aware datetimes convert exactly, around DST changes too. The conference
  zone can be named in feeds with ``X-WR-TIMEZONE`` (a display hint; it never changes what a
  UTC time means).
* **ORGANIZER** is given per template and may be replaced per recipient at render time (each
  attendee's invitations name their own reply address: docs/calendar.md, "Replies").
* **One VEVENT, one ATTENDEE per message.** Each recipient gets their own invitation listing only
  themselves (attendee lists of ministerial sessions are not everyone's business, and the
  recipient's client then finds "its" ATTENDEE and shows Accept/Decline).
* **REQUEST** carries ``STATUS:CONFIRMED``, ``ATTENDEE;CN=…;ROLE=…;PARTSTAT=NEEDS-ACTION;
  RSVP=TRUE`` and an optional ``VALARM`` (``ACTION:DISPLAY``, ``TRIGGER:-PT<n>M``, the title as
  ``DESCRIPTION``). Building a REQUEST for a cancelled session is refused.
* **CANCEL** carries the same UID, the SEQUENCE given (the caller passes the higher one),
  ``STATUS:CANCELLED``, the attendee (without ``PARTSTAT``/``RSVP``: no reply is wanted) and no
  ``VALARM`` (``alarm_minutes`` is ignored). ``STATUS:CANCELLED`` is written also when one person
  is removed from a session that still takes place (docs/calendar.md). RFC 5546 §3.2.5 would
  leave STATUS out in that "uninvite" case; for the recipient the effect is the same (every
  client above removes the event on a CANCEL for its UID), and the message is addressed to that
  person only.
* **Names (CN)** are always DQUOTE-quoted (``icalendar`` quotes only when needed; the quotes are
  asked for with :class:`_Parameters`), so commas, semicolons and colons need no escaping; UTF-8
  is written as is ("Cecilia Malmström", "Sa Majesté la Reine"). ``icalendar`` writes a ``"``
  in a parameter value as RFC 6868's ``^'``, which readers without RFC 6868 support (vobject
  among them) show literally, so a ``"`` in a name is written as ``'``. Likewise a backslash is
  written as ``/``: RFC 5545 gives it no meaning in a parameter value, but icalendar unescapes
  ``\\,`` there and vobject does not. (The exact name still goes in the mail headers.) Carets
  are RFC 6868-encoded by ``icalendar`` (``^^``). CR, LF and other control characters in names
  and addresses are refused (``ValueError``): they are injection attempts, not names.
* **TEXT values** (SUMMARY, LOCATION, DESCRIPTION, PRODID, X-WR-CALNAME) are escaped by
  ``icalendar`` (RFC 5545 §3.3.11: ``\\\\``, ``\\;``, ``\\,``, ``\\n``). Before that, CRLF, CR and
  the Unicode line and paragraph separators become line breaks and other control characters are
  dropped; a literal backslash before ``N`` is kept (see :class:`_Text`). Lines are folded by
  ``icalendar`` at 75 octets, never inside a UTF-8 sequence; where its folding would end a line
  between a backslash and the character it escapes (some readers, Google Calendar among them,
  then lose the event), that line is folded here instead (:func:`_line`).
* **Feeds** (:func:`build_feed`) are ``METHOD:PUBLISH`` with the same UIDs and SEQUENCEs as the
  invitations, sorted by (start, end, UID), so the bytes (and an ETag over them) depend only on
  the set of sessions and the ``dtstamp`` given. **Cancelled sessions are omitted**: Outlook
  shows a ``STATUS:CANCELLED`` event in a subscribed calendar as if it took place, Google
  Calendar hides it and Thunderbird strikes it through; an event whose UID disappears from a
  feed is removed by all of them. The people concerned get a CANCEL by mail. Feeds ask to be
  refreshed hourly (``REFRESH-INTERVAL``, ``X-PUBLISHED-TTL``). Feeds carry no
  ``VALARM`` and no ``ATTENDEE`` (RFC 5546 PUBLISH has none); ``ORGANIZER`` (required by RFC 5546
  for PUBLISH) is written when an organizer is passed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Final, Literal

from icalendar import (
    Alarm,
    Calendar,
    Component,
    Event,
    Parameters,
    vCalAddress,
    vDuration,
    vText,
)
from icalendar.parser import Contentline

__all__ = [
    "ROLES",
    "Attendee",
    "InvitationTemplate",
    "Method",
    "Organizer",
    "SessionVersion",
    "build_feed",
    "invitation_calendar",
    "serialise",
]

Method = Literal["REQUEST", "CANCEL"]
METHODS: Final = frozenset({"REQUEST", "CANCEL"})
ROLES: Final = frozenset({"CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT"})

CRLF: Final = b"\r\n"
_MAX_OCTETS: Final = 75

# Names and addresses: no C0 control (CR, LF, TAB, NUL, ...), no DEL, no C1 control and no
# Unicode line or paragraph separator (some parsers split lines on them).
_FORBIDDEN_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# TEXT values keep TAB and line breaks (escaped); other control characters are dropped, and so
# is the byte-order mark (U+FEFF), which parsers strip where a value starts.
_DROPPED_FROM_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029]")
# A pragmatic addr-spec: no whitespace, quotes, brackets or separators, exactly one "@".
_EMAIL = re.compile(r"[^\s\"<>()\[\],;:\\@]+@[^\s\"<>()\[\],;:\\@]+")
# UIDs: printable ASCII without the characters TEXT would escape (so they read back unchanged).
_UID = re.compile(r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]{1,255}")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\"<>\\^`{|}\x00-\x1f\x7f-\U0010ffff]+")
_TZ_NAME = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*")


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionVersion:
    """One session as published in one programme version, in one recipient language."""

    uid: str
    """Stable for the session, e.g. ``session-<uuid>@<domain>``."""
    sequence: int
    """Grows with every published change of that session."""
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str
    description: str
    cancelled: bool = False
    url: str | None = None

    def __post_init__(self) -> None:
        if not _UID.fullmatch(self.uid):
            raise ValueError(
                f"uid must be 1-255 printable ASCII characters without space, '\"', "
                f"',', ';' or '\\': {self.uid!r}"
            )
        _check_sequence(self.sequence)
        if not _clean_text(self.summary).strip():
            raise ValueError("summary must not be empty")
        start = _utc(self.starts_at, "starts_at")
        end = _utc(self.ends_at, "ends_at")
        if end <= start:
            raise ValueError(
                f"ends_at ({self.ends_at.isoformat()}) must be after starts_at "
                f"({self.starts_at.isoformat()})"
            )
        if self.url is not None and not _URI.fullmatch(self.url):
            raise ValueError(f"url is not an absolute URI without spaces: {self.url!r}")


@dataclass(frozen=True, slots=True)
class Organizer:
    """The organizer: ``ORGANIZER`` in the ICS and ``From`` of the mail (the same address)."""

    email: str
    name: str

    def __post_init__(self) -> None:
        _check_email(self.email)
        _check_name(self.name)


@dataclass(frozen=True, slots=True)
class Attendee:
    """One recipient: the single ``ATTENDEE`` of their invitation and ``To`` of the mail."""

    email: str
    name: str
    role: str = "REQ-PARTICIPANT"
    """``CHAIR`` | ``REQ-PARTICIPANT`` | ``OPT-PARTICIPANT`` (RFC 5545 §3.2.16)."""

    def __post_init__(self) -> None:
        _check_email(self.email)
        _check_name(self.name)
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {sorted(ROLES)}: {self.role!r}")


# --------------------------------------------------------------------------------------------
# Invitations
# --------------------------------------------------------------------------------------------

# Stand-ins for the per-recipient lines while a template is serialised: an address no recipient
# can have (RFC 2606 reserves .invalid) and an instant no message is stamped with.
_PLACEHOLDER_STAMP: Final = datetime(1970, 1, 1, tzinfo=UTC)
_PLACEHOLDER_EMAIL: Final = "attendee@placeholder.invalid"


def invitation_calendar(
    session: SessionVersion,
    organizer: Organizer,
    method: Method,
    alarm_minutes: int | None,
    prodid: str,
    attendee: Attendee,
    dtstamp: datetime,
) -> Calendar:
    """The REQUEST or CANCEL for one attendee, as an ``icalendar`` object (checked as
    :meth:`InvitationTemplate.build` checks). :meth:`InvitationTemplate.render` writes the bytes
    :func:`serialise` writes for it."""
    _check_invitation(session, method, alarm_minutes)
    calendar = Calendar()
    calendar.add("PRODID", _Text(_non_empty(prodid, "prodid")))
    calendar.add("VERSION", _Text("2.0"))
    calendar.add("METHOD", _Text(method))
    event = Event()
    event.add("UID", _Text(session.uid))
    event.add("DTSTAMP", _utc(dtstamp, "dtstamp"))
    _add_event_body(event, session, "CONFIRMED" if method == "REQUEST" else "CANCELLED")
    event.add("ORGANIZER", _address(organizer.email, organizer.name))
    event.add("ATTENDEE", _attendee_address(attendee, method))
    if method == "REQUEST" and alarm_minutes is not None:
        alarm = Alarm()
        alarm.add("ACTION", _Text("DISPLAY"))
        alarm.add("TRIGGER", timedelta(minutes=-alarm_minutes))
        alarm.add("DESCRIPTION", _Text(_clean_text(session.summary)))
        event.add_component(alarm)
    calendar.add_component(event)
    return calendar


class InvitationTemplate:
    """A REQUEST or CANCEL for one session version, pre-serialised; render it per attendee."""

    __slots__ = ("_head", "_middle", "_organizer", "_tail", "method", "sequence", "uid")

    method: Method
    uid: str
    sequence: int

    def __init__(
        self, method: Method, uid: str, sequence: int, head: bytes, middle: bytes,
        organizer: bytes, tail: bytes,
    ) -> None:
        """Use :meth:`build`; this only stores the pre-serialised parts."""
        self.method = method
        self.uid = uid
        self.sequence = sequence
        self._head = head
        self._middle = middle
        self._organizer = organizer
        self._tail = tail

    @classmethod
    def build(
        cls,
        session: SessionVersion,
        organizer: Organizer,
        method: Method,
        alarm_minutes: int | None,
        prodid: str,
    ) -> InvitationTemplate:
        """Serialise everything that is the same for every recipient of this message.

        ``alarm_minutes`` adds a display alarm that many minutes before the start (REQUEST
        only; ignored for CANCEL). ``prodid`` is e.g. ``-//Example//Conference 1.0//EN``.
        """
        placeholder = Attendee(_PLACEHOLDER_EMAIL, "", "REQ-PARTICIPANT")
        whole = serialise(invitation_calendar(session, organizer, method, alarm_minutes,
                                              prodid, placeholder, _PLACEHOLDER_STAMP))
        stamp = CRLF + _stamp_line(_PLACEHOLDER_STAMP)
        attendee = CRLF + _attendee_line(placeholder, method)
        if whole.count(stamp) != 1 or whole.count(attendee) != 1:
            raise ValueError("the placeholders of the invitation are not where expected")
        stamp_at = whole.index(stamp) + len(CRLF)
        attendee_at = whole.index(attendee) + len(CRLF)
        organizer_line = _organizer_line(organizer)
        organizer_at = attendee_at - len(organizer_line)
        if whole[organizer_at:attendee_at] != organizer_line:
            raise ValueError("ORGANIZER does not precede ATTENDEE in the invitation")
        if organizer_at < stamp_at:
            raise ValueError("ORGANIZER precedes DTSTAMP in the invitation")
        return cls(
            method, session.uid, session.sequence,
            whole[:stamp_at],
            whole[stamp_at + len(stamp) - len(CRLF):organizer_at],
            organizer_line,
            whole[attendee_at + len(attendee) - len(CRLF):],
        )

    def render(self, attendee: Attendee, dtstamp: datetime,
               organizer: Organizer | None = None) -> bytes:
        """The ICS (UTF-8, CRLF, folded) for one attendee, stamped ``dtstamp`` (aware);
        ``organizer`` replaces the template's (a per-recipient reply address)."""
        return b"".join((self._head, _stamp_line(dtstamp), self._middle,
                         self._organizer if organizer is None else _organizer_line(organizer),
                         _attendee_line(attendee, self.method), self._tail))


def _check_invitation(session: SessionVersion, method: str, alarm_minutes: int | None) -> None:
    if method not in METHODS:
        raise ValueError(f"method must be REQUEST or CANCEL: {method!r}")
    if method == "REQUEST" and session.cancelled:
        raise ValueError(f"session {session.uid} is cancelled: send a CANCEL, not a REQUEST")
    if alarm_minutes is not None and (
        isinstance(alarm_minutes, bool)
        or not isinstance(alarm_minutes, int)
        or alarm_minutes < 0
    ):
        raise ValueError(f"alarm_minutes must be a non-negative int or None: {alarm_minutes!r}")


@lru_cache(maxsize=16)
def _stamp_line(dtstamp: datetime) -> bytes:
    """``DTSTAMP:…Z`` as ``icalendar`` writes it (a dispatch step stamps all its messages with
    the same instant: cached)."""
    event = Event()
    event.add("DTSTAMP", _utc(dtstamp, "dtstamp"))
    return _property_line(event, "DTSTAMP")


@lru_cache(maxsize=4096)
def _organizer_line(organizer: Organizer) -> bytes:
    """The ``ORGANIZER`` line as ``icalendar`` writes it (cached: a per-recipient reply
    address recurs for each of that person's sessions)."""
    event = Event()
    event.add("ORGANIZER", _address(organizer.email, organizer.name))
    return _property_line(event, "ORGANIZER")


@lru_cache(maxsize=4096)
def _attendee_line(attendee: Attendee, method: str) -> bytes:
    """The ``ATTENDEE`` line as ``icalendar`` writes it (cached: a publication renders each
    person's sessions one after the other)."""
    event = Event()
    event.add("ATTENDEE", _attendee_address(attendee, method))
    return _property_line(event, "ATTENDEE")


def _property_line(component: Component, name: str) -> bytes:
    """The line of ``component``'s property ``name`` as :func:`serialise` writes it."""
    return _line(component.content_line(name, component[name], sorted=False))


def _attendee_address(attendee: Attendee, method: str) -> vCalAddress:
    if method == "REQUEST":
        params = {"ROLE": attendee.role, "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
    else:
        params = {"ROLE": attendee.role}
    return _address(attendee.email, attendee.name, params)


# --------------------------------------------------------------------------------------------
# Feeds
# --------------------------------------------------------------------------------------------


def build_feed(
    sessions: Sequence[SessionVersion],
    *,
    name: str,
    prodid: str,
    dtstamp: datetime,
    timezone_name: str | None = None,
    organizer: Organizer | None = None,
    refresh: timedelta = timedelta(hours=1),
) -> bytes:
    """A ``METHOD:PUBLISH`` calendar of the sessions that take place, for subscription.

    Cancelled sessions are left out (see the module docstring). The output depends only on the
    set of sessions and the arguments, not on the order of ``sessions``: pass the programme
    version's publication time as ``dtstamp`` and an ETag over the bytes is stable.
    ``timezone_name`` (IANA, e.g. ``Europe/Brussels``) is written as ``X-WR-TIMEZONE``, the
    calendar's display zone in Apple Calendar and Google Calendar; times stay in UTC.
    ``refresh`` is written as ``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL`` (``PT1H``).
    """
    stamp = _utc(dtstamp, "dtstamp")
    seen: set[str] = set()
    for session in sessions:
        if session.uid in seen:
            raise ValueError(f"duplicate session uid in feed: {session.uid}")
        seen.add(session.uid)
    calendar = Calendar()
    calendar.add("PRODID", _Text(_non_empty(prodid, "prodid")))
    calendar.add("VERSION", _Text("2.0"))
    calendar.add("CALSCALE", _Text("GREGORIAN"))
    calendar.add("METHOD", _Text("PUBLISH"))
    calendar.add("X-WR-CALNAME", _Text(_clean_text(_non_empty(name, "name"))))
    calendar.add("NAME", _Text(_clean_text(name)))
    # Refresh hints: without them Outlook and Google Calendar poll a subscription after hours
    # (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL for Outlook).
    calendar.add("REFRESH-INTERVAL", _Refresh(refresh), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", _Refresh(refresh))
    if timezone_name is not None:
        if not _TZ_NAME.fullmatch(timezone_name):
            raise ValueError(f"timezone_name is not an IANA zone name: {timezone_name!r}")
        calendar.add("X-WR-TIMEZONE", _Text(timezone_name))
    live = sorted(
        (s for s in sessions if not s.cancelled),
        key=lambda s: (s.starts_at.astimezone(UTC), s.ends_at.astimezone(UTC), s.uid),
    )
    for session in live:
        event = Event()
        event.add("UID", _Text(session.uid))
        event.add("DTSTAMP", stamp)
        _add_event_body(event, session, "CONFIRMED")
        if organizer is not None:
            event.add("ORGANIZER", _address(organizer.email, organizer.name))
        calendar.add_component(event)
    return serialise(calendar)


# --------------------------------------------------------------------------------------------
# Through icalendar
# --------------------------------------------------------------------------------------------


def serialise(component: Component) -> bytes:
    """``component.to_ical(sorted=False)`` (properties and parameters in the order added), with
    :func:`_line`'s correction of the folding."""
    lines = component.content_lines(sorted=False)
    return b"".join(_line(line) for line in lines if line)


def _line(line: Contentline) -> bytes:
    """One content line folded by ``icalendar``, CRLF-terminated.

    ``icalendar`` 7.3 keeps most escapes whole at a fold, but not an escaped backslash
    (``\\\\``) whose second character falls at the limit: it then ends the line with the first
    backslash alone (icalendar's issue #1501 is about such splits). Such a line, rare (a
    backslash in a title or a venue), is folded by :func:`_fold`.
    """
    folded: bytes = line.to_ical()  # type: ignore[no-untyped-call]  # (not annotated there)
    if b"\\\r\n" in folded and _splits_an_escape(folded):
        folded = _fold(str(line))
    return folded + CRLF


def _splits_an_escape(folded: bytes) -> bool:
    """True if a physical line ends with the backslash that opens an escape sequence."""
    escaped = False
    for physical in folded.split(b"\r\n "):
        if escaped:
            return True
        for byte in physical:
            escaped = not escaped and byte == 0x5C
    return False


def _fold(line: str) -> bytes:
    """One content line, UTF-8, folded at 75 octets without splitting a character or an
    escape sequence (no CRLF at the end)."""
    raw = line.encode("utf-8")
    if len(raw) <= _MAX_OCTETS:
        return raw
    openers: set[int] = set()  # where a backslash opens an escape sequence
    escaped = False
    for at, byte in enumerate(raw):
        escaped = not escaped and byte == 0x5C
        if escaped:
            openers.add(at)
    parts: list[bytes] = []
    start, limit = 0, _MAX_OCTETS
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back up to the lead byte
            end -= 1
        if end - 1 in openers:  # keep "\," (and "\\") on one line
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, _MAX_OCTETS - 1  # continuation lines begin with one space
    parts.append(raw[start:])
    return b"\r\n ".join(parts)


class _Text(vText):
    """A TEXT value escaped by ``icalendar``, except for one thing: ``icalendar`` reads a
    backslash followed by ``N`` in the value as an escaped line break and writes a line break,
    so a title with a literal ``\\N`` would lose the backslash. The value is escaped around each
    ``\\N`` and the backslash kept (escaped as ``\\\\``)."""

    def to_ical(self) -> bytes:
        if "\\N" not in self:
            return super().to_ical()
        return b"\\\\N".join(vText(part).to_ical() for part in self.split("\\N"))


class _Refresh(vDuration):
    """A positive duration, as ``PT1H`` (icalendar writes it so)."""

    def __init__(self, value: timedelta) -> None:
        if value <= timedelta(0):
            raise ValueError(f"refresh must be positive: {value}")
        super().__init__(value)


class _Parameters(Parameters):
    """Parameters written by ``icalendar``, with ``CN`` always in double quotes."""

    # (mypy infers the base class's tuple as one of fixed length, so a longer one "differs")
    always_quoted = (*Parameters.always_quoted, "CN")  # type: ignore[assignment]


def _address(email: str, name: str, params: dict[str, str] | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    values: dict[str, str] = {}
    if name:
        values["CN"] = name.replace('"', "'").replace("\\", "/")
    values.update(params or {})
    address.params = _Parameters(values)
    return address


def _add_event_body(event: Event, session: SessionVersion, status: str) -> None:
    """The VEVENT properties after UID and DTSTAMP, up to (not including) ORGANIZER."""
    event.add("DTSTART", _utc(session.starts_at, "starts_at"))
    event.add("DTEND", _utc(session.ends_at, "ends_at"))
    event.add("SEQUENCE", session.sequence)
    event.add("STATUS", _Text(status))
    event.add("SUMMARY", _Text(_clean_text(session.summary)))
    for name, value in (("LOCATION", session.location), ("DESCRIPTION", session.description)):
        text = _clean_text(value)
        if text:  # an empty value is left out, not written as "NAME:"
            event.add(name, _Text(text))
    if session.url is not None:
        event.add("URL", session.url)


def _clean_text(value: str) -> str:
    """Line breaks normalised to LF, control characters other than TAB and LF dropped."""
    return _DROPPED_FROM_TEXT.sub("", _LINE_BREAKS.sub("\n", value))


def _utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware: {value.isoformat()}")
    return value.astimezone(UTC)


def _check_sequence(sequence: int) -> None:
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
        raise ValueError(f"sequence must be a non-negative int: {sequence!r}")


def _check_email(email: str) -> None:
    if _FORBIDDEN_IN_NAME.search(email) or not _EMAIL.fullmatch(email):
        raise ValueError(f"not a plain e-mail address (local@domain): {email!r}")


def _check_name(name: str) -> None:
    if _FORBIDDEN_IN_NAME.search(name):
        raise ValueError(f"control characters and line breaks are not allowed in names: {name!r}")


def _non_empty(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    return value

