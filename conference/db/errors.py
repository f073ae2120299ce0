"""Which database errors mean "unavailable for now" (answer 503, retry later) rather than a bug."""

from __future__ import annotations

import asyncio

import asyncpg

# SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention
# (admin shutdown, cannot connect now); 3D000: the database does not exist (dropped or not yet
# created). asyncpg raises InternalClientError when the server goes away in the middle of its
# protocol exchange (seen during a PostgreSQL restart under load): unavailable too, not a bug here.
_UNAVAILABLE_CLASSES = ("08", "53", "57")


def is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, (OSError, asyncio.TimeoutError, asyncpg.InterfaceError,
                        asyncpg.InternalClientError, asyncpg.PostgresConnectionError)):
        return True
    state = getattr(exc, "sqlstate", None)
    return isinstance(state, str) and (state[:2] in _UNAVAILABLE_CLASSES or state == "3D000")
