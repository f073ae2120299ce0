"""The migration runner: in order, once each, under an advisory lock, refusing edited files."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import pytest

from conference.db.migrate import MigrationError, discover, migrate


def _write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(exist_ok=True)
    for name, sql in files.items():
        (directory / name).write_text(sql)
    return directory


async def test_applies_in_order_once_each(db: asyncpg.Connection, tmp_path: Path) -> None:
    d = _write(tmp_path / "m", {
        "0002_more.sql": "INSERT INTO t VALUES (2);",
        "0001_table.sql": "CREATE TABLE t (n int); INSERT INTO t VALUES (1);",
    })
    await db.execute("DROP TABLE IF EXISTS schema_migration")
    assert await migrate(db, d) == ["0001_table.sql", "0002_more.sql"]
    assert await migrate(db, d) == []
    assert [r["n"] for r in await db.fetch("SELECT n FROM t ORDER BY n")] == [1, 2]


async def test_edited_applied_migration_is_refused(db: asyncpg.Connection, tmp_path: Path) -> None:
    await db.execute("DROP TABLE IF EXISTS schema_migration")
    d = _write(tmp_path / "m", {"0001_table.sql": "CREATE TABLE t (n int);"})
    await migrate(db, d)
    (d / "0001_table.sql").write_text("CREATE TABLE t (n bigint);")
    with pytest.raises(MigrationError, match="0001_table.sql was edited"):
        await migrate(db, d)


async def test_failed_migration_leaves_nothing_behind(
    db: asyncpg.Connection, tmp_path: Path
) -> None:
    await db.execute("DROP TABLE IF EXISTS schema_migration")
    d = _write(tmp_path / "m", {"0001_ok.sql": "CREATE TABLE a (n int);",
                                "0002_bad.sql": "CREATE TABLE b (n int); SELECT 1/0;"})
    with pytest.raises(asyncpg.DivisionByZeroError):
        await migrate(db, d)
    assert await db.fetchval("SELECT to_regclass('b')") is None
    assert [r["name"] for r in await db.fetch("SELECT name FROM schema_migration")] == [
        "0001_ok.sql"]


async def test_concurrent_runners_apply_each_file_once(
    db_url: str, tmp_path: Path
) -> None:
    d = _write(tmp_path / "m", {
        "0001_t.sql": "CREATE TABLE t (n int); INSERT INTO t VALUES (1);",
        "0002_sleep.sql": "SELECT pg_sleep(0.3); INSERT INTO t VALUES (2);",
    })
    conns = [await asyncpg.connect(db_url) for _ in range(4)]
    try:
        await conns[0].execute("DROP TABLE IF EXISTS schema_migration")
        results = await asyncio.gather(*(migrate(c, d) for c in conns))
        assert sorted(len(r) for r in results) == [0, 0, 0, 2]
        assert await conns[0].fetchval("SELECT count(*) FROM t") == 2
    finally:
        for c in conns:
            await c.close()


def test_badly_named_file_is_refused(tmp_path: Path) -> None:
    d = _write(tmp_path / "m", {"1_create.sql": "SELECT 1;"})
    with pytest.raises(MigrationError, match="NNNN_name.sql"):
        discover(d)


def test_project_migrations_are_well_formed() -> None:
    names = [m.name for m in discover()]
    assert names[0] == "0001_foundation.sql"
    assert names == sorted(names)
