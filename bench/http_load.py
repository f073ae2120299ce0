"""A second load generator, for what ``load.py`` does not send: any method and body, closed loop
(C connections, each sending its next request when the last answered) or open loop at a fixed
rate (``--rate R``: request i leaves at start + i/R, whatever the answers before it; its latency
counts from that planned instant, so a server that falls behind shows it in the percentiles
instead of slowing the generator down). A process of its own, like ``load.py``; one JSON line on
stdout::

    {"connections": 16, "duration": 10.0, "requests": 4321, "status": {"200": 4321},
     "errors": 0, "throughput": 432.1, "p50_ms": 30.1, "p95_ms": 50.2, "p99_ms": 70.3}

Bodies: ``--bodies FILE`` (JSON lines, sent in turn, cycling), ``--press`` (a unique press
application each time, as ``load.py`` sends), or none (a GET).

    python bench/http_load.py --url http://127.0.0.1:8080/gcm/programme --connections 16
    python bench/http_load.py --url …/check-ins --method POST --bodies scans.jsonl --token T
    python bench/http_load.py --url …/accreditations --method POST --press --rate 50
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import secrets
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile
from bench.load import press_application


class Load:
    def __init__(self, url: str, method: str, bodies: Iterator[bytes | None],
                 token: str | None, connections: int, expect: int | None) -> None:
        self.url = url
        self.method = method
        self.bodies = bodies
        self.headers = {"Content-Type": "application/json", "Accept-Language": "fr"}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self.connections = connections
        self.expect = expect
        self.keep_alive = False
        self.measuring = False
        self.stopping = False
        self.latencies: list[float] = []
        self.status: Counter[str] = Counter()
        self.errors = 0
        self.unexpected = 0
        self.began = 0.0
        self.trace: list[tuple[float, float, int]] = []
        """(planned or sent instant after the start, latency, status) of every measured one."""

    async def one(self, http: aiohttp.ClientSession, planned: float | None = None) -> None:
        data = next(self.bodies)
        measured = self.measuring
        started = planned if planned is not None else time.perf_counter()
        try:
            async with http.request(self.method, self.url, data=data,
                                    headers=self.headers) as resp:
                await resp.read()
                status = resp.status
        except (TimeoutError, aiohttp.ClientError):
            if measured and self.measuring:
                self.errors += 1
            await asyncio.sleep(0.05)
            return
        elapsed = time.perf_counter() - started
        if measured and (self.measuring or planned is not None):
            self.latencies.append(elapsed)
            self.trace.append((started - self.began, elapsed, status))
            self.status[str(status)] += 1
            if self.expect is not None and status != self.expect:
                self.unexpected += 1

    async def closed(self, http: aiohttp.ClientSession, warmup: float, duration: float) -> float:
        async def lane() -> None:
            while not self.stopping:
                await self.one(http)

        tasks = [asyncio.create_task(lane()) for _ in range(self.connections)]
        await asyncio.sleep(warmup)
        self.measuring = True
        started = time.perf_counter()
        await asyncio.sleep(duration)
        self.measuring = False
        elapsed = time.perf_counter() - started
        self.stopping = True
        await _finish(tasks)
        return elapsed

    async def open(self, http: aiohttp.ClientSession, warmup: float, duration: float,
                   rate: float) -> float:
        """Requests leave at a fixed rate; those planned inside the measured window count, even
        when they answer after it."""
        tasks: list[asyncio.Task[None]] = []
        begin = time.perf_counter()
        for i in itertools.count():
            planned = begin + i / rate
            if planned - begin >= warmup + duration:
                break
            delay = planned - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            self.measuring = planned - begin >= warmup
            tasks.append(asyncio.create_task(self.one(http, planned)))
        self.measuring = False
        done, pending = await asyncio.wait(tasks, timeout=60)
        for t in pending:
            t.cancel()
        return duration

    async def run(self, warmup: float, duration: float, rate: float | None) -> dict[str, Any]:
        # Open loop stands for many clients, each with a connection of its own (so the kernel
        # spreads them over the serving processes): one connection per request, unless
        # ``keep_alive`` (a reverse proxy keeping its connections to the service open).
        connector = aiohttp.TCPConnector(limit=self.connections,
                                         force_close=bool(rate) and not self.keep_alive)
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            self.began = time.perf_counter()
            if rate:
                elapsed = await self.open(http, warmup, duration, rate)
            else:
                elapsed = await self.closed(http, warmup, duration)
        lat = sorted(x * 1000 for x in self.latencies)
        return {
            "connections": self.connections,
            "rate": rate or "closed loop",
            "duration": round(elapsed, 3),
            "requests": len(lat),
            "status": dict(sorted(self.status.items())),
            "errors": self.errors,
            "unexpected": self.unexpected,
            "throughput": round(len(lat) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(percentile(lat, 50), 2),
            "p95_ms": round(percentile(lat, 95), 2),
            "p99_ms": round(percentile(lat, 99), 2),
            "max_ms": round(lat[-1], 2) if lat else 0.0,
            "cpu_s": round(time.process_time(), 3),  # the generator's own, start-up included
            "began": self.began,  # time.perf_counter(): CLOCK_MONOTONIC, as time.monotonic()
        }


async def _finish(tasks: list[asyncio.Task[None]]) -> None:
    done, pending = await asyncio.wait(tasks, timeout=30)
    for t in pending:
        t.cancel()
    for t in pending:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await t


def bodies_from(args: argparse.Namespace) -> Iterator[bytes | None]:
    if args.bodies:
        lines = [line.encode() for line in args.bodies.read_text().splitlines() if line.strip()]
        return itertools.cycle(lines)
    if args.press:
        prefix = secrets.token_hex(4)
        return (json.dumps(press_application(prefix, n)).encode() for n in itertools.count())
    return itertools.repeat(None)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--method", default="GET")
    p.add_argument("--bodies", type=Path, help="JSON lines, one body each, sent in turn")
    p.add_argument("--press", action="store_true", help="unique press applications as bodies")
    p.add_argument("--token", help="bearer token to send")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--rate", type=float, help="open loop: requests per second")
    p.add_argument("--duration", type=float, default=10.0, help="seconds measured")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    p.add_argument("--expect", type=int, help="the status every answer should have")
    p.add_argument("--keep-alive", action="store_true",
                   help="open loop: reuse connections (default: one connection a request)")
    p.add_argument("--trace", type=Path,
                   help="write 'seconds-after-start latency-seconds status' per measured request")
    args = p.parse_args(argv)
    load = Load(args.url, args.method.upper(), bodies_from(args), args.token, args.connections,
                args.expect)
    load.keep_alive = args.keep_alive
    result = asyncio.run(load.run(args.warmup, args.duration, args.rate))
    if args.trace:
        args.trace.write_text("".join(f"{t:.6f} {lat:.6f} {st}\n" for t, lat, st in load.trace))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
