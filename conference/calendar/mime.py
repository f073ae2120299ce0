"""The iMIP (RFC 6047) mail that carries one invitation or cancellation.

Structure, the one Google Calendar sends and Outlook, Gmail, Apple Mail and Thunderbird all
recognise as an invitation::

    multipart/mixed
      multipart/alternative
        text/plain; charset="utf-8"                    quoted-printable
        text/html; charset="utf-8"       (optional)    quoted-printable
        text/calendar; charset="UTF-8"; method="REQUEST"   base64, no Content-Disposition
      application/ics; name="invite.ics"               base64
        Content-Disposition: attachment; filename="invite.ics"

Why this shape:

* The ``text/calendar`` part with a ``method`` parameter equal to the object's ``METHOD`` is what
  makes a client treat the mail as a scheduling message (RFC 6047 §2.4). Outlook looks for iMIP
  data only in the *first* child of a ``multipart/mixed`` (Microsoft's notes on RFC 6047,
  [MS-STANOICAL] V0343), hence the ``multipart/alternative`` first, where readers without
  calendar support fall back to the text.
* The same ICS again as an attachment serves clients that only offer attachments (some web
  mailers) and people who forward or save the file. It is ``application/ics`` with
  ``name``/``filename`` ``invite.ics``, byte-for-byte what Google Calendar sends: a second
  ``text/calendar; method=…`` part could be processed twice, and ``invite.ics`` is the name
  clients have seen for years.
* Everything is 7-bit on the wire (base64 and quoted-printable, RFC 2047 for non-ASCII header
  text), so no relay needs 8BITMIME or SMTPUTF8. Addresses must therefore be ASCII (an IDN
  domain in its ``xn--`` form is fine).
* Python's ``email`` package writes every Content-Type parameter quoted (``method="REQUEST"``);
  that is the same value as the token form in MIME (RFC 2045 §5.1).
* Non-ASCII Subjects and display names are RFC 2047-encoded here (``email.header.Header``:
  base64 encoded-words cut at character boundaries, every space inside an encoded-word) and
  stored as they are. The folder of ``email.policy`` in Python 3.11 loses the space between two
  encoded-words when it folds (CPython gh-144156, fixed upstream in 2026): "d'ouverture — 5"
  arrives as "d'ouverture— 5" in every RFC 2047 decoder, for about one long French subject in
  twenty. The message is otherwise plain ``email.policy.SMTP``; the only change is
  the policy of ``conference.mail.headers`` (the letters' too), which stores such pre-encoded
  values without re-folding them. Note that
  Python's own *parser* puts a space between adjacent encoded-words of a display name (RFC 2047
  §6.2 says to ignore it), so a long non-ASCII name read back by ``email.policy.default`` may
  show extra spaces that mail clients do not show; ``email.header.decode_header`` reads it
  right.
* No ``Auto-Submitted`` header: an invitation is meant to be read and answered like mail from a
  person, and Google Calendar's own invitations do not carry it.
"""

from __future__ import annotations

import binascii
import re
from datetime import datetime
from email import quoprimime
from email.message import EmailMessage
from functools import lru_cache
from typing import Final

from conference.calendar.itip import METHODS, Attendee, Organizer
from conference.mail.headers import MAX_LINE as _MAX_LINE
from conference.mail.headers import SMTP as _SMTP
from conference.mail.headers import mailbox as _mailbox
from conference.mail.headers import unstructured as _unstructured

__all__ = ["ATTACHMENT_NAME", "InvitationSkeleton", "build_invitation_email", "check_recipient"]

ATTACHMENT_NAME: Final = "invite.ics"

_HEADER_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_MESSAGE_ID = re.compile(r"<[!#-'*+\-/-9=?A-Z^-~.]+@[!#-'*+\-/-9=?A-Z^-~.\[\]]+>")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def build_invitation_email(
    *,
    ics: bytes,
    method: str,
    from_addr: Organizer,
    to: Attendee,
    subject: str,
    text_body: str,
    html_body: str | None,
    message_id: str,
    date: datetime,
    language: str,
    reply_to: Organizer | None = None,
    boundary: str | None = None,
) -> EmailMessage:
    """Wrap one rendered ICS (see :class:`~conference.calendar.itip.InvitationTemplate`).

    ``method`` must be the object's METHOD, ``from_addr`` its ORGANIZER and ``to`` its ATTENDEE:
    a mismatch would make clients ignore or misfile the message, so it is refused
    (``ValueError``), as is a CR, LF or other control character in any header value.
    ``message_id`` is the full ``<id@domain>``; ``date`` is aware; ``language`` is a BCP 47 tag
    (``fr``, ``en``, ``en-GB``) written as ``Content-Language``. ``reply_to``, if given, is
    written as ``Reply-To`` (where people's own replies go; calendar clients send their
    iTIP REPLY to the ORGANIZER, the From address: docs/calendar.md, "Replies").
    ``boundary``, if given (letters and digits), makes the MIME boundaries fixed instead of
    random: the same inputs then give the same bytes (a message rendered again at send time,
    docs/outbox.md).
    """
    if method not in METHODS:
        raise ValueError(f"method must be REQUEST or CANCEL: {method!r}")
    for what, value in (
        ("subject", subject),
        ("message_id", message_id),
        ("language", language),
        ("from_addr.name", from_addr.name),
        ("from_addr.email", from_addr.email),
        ("to.name", to.name),
        ("to.email", to.email),
        ("reply_to.name", reply_to.name if reply_to else ""),
        ("reply_to.email", reply_to.email if reply_to else ""),
    ):
        if _HEADER_FORBIDDEN.search(value):
            raise ValueError(f"line break or control character in header value {what}")
    if not _MESSAGE_ID.fullmatch(message_id):
        raise ValueError(f"message_id must look like <id@domain>: {message_id!r}")
    if not _LANGUAGE.fullmatch(language):
        raise ValueError(f"language must be a BCP 47 tag such as fr or en-GB: {language!r}")
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError(f"date must be timezone-aware: {date.isoformat()}")
    for what, address in (("from_addr.email", from_addr.email), ("to.email", to.email),
                          ("reply_to.email", reply_to.email if reply_to else "")):
        if not address.isascii():
            raise ValueError(f"{what} must be ASCII (SMTPUTF8 is not used): {address!r}")
    _check_ics_matches(ics, method, from_addr.email, to.email)

    msg = EmailMessage(policy=_SMTP)
    msg["From"] = _mailbox("From", from_addr.name, from_addr.email)
    msg["To"] = _mailbox("To", to.name, to.email)
    if reply_to is not None:
        msg["Reply-To"] = _mailbox("Reply-To", reply_to.name, reply_to.email)
    msg["Subject"] = _unstructured("Subject", subject)
    msg["Date"] = date
    msg["Message-ID"] = message_id
    msg.set_content(text_body, subtype="plain", charset="utf-8", cte="quoted-printable")
    if html_body is not None:
        msg.add_alternative(html_body, subtype="html", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(
        ics,
        maintype="text",
        subtype="calendar",
        cte="base64",
        params={"charset": "UTF-8", "method": method},
    )
    msg.add_attachment(
        ics,
        maintype="application",
        subtype="ics",
        cte="base64",
        filename=ATTACHMENT_NAME,
        params={"name": ATTACHMENT_NAME},
    )
    for part in msg.walk():  # the email package stamps every new part; only the top needs it
        if part is not msg:
            del part["MIME-Version"]
    if boundary is not None:
        if not boundary.isascii() or not boundary.isalnum() or len(boundary) > 40:
            raise ValueError("boundary must be at most 40 ASCII letters and digits")
        multiparts = [part for part in msg.walk() if part.is_multipart()]
        for n, part in enumerate(multiparts):
            # "=" then letters: no quoted-printable or base64 line can start with "--" and this
            part.set_boundary(f"=={boundary}.{n}==")
    # after the body: set_content() and make_mixed() move or clear every Content-* header
    msg["Content-Language"] = language
    return msg


def _check_ics_matches(ics: bytes, method: str, organizer: str, attendee: str) -> None:
    """Cheap consistency check on the unfolded ICS lines (no full parse)."""
    lines = ics.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").split(b"\r\n")
    methods = [line[len(b"METHOD:") :] for line in lines if line.startswith(b"METHOD:")]
    if methods != [method.encode("ascii")]:
        found = b", ".join(methods).decode("ascii", "replace") or "none"
        raise ValueError(f"the ICS has METHOD {found}, the mail says {method}")
    if not _has_address(lines, b"ORGANIZER", organizer):
        raise ValueError(f"the ICS ORGANIZER is not {organizer} (the From address)")
    if not _has_address(lines, b"ATTENDEE", attendee):
        raise ValueError(f"{attendee} (the To address) is not an ATTENDEE of the ICS")


def _has_address(lines: list[bytes], prop: bytes, email: str) -> bool:
    suffix = b":mailto:" + email.lower().encode("utf-8")
    return any(
        line[len(prop) : len(prop) + 1] in (b";", b":") and line.lower().endswith(suffix)
        for line in lines
        if line.startswith(prop)
    )


# --------------------------------------------------------------------------------------------
# The same message, pre-serialised: one skeleton per session version, filled per attendee
# --------------------------------------------------------------------------------------------

CRLF: Final = b"\r\n"


def _text_payload(text_body: str) -> bytes:
    """The text part's body as ``set_content(text_body, charset="utf-8",
    cte="quoted-printable")`` encodes it: the lines joined with LF, quoted-printable at the
    policy's line length. (``set_content`` itself builds a whole part and its headers, a
    millisecond a message; :meth:`InvitationSkeleton.build` checks that the bytes agree.)
    Quoted-printable encodes each line on its own, so the lines that every recipient of a text
    shares are encoded once (:func:`_qp_line`) and only the personal ones (the salutation, the
    feed address) per message."""
    lines = text_body.encode("utf-8").splitlines() or [b""]
    return b"".join([_qp_line(line) for line in lines])


@lru_cache(maxsize=1024)
def _qp_line(line: bytes) -> bytes:
    """One line (no line break in it) quoted-printable with CRLF ends, soft breaks included."""
    return quoprimime.body_encode(line.decode("latin-1"), _MAX_LINE, "\r\n").encode("ascii") \
        + CRLF


def _ics_payload(ics: bytes) -> bytes:
    """The ICS as ``set_content(ics, cte="base64")`` encodes it: base64 lines of as many
    bytes as fit in the policy's line length."""
    step = _MAX_LINE // 4 * 3
    return b"".join(binascii.b2a_base64(ics[at:at + step]).replace(b"\n", CRLF)
                    for at in range(0, len(ics), step))


_PLAIN_NAME = re.compile(r"[A-Za-z0-9'-]+(?: [A-Za-z0-9'-]+)*")
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
                            r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")


def _to_header(to: Attendee) -> bytes:
    """``To: name <address>`` as the email package writes it. The common case (a name of
    letters, digits, ``'``, ``-`` and single spaces, a plain address, one short line: nothing
    to quote, encode or fold) is written directly, ~20 times faster; anything else goes through
    the email package."""
    if _PLAIN_NAME.fullmatch(to.name) and _PLAIN_ADDRESS.fullmatch(to.email):
        line = f"To: {to.name} <{to.email}>"
        if len(line) <= _MAX_LINE:
            return f"{line}\r\n".encode("ascii")
    return _slow_to_header(to)


def _slow_to_header(to: Attendee) -> bytes:
    value = _SMTP.header_store_parse("To", _mailbox("To", to.name, to.email))[1]
    folded: str = _SMTP.fold("To", value)
    return folded.encode("ascii")


@lru_cache(maxsize=64)
def _date_header(date: datetime) -> bytes:
    """``Date: …`` as the email package writes it (cached: a dispatch step stamps all its
    messages with the same instant)."""
    value = _SMTP.header_store_parse("Date", date)[1]
    folded: str = _SMTP.fold("Date", value)
    return folded.encode("ascii")


def check_recipient(to: Attendee, from_addr: Organizer) -> None:
    """What :meth:`InvitationSkeleton.render` refuses in the per-recipient header values, checked
    without rendering (``ValueError``): a message queued to be rendered at send time is known
    to render."""
    for what, value in (("to.name", to.name), ("to.email", to.email),
                        ("from_addr.email", from_addr.email), ("from_addr.name", from_addr.name)):
        if _HEADER_FORBIDDEN.search(value):
            raise ValueError(f"line break or control character in header value {what}")
    for what, address in (("to.email", to.email), ("from_addr.email", from_addr.email)):
        if not address.isascii():
            raise ValueError(f"{what} must be ASCII (SMTPUTF8 is not used): {address!r}")


@lru_cache(maxsize=4096)
def _from_header(organizer: Organizer) -> bytes:
    """``From: name <address>`` as the email package writes it (cached: a per-recipient
    organizer address recurs for each of that person's sessions)."""
    value = _SMTP.header_store_parse("From", _mailbox("From", organizer.name,
                                                      organizer.email))[1]
    folded: str = _SMTP.fold("From", value)
    return folded.encode("ascii")


def _occurrences(haystack: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` starts in ``haystack``, without overlaps (a plain search: compiling a
    kilobytes-long literal as a regular expression cost milliseconds a skeleton)."""
    found: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + len(needle))
    return found


class InvitationSkeleton:
    """:func:`build_invitation_email` serialised once for everything its recipients share
    (method, the From name, Reply-To, Subject, language, the MIME structure and its
    boundaries); per recipient :meth:`render` only fills in ``From`` (the recipient's own
    organizer address), ``To``, ``Date``, ``Message-ID``, the text body and the ICS (twice,
    base64).
    The bytes are those of ``bytes(build_invitation_email(...))`` for that recipient, except
    for the (random) boundaries, which are the skeleton's for all its messages: a boundary
    cannot occur in quoted-printable or base64 text, so reusing it is safe.

    Build it from a first recipient's full message (``sample_*``); every per-recipient part is
    located in it, so a change of layout in the email package fails loudly here.
    """

    __slots__ = ("_parts", "method", "from_name", "date")

    def __init__(self, method: str, from_name: str, parts: tuple[bytes, ...],
                 date: datetime) -> None:
        self.method = method
        self.from_name = from_name
        self._parts = parts
        self.date = date

    @classmethod
    def build(cls, *, ics: bytes, method: str, from_addr: Organizer, to: Attendee, subject: str,
              text_body: str, message_id: str, date: datetime, language: str,
              reply_to: Organizer | None = None, boundary: str | None = None
              ) -> InvitationSkeleton:
        """``date`` is the sample's and the default of :meth:`render`; ``boundary`` as for
        :func:`build_invitation_email` (fixed boundaries: the same inputs, the same bytes)."""
        whole = bytes(build_invitation_email(
            ics=ics, method=method, from_addr=from_addr, to=to, subject=subject,
            text_body=text_body, html_body=None, message_id=message_id, date=date,
            language=language, reply_to=reply_to, boundary=boundary))
        head_end = whole.index(b"\r\n\r\n") + 2
        cuts: list[tuple[int, int, str]] = []
        for what, segment, count, limit in (
            ("From", _from_header(from_addr), 1, head_end),
            ("To", _to_header(to), 1, head_end),
            ("Date", _date_header(date), 1, head_end),
            ("Message-ID", f"Message-ID: {message_id}\r\n".encode("ascii"), 1, head_end),
            ("text", _text_payload(text_body), 1, len(whole)),
            ("ics", _ics_payload(ics), 2, len(whole)),
        ):
            found = _occurrences(whole[:limit], segment)
            if len(found) != count:
                raise ValueError(f"the {what} part is not where the skeleton expects it")
            cuts += [(start, start + len(segment), what) for start in found]
        cuts.sort()
        parts: list[bytes] = []
        at = 0
        for start, end, _ in cuts:
            if start < at:
                raise ValueError("overlapping parts in the invitation")
            parts.append(whole[at:start])
            at = end
        parts.append(whole[at:])
        kinds = [what for _, _, what in cuts]
        if kinds != ["From", "To", "Date", "Message-ID", "text", "ics", "ics"]:
            raise ValueError(f"unexpected layout of the invitation: {kinds}")
        return cls(method, from_addr.name, tuple(parts), date)

    def render(self, *, ics: bytes, to: Attendee, text_body: str, message_id: str,
               from_addr: Organizer, date: datetime | None = None) -> bytes:
        """The message for one recipient, checked as :func:`build_invitation_email` checks;
        ``from_addr`` has the skeleton's name (its address is the recipient's own); ``date``
        (aware) the ``Date`` header, by default the skeleton's."""
        if from_addr.name != self.from_name:
            raise ValueError("from_addr.name differs from the skeleton's")
        for what, value in (("message_id", message_id), ("to.name", to.name),
                            ("to.email", to.email), ("from_addr.email", from_addr.email)):
            if _HEADER_FORBIDDEN.search(value):
                raise ValueError(f"line break or control character in header value {what}")
        if not _MESSAGE_ID.fullmatch(message_id):
            raise ValueError(f"message_id must look like <id@domain>: {message_id!r}")
        for what, address in (("to.email", to.email), ("from_addr.email", from_addr.email)):
            if not address.isascii():
                raise ValueError(f"{what} must be ASCII (SMTPUTF8 is not used): {address!r}")
        _check_ics_matches(ics, self.method, from_addr.email, to.email)
        if date is not None and (date.tzinfo is None or date.utcoffset() is None):
            raise ValueError(f"date must be timezone-aware: {date.isoformat()}")
        p = self._parts
        payload = _ics_payload(ics)
        return b"".join((p[0], _from_header(from_addr), p[1], _to_header(to), p[2],
                         _date_header(self.date if date is None else date), p[3],
                         f"Message-ID: {message_id}\r\n".encode("ascii"), p[4],
                         _text_payload(text_body), p[5], payload, p[6], payload, p[7]))

