"""Check-ins at the doors and the public pages under load: the CPU each request costs the service
and PostgreSQL, the figures the capacity model (bench/README.md) needs besides a registration's
and an invitation's.

A conference seeded through the API (``--attendees`` approved officials, ``--sessions`` sessions
in one room, the programme published, a zone officials may enter), then, each for a warm-up and
``--duration`` seconds at ``--connections`` connections (``bench/http_load.py``, a process of
its own):

- ``POST /api/v1/conferences/{slug}/check-ins`` with a door token, each scan a genuine badge of
  an approved attendee (admitted: the whole decision, and the scan recorded);
- ``GET /{slug}/programme``, the published programme (HTML, French);
- ``GET /{slug}/press``, the press registration form (HTML, French).

The service runs without its in-process worker (``--no-worker``): nothing here sends mail.

    python bench/checkins.py [--attendees 500] [--connections 16] [--duration 10]
                             [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed
from bench.common import (
    ROOT,
    Database,
    cli,
    cpu_delta,
    cpu_seconds,
    database_cpu,
    machine,
    postgres,
    service,
    table,
)

BENCH = Path(__file__).resolve().parent
ZONE = "plenary"


def badge_references(db_url: str, accreditation_ids: list[str]) -> list[str]:
    """The text of each attendee's badge QR code, signed with the conference's own key (set-up
    only: the service prints the same text on the badge)."""
    import asyncpg

    from conference.badges.domain import badge_reference
    from conference.signing import load_signer

    async def run() -> list[str]:
        conn = await asyncpg.connect(db_url)
        try:
            signer = await load_signer(conn)
        finally:
            await conn.close()
        return [badge_reference(signer, uuid.UUID(a)) for a in accreditation_ids]

    return asyncio.run(run())


def run_load(db: Database, app_pid: int, url: str, connections: int, duration: float,
             warmup: float, *extra: str) -> dict[str, Any]:
    """One run of bench/http_load.py; its JSON line, plus the CPU per request of the service's
    processes and of PostgreSQL's (its backends; its background processes apart)."""
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "http_load.py"), "--url", url, "--connections",
         str(connections), "--duration", str(duration), "--warmup", str(warmup), *extra],
        stdout=subprocess.PIPE, text=True)
    time.sleep(warmup)
    app0, (pg0, bg0) = cpu_seconds(app_pid), database_cpu(db)
    out, _ = proc.communicate()
    app1, (pg1, bg1) = cpu_seconds(app_pid), database_cpu(db)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, out)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    n = result["requests"] or 1
    result["app_cpu_ms"] = round((app1 - app0) * 1000 / n, 3)
    result["pg_cpu_ms"] = round(cpu_delta(pg0, pg1) * 1000 / n, 3)
    result["pg_bg_cpu_ms"] = round(cpu_delta(bg0, bg1) * 1000 / n, 3)
    return result


def row(what: str, r: dict[str, Any]) -> dict[str, object]:
    return {"request": what, "connections": r["connections"], "req/s": float(r["throughput"]),
            "p50 ms": float(r["p50_ms"]), "p99 ms": float(r["p99_ms"]),
            "not expected": r["unexpected"] + r["errors"],
            "app CPU ms/req": float(r["app_cpu_ms"]),
            "PostgreSQL CPU ms/req": float(r["pg_cpu_ms"]),
            "PG background ms/req": float(r["pg_bg_cpu_ms"])}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--attendees", type=int, default=500)
    p.add_argument("--sessions", type=int, default=20,
                   help="sessions on the published programme (its page lists them all)")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--duration", type=float, default=10.0, help="seconds measured per request")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds before each measure")
    p.add_argument("--database-url", help="a PostgreSQL server (a bench_ database is created)")
    args = p.parse_args(argv)
    # the service imports this checkout's code, not another editable install of the package
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    started = time.monotonic()
    print(machine(), flush=True)
    rows: list[dict[str, object]] = []
    results: dict[str, Any] = {"machine": machine(), "runs": {}}
    with postgres(args.database_url) as db, service(db.url, worker=False) as svc:
        seeded = seed.seed(svc, args.attendees, sessions=args.sessions)
        seed.publish(svc, seeded.slug)
        status, body = svc.request("POST", f"/api/v1/conferences/{seeded.slug}/zones", {
            "code": ZONE, "name": {"fr": "Salle plénière", "en": "Plenary hall"},
            "kind": "standard", "grants": {"categories": ["official"], "sessions": [],
                                           "pools": []},
            # open from today: a door admits on the conference's days only (docs/credentials.md,
            # "Days of admission"), and the seeded conference is weeks ahead
            "opens_on": datetime.date.today().isoformat()})
        assert status == 201, body
        door = cli(db.url, "token", "create", "--role", "door")
        refs = badge_references(db.url, seeded.attendee_ids)
        print(f"  seeded {args.attendees} attendees in {seeded.seconds:.0f} s", flush=True)
        with tempfile.TemporaryDirectory(prefix="conference-checkins-") as tmp:
            scans = Path(tmp) / "scans.jsonl"
            scans.write_text("".join(json.dumps({"badge": r, "zone": ZONE}) + "\n"
                                     for r in refs))
            loads = [
                ("POST …/check-ins", f"/api/v1/conferences/{seeded.slug}/check-ins",
                 ("--method", "POST", "--bodies", str(scans), "--token", door,
                  "--expect", "200")),
                ("GET /{slug}/programme", f"/{seeded.slug}/programme", ("--expect", "200")),
                ("GET /{slug}/press", f"/{seeded.slug}/press", ("--expect", "200")),
            ]
            for what, path, extra in loads:
                r = run_load(db, svc.proc.pid, svc.base_url + path, args.connections,
                             args.duration, args.warmup, *extra)
                rows.append(row(what, r))
                results["runs"][what] = r
                print(f"  {what}: {r['throughput']} req/s, p99 {r['p99_ms']} ms, "
                      f"app {r['app_cpu_ms']} ms/req, PostgreSQL {r['pg_cpu_ms']} ms/req",
                      flush=True)
        admitted = _admitted(db.url)
    print()
    print(f"Check-ins and public pages ({args.attendees} attendees, {args.sessions} sessions, "
          f"{args.warmup:g} s warm-up "
          f"+ {args.duration:g} s each; {admitted:,} scans recorded as admitted)\n")
    print(table(rows))
    print(f"\n{machine()}; {time.monotonic() - started:.0f} s in all")
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    results["table"] = rows
    (out / "checkins.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


def _admitted(db_url: str) -> int:
    return int(seed._sql(db_url, "SELECT count(*) FROM check_in WHERE admitted"))


if __name__ == "__main__":
    sys.exit(main())
