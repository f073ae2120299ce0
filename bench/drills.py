"""Fault drills: each breaks one real part under load and ends with a count of what was lost and
what was sent twice.

1. smtp: the SMTP relay goes away for 60 s while 1,000 notices are going out;
2. kill: the only worker is SIGKILLed three times during a 5,000-invitation fan-out (a new one
   is started each time); duplicates may not exceed the deliveries it held in flight;
3. restart: PostgreSQL is stopped and started again under registration load: every 201 answered
   must be in the database, the outage answers 503 problem+json (never 500), and the service
   recovers by itself.

    python bench/drills.py [--only smtp,kill,restart] [--smtp-down 60] [--database-url URL]

The restart drill needs the embedded PostgreSQL (it stops and starts the server itself).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed  # noqa: E402
from bench.common import (  # noqa: E402
    Service,
    machine,
    postgres,
    service,
    smtp_counter,
    start_workers,
    stop_process,
    table,
)
from bench.load import press_application  # noqa: E402

# Short backoff and leases so that a drill ends in seconds after the fault ends; the mechanisms
# are the production ones, only their periods are shorter.
DRILL_WORKER = {
    "CONFERENCE_WORKER__BACKOFF_BASE_SECONDS": "0.5",
    "CONFERENCE_WORKER__BACKOFF_MAX_SECONDS": "5",
    "CONFERENCE_WORKER__LEASE_SECONDS": "5",
    "CONFERENCE_WORKER__POLL_SECONDS": "0.5",
    "CONFERENCE_WORKER__MAX_ATTEMPTS": "100",
}


@dataclass
class Driven:
    """What a registration load saw: statuses, the ids of every 201, and the 503s' media type."""

    statuses: Counter[str] = field(default_factory=Counter)
    created: list[str] = field(default_factory=list)
    created_at: list[float] = field(default_factory=list)
    bad_503: int = 0


async def drive(svc: Service, slug: str, run: str, *, connections: int, seconds: float,
                start_at: int = 0, total: int | None = None) -> Driven:
    """POST press applications from ``connections`` clients for ``seconds`` (or ``total``)."""
    out = Driven()
    counter = iter(range(start_at, 10**9))
    url = f"{svc.base_url}/api/v1/conferences/{slug}/accreditations"
    deadline = time.monotonic() + seconds
    timeout = aiohttp.ClientTimeout(total=30)

    async def client(session: aiohttp.ClientSession) -> None:
        while time.monotonic() < deadline:
            n = next(counter)
            if total is not None and n >= start_at + total:
                return
            try:
                async with session.post(url, json=press_application(run, n)) as resp:
                    body = await resp.read()
                    out.statuses[str(resp.status)] += 1
                    if resp.status == 201:
                        out.created.append(json.loads(body)["id"])
                        out.created_at.append(time.monotonic())
                    elif resp.status == 503:
                        if resp.content_type != "application/problem+json":
                            out.bad_503 += 1
            except (TimeoutError, aiohttp.ClientError):
                out.statuses["connection error"] += 1
                await asyncio.sleep(0.05)

    conn = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=conn, timeout=timeout) as session:
        await asyncio.gather(*(client(session) for _ in range(connections)))
    return out


async def mail_deliveries(db_url: str) -> int:
    conn = await asyncpg.connect(db_url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM delivery WHERE kind = 'mail'"))
    finally:
        await conn.close()


async def leased(db_url: str) -> set[str]:
    """The deliveries held in flight under a live lease (what a killed worker had taken)."""
    conn = await asyncpg.connect(db_url)
    try:
        rows = await conn.fetch(
            "SELECT id::text FROM delivery WHERE status = 'in_flight' AND locked_until > now()")
        return {r[0] for r in rows}
    finally:
        await conn.close()


def wait_all(smtp: Any, db_url: str, timeout: float) -> int:
    """Wait until every mail delivery the database holds has arrived (unique Message-IDs)."""
    deadline = time.monotonic() + timeout
    expected = asyncio.run(mail_deliveries(db_url))
    while time.monotonic() < deadline:
        expected = asyncio.run(mail_deliveries(db_url))
        if len(set(smtp.message_ids())) >= expected:
            break
        time.sleep(0.2)
    return expected


def outcome(name: str, expected: int, smtp: Any, **more: object) -> dict[str, object]:
    ids = smtp.message_ids()
    unique = len(set(ids))
    return {"drill": name, "expected": expected, "arrived": unique,
            "lost": expected - unique, "duplicated": len(ids) - unique, **more}


# -- 1. the SMTP relay down for a minute -----------------------------------------------------------


def drill_smtp(db_url: str | None, down: float, notices: int) -> dict[str, object]:
    with postgres(db_url) as db, smtp_counter() as smtp, \
            service(db.url, smtp_port=smtp.port, extra=DRILL_WORKER) as svc:
        status, body = svc.request("POST", "/api/v1/conferences",
                                   seed.conference_body("smtp-drill"))
        assert status == 201, body
        # Each press application sends two notices: the applicant's and the press office's.
        applications = notices // 2
        first = applications // 5
        asyncio.run(drive(svc, "smtp-drill", "s", connections=16, seconds=120, total=first))
        smtp.wait_for(first, 60)
        smtp.stop()
        down_at = time.monotonic()
        print(f"  smtp: relay down after {smtp.count()} notices; "
              f"{applications - first} more applications", flush=True)
        asyncio.run(drive(svc, "smtp-drill", "s", connections=16, seconds=120,
                          start_at=first, total=applications - first))
        time.sleep(max(0.0, down - (time.monotonic() - down_at)))
        smtp.start()
        up_at = time.monotonic()
        expected = wait_all(smtp, db.url, timeout=120)
        return outcome(f"SMTP down {down:.0f} s", expected, smtp,
                       **{"down s": round(up_at - down_at, 1),
                          "all in after up s": round(time.monotonic() - up_at, 1)})


# -- 2. the worker SIGKILLed three times during a fan-out ------------------------------------------


def drill_kill(db_url: str | None, invitations: int, kills: int) -> dict[str, object]:
    with postgres(db_url) as db, smtp_counter() as smtp, \
            service(db.url, smtp_port=smtp.port, worker=False, extra=DRILL_WORKER) as svc:
        workers = start_workers(db.url, 1, smtp_port=smtp.port, extra=DRILL_WORKER)
        plan = seed.seed(svc, invitations // 4)
        seed.wait_drained(db.url)  # the attendees' own notices first: only invitations below
        base = smtp.count()
        seed.publish(svc, plan.slug)
        held_by_victims: set[str] = set()
        for k in range(1, kills + 1):
            # off the batch boundaries (batches of 100), so the kill lands mid-batch
            smtp.wait_for(base + invitations * k // (kills + 1) + 37 * k, 300)
            victim = workers.pop()
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
            held = asyncio.run(leased(db.url)) - held_by_victims
            held_by_victims |= held
            print(f"  kill {k}: after {smtp.count() - base} invitations, {len(held)} in flight",
                  flush=True)
            workers += start_workers(db.url, 1, smtp_port=smtp.port, extra=DRILL_WORKER)
        try:
            expected = wait_all(smtp, db.url, timeout=300)
        finally:
            for w in workers:
                stop_process(w)
        return outcome(f"worker SIGKILLed x{kills}", expected, smtp,
                       **{"in flight at kills": len(held_by_victims)})


# -- 3. PostgreSQL restarted under registration load -----------------------------------------------


def drill_restart(down: float, seconds: float, connections: int) -> dict[str, object]:
    with postgres(None) as db, service(db.url, extra=DRILL_WORKER) as svc:
        status, body = svc.request("POST", "/api/v1/conferences",
                                   seed.conference_body("restart-drill"))
        assert status == 201, body

        up_at = 0.0

        async def run() -> Driven:
            nonlocal up_at
            load = asyncio.create_task(drive(svc, "restart-drill", "r",
                                             connections=connections, seconds=seconds))
            await asyncio.sleep(seconds / 4)
            await asyncio.to_thread(db.stop)
            print(f"  restart: PostgreSQL stopped; up again in {down:.0f} s", flush=True)
            await asyncio.sleep(down)
            await asyncio.to_thread(db.start)
            up_at = time.monotonic()
            return await load

        driven = asyncio.run(run())

        async def check() -> tuple[int, int]:
            conn = await asyncpg.connect(db.url)
            try:
                found = await conn.fetchval(
                    "SELECT count(*) FROM accreditation WHERE id = ANY($1::uuid[])",
                    driven.created)
                return len(driven.created), int(found)
            finally:
                await conn.close()

        answered, stored = asyncio.run(check())
        after = [t for t in driven.created_at if t >= up_at]
        recovered = min(after) - up_at if after else None
        print("  restart: statuses " + ", ".join(f"{k}: {v}" for k, v in
                                                 sorted(driven.statuses.items())), flush=True)
        return {"drill": "PostgreSQL restart", "expected": answered, "arrived": stored,
                "lost": answered - stored, "duplicated": 0,
                "503": driven.statuses["503"], "500": driven.statuses["500"],
                "503 not problem+json": driven.bad_503,
                "first 201 s after restart": round(recovered, 2) if recovered is not None else "-"}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default="smtp,kill,restart")
    p.add_argument("--database-url", help="a PostgreSQL server to use (not for 'restart')")
    p.add_argument("--smtp-down", type=float, default=60.0, help="seconds the relay is away")
    p.add_argument("--notices", type=int, default=1000)
    p.add_argument("--invitations", type=int, default=5000)
    p.add_argument("--kills", type=int, default=3)
    p.add_argument("--pg-down", type=float, default=5.0, help="seconds PostgreSQL is away")
    p.add_argument("--load-seconds", type=float, default=30.0)
    args = p.parse_args()
    print(machine(), flush=True)
    rows: list[dict[str, object]] = []
    wanted = args.only.split(",")
    if "smtp" in wanted:
        rows.append(drill_smtp(args.database_url, args.smtp_down, args.notices))
    if "kill" in wanted:
        rows.append(drill_kill(args.database_url, args.invitations, args.kills))
    if "restart" in wanted:
        rows.append(drill_restart(args.pg_down, args.load_seconds, 64))
    common = ["drill", "expected", "arrived", "lost", "duplicated"]
    print(table([{k: r[k] for k in common} for r in rows]))
    for r in rows:
        extra = {k: v for k, v in r.items() if k not in common[1:]}
        print(table([extra]))
    failed = [r["drill"] for r in rows if r["lost"] != 0
              or int(str(r["duplicated"])) > int(str(r.get("in flight at kills", 0)))
              or r.get("500", 0) != 0 or r.get("503 not problem+json", 0) != 0]
    if failed:
        print("FAILED: " + ", ".join(map(str, failed)))
    return 1 if failed else 0

if __name__ == "__main__":
    raise SystemExit(main())
