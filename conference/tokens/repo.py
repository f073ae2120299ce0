"""Bearer tokens: SQL and row mapping."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from conference.db.sql import queries_beside
from conference.tokens.domain import TokenView

Q = queries_beside(__file__)


def _view(row: asyncpg.Record) -> TokenView:
    return TokenView(id=row["id"], role=row["role"], delegation_id=row["delegation_id"],
                     accreditation_id=row["accreditation_id"], created_at=row["created_at"],
                     expires_at=row["expires_at"], revoked_at=row["revoked_at"],
                     revoked_by=row["revoked_by"])


async def list_tokens(conn: asyncpg.Connection, *, applicants: bool) -> list[TokenView]:
    return [_view(r) for r in await conn.fetch(Q["list_tokens"], applicants)]


async def revoke(conn: asyncpg.Connection, token_id: int, at: datetime, by: str
                 ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(Q["revoke_token"], token_id, at, by)
    return row


async def exists(conn: asyncpg.Connection, token_id: int) -> bool:
    return await conn.fetchval(Q["token_exists"], token_id) is not None
