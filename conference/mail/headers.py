"""Header values of outgoing mail (letters and invitations), written so that every mail client
reads back exactly the text we meant. Pure.

* Non-ASCII Subjects and display names are RFC 2047-encoded here and stored as they are. The
  folder of ``email.policy`` in Python 3.11 loses or doubles the space where it folds between
  two encoded-words (CPython gh-144156): "d'ouverture — 5" arrived as "d'ouverture— 5", and a
  French subject as "via internet :  réunion". Each encoded-word holds whole words, the space
  after a word inside it (:func:`_encoded_words`): ``email.header.Header`` cut them at any
  character, "Lüdensch" | "eidt", which RFC 2047 readers join again but Thunderbird and Apple
  Mail show with a space in the word (lettre's fix of the same, lettre/lettre#810).
* An ASCII display name is an atom phrase, or a quoted-string when it holds specials ("Global
  Alliance: meeting"); one too long for a line is folded here at its spaces, inside the quotes
  (RFC 5322 3.2.4): the package's folder drops the quotes, and "Alliance: follow-up" was read
  as a group named "Alliance".
* :data:`SMTP` is ``email.policy.SMTP`` (CRLF, lines of 78) that stores such values verbatim.
"""

from __future__ import annotations

from email.charset import Charset
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


_UTF8: Final = Charset("utf-8")
_WORD_MAX: Final = 75
"""The longest encoded-word (RFC 2047, section 2)."""


def _encoded_words(text: str, first: int) -> list[str]:
    """``text`` as RFC 2047 encoded-words (UTF-8, the shorter of Q and B for each), each holding
    whole words and the space after its last one, so that a reader that shows the white space
    between two encoded-words (against RFC 2047, section 6.2) shows it where a space is. The
    first is at most ``first`` characters (what the header's first line leaves), the others
    ``_WORD_MAX``. A word too long for one encoded-word on its own is cut at characters, as
    ``Header`` cuts."""
    pieces = [word + " " for word in text.split(" ")]
    pieces[-1] = pieces[-1][:-1]
    words: list[str] = []
    chunk = ""
    for piece in pieces:
        limit = _WORD_MAX if words else first
        if chunk and len(_UTF8.header_encode(chunk + piece)) > limit:
            words.append(_UTF8.header_encode(chunk))
            chunk = ""
            limit = _WORD_MAX
        chunk += piece
        if len(_UTF8.header_encode(chunk)) > limit:  # one word, longer than a line
            words += Header(chunk, "utf-8", maxlinelen=limit).encode().split()
            chunk = ""
    if chunk:
        words.append(_UTF8.header_encode(chunk))
    return words


def _folded(header: str, words: list[str]) -> str:
    """Encoded-words joined by a space, folded between two of them where the line would pass
    ``MAX_LINE`` (the header's name and ": " on the first line)."""
    lines, line = [], " " * (len(header) + 1)
    for word in words:
        if len(line) + 1 + len(word) > MAX_LINE and line.strip():
            lines.append(line)
            line = ""
        line += " " + word
    lines.append(line)
    return "\r\n".join(lines)[len(header) + 2:]


def unstructured(header: str, text: str) -> str:
    """A Subject (or any unstructured value): as it is when ASCII (folded here at its spaces
    when too long for a line: the package's folder put a long one on the line after the name,
    "Subject:" then CRLF, which Python's parser reads back with a space in front), else RFC
    2047-encoded."""
    if text.isascii():
        if len(header) + 2 + len(text) <= MAX_LINE:
            return text
        return Encoded(_fold_at_spaces(header, text))
    return Encoded(_folded(header, _encoded_words(text, MAX_LINE - len(header) - 2)))


def _fold_at_spaces(header: str, text: str) -> str:
    """``text`` folded at its spaces where a line would pass ``MAX_LINE``, each space kept (the
    fold goes before it), for a header value stored verbatim; a word longer than a line stays
    whole on its own."""
    lines, line = [], f"{header}:"
    for word in text.split(" "):
        if len(line) + 1 + len(word) > MAX_LINE and line.strip(" :") != header:
            lines.append(line)
            line = ""
        line += " " + word
    lines.append(line)
    return "\r\n".join(lines)[len(header) + 2:]


def _quoted(header: str, name: str, address: str) -> str:
    """``"name" <address>`` folded here at the name's spaces (folding white space may stand
    inside a quoted-string, RFC 5322 3.2.4), for a header value stored verbatim."""
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return _fold_at_spaces(header, f"{quoted} <{address}>")


def mailbox(header: str, name: str, address: str) -> Address | str:
    """``name <address>`` for From, To or Reply-To."""
    if name.isascii():
        # An atom phrase, or a quoted-string on one line, as the email package writes them;
        # a quoted-string that must be folded is folded here.
        if _SPECIALS.isdisjoint(name) or len(header) + len(name) + len(address) + 7 <= MAX_LINE:
            return Address(display_name=name, addr_spec=address)
        return Encoded(_quoted(header, name, address))
    encoded = _folded(header, _encoded_words(name, MAX_LINE - len(header) - 2))
    last_line = encoded.rsplit("\r\n", 1)[-1]
    used = len(last_line) + (len(header) + 2 if "\r\n" not in encoded else 0)
    separator = " " if used + len(address) + 3 <= MAX_LINE else "\r\n "
    return Encoded(f"{encoded}{separator}<{address}>")
