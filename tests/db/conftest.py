"""Fixtures of the database tests."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from conference.db.migrate import migrate, migrations_dir
from conference.db.pool import _init_connection
from tests.conftest import _with_db


@pytest.fixture
async def empty_db(admin_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A database of its own with no migration applied (a migration's test applies those
    before it, fills them, then applies the rest)."""
    name = f"conference_m_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    conn = await asyncpg.connect(_with_db(admin_url, name))
    await _init_connection(conn)
    try:
        yield conn
    finally:
        await conn.close()
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()


async def migrate_before(conn: asyncpg.Connection, tmp_path: Path, first: str) -> None:
    """Apply the migrations numbered before ``first`` (e.g. ``"0045"``), as a database was
    before that migration."""
    before = tmp_path / "before"
    before.mkdir()
    for f in migrations_dir().glob("*.sql"):
        if f.name < first:
            shutil.copy(f, before / f.name)
    await migrate(conn, before)
