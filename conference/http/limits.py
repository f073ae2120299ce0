"""Per-client rate limits on the public endpoints (press registration, token look-ups).

Token buckets kept in each process's memory, keyed by the client's address: enough to stop one
client from hammering the registration form or guessing tokens, with no shared state to run.
(Behind a reverse proxy set ``http.trust_forwarded`` so the client is read from
X-Forwarded-For.) Refusals are 429 problem+json with ``Retry-After``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from aiohttp import web

from conference.errors import Refusal


class TooManyRequests(Refusal):
    status, slug, title = 429, "too-many-requests", "Too many requests"


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, _Bucket] = {}
        self._now = time.monotonic

    def take(self, key: str) -> float:
        """Take one token for ``key``: 0.0 when allowed, else the seconds to wait."""
        now = self._now()
        b = self._buckets.get(key)
        if b is None:
            if len(self._buckets) > 50_000:
                self._forget_full(now)
            b = self._buckets[key] = _Bucket(self.burst, now)
        b.tokens = min(self.burst, b.tokens + (now - b.at) * self.rate)
        b.at = now
        if b.tokens >= 1.0:
            b.tokens -= 1.0
            return 0.0
        return (1.0 - b.tokens) / self.rate if self.rate > 0 else 60.0

    def _forget_full(self, now: float) -> None:
        for key in [k for k, b in self._buckets.items()
                    if b.tokens + (now - b.at) * self.rate >= self.burst]:
            del self._buckets[key]


def client_key(request: web.Request, trust_forwarded: bool) -> str:
    if trust_forwarded:
        forwarded = request.headers.get("X-Forwarded-For")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.remote or "unknown"


@dataclass
class Limits:
    registration: RateLimiter | None
    token_lookup: RateLimiter | None
    trust_forwarded: bool


limits_key = web.AppKey("limits", Limits)


def make_limits(registrations_per_minute: float, registration_burst: int,
                token_lookups_per_minute: float, token_lookup_burst: int,
                trust_forwarded: bool) -> Limits:
    return Limits(
        RateLimiter(registrations_per_minute, registration_burst)
        if registrations_per_minute > 0 else None,
        RateLimiter(token_lookups_per_minute, token_lookup_burst)
        if token_lookups_per_minute > 0 else None,
        trust_forwarded,
    )


def limit_registration(request: web.Request) -> None:
    limits = request.app[limits_key]
    check(limits.registration, client_key(request, limits.trust_forwarded), "registrations")


def limit_token_failure(request: web.Request) -> None:
    """Call when a presented token is unknown: guessing is throttled per client."""
    limits = request.app[limits_key]
    check(limits.token_lookup, client_key(request, limits.trust_forwarded), "unknown tokens")


def check(limiter: RateLimiter | None, key: str, what: str) -> None:
    if limiter is None:
        return
    wait = limiter.take(key)
    if wait > 0:
        raise TooManyRequests(f"Too many {what} from this client; try again later.",
                              retry_after=max(1, math.ceil(wait)))
