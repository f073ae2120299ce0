"""Which database errors answer 503 (unavailable, retry) and which are bugs (500)."""

from __future__ import annotations

import asyncpg
import pytest

from conference.db.errors import is_unavailable


@pytest.mark.parametrize("exc", [
    ConnectionResetError("reset by peer"),
    TimeoutError(),
    asyncpg.InterfaceError("connection is closed"),
    asyncpg.InternalClientError("protocol error while the server went away"),
    asyncpg.ConnectionDoesNotExistError("closed in the middle of operation"),
    asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    asyncpg.CannotConnectNowError("the database system is starting up"),
    asyncpg.TooManyConnectionsError("sorry, too many clients already"),
    asyncpg.InvalidCatalogNameError('database "x" does not exist'),
])
def test_the_database_being_away_is_unavailable(exc: BaseException) -> None:
    assert is_unavailable(exc)


@pytest.mark.parametrize("exc", [
    asyncpg.UniqueViolationError("duplicate key"),
    asyncpg.UndefinedColumnError("column does not exist"),
    asyncpg.DataError("invalid input"),
    ValueError("a bug"),
])
def test_a_refused_or_wrong_statement_is_not(exc: BaseException) -> None:
    assert not is_unavailable(exc)
