"""Webhook use-cases: register an endpoint (https, never an internal address unless
``webhooks.allow_private``), list, delete (its queued deliveries are cancelled)."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import socket
from datetime import datetime
from urllib.parse import urlsplit
from uuid import UUID

import asyncpg

from conference.errors import Invalid, NotFound
from conference.webhooks import domain, repo
from conference.webhooks.models import Webhook, WebhookCreated, WebhookIn


def _invalid(message: str) -> Invalid:
    return Invalid("Some fields are invalid.",
                   [{"field": "url", "message": message, "type": "webhook_url"}])


async def check_url(url: str, *, allow_private: bool) -> None:
    """422 (field ``url``) for an endpoint inside the service's own networks. A name is resolved
    now; one that does not resolve yet is accepted (its deliveries fail and retry)."""
    parts = urlsplit(url)
    if parts.scheme != "https" and not allow_private:
        raise _invalid("must use https")
    host = parts.hostname or ""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = []
        with contextlib.suppress(OSError, UnicodeError):
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, parts.port or 443, type=socket.SOCK_STREAM)
            addresses = sorted({str(info[4][0]) for info in infos})
    if allow_private:
        return
    for address in addresses:
        why = domain.refused_address(address)
        if why is not None:
            raise _invalid(f"must not reach {why}; set webhooks.allow_private to allow it")


async def create(conn: asyncpg.Connection, conference_id: UUID, body: WebhookIn,
                 *, allow_private: bool) -> WebhookCreated:
    await check_url(body.url, allow_private=allow_private)
    secret = body.secret or secrets.token_urlsafe(32)
    hook = await repo.insert(conn, conference_id, body.url, body.event_types, secret)
    return WebhookCreated(**hook.model_dump(), secret=secret)


async def list_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Webhook]:
    return await repo.list_of(conn, conference_id)


async def delete(conn: asyncpg.Connection, conference_id: UUID, webhook_id: UUID,
                 now: datetime) -> int:
    """Delete the endpoint and cancel its queued deliveries; how many were cancelled."""
    async with conn.transaction():
        if not await repo.mark_deleted(conn, conference_id, webhook_id, now):
            raise NotFound("No such webhook.")
        return await repo.cancel_queued(conn, webhook_id)
