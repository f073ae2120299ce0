"""Conformance checks for iTIP objects (RFC 5546) and iMIP messages (RFC 6047).

Shared by the unit tests of :mod:`conference.calendar` and by integration tests that read what a
real SMTP server received. Parsing is done by ``icalendar``, the library that also writes the
objects (:mod:`conference.calendar.itip`); the checks on lines and counts below do not rely on it,
and the tests read every object with ``vobject`` too, so a writer bug is not hidden by the same
code reading its own output.

The rules are RFC 5546 §3.2.2 (REQUEST) and §3.2.5 (CANCEL) as profiled in docs/calendar.md:

* both: ``METHOD``, ``PRODID``, ``VERSION:2.0``; only VEVENTs (and VTIMEZONEs), one UID;
  exactly one ``DTSTAMP`` (in UTC), ``ORGANIZER``, ``SEQUENCE``, ``UID``; at least one
  ``ATTENDEE``; ``ORGANIZER`` and ``ATTENDEE`` are ``mailto:`` addresses; times in UTC or with a
  TZID whose VTIMEZONE has STANDARD and DAYLIGHT built from RRULEs (never RDATE lists, never
  floating); ``DTEND`` after ``DTSTART``; CRLF line ends, lines of at most 75 octets.
* REQUEST: exactly one ``DTSTART`` and ``SUMMARY``; ``STATUS:CONFIRMED``.
* CANCEL: ``STATUS:CANCELLED``; no ``VALARM``.

RFC 5546 makes SEQUENCE optional when it is 0 and ATTENDEE optional in a CANCEL; the service
always writes both (docs/calendar.md), so these checks require them.

Every check raises ``AssertionError`` listing all problems found (not only the first); they do
not use ``assert`` statements, so they also hold under ``python -O``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from email.message import Message
from email.utils import getaddresses

from icalendar import Calendar, Component

__all__ = ["assert_imip_message", "assert_rfc5546"]

_ONCE = ("DTSTAMP", "ORGANIZER", "SEQUENCE", "UID")
_AT_MOST_ONCE = (
    "DTSTART",
    "DTEND",
    "DURATION",
    "SUMMARY",
    "STATUS",
    "LOCATION",
    "DESCRIPTION",
    "URL",
)


def assert_rfc5546(ics: bytes) -> Calendar:
    """Check one iTIP REQUEST or CANCEL object; return it parsed by ``icalendar``."""
    problems = _check_lines(ics)
    try:
        calendar = Calendar.from_ical(ics)
    except Exception as exc:  # any parser failure is a conformance failure
        raise AssertionError(f"icalendar cannot parse the object: {exc!r}") from exc
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise AssertionError("the object is not a single VCALENDAR")
    problems += _check_calendar(calendar)
    if problems:
        raise AssertionError("not a conforming iTIP object:\n- " + "\n- ".join(problems))
    return calendar


def assert_imip_message(message: Message) -> Calendar:
    """Check an iMIP invitation as docs/calendar.md shapes it; return its calendar, parsed.

    ``multipart/mixed`` whose first part is a ``multipart/alternative`` holding exactly one
    ``text/calendar`` part with ``method`` equal to the object's METHOD and a ``charset``; the
    object conforms to :func:`assert_rfc5546`; ``From`` is the ORGANIZER and every ATTENDEE is
    in ``To``; an ``.ics`` attachment, if any, holds the same bytes.
    """
    problems: list[str] = []
    if message.get_content_type() != "multipart/mixed":
        raise AssertionError(f"top-level type is {message.get_content_type()}, not multipart/mixed")
    parts = _subparts(message)
    if not parts:
        raise AssertionError("multipart/mixed has no parts")
    alternative = parts[0]
    if alternative.get_content_type() != "multipart/alternative":
        raise AssertionError(
            "the first part is not multipart/alternative (Outlook looks for "
            "iMIP data only in the first part of a multipart/mixed)"
        )
    calendars = [p for p in _subparts(alternative) if p.get_content_type() == "text/calendar"]
    if len(calendars) != 1:
        raise AssertionError(f"multipart/alternative holds {len(calendars)} text/calendar parts")
    inline = calendars[0]
    ics = inline.get_payload(decode=True)
    if not isinstance(ics, bytes):
        raise AssertionError("the text/calendar part has no body")
    calendar = assert_rfc5546(ics)
    method = str(calendar.get("METHOD", ""))
    if str(inline.get_param("method", "")).upper() != method.upper():
        problems.append(f"Content-Type method={inline.get_param('method')!r} but METHOD:{method}")
    if not inline.get_param("charset"):
        problems.append("the text/calendar part has no charset parameter")
    event = calendar.walk("VEVENT")[0]
    organizer = _mailto(event.get("ORGANIZER"))
    senders = {_addr(a) for a in _addresses(message, "From")}
    if organizer not in senders:
        problems.append(f"From {sorted(senders)} is not the ORGANIZER {organizer}")
    recipients = {_addr(a) for a in _addresses(message, "To")}
    for attendee in _as_list(event.get("ATTENDEE")):
        if _mailto(attendee) not in recipients:
            problems.append(f"ATTENDEE {_mailto(attendee)} is not in To {sorted(recipients)}")
    for part in parts[1:]:
        filename = part.get_filename() or ""
        if filename.lower().endswith(".ics") and part.get_payload(decode=True) != ics:
            problems.append(f"attachment {filename} differs from the text/calendar part")
    if problems:
        raise AssertionError("not a conforming iMIP message:\n- " + "\n- ".join(problems))
    return calendar


def _subparts(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _check_lines(ics: bytes) -> list[str]:
    problems: list[str] = []
    if not ics.endswith(b"\r\n"):
        problems.append("the object does not end with CRLF")
    lines = ics.split(b"\r\n")
    for number, line in enumerate(lines, start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare CR or LF (content lines end with CRLF)")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, folding is at 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not UTF-8 on its own (a character split by folding?)")
    return problems


def _check_calendar(calendar: Calendar) -> list[str]:
    problems: list[str] = []
    method = str(calendar.get("METHOD", ""))
    if method not in ("REQUEST", "CANCEL"):
        problems.append(f"METHOD is {method or 'missing'}, not REQUEST or CANCEL")
    if not calendar.get("PRODID"):
        problems.append("PRODID is missing")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    timezones: dict[str, Component] = {}
    events: list[Component] = []
    for component in calendar.subcomponents:
        if component.name == "VEVENT":
            events.append(component)
        elif component.name == "VTIMEZONE":
            timezones[str(component.get("TZID"))] = component
            problems += _check_vtimezone(component)
        else:
            problems.append(f"unexpected {component.name} in an iTIP event object")
    if not events:
        problems.append("no VEVENT")
    if len({str(e.get("UID")) for e in events}) > 1:
        problems.append("VEVENTs with different UIDs in one iTIP object")
    for event in events:
        problems += _check_event(event, method, timezones)
    return problems


def _check_event(event: Component, method: str, timezones: dict[str, Component]) -> list[str]:
    problems: list[str] = []
    uid = str(event.get("UID", "?"))
    counts = Counter(name.upper() for name, _ in event.property_items(recursive=False))
    counts.pop("BEGIN", None)
    counts.pop("END", None)
    required_once = (*_ONCE, "DTSTART", "SUMMARY") if method == "REQUEST" else _ONCE
    for name in required_once:
        if counts[name] != 1:
            problems.append(f"{uid}: {name} occurs {counts[name]} times, must occur once")
    for name in _AT_MOST_ONCE:
        if counts[name] > 1:
            problems.append(f"{uid}: {name} occurs {counts[name]} times")
    if counts["ATTENDEE"] < 1:
        problems.append(f"{uid}: no ATTENDEE")
    if counts["DTEND"] and counts["DURATION"]:
        problems.append(f"{uid}: both DTEND and DURATION")
    status = str(event.get("STATUS", "")).upper()
    expected_status = "CONFIRMED" if method == "REQUEST" else "CANCELLED"
    if method in ("REQUEST", "CANCEL") and status != expected_status:
        problems.append(
            f"{uid}: STATUS is {status or 'missing'}, a {method} needs STATUS:{expected_status}"
        )
    if method == "CANCEL" and event.walk("VALARM"):
        problems.append(f"{uid}: a CANCEL carries no VALARM")
    sequence = event.get("SEQUENCE") if counts["SEQUENCE"] == 1 else None
    if sequence is not None and not str(sequence).isdigit():
        problems.append(f"{uid}: SEQUENCE {sequence!r} is not a non-negative integer")
    for name in ("ORGANIZER", "ATTENDEE"):
        for address in _as_list(event.get(name)):
            if not str(address).lower().startswith("mailto:") or "@" not in str(address):
                problems.append(f"{uid}: {name} {address!s} is not a mailto: address")
    stamp = event.get("DTSTAMP") if counts["DTSTAMP"] == 1 else None
    if stamp is not None and (stamp.params.get("TZID") or not _is_utc(stamp.dt)):
        problems.append(f"{uid}: DTSTAMP is not in UTC")
    instants: dict[str, datetime | date] = {}
    for name in ("DTSTART", "DTEND"):
        prop = event.get(name) if counts[name] == 1 else None
        if prop is None:  # absent, or repeated (reported above)
            continue
        value = prop.dt
        tzid = prop.params.get("TZID")
        if tzid is not None and tzid not in timezones:
            problems.append(f"{uid}: {name} has TZID={tzid} but no VTIMEZONE defines it")
        if isinstance(value, datetime) and value.tzinfo is None:
            problems.append(f"{uid}: {name} is a floating time (neither UTC nor TZID)")
        instants[name] = value
    if not _ends_after_start(instants.get("DTSTART"), instants.get("DTEND")):
        problems.append(f"{uid}: DTEND is not after DTSTART")
    return problems


def _check_vtimezone(timezone: Component) -> list[str]:
    tzid = str(timezone.get("TZID"))
    problems: list[str] = []
    kinds = {c.name for c in timezone.subcomponents}
    if not {"STANDARD", "DAYLIGHT"} <= kinds:
        problems.append(f"VTIMEZONE {tzid}: needs both STANDARD and DAYLIGHT")
    for observance in timezone.subcomponents:
        if "RDATE" in observance:
            problems.append(
                f"VTIMEZONE {tzid}: RDATE in {observance.name} (Outlook misreads "
                "RDATE-list time zones; use RRULE)"
            )
        if "RRULE" not in observance:
            problems.append(f"VTIMEZONE {tzid}: {observance.name} has no RRULE")
    return problems


def _ends_after_start(start: datetime | date | None, end: datetime | date | None) -> bool:
    """False only when both are known, comparable and in the wrong order."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        return start.tzinfo is None or end.tzinfo is None or end > start
    if isinstance(start, datetime) or isinstance(end, datetime):
        return True  # a DATE against a DATE-TIME: not comparable, reported elsewhere if wrong
    if start is None or end is None:
        return True
    return end > start


def _is_utc(value: object) -> bool:
    return isinstance(value, datetime) and value.utcoffset() == timedelta(0)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _mailto(address: object) -> str:
    text = str(address)
    return text[len("mailto:") :].lower() if text.lower().startswith("mailto:") else text.lower()


def _addresses(message: Message, header: str) -> list[object]:
    value = message.get(header)
    if value is None:
        return []
    addresses = getattr(value, "addresses", None)
    if addresses is not None:
        return list(addresses)
    return [address for _, address in getaddresses([str(value)])]


def _addr(address: object) -> str:
    spec = getattr(address, "addr_spec", None)
    return str(spec if spec is not None else address).lower()
