"""The load generator: a process of its own, so that it never shares an event loop (or a core's
time slice accounting) with what it measures.

C coroutines, each on its own connection (a connector limited to C), POST a unique JSON body
(a per-process random prefix and a counter in the e-mail and the press card number) in a loop:
first for a warm-up that is not counted, then for D seconds. One JSON line on stdout::

    {"connections": 64, "duration": 10.0, "requests": 12345, "status": {"201": 12345},
     "errors": 0, "throughput": 1234.5, "p50_ms": 40.1, "p95_ms": 70.2, "p99_ms": 95.3}

``--kind service`` and ``--kind bare`` send the same body (a press application); ``--record
FILE`` writes, for every 201, one line "email id" (the drills check that every one of them is in
the database afterwards). ``--token`` adds an Authorization header.

    python bench/load.py --url http://127.0.0.1:8080/api/v1/conferences/x/accreditations \\
        --connections 64 --duration 10 --warmup 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import secrets
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import aiohttp

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile


def press_application(prefix: str, n: int) -> dict[str, Any]:
    """A valid press application, unique by ``prefix`` and ``n`` (e-mail and card number)."""
    return {
        "category": "press",
        "given_name": "Marie",
        "family_name": f"Dupont-{prefix}-{n}",
        "email": f"marie.{prefix}.{n}@example.org",
        "language": "fr",
        "press": {"outlet": "Le Soir", "press_card_number": f"BE-{prefix}-{n}",
                  "role": "journalist", "country": "BE"},
    }


class Load:
    def __init__(self, url: str, connections: int, token: str | None,
                 record: TextIO | None) -> None:
        self.url = url
        self.connections = connections
        self.headers = {"Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self.record = record
        self.prefix = secrets.token_hex(4)
        self.n = 0
        self.measuring = False
        self.stopping = False
        self.latencies: list[float] = []
        self.status: Counter[str] = Counter()
        self.errors = 0
        self.created = 0

    async def one(self, http: aiohttp.ClientSession) -> None:
        self.n += 1
        body = press_application(self.prefix, self.n)
        data = json.dumps(body).encode()
        measured = self.measuring
        started = time.perf_counter()
        try:
            async with http.post(self.url, data=data, headers=self.headers) as resp:
                raw = await resp.read()
                status = resp.status
        except (TimeoutError, aiohttp.ClientError):
            if measured and self.measuring:
                self.errors += 1
            await asyncio.sleep(0.05)
            return
        elapsed = time.perf_counter() - started
        if status == 201:
            self.created += 1
            if self.record is not None:
                try:
                    ident = json.loads(raw).get("id", "-")
                except ValueError:
                    ident = "-"
                self.record.write(f"{body['email']} {ident}\n")
        if measured and self.measuring:
            self.latencies.append(elapsed)
            self.status[str(status)] += 1

    async def loop(self, http: aiohttp.ClientSession) -> None:
        while not self.stopping:
            await self.one(http)

    async def run(self, warmup: float, duration: float) -> dict[str, Any]:
        connector = aiohttp.TCPConnector(limit=self.connections, force_close=False)
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            tasks = [asyncio.create_task(self.loop(http)) for _ in range(self.connections)]
            await asyncio.sleep(warmup)
            self.measuring = True
            started = time.perf_counter()
            await asyncio.sleep(duration)
            self.measuring = False
            elapsed = time.perf_counter() - started
            self.stopping = True
            done, pending = await asyncio.wait(tasks, timeout=30)
            for t in pending:
                t.cancel()
            for t in pending:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await t
        lat = sorted(x * 1000 for x in self.latencies)
        requests = len(lat)
        return {
            "connections": self.connections,
            "duration": round(elapsed, 3),
            "requests": requests,
            "status": dict(sorted(self.status.items())),
            "errors": self.errors,
            "created_total": self.created,
            "throughput": round(requests / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(percentile(lat, 50), 2),
            "p95_ms": round(percentile(lat, 95), 2),
            "p99_ms": round(percentile(lat, 99), 2),
        }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True, help="where to POST the applications")
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--duration", type=float, default=10.0, help="seconds measured")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    p.add_argument("--kind", choices=["service", "bare"], default="service",
                   help="what is loaded (both take the same press application body)")
    p.add_argument("--token", help="bearer token to send (anonymous by default)")
    p.add_argument("--record", type=Path, help="write 'email id' for every 201 to this file")
    args = p.parse_args(argv)
    with contextlib.ExitStack() as stack:
        record = stack.enter_context(args.record.open("a", buffering=1 << 16)) \
            if args.record else None
        load = Load(args.url, args.connections, args.token, record)
        result = asyncio.run(load.run(args.warmup, args.duration))
    result["kind"] = args.kind
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
