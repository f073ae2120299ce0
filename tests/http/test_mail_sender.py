"""The SMTP transaction of one message (``conference.mail.sender``), against a real aiosmtpd
server, with and without PIPELINING announced: what arrives, the SIZE declared, refusals at
MAIL, RCPT and DATA sorted into transient and permanent, an address that cannot go on the
envelope stopped before anything is sent."""

from __future__ import annotations

from typing import Any

import pytest
from aiosmtplib.protocol import PERIOD_REGEX, normalize_message_line_endings

from conference.mail.sender import (
    Mailer,
    PermanentError,
    TransientError,
    data_payload,
)
from conference.settings import Settings
from tests.support import RecordingSMTP

SENDER = "organiser@example.org"


def _message(n: int, body: bytes) -> bytes:
    return (b"From: Organiser <organiser@example.org>\r\nTo: a@example.org\r\n"
            b"Subject: Test %d\r\nMessage-ID: <m%d@example.org>\r\n\r\n" % (n, n) + body)


@pytest.mark.parametrize("pipelining", [True, False])
async def test_a_message_arrives_whole_with_its_size_declared(
        settings: Settings, smtp: RecordingSMTP, pipelining: bool) -> None:
    smtp.pipelining = pipelining
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    try:
        crlf = _message(1, b"first line\r\n.a line that starts with a dot\r\n.\r\nlast\r\n")
        bare_lf = _message(2, b"one\ntwo\rthree\r\n.four")  # lone LF, lone CR, no final CRLF
        await mailer.send(SENDER, "delegate.one@example.org", crlf)
        await mailer.send(SENDER, "delegate.two@example.org", bare_lf)
    finally:
        await mailer.close()
    # the dots are stuffed on the wire and taken off by the server: the bytes that arrive are
    # the message's, line ends as DATA sends them
    assert smtp.raw == [crlf, _message(2, b"one\r\ntwo\r\nthree\r\n.four\r\n")]
    assert smtp.envelopes == [(SENDER, ["delegate.one@example.org"]),
                              (SENDER, ["delegate.two@example.org"])]
    assert smtp.mail_options == [[f"SIZE={len(crlf)}"], [f"SIZE={len(smtp.raw[1])}"]]
    # To a server that announces it, MAIL, RCPT and DATA go together (RFC 2920); to one that
    # does not, one at a time.
    assert smtp.pipelined == [pipelining, pipelining]


def test_wire_size_counts_the_line_ends_that_data_sends() -> None:
    """SIZE (RFC 1870): CRLF line ends, a final CRLF, before dot-stuffing."""
    def wire_size(message: bytes) -> int:
        return data_payload(message)[0]

    assert wire_size(b"a\r\nb\r\n") == 6
    assert wire_size(b"a\nb") == 6  # a\r\nb\r\n
    assert wire_size(b"a\rb\r\n") == 6
    assert wire_size(b"a\r\nb") == 6


@pytest.mark.parametrize("message", [
    b"a\r\nb\r\n", b"a\nb", b"a\rb\r\n", b"a\r\nb", b".a\r\n", b"a\r\n.b\r\n..c\r\n",
    b"a\n.b", b"a\r.b\r\n", b"", b"\r\n", b"x.\r\ny .\r\n", b"a\r\n\r\n.\r\n",
])
def test_the_data_payload_is_what_aiosmtplib_sends(message: bytes) -> None:
    """The transaction writes DATA's payload itself, skipping aiosmtplib's two regular
    expressions when the message needs neither: the bytes on the wire must be aiosmtplib's
    (CRLF line ends, leading dots doubled, the final dot) and SIZE the size before the dots."""
    normalised = normalize_message_line_endings(message)
    assert data_payload(message) == (len(normalised),
                                     PERIOD_REGEX.sub(b"..", normalised) + b".\r\n")


@pytest.mark.parametrize(("stage", "reply", "error"), [
    ("rcpt", "550 5.1.1 mailbox unavailable", PermanentError),
    ("rcpt", "450 4.2.1 mailbox busy", TransientError),
    ("mail", "451 4.3.0 try again later", TransientError),
    ("mail", "553 5.7.1 sender not allowed", PermanentError),
    ("data", "554 5.6.0 message refused", PermanentError),
    ("data", "452 4.3.1 insufficient storage", TransientError),
])
@pytest.mark.parametrize("pipelining", [True, False])
async def test_a_refusal_is_sorted_by_its_code_and_the_next_message_goes(
        settings: Settings, smtp: RecordingSMTP, stage: str, reply: str,
        error: type[Exception], pipelining: bool) -> None:
    smtp.pipelining = pipelining
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    try:
        attribute = "reply" if stage == "data" else f"{stage}_reply"  # data: after the message
        setattr(smtp, attribute, reply)
        with pytest.raises(error, match=f"SMTP {reply[:3]}"):
            await mailer.send(SENDER, "gone@example.org", _message(1, b"x\r\n"))
        setattr(smtp, attribute, None)
        await mailer.send(SENDER, "here@example.org", _message(2, b"x\r\n"))
    finally:
        await mailer.close()
    assert smtp.envelopes == [(SENDER, ["here@example.org"])]
    assert smtp.raw == [_message(2, b"x\r\n")]


async def test_a_server_that_opens_data_after_a_refusal_gets_no_message_and_stays_in_step(
        settings: Settings, smtp: RecordingSMTP) -> None:
    """RFC 2920 asks a server to refuse DATA when no recipient was accepted; one that answers
    354 all the same gets the end of data at once, nothing of the message, and the connection
    carries the next message whole."""
    smtp.rcpt_reply = "550 5.1.1 mailbox unavailable"
    smtp.open_data_after_refusal = True
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    try:
        with pytest.raises(PermanentError, match="SMTP 550"):
            await mailer.send(SENDER, "gone@example.org", _message(1, b"secret\r\n"))
        smtp.rcpt_reply = None
        await mailer.send(SENDER, "here@example.org", _message(2, b"x\r\n"))
    finally:
        await mailer.close()
    assert smtp.raw == [b"", _message(2, b"x\r\n")]
    assert smtp.envelopes[-1] == (SENDER, ["here@example.org"])
    assert smtp.pipelined == [True, True]


async def test_replies_that_arrive_one_by_one_are_read_in_turn(
        settings: Settings, smtp: RecordingSMTP) -> None:
    """Pipelined replies may come in one packet or in several (a slow check of the sender, then
    of the recipient): each is read in its turn, none lost, whichever way they come."""
    import asyncio

    async def slow_mail(server: object, session: object, envelope: Any, address: str,
                        mail_options: list[str]) -> str:
        await asyncio.sleep(0.05)
        envelope.mail_from = address
        return "250 OK"

    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    try:
        for n in range(3):
            await mailer.send(SENDER, f"a{n}@example.org", _message(n, b"x\r\n"))
        smtp.handle_MAIL = slow_mail  # type: ignore[method-assign]
        for n in range(3, 6):
            await mailer.send(SENDER, f"a{n}@example.org", _message(n, b"x\r\n"))
    finally:
        await mailer.close()
    assert [e[1] for e in smtp.envelopes] == [[f"a{n}@example.org"] for n in range(6)]


@pytest.mark.parametrize("address", [
    "two words@example.org",
    "a@example.org> NOTIFY=NEVER",
    "a@example.org\r\nRCPT TO:<b@example.org>",
    "<a@example.org>",
    "josé@example.org",
    "no-at-sign.example.org",
    "",
])
async def test_an_address_that_cannot_go_on_the_envelope_sends_nothing(
        settings: Settings, smtp: RecordingSMTP, address: str) -> None:
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    try:
        with pytest.raises(PermanentError, match="not an address for the SMTP envelope"):
            await mailer.send(SENDER, address, _message(1, b"x\r\n"))
        with pytest.raises(PermanentError, match="not an address for the SMTP envelope"):
            await mailer.send(address, "a@example.org", _message(2, b"x\r\n"))
    finally:
        await mailer.close()
    assert smtp.mail_options == [] and smtp.messages == []


async def test_a_relay_that_stops_answering_is_transient_after_the_deadline(
        settings: Settings, smtp: RecordingSMTP) -> None:
    """One deadline (``smtp.timeout``) for the whole transaction: a relay that takes the
    message and never answers fails it as transient, the connection is dropped, and the next
    message goes over a new one."""
    import time

    quick = settings.smtp.model_copy(update={"timeout": 0.5})
    mailer = Mailer(quick, "127.0.0.1", smtp.port)
    try:
        smtp.hang = True
        started = time.monotonic()
        with pytest.raises(TransientError, match="no reply within 0.5 s"):
            await mailer.send(SENDER, "a@example.org", _message(1, b"x\r\n"))
        assert 0.4 < time.monotonic() - started < 2.0
        smtp.hang = False
        smtp.delay = 0.2  # slower replies, within the deadline
        await mailer.send(SENDER, "a@example.org", _message(2, b"x\r\n"))
    finally:
        await mailer.close()
    assert [m["Subject"] for m in smtp.messages] == ["Test 2"]
