"""Sending through SMTP (aiosmtplib) over a few reused connections.

Failures are sorted for the outbox: ``TransientError`` (a 4xx reply, a refused or dropped
connection, a time-out: try again later) and ``PermanentError`` (a 5xx reply: never).
"""

from __future__ import annotations

import asyncio
import logging
import ssl

import aiosmtplib

from conference.settings import SmtpSettings

log = logging.getLogger(__name__)


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


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
            timeout=s.timeout,
            use_tls=s.security == "tls",
            start_tls=True if s.security == "starttls" else False,
            tls_context=ssl.create_default_context() if s.security != "none" else None,
        )
        await client.connect()
        if s.username and s.password:
            await client.login(s.username, s.password)
        return client

    async def send(self, sender: str, recipient: str, message: bytes) -> None:
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
                    await client.sendmail(sender, [recipient], message)
                except aiosmtplib.SMTPServerDisconnected:
                    if not reuse:
                        raise
                    # An idle connection the server closed: one fresh try.
                    client = await self._connect()
                    await client.sendmail(sender, [recipient], message)
            except aiosmtplib.SMTPRecipientsRefused as exc:
                await _close(client)
                codes = [r.code for r in exc.recipients]
                raise _classify(min(codes) if codes else 550, str(exc)) from None
            except aiosmtplib.SMTPResponseException as exc:
                await _reset(client)
                if client is not None and client.is_connected:
                    self._idle.put_nowait(client)
                raise _classify(exc.code, exc.message) from None
            except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
                await _close(client)
                raise TransientError(f"{type(exc).__name__}: {exc}") from None
            self._idle.put_nowait(client)

    async def close(self) -> None:
        while not self._idle.empty():
            await _close(self._idle.get_nowait())


def _classify(code: int, message: str) -> Exception:
    text = f"SMTP {code}: {message}"
    return PermanentError(text) if 500 <= code < 600 else TransientError(text)


async def _reset(client: aiosmtplib.SMTP | None) -> None:
    if client is not None and client.is_connected:
        try:
            await client.rset()
        except (aiosmtplib.SMTPException, OSError):
            await _close(client)


async def _close(client: aiosmtplib.SMTP | None) -> None:
    if client is None:
        return
    try:
        if client.is_connected:
            await client.quit()
    except (TimeoutError, aiosmtplib.SMTPException, OSError):
        client.close()
