"""PostgreSQL's share of a message: the CPU of the backend that claims and marks deliveries,
per row, as the worker does it (``claim_deliveries`` then ``mark_sent`` in groups), on the
service's own schema and statements; and the same with variants of the ``delivery`` table
tried against it, interleaved so that the machine's drift falls on all of them.

    python bench/delivery_sql.py [--rows 20000] [--batch 100] [--group 32] [--rounds 3]
                                 [--database-url URL]

Variants (each on fresh rows, each statement in its own transaction as in the worker, the
schema put back afterwards, so that the next variant starts from the service's own):

- ``service``: the schema and statements as they are;
- ``generic plan``: the claim planned once (``plan_cache_mode = force_generic_plan``);
- ``by_status partial``: the index ``delivery_by_status`` only on unsent rows, so that a mark
  adds no entry to it;
- ``dedupe_key "C"``: the unique ``dedupe_key`` compared bytewise (``COLLATE "C"``).

The CPU is read from ``/proc`` for the one backend (10 ms ticks, summed over the run).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from bench.common import cli, machine, postgres, table
from conference.db.sql import queries_beside

OUTBOX = Path(__file__).resolve().parent.parent / "conference" / "outbox" / "queries.sql"
Q = queries_beside(str(OUTBOX))

# Each variant: the statements that make it, and those that undo it afterwards.
VARIANTS: dict[str, tuple[list[str], list[str]]] = {
    "service": ([], []),
    "generic plan": (["SET plan_cache_mode = force_generic_plan"], []),
    "by_status partial": (
        ["DROP INDEX delivery_by_status",
         "CREATE INDEX delivery_by_status ON delivery (status, seq) WHERE status <> 'sent'"],
        ["DROP INDEX delivery_by_status",
         "CREATE INDEX delivery_by_status ON delivery (status, seq)"]),
    'dedupe_key "C"': (
        ['ALTER TABLE delivery ALTER COLUMN dedupe_key TYPE text COLLATE "C"'],
        ['ALTER TABLE delivery ALTER COLUMN dedupe_key TYPE text COLLATE "default"']),
}

FILL = """
INSERT INTO delivery (id, template, dedupe_key, recipient, sender, subject, message_id,
                      renderer, render_context, render_args)
SELECT gen_random_uuid(), 'invitation',
       'invitation:' || gen_random_uuid() || ':' || gen_random_uuid() || ':1',
       'person' || i || '@example.org', 'protocol@example.org', 'Invitation', '<m' || i || '>',
       'invitation', $2, jsonb_build_object('given_name', 'Given ' || i)
FROM generate_series(1, $1) i
"""


def backend_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def one(url: str, variant: str, rows: int, batch: int, group: int) -> dict[str, object]:
    conn = await asyncpg.connect(url)
    try:
        make, undo = VARIANTS[variant]
        for statement in make:
            await conn.execute(statement)
        await conn.execute(FILL, rows, uuid.uuid4())
        await conn.execute("ANALYZE delivery")
        pid = await conn.fetchval("SELECT pg_backend_pid()")
        claim = mark = 0.0
        done = 0
        started = time.perf_counter()
        while done < rows:
            a = backend_cpu(pid)
            claimed = await conn.fetch(Q["claim_deliveries"], batch, 60)
            b = backend_cpu(pid)
            if not claimed:
                break
            ids = [r["id"] for r in claimed]
            for i in range(0, len(ids), group):
                await conn.execute(Q["mark_sent"], ids[i:i + group])
            claim += b - a
            mark += backend_cpu(pid) - b
            done += len(claimed)
        wall = time.perf_counter() - started
        await conn.execute("DELETE FROM delivery")
        for statement in undo:
            await conn.execute(statement)
        await conn.execute("VACUUM delivery")
    finally:
        await conn.close()
    return {"variant": variant, "rows": f"{done:,}",
            "claim CPU ms/row": f"{1000 * claim / done:.4f}",
            "mark CPU ms/row": f"{1000 * mark / done:.4f}",
            "both": f"{1000 * (claim + mark) / done:.4f}",
            "wall ms/row": f"{1000 * wall / done:.4f}"}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=20_000)
    p.add_argument("--batch", type=int, default=100, help="worker.batch_size (100)")
    p.add_argument("--group", type=int, default=32, help="the worker's MARK_GROUP (32)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--database-url", help="a PostgreSQL server (a bench_ database is created)")
    args = p.parse_args(argv)
    with postgres(args.database_url) as db:
        cli(db.url, "migrate")
        results = []
        for _ in range(args.rounds):
            for variant in VARIANTS:
                results.append(asyncio.run(one(db.url, variant, args.rows, args.batch,
                                               args.group)))
    print(table(results))
    print(machine())
    return 0


if __name__ == "__main__":
    sys.exit(main())
