"""The inbound SMTP endpoint (aiosmtpd) for calendar replies: each message is handed to the
``take_reply`` use-case once per recipient; nothing it receives can crash it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import asyncpg
from aiosmtpd.smtp import SMTP as SMTPServer

from conference.replies import service
from conference.replies.domain import Outcome
from conference.signing import Signer

log = logging.getLogger(__name__)


class ReplyHandler:
    def __init__(self, pool: asyncpg.Pool, signer: Signer, reply_domain: str, uid_domain: str,
                 clock: Callable[[], datetime]) -> None:
        self.pool, self.signer, self.clock = pool, signer, clock
        self.reply_domain, self.uid_domain = reply_domain, uid_domain

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if len(envelope.rcpt_tos) >= 10:
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        outcomes = []
        for recipient in envelope.rcpt_tos:
            try:
                outcomes.append(await service.take_reply(
                    self.pool, self.signer, recipient=recipient, raw=raw,
                    reply_domain=self.reply_domain, uid_domain=self.uid_domain,
                    now=self.clock()))
            except Exception as exc:  # the database away: the sender tries again later
                log.warning("calendar reply not taken: %s", type(exc).__name__)
                return "451 4.3.0 Try again later"
        if Outcome.accepted in outcomes:
            return "250 Reply recorded"
        return "550 5.7.1 Not a reply to an invitation of ours"


async def start_reply_endpoint(pool: asyncpg.Pool, signer: Signer, *, host: str, port: int,
                               reply_domain: str, uid_domain: str,
                               clock: Callable[[], datetime] | None = None) -> asyncio.Server:
    handler = ReplyHandler(pool, signer, reply_domain, uid_domain,
                           clock or (lambda: datetime.now(UTC)))
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: SMTPServer(handler, hostname="conference", data_size_limit=1_000_000,
                           enable_SMTPUTF8=True), host, port)
