"""Header values of outgoing mail (letters and invitations), written so that every mail client
reads back exactly the text we meant. Pure.

* Non-ASCII Subjects and display names are RFC 2047-encoded here (``email.header.Header``:
  encoded-words cut at character boundaries, every space inside an encoded-word) and stored as
  they are. The folder of ``email.policy`` in Python 3.11 loses or doubles the space where it
  folds between two encoded-words (CPython gh-144156): "d'ouverture — 5" arrived as
  "d'ouverture— 5", and a French subject as "via internet :  réunion".
* An ASCII display name is an atom phrase, or a quoted-string when it holds specials ("Global
  Alliance: meeting"); one too long for a line is folded here at its spaces, inside the quotes
  (RFC 5322 3.2.4): the package's folder drops the quotes, and "Alliance: follow-up" was read
  as a group named "Alliance".
* :data:`SMTP` is ``email.policy.SMTP`` (CRLF, lines of 78) that stores such values verbatim.
"""

from __future__ import annotations

from email.errors import MessageError
from email.header import Header
from email.headerregistry import Address
from email.policy import EmailPolicy
from typing import Any, Final

__all__ = ["MAX_LINE", "SMTP", "UNBUILDABLE", "Encoded", "mailbox", "unstructured"]

MAX_LINE: Final = 78
UNBUILDABLE: Final = (ValueError, UnicodeError, MessageError)
"""What building one message raises when a value it carries cannot go into it: a line break in
a header value (``ValueError``), a value that cannot be encoded (``UnicodeError``), and an
address the header parser cannot read at all (``<fp-be>@example.org``, stored before input was
checked: ``HeaderParseError``, a ``MessageError``, which is no ``ValueError``). Every builder
of letters and invitations catches these and parks that one message (docs/outbox.md), so that
no one else's mail stops with it."""
_SPECIALS = frozenset('()<>@,:;.\\"[]')
"""The characters that make a display name a quoted-string (RFC 5322 ``specials``)."""


class Encoded(str):
    """A header value already encoded and folded here, to be stored as it is."""


class _Policy(EmailPolicy):
    """``email.policy.SMTP``, except that :class:`Encoded` values are stored verbatim.

    A value stored as a plain string (as a parser would store it) is written out unchanged as
    long as its lines are short, so the folder that loses spaces (gh-144156) never touches it.
    """

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        if isinstance(value, Encoded):
            return (name, str(value))
        return super().header_store_parse(name, value)


SMTP: Final = _Policy(linesep="\r\n", max_line_length=MAX_LINE)  # email.policy.SMTP's


def unstructured(header: str, text: str) -> str:
    """A Subject (or any unstructured value): as it is when ASCII, else RFC 2047-encoded."""
    if text.isascii():
        return text
    return Encoded(Header(text, "utf-8", header_name=header).encode(linesep="\r\n"))


def _quoted(header: str, name: str, address: str) -> str:
    """``"name" <address>`` folded here at the name's spaces (folding white space may stand
    inside a quoted-string, RFC 5322 3.2.4), for a header value stored verbatim."""
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines, line = [], f"{header}:"
    for word in f"{quoted} <{address}>".split(" "):
        if len(line) + 1 + len(word) > MAX_LINE and line.strip():
            lines.append(line)
            line = ""
        line += " " + word
    lines.append(line)
    return "\r\n".join(lines)[len(header) + 2:]


def mailbox(header: str, name: str, address: str) -> Address | str:
    """``name <address>`` for From, To or Reply-To."""
    if name.isascii():
        # An atom phrase, or a quoted-string on one line, as the email package writes them;
        # a quoted-string that must be folded is folded here.
        if _SPECIALS.isdisjoint(name) or len(header) + len(name) + len(address) + 7 <= MAX_LINE:
            return Address(display_name=name, addr_spec=address)
        return Encoded(_quoted(header, name, address))
    encoded = Header(name, "utf-8", header_name=header).encode(linesep="\r\n")
    last_line = encoded.rsplit("\r\n", 1)[-1]
    used = len(last_line) + (len(header) + 2 if "\r\n" not in encoded else 0)
    separator = " " if used + len(address) + 3 <= MAX_LINE else "\r\n "
    return Encoded(f"{encoded}{separator}<{address}>")
