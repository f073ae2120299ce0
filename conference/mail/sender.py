"""Sending through SMTP (aiosmtplib) over a few reused connections.

Failures are sorted for the outbox: ``TransientError`` (a 4xx reply, a refused or dropped
connection, a time-out: try again later) and ``PermanentError`` (a 5xx reply, or an address
that cannot be put on an SMTP command line: never).

One message is one SMTP transaction made of aiosmtplib's command calls (``execute_command``
for MAIL, RCPT and DATA, then the message written on its protocol), not its ``sendmail``: for
one sender and one recipient that we built ourselves, ``sendmail`` parsed each address twice
with the email package's address parser and rewrote the line ends of the whole message twice,
about a quarter of a millisecond a message, a fifth of the worker's time in a fan-out; its
``data`` still ran two regular expressions over the whole message (line ends, dot-stuffing)
that a message written with CRLF and no line starting with a dot does not need
(docs/outbox.md, "The SMTP transaction").
"""

from __future__ import annotations

import asyncio
import logging
import re
import ssl

import aiosmtplib
from aiosmtplib.protocol import PERIOD_REGEX, SMTPProtocol, normalize_message_line_endings
from aiosmtplib.response import SMTPResponse

from conference.settings import SmtpSettings

log = logging.getLogger(__name__)


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


# What an envelope address may be here: a dot-atom local part (RFC 5322's atext and dots), "@",
# an ASCII domain. Nothing that could end the address or add an ESMTP parameter on the command
# line (spaces, angle brackets, quotes, control characters). The addresses come from validated
# records; this keeps a bad one off the wire.
_ENVELOPE_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+")


def envelope_address(address: str) -> bytes:
    """``<address>`` for MAIL FROM or RCPT TO; ``PermanentError`` if it cannot be one."""
    if not _ENVELOPE_ADDRESS.fullmatch(address):
        raise PermanentError(f"not an address for the SMTP envelope: {address!r}")
    return b"<" + address.encode("ascii") + b">"


def _crlf(message: bytes) -> bytes:
    """The message with CRLF line ends and a final CRLF: itself when it has them already (three
    counts, no copy), else aiosmtplib's normalisation."""
    crlf = message.count(b"\r\n")
    if message.count(b"\n") == crlf == message.count(b"\r") and message.endswith(b"\r\n"):
        return message
    return normalize_message_line_endings(message)


def data_payload(message: bytes) -> tuple[int, bytes]:
    """The ``SIZE`` of the message and what follows a 354 reply to DATA: the message with CRLF
    line ends, a line that starts with a dot doubled (RFC 5321 §4.5.2), then ``.`` alone on
    its line. The same bytes as aiosmtplib's ``data``, whose two regular expressions run only
    when the message needs them."""
    message = _crlf(message)
    size = len(message)
    if message.startswith(b".") or b"\n." in message:
        message = PERIOD_REGEX.sub(b"..", message)
    return size, message + b".\r\n"


async def transaction(client: aiosmtplib.SMTP, mail_from: bytes, rcpt_to: bytes,
                      message: bytes) -> None:
    """MAIL, RCPT and DATA for one message on a connected client (addresses from
    :func:`envelope_address`). A refusal raises aiosmtplib's exception for it.

    To a server that announces PIPELINING (RFC 2920: Postfix, Exchange and the hosted relays
    do), MAIL, RCPT and DATA go in one write and their three replies are read together: two
    round trips a message instead of four (docs/outbox.md, "The SMTP transaction")."""
    if client.is_ehlo_or_helo_needed:
        try:
            await client.ehlo()
        except aiosmtplib.SMTPHeloError:
            await client.helo()
    size, payload = data_payload(message)
    mail = b"MAIL FROM:" + mail_from
    if client.supports_extension("size"):
        mail += b" SIZE=%d" % size
    protocol = client.protocol
    if protocol is None:
        raise aiosmtplib.SMTPServerDisconnected("Connection lost")
    # The connection is this transaction's alone (Mailer lends it to one send at a time), and
    # nothing yields between a write and the read of its replies: no reply can be missed.
    if client.supports_extension("pipelining"):
        protocol.write(mail + b"\r\nRCPT TO:" + rcpt_to + b"\r\nDATA\r\n")
        replies = [await _reply(protocol) for _ in range(3)]
        if any(r.code == 421 for r in replies):  # closing: as aiosmtplib's own commands do
            client.close()
        refused = replies[0].code != 250 or replies[1].code not in (250, 251)
        if refused and replies[2].code == 354:
            # A server that opened the data phase after a refusal (RFC 2920 asks it not to):
            # closed at once with no content, so that the connection stays in step.
            protocol.write(b".\r\n")
            await _reply(protocol)
    else:
        replies = [await client.execute_command(mail)]
        if replies[0].code == 250:
            replies.append(await client.execute_command(b"RCPT TO:" + rcpt_to))
            if replies[1].code in (250, 251):
                replies.append(await client.execute_command(b"DATA"))
    if replies[0].code != 250:
        raise aiosmtplib.SMTPSenderRefused(replies[0].code, replies[0].message,
                                           mail_from.decode())
    if replies[1].code not in (250, 251):
        raise aiosmtplib.SMTPRecipientRefused(replies[1].code, replies[1].message,
                                              rcpt_to.decode())
    if replies[2].code != 354:
        raise aiosmtplib.SMTPDataError(replies[2].code, replies[2].message)
    protocol.write(payload)
    reply = await _reply(protocol)
    if reply.code != 250:
        raise aiosmtplib.SMTPDataError(reply.code, reply.message)


async def _reply(protocol: SMTPProtocol) -> SMTPResponse:
    """The next reply: one that came in the same packet as the one before (three pipelined
    replies often arrive together, and aiosmtplib's protocol hands over only the first of what
    it receives, keeping the rest in its buffer), else the next to arrive."""
    reply = protocol._read_response_from_buffer()
    if reply is not None:
        return reply
    return await protocol.read_response()


class Mailer:
    """A bounded pool of SMTP connections; ``send`` borrows one for one message."""

    def __init__(self, settings: SmtpSettings, host: str, port: int) -> None:
        self.settings = settings
        self.host = host
        self.port = port
        self._idle: asyncio.LifoQueue[aiosmtplib.SMTP] = asyncio.LifoQueue()
        self._slots = asyncio.Semaphore(settings.connections)

    @property
    def concurrency(self) -> int:
        return self.settings.connections

    async def _connect(self) -> aiosmtplib.SMTP:
        s = self.settings
        client = aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            timeout=None,  # one deadline for the whole exchange instead (below)
            use_tls=s.security == "tls",
            start_tls=True if s.security == "starttls" else False,
            tls_context=ssl.create_default_context() if s.security != "none" else None,
        )
        try:
            async with asyncio.timeout(s.timeout):
                await client.connect()
                if s.username and s.password:
                    await client.login(s.username, s.password)
        except BaseException:
            client.close()
            raise
        return client

    async def send(self, sender: str, recipient: str, message: bytes) -> None:
        mail_from, rcpt_to = envelope_address(sender), envelope_address(recipient)
        async with self._slots:
            client: aiosmtplib.SMTP | None = None
            while not self._idle.empty():
                candidate = self._idle.get_nowait()
                if candidate.is_connected:
                    client = candidate
                    break
            reuse = client is not None
            try:
                if client is None:
                    client = await self._connect()
                try:
                    await self._transaction(client, mail_from, rcpt_to, message)
                except aiosmtplib.SMTPServerDisconnected:
                    if not reuse:
                        raise
                    # An idle connection the server closed: one fresh try.
                    client = await self._connect()
                    await self._transaction(client, mail_from, rcpt_to, message)
            except aiosmtplib.SMTPResponseException as exc:
                await _reset(client, self.settings.timeout)
                if client is not None and client.is_connected:
                    self._idle.put_nowait(client)
                raise _classify(exc.code, exc.message) from None
            except TimeoutError:
                if client is not None:
                    client.close()  # a reply may still come: the connection is not reused
                raise TransientError(f"TimeoutError: no reply within {self.settings.timeout} s"
                                     ) from None
            except (aiosmtplib.SMTPException, OSError) as exc:
                await _close(client)
                raise TransientError(f"{type(exc).__name__}: {exc}") from None
            self._idle.put_nowait(client)

    async def _transaction(self, client: aiosmtplib.SMTP, mail_from: bytes, rcpt_to: bytes,
                           message: bytes) -> None:
        """The transaction within ``smtp.timeout``: one deadline for its four replies rather than
        one timer each (aiosmtplib's per-reply time-out cost a tenth of a millisecond a
        message, bench/README.md)."""
        async with asyncio.timeout(self.settings.timeout):
            await transaction(client, mail_from, rcpt_to, message)

    async def close(self) -> None:
        while not self._idle.empty():
            await _close(self._idle.get_nowait())


def _classify(code: int, message: str) -> Exception:
    text = f"SMTP {code}: {message}"
    return PermanentError(text) if 500 <= code < 600 else TransientError(text)


async def _reset(client: aiosmtplib.SMTP | None, timeout: float) -> None:
    if client is not None and client.is_connected:
        try:
            async with asyncio.timeout(timeout):
                await client.rset()
        except (TimeoutError, aiosmtplib.SMTPException, OSError):
            client.close()


async def _close(client: aiosmtplib.SMTP | None, timeout: float = 5.0) -> None:
    if client is None:
        return
    try:
        if client.is_connected:
            async with asyncio.timeout(timeout):
                await client.quit()
    except (TimeoutError, aiosmtplib.SMTPException, OSError):
        client.close()
