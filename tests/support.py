"""Test support: a real SMTP server (aiosmtpd) that records what it receives and can be stopped,
made to answer 4xx or 5xx, and started again on the same port."""

from __future__ import annotations

import asyncio
import base64
import email
import email.policy
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.header import decode_header
from email.headerregistry import AddressHeader, HeaderRegistry
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP as SMTPServer

_ENCODED_WORD = r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?="
_ADJACENT_WORDS = re.compile(rf"{_ENCODED_WORD}(?:\s+{_ENCODED_WORD})+")


def _one_encoded_word(run: re.Match[str]) -> str:
    """Adjacent RFC 2047 encoded-words as one: the white space between them is no part of the
    text (RFC 2047, 6.2), as a long name folded over two lines is sent."""
    text = "".join(part.decode(charset or "ascii") if isinstance(part, bytes) else part
                   for part, charset in decode_header(run.group(0)))
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


class _JoinedWords:
    """An address header read as RFC 2047 says: Python 3.11's parser keeps the white space
    between adjacent encoded-words of a display name as a space (CPython gh-128110), so that
    "Müller-Lüdenscheidt" folded between two encoded-words read back as "Müller-Lüdensch
    eidt"; the words are joined first."""

    @classmethod
    def parse(cls, value: str, kwds: dict[str, Any]) -> None:
        super().parse(_ADJACENT_WORDS.sub(_one_encoded_word, value), kwds)  # type: ignore[misc]


def _registry() -> HeaderRegistry:
    registry = HeaderRegistry()
    for name, kind in list(registry.registry.items()):
        if issubclass(kind, AddressHeader):
            registry.map_to_type(name, type(kind.__name__, (_JoinedWords, kind), {}))
    return registry


POLICY = email.policy.default.clone(header_factory=_registry())
"""How the tests read a message received: the email package's modern policy (headers decoded
through its headerregistry: ``m["To"].addresses[0].display_name``), its address headers read
as RFC 2047 says (``_JoinedWords``)."""


class RecordingSMTP:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.reply: str | None = None  # e.g. "451 try later" or "550 no such user"
        self.mail_reply: str | None = None  # a refusal of MAIL FROM
        self.rcpt_reply: str | None = None  # a refusal of RCPT TO
        self.mail_options: list[list[str]] = []  # the ESMTP parameters of each MAIL FROM
        self.raw: list[bytes] = []  # each accepted message as it arrived (after the DATA's dots)
        self.hang = False  # accept DATA, never answer (a stalled relay)
        self.delay = 0.0  # seconds before answering DATA (a slow relay)
        # A reply chosen per message (e.g. "451 try later" for one letter): None accepts it.
        self.refuse_message: Callable[[EmailMessage], str | None] | None = None
        # Announce PIPELINING (RFC 2920) in the EHLO reply, as the relays in use do; and, for
        # each MAIL, whether the client had already sent its RCPT and DATA behind it.
        self.pipelining = True
        self.pipelined: list[bool] = []
        self.open_data_after_refusal = False  # a refused RCPT's DATA still answered 354
        self.port = 0
        self._server: asyncio.Server | None = None
        self._sessions: list[SMTPServer] = []
        self._arrived = asyncio.Condition()

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname
        if self.pipelining:
            responses.insert(1, "250-PIPELINING")
        return responses

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str,
                          mail_options: list[str]) -> str:
        # what the server has received and not read yet (aiosmtpd reads a line at a time)
        self.pipelined.append(b"\r\nDATA\r\n" in bytes(server._reader._buffer))
        if self.mail_reply:
            return self.mail_reply
        self.mail_options.append(list(mail_options))
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if self.rcpt_reply:
            if self.open_data_after_refusal:  # keeps it all the same: DATA will answer 354
                envelope.rcpt_tos.append(address)
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.hang:
            await asyncio.Event().wait()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.reply:
            return self.reply
        msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                       policy=POLICY)
        assert isinstance(msg, EmailMessage)
        if self.refuse_message and (refusal := self.refuse_message(msg)):
            return refusal
        async with self._arrived:
            self.raw.append(envelope.original_content or envelope.content)
            self.messages.append(msg)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self._arrived.notify_all()
        return "250 OK"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()

        def factory() -> SMTPServer:
            proto = SMTPServer(self, hostname="localhost", enable_SMTPUTF8=True)
            self._sessions.append(proto)
            return proto

        self._server = await loop.create_server(factory, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for proto in self._sessions:  # drop the open connections too, as a crash would
                if proto.transport is not None:
                    proto.transport.abort()
            self._sessions.clear()
            await self._server.wait_closed()
            self._server = None

    async def wait_for(
        self, count: int, timeout: float = 20.0,
        where: Callable[[EmailMessage], bool] = lambda m: True,
    ) -> list[EmailMessage]:
        """Wait until at least ``count`` messages matching ``where`` arrived; return them."""
        deadline = time.monotonic() + timeout
        async with self._arrived:
            while True:
                found = [m for m in self.messages if where(m)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} messages, {len(found)} arrived in {timeout}s: "
                        f"{[m['Subject'] for m in self.messages]}"
                    )
                try:
                    await asyncio.wait_for(self._arrived.wait(), remaining)
                except TimeoutError:
                    pass

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


def body_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


async def wait_ready(base: str, proc: asyncio.subprocess.Process | None = None,
                     timeout: float = 60.0) -> None:
    """Wait until ``base``/readyz answers 200 (a served process is up); fail if ``proc`` exits."""
    import aiohttp

    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if proc is not None and proc.returncode is not None:
                raise AssertionError(await proc.stderr.read() if proc.stderr else b"")
            try:
                async with http.get(f"{base}/readyz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{base} not ready after {timeout} s")



async def current_token(db_url: str, accreditation_id: str, timeout: float = 10.0) -> str:
    """A fresh access token of the applicant, once the letters of its events are written (each
    letter with a link replaces the token before it, the one the registration answered too)."""
    import uuid

    import asyncpg

    from conference.auth import Role, issue_token

    # No statement cache: the URL may be PgBouncer's, in transaction mode (.ci/pgbouncer).
    conn = await asyncpg.connect(db_url, statement_cache_size=0)
    try:
        deadline = time.monotonic() + timeout
        while await conn.fetchval(
                "SELECT count(*) FROM domain_event WHERE subject_id = $1"
                " AND dispatched_at IS NULL", accreditation_id):
            assert time.monotonic() < deadline, "the accreditation's events were not dispatched"
            await asyncio.sleep(0.05)
        return await issue_token(conn, Role.applicant,
                                 accreditation_id=uuid.UUID(accreditation_id))
    finally:
        await conn.close()


async def letter_token(smtp: RecordingSMTP, address: str, count: int = 1,
                       timeout: float = 10.0) -> str:
    """The private link's token in the ``count``-th letter with a link to ``address``."""
    import re

    letters = await smtp.wait_for(
        count, timeout, where=lambda m: address in str(m["To"]) and "/a/" in body_text(m))
    found = re.search(r"/a/([A-Za-z0-9_-]{40,})", body_text(letters[count - 1]))
    assert found is not None
    return found.group(1)


async def another_waits_for_a_lock(conn: Any, done: asyncio.Task[Any] | None = None) -> None:
    """Wait until a backend of ``conn``'s own database, other than ``conn``'s, waits for a lock
    (the server is shared with the other test processes, each with a database of its own: their
    waits must not answer), or until ``done`` has finished, having waited for nothing."""
    for _ in range(500):
        if done is not None and done.done():
            return
        if await conn.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                " AND datname = current_database() AND pid <> pg_backend_pid()"):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("no other transaction waited for the lock")


async def outbox_settled(conn: Any, timeout: float) -> None:
    """Wait until every domain event is dispatched and every delivery done (sent or failed)
    in ``conn``'s database; fail naming how many are pending after ``timeout`` seconds (a
    bound that says "stuck", not "slow")."""
    deadline = time.monotonic() + timeout
    pending = None
    while time.monotonic() < deadline:
        pending = await conn.fetchval(
            "SELECT (SELECT count(*) FROM domain_event WHERE dispatched_at IS NULL)"
            " + (SELECT count(*) FROM delivery WHERE status IN ('queued', 'retry', 'in_flight'))")
        if pending == 0:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"the outbox did not settle: {pending} events and deliveries pending"
                         f" after {timeout:g} s\n{await outbox_pending(conn)}")


async def outbox_pending(conn: Any) -> str:
    """What keeps the outbox from settling, said so that a time-out explains itself: each
    undispatched event (its consumers done, failed and stopped at, its attempts, last error and
    when it is due), each delivery not done (status, attempts, due time, lease, last error, and
    the older letter that holds it back, if any), and the database's other sessions that are
    in a transaction or waiting for a lock (what a stalled worker would be doing)."""
    lines: list[str] = []
    for e in await conn.fetch(
            "SELECT id, type, dispatch_attempts, dispatch_error, consumers_done,"
            " consumers_failed, consumer_cursors,"
            " round(extract(epoch FROM dispatch_after - now()), 1) AS due_in"
            " FROM domain_event WHERE dispatched_at IS NULL ORDER BY id LIMIT 20"):
        lines.append(f"event {e['id']} {e['type']}: attempts {e['dispatch_attempts']},"
                     f" error {e['dispatch_error']!r}, done {list(e['consumers_done'])},"
                     f" failed {list(e['consumers_failed'])}, cursors {e['consumer_cursors']},"
                     f" due in {e['due_in']} s")
    for d in await conn.fetch(
            "SELECT d.seq, d.event_id, d.template, d.status, d.attempts, d.lease_expiries,"
            " d.last_error, round(extract(epoch FROM d.next_attempt_at - now()), 1) AS due_in,"
            " round(extract(epoch FROM d.locked_until - now()), 1) AS lease_left,"
            " d.renderer IS NULL AS letter,"
            " (SELECT string_agg(l.seq || ' ' || l.status, ', ') FROM delivery l"
            "   WHERE l.accreditation_id = d.accreditation_id AND l.recipient = d.recipient"
            "     AND l.seq < d.seq AND l.renderer IS NULL"
            "     AND l.status IN ('queued', 'retry', 'in_flight')) AS behind"
            " FROM delivery d WHERE d.status IN ('queued', 'retry', 'in_flight')"
            " ORDER BY d.seq LIMIT 20"):
        lines.append(f"delivery {d['seq']} (event {d['event_id']}, {d['template']},"
                     f" {'letter' if d['letter'] else 'rendered at send'}): {d['status']},"
                     f" attempts {d['attempts']}, lease expiries {d['lease_expiries']},"
                     f" error {d['last_error']!r}, due in {d['due_in']} s,"
                     f" lease left {d['lease_left']} s, behind letters {d['behind']}")
    for s in await conn.fetch(
            "SELECT pid, state, wait_event_type, wait_event,"
            " round(extract(epoch FROM now() - xact_start), 1) AS in_xact,"
            " left(query, 120) AS query FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            "   AND (xact_start IS NOT NULL OR wait_event_type = 'Lock')"):
        lines.append(f"session {s['pid']}: {s['state']}, waiting {s['wait_event_type']}"
                     f" {s['wait_event']}, in transaction for {s['in_xact']} s: {s['query']!r}")
    return "\n".join(lines)


class Clock:
    """The service's clock (``start_api(..., clock=)``), moved by the test: ``clock.now = …``."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now if now is not None else datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now
