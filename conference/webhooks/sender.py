"""Sends webhook deliveries: a signed POST of the event (see ``conference.webhooks.signing``).

2xx: delivered. 408, 425, 429, 5xx, a refused connection or a time-out: try again later (the
outbox's backoff). Any other 4xx: the endpoint refuses it, for good.
"""

from __future__ import annotations

from uuid import UUID

import aiohttp
import asyncpg

from conference.db.sql import queries_beside
from conference.mail.sender import PermanentError, TransientError
from conference.webhooks.signing import HEADER, sign

RETRYABLE = {408, 425, 429}
Q = queries_beside(__file__)


class WebhookSender:
    def __init__(self, pool: asyncpg.Pool, timeout: float = 10.0) -> None:
        self.pool = pool
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def _secret(self, webhook_id: UUID) -> str:
        """The endpoint's secret, asked each time: a deleted endpoint gets nothing more (a
        retry of a delivery that was in flight when it was deleted fails for good)."""
        secret: str | None = await self.pool.fetchval(Q["live_webhook_secret"], webhook_id)
        if secret is None:
            raise PermanentError("cancelled: webhook deleted")
        return secret

    async def send(self, row: asyncpg.Record) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout))
        body: bytes = row["message"]
        headers = {
            "Content-Type": "application/json",
            HEADER: sign(await self._secret(row["webhook_id"]), body),
            "X-Conference-Event": row["template"],
            "X-Conference-Delivery": str(row["id"]),
            "User-Agent": "conference-webhooks/1",
        }
        try:
            async with self._session.post(row["recipient"], data=body, headers=headers,
                                          allow_redirects=False) as resp:
                status = resp.status
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise TransientError(f"{type(exc).__name__}") from None
        if 200 <= status < 300:
            return
        if status >= 500 or status in RETRYABLE:
            raise TransientError(f"HTTP {status}")
        raise PermanentError(f"HTTP {status}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
