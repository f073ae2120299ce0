"""Import of a large members spreadsheet (docs/lifecycle.md), timed, with its peak memory.

Makes a conference with 200 country delegations in a fresh database, writes an XLSX of
``--rows`` members (openpyxl), and runs the import use-case three times in this process: the dry
run, the real run, and the real run again (every row unchanged). Prints the wall time of each
(untraced), then the peak of Python memory (tracemalloc, which slows what it traces) of a dry
run and of an unchanged real run, and the process's peak (ru_maxrss).

    .venv/bin/python bench/import_members.py --database-url postgresql://postgres@127.0.0.1/x \
        [--rows 10000]

The URL names the server; the benchmark creates and drops a ``bench_import_…`` database on it.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import resource
import time
import tracemalloc
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from openpyxl import Workbook

from conference.auth import Principal, Role
from conference.conferences.models import ConferenceIn, DelegationIn
from conference.conferences.repo import insert_conference, insert_delegation
from conference.db.migrate import migrate
from conference.db.pool import create_pool
from conference.lifecycle import service
from conference.lifecycle.models import ImportQuery
from conference.protocol.countries import country_codes
from conference.settings import DatabaseSettings
from tests.conftest import conference_body

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROTOCOL = Principal(token_id=0, role=Role.protocol)


def spreadsheet(rows: int, codes: list[str]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("members")
    sheet.append(["Courriel", "Prénom", "Family name", "Category", "Rang", "Function",
                  "Language", "Délégation"])
    for n in range(rows):
        code = codes[n % len(codes)]
        sheet.append([f"person{n}@example.org", f"Given{n}", f"Family{n}", "official",
                      "official", f"Adviser {n % 7}", "en" if n % 2 else "fr", code])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def measure(label: str, run: Any, trace: bool) -> Any:
    """Time a run; with ``trace``, its peak of Python allocations (tracemalloc slows it)."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = await run
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    if trace:
        tracemalloc.stop()
    print(f"| {label:<26} | {elapsed:8.2f} | {peak:8.1f} | {result.counts.create:6} "
          f"| {result.counts.unchanged:9} | {result.counts.error:5} |")
    return result


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + name))
    try:
        conn = await asyncpg.connect(url)
        try:
            await migrate(conn)
        finally:
            await conn.close()
        pool = await create_pool(url, DatabaseSettings())
        codes = sorted(country_codes())[:200]
        async with pool.acquire() as conn:
            conference = await insert_conference(
                conn, ConferenceIn.model_validate(conference_body("bench")))
            for code in codes:
                await insert_delegation(conn, conference.id, DelegationIn.model_validate({
                    "kind": "country", "country": code,
                    "focal_point": {"name": "FP", "email": f"fp-{code.lower()}@example.org"}}))
        started = time.perf_counter()
        data = spreadsheet(args.rows, codes)
        print(f"XLSX of {args.rows} rows: {len(data) / 2**20:.1f} MiB, written in "
              f"{time.perf_counter() - started:.2f} s\n")
        print("| run                        | seconds  | peak MiB | create | unchanged | error |")
        print("|----------------------------|----------|----------|--------|-----------|-------|")
        now = datetime.now(UTC)
        for label, dry, trace in (("dry run", True, False), ("real run", False, False),
                                  ("again (no change)", False, False),
                                  ("dry run, traced", True, True),
                                  ("again, traced", False, True)):
            await measure(label, service.import_members(
                pool, "bench", data, XLSX, ImportQuery(dry_run=dry), PROTOCOL, now), trace)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nprocess peak RSS: {rss:.0f} MiB")
        await pool.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
