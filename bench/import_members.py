"""Import of a large members spreadsheet (docs/lifecycle.md), timed, with its peak memory.

Makes a conference with 200 country delegations in a fresh database, writes an XLSX of
``--rows`` members (openpyxl), and runs the import use-case three times in this process: the dry
run, the real run, and the real run again (every row unchanged). Prints the wall time of each
(untraced), then the peak of Python memory (tracemalloc, which slows what it traces) of a dry
run and of an unchanged real run, and the process's peak (ru_maxrss).

    .venv/bin/python bench/import_members.py [--database-url postgresql://postgres@127.0.0.1/x] \
        [--rows 10000]

A URL names a server, on which the benchmark creates and drops a ``bench_…`` database; without
one, it runs on an embedded PostgreSQL of its own (``bench/common.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import resource
import time
import tracemalloc
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook

from bench.common import postgres
from bench.inprocess import conference_with_delegations
from conference.auth import Principal, Role
from conference.lifecycle import service
from conference.lifecycle.models import ImportQuery

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


async def run(url: str, args: argparse.Namespace) -> None:
    async with conference_with_delegations(url, 200) as (pool, _, codes):
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", help="a PostgreSQL server (default: embedded)")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with postgres(args.database_url) as db:
        asyncio.run(run(db.url, args))


if __name__ == "__main__":
    main()
