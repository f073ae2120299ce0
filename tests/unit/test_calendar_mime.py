"""The iMIP mail around an invitation, taken apart with Python's ``email`` parser."""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import replace
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.calendar.itip import (
    Attendee,
    InvitationTemplate,
    Method,
    Organizer,
    SessionVersion,
)
from conference.calendar.mime import build_invitation_email
from conference.calendar.rfc5546 import assert_imip_message, assert_rfc5546

BRUSSELS = ZoneInfo("Europe/Brussels")
PRODID = "-//Global Alliance//Conference logistics 1.0//EN"
SENT = datetime(2012, 12, 1, 10, 0, tzinfo=BRUSSELS)
ORGANIZER = Organizer("protocol@alliance.example.eu", "Protocole — Commission européenne")
ATTENDEE = Attendee("cecilia.malmstrom@ec.example.eu", 'Malmström, Cecilia "EC"', "CHAIR")
SESSION = SessionVersion(
    uid="session-3f1c9a52-6a0e-4c43-8a5e-0f6f3b0b8d11@alliance.example.eu",
    sequence=1,
    summary="Séance plénière d'ouverture",
    starts_at=datetime(2012, 12, 5, 9, 30, tzinfo=BRUSSELS),
    ends_at=datetime(2012, 12, 5, 11, 0, tzinfo=BRUSSELS),
    location="Charlemagne, rue de la Loi 170, Bruxelles",
    description="En présence de Sa Majesté la Reine. Merci d'être assis avant 9 h 15.",
)
TEXT = "Madame la Commissaire,\n\nVous êtes invitée à la séance plénière d'ouverture.\n"
HTML = "<p>Madame la Commissaire,</p><p>Vous êtes invitée à la séance plénière.</p>"


def ics_for(method: Method = "REQUEST", attendee: Attendee = ATTENDEE) -> bytes:
    session = SESSION if method == "REQUEST" else replace(SESSION, sequence=2, cancelled=True)
    template = InvitationTemplate.build(session, ORGANIZER, method, 15, PRODID)
    return template.render(attendee, datetime(2012, 12, 1, 9, 0, tzinfo=UTC))


def mail(**changes: Any) -> EmailMessage:
    method = changes.pop("method", "REQUEST")
    arguments: dict[str, Any] = {
        "ics": ics_for(method),
        "method": method,
        "from_addr": ORGANIZER,
        "to": ATTENDEE,
        "subject": "Invitation : Séance plénière d'ouverture — 5 décembre 2012",
        "text_body": TEXT,
        "html_body": HTML,
        "message_id": "<inv.3f1c9a52.1.cecilia@alliance.example.eu>",
        "date": SENT,
        "language": "fr",
    }
    arguments.update(changes)
    return build_invitation_email(**arguments)


def on_the_wire(message: EmailMessage) -> Message:
    """Serialise as the mailer will, and parse back as a receiving client would."""
    return email.message_from_bytes(message.as_bytes(), policy=email.policy.default)


def test_structure_part_by_part() -> None:
    ics = ics_for()
    received = on_the_wire(mail(ics=ics))
    assert received.get_content_type() == "multipart/mixed"
    assert received["MIME-Version"] == "1.0"
    alternative, attachment = received.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    plain, html, calendar = alternative.get_payload()

    assert plain.get_content_type() == "text/plain"
    assert plain.get_content_charset() == "utf-8"
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    assert plain.get_content().replace("\r\n", "\n") == TEXT
    assert html.get_content_type() == "text/html"
    assert html.get_content().replace("\r\n", "\n") == HTML + "\n"

    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_param("charset") == "UTF-8"
    assert calendar["Content-Transfer-Encoding"] == "base64"
    assert calendar["Content-Disposition"] is None
    assert calendar.get_payload(decode=True) == ics

    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_param("name") == "invite.ics"
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_filename() == "invite.ics"
    assert attachment["Content-Transfer-Encoding"] == "base64"
    assert attachment.get_payload(decode=True) == ics

    for part in (alternative, plain, html, calendar, attachment):
        assert part["MIME-Version"] is None


def test_the_calendar_part_is_a_conforming_invitation_for_both_parsers() -> None:
    received = on_the_wire(mail())
    calendar = assert_imip_message(received)
    ics = received.get_payload()[0].get_payload()[2].get_payload(decode=True)
    assert_rfc5546(ics)
    by_vobject = vobject.readOne(ics.decode("utf-8"))
    by_icalendar = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(calendar["METHOD"]) == by_vobject.method.value == "REQUEST"
    assert str(by_icalendar["UID"]) == by_vobject.vevent.uid.value == SESSION.uid
    assert (
        str(by_icalendar["ATTENDEE"])
        == by_vobject.vevent.attendee.value
        == (f"mailto:{ATTENDEE.email}")
    )


def test_without_html_the_alternative_holds_text_and_calendar() -> None:
    received = on_the_wire(mail(html_body=None))
    alternative, _ = received.get_payload()
    assert [p.get_content_type() for p in alternative.get_payload()] == [
        "text/plain",
        "text/calendar",
    ]
    assert_imip_message(received)


def test_cancel_says_method_cancel_in_the_content_type() -> None:
    ics = ics_for("CANCEL")
    received = on_the_wire(mail(method="CANCEL", ics=ics))
    calendar_part = received.get_payload()[0].get_payload()[2]
    assert calendar_part.get_param("method") == "CANCEL"
    assert calendar_part.get_payload(decode=True) == ics
    calendar = assert_imip_message(received)
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_headers() -> None:
    raw = mail().as_bytes()
    raw.decode("ascii")  # 7-bit clean: no relay needs 8BITMIME or SMTPUTF8
    received = on_the_wire(mail())
    assert received["From"].addresses[0].addr_spec == ORGANIZER.email
    assert received["From"].addresses[0].display_name == ORGANIZER.name
    assert received["To"].addresses[0].addr_spec == ATTENDEE.email
    assert received["To"].addresses[0].display_name == ATTENDEE.name
    assert str(received["Subject"]) == (
        "Invitation : Séance plénière d'ouverture — 5 décembre 2012"
    )
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]  # RFC 2047 encoded words
    assert received["Message-ID"] == "<inv.3f1c9a52.1.cecilia@alliance.example.eu>"
    assert received["Date"].datetime == SENT
    assert received["Content-Language"] == "fr"
    ics = received.get_payload()[1].get_payload(decode=True)
    organizer = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["ORGANIZER"]
    assert str(organizer) == f"mailto:{received['From'].addresses[0].addr_spec}"


@pytest.mark.parametrize(
    "changes",
    [
        {"subject": "Invitation\r\nBcc: everyone@example.org"},
        {"subject": "Invitation\nX-Evil: 1"},
        {"subject": "Invitation\r"},
        {"message_id": "<a@b>\r\nBcc: x@example.org"},
        {"language": "fr\r\nBcc: x@example.org"},
    ],
)
def test_line_breaks_in_header_values_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="line break"):
        mail(**changes)


def test_line_breaks_in_names_and_addresses_are_refused_before_any_mail_is_built() -> None:
    with pytest.raises(ValueError):
        Attendee("x@example.org", "Eve\r\nBcc: everyone@example.org")
    with pytest.raises(ValueError):
        Organizer("x@example.org\r\nBcc: everyone@example.org", "Eve")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"method": "PUBLISH"}, "method"),
        ({"message_id": "inv-1@alliance.example.eu"}, "message_id"),
        ({"message_id": "<no-domain>"}, "message_id"),
        ({"language": "français"}, "language"),
        ({"date": datetime(2012, 12, 1, 10, 0)}, "timezone-aware"),
    ],
)
def test_malformed_values_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mail(**changes)


def test_method_must_match_the_ics() -> None:
    with pytest.raises(ValueError, match="METHOD REQUEST"):
        mail(ics=ics_for("REQUEST"), method="CANCEL")


def test_from_must_be_the_organizer_and_to_an_attendee() -> None:
    other = Organizer("press@alliance.example.eu", "Spokesperson")
    with pytest.raises(ValueError, match="ORGANIZER"):
        mail(from_addr=other)
    with pytest.raises(ValueError, match="not an ATTENDEE"):
        mail(to=Attendee("someone.else@example.org", "Someone Else"))


def test_non_ascii_addresses_are_refused() -> None:
    attendee = Attendee("jürgen@example.de", "Jürgen")
    with pytest.raises(ValueError, match="ASCII"):
        mail(to=attendee, ics=ics_for(attendee=attendee))


def test_imip_checker_catches_a_wrong_method_parameter() -> None:
    message = mail()
    calendar_part = message.get_payload()[0].get_payload()[2]
    calendar_part.set_param("method", "PUBLISH")
    with pytest.raises(AssertionError, match="method='PUBLISH'"):
        assert_imip_message(on_the_wire(message))


def test_imip_checker_catches_the_calendar_outside_the_first_part() -> None:
    message = mail()
    alternative, attachment = message.get_payload()
    message.set_payload([attachment, alternative])
    with pytest.raises(AssertionError, match="first part"):
        assert_imip_message(on_the_wire(message))


# --- non-ASCII header text: every space survives ----------------------------------------------

WORDS = [
    "Son",
    "Excellence",
    "Madame",
    "la",
    "Ministre",
    "de",
    "Justice",
    "—",
    "République",
    "française",
    "Malmström,",
    "Cecilia",
    "«",
    "Sécurité",
    "»",
    "d'Egmont",
    "Sa",
    "Majesté",
    "Reine",
    "Ελένη",
    "Παπαδοπούλου",
    '"EC"',
    "(DG)",
    "Ñúñez",
    "の",
    "a",
]
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=18).map(" ".join)


def rfc2047_decode(raw_value: str) -> str:
    """Unfold, then decode as RFC 2047 says (space between adjacent encoded-words ignored)."""
    return str(make_header(decode_header(re.sub(r"\r\n(?=[ \t])", "", raw_value))))


def raw_headers(message: EmailMessage) -> dict[str, str]:
    block = message.as_bytes().split(b"\r\n\r\n", 1)[0].decode("ascii")
    return {
        name: value.strip()
        for name, value in re.findall(
            r"^([A-Za-z-]+):(.*?)(?=\r\n(?![ \t])|\Z)", block, re.S | re.M
        )
    }


@settings(max_examples=300, deadline=None)
@given(subject=phrases, name=phrases)
def test_non_ascii_subjects_and_names_keep_every_space(subject: str, name: str) -> None:
    attendee = Attendee("guest@example.org", name)
    message = mail(subject=subject, to=attendee, ics=ics_for(attendee=attendee))
    headers = raw_headers(message)
    assert all(len(line) <= 78 for line in message.as_bytes().split(b"\r\n\r\n")[0].split(b"\r\n"))
    assert rfc2047_decode(headers["Subject"]) == subject
    assert str(on_the_wire(message)["Subject"]) == subject
    display_name, address = headers["To"].rsplit("<", 1)
    decoded = rfc2047_decode(display_name.strip())
    if name.isascii():  # written as a quoted-string where needed
        decoded = email.utils.parseaddr(headers["To"].replace("\r\n", ""))[0]
    assert (decoded, address) == (name, "guest@example.org>")
    assert on_the_wire(message)["To"].addresses[0].addr_spec == "guest@example.org"


def test_ascii_names_with_specials_are_quoted_and_read_back_exactly() -> None:
    attendee = Attendee("eric.holder@usdoj.example.gov", 'Holder, Eric H. "AG" (DoJ)')
    received = on_the_wire(mail(to=attendee, ics=ics_for(attendee=attendee)))
    assert received["To"].addresses[0].display_name == attendee.name
    assert_imip_message(received)


@pytest.mark.parametrize("name", [
    "Global Alliance against Child Sexual Abuse Online: ministerial follow-up meeting",
    "Holder, Eric H. (DoJ), Attorney General of the United States of America, Washington",
])
def test_long_ascii_names_with_specials_are_read_back_exactly(name: str) -> None:
    organizer = Organizer("protocol@alliance.example.eu", name)
    attendee = Attendee("eric.holder@usdoj.example.gov", name)
    template = InvitationTemplate.build(SESSION, organizer, "REQUEST", 15, PRODID)
    ics = template.render(attendee, datetime(2012, 12, 1, 9, 0, tzinfo=UTC))
    received = on_the_wire(mail(from_addr=organizer, to=attendee, ics=ics))
    assert [a.display_name for a in received["From"].addresses] == [name]
    assert [a.display_name for a in received["To"].addresses] == [name]
    assert all(len(line) <= 78 for line in bytes(received).split(b"\n\n")[0].split(b"\n"))


def test_the_message_is_serialised_the_smtp_way() -> None:
    message = mail()
    assert isinstance(message.policy, email.policy.EmailPolicy)
    assert message.policy.linesep == "\r\n"
    raw = message.as_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
