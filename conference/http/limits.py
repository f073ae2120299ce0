"""Per-client rate limits on the public endpoints (press registration, token look-ups).

Token buckets kept in each process's memory, keyed by the client's address: enough to stop one
client from hammering the registration form or guessing tokens, with no shared state to run.
Behind reverse proxies set ``http.trusted_proxies`` (how many, or their networks): the client is
then the rightmost address of X-Forwarded-For that is not a trusted proxy, the one hop no client
can choose. An applicant's access token lifts no limit: only organisers and focal points file
without one. Refusals are 429 problem+json with ``Retry-After``.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiohttp import web

from conference.auth import Role
from conference.errors import Refusal
from conference.http.context import principal


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


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class TrustedProxies:
    """The reverse proxies in front of the service: a count of hops, or their networks."""

    count: int = 0
    networks: tuple[Network, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, value: int | Sequence[str]) -> TrustedProxies:
        if isinstance(value, int):
            return cls(count=value)
        return cls(networks=tuple(ipaddress.ip_network(v, strict=False) for v in value))

    def trusts(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.networks)

    @property
    def any(self) -> bool:
        return self.count > 0 or bool(self.networks)


def client_key(request: web.Request, proxies: TrustedProxies) -> str:
    """The client's address: the peer, or behind trusted proxies the rightmost hop of
    X-Forwarded-For that no trusted proxy added (entries to its left are the client's say)."""
    peer = request.remote or "unknown"
    if not proxies.any:
        return peer
    hops = [h.strip() for v in request.headers.getall("X-Forwarded-For", [])
            for h in v.split(",") if h.strip()]
    if proxies.count:
        # The peer is the last proxy; each proxy appends the address it received from, so the
        # client is the count-th entry from the right.
        if len(hops) >= proxies.count:
            return hops[-proxies.count]
        return hops[0] if hops else peer
    if not proxies.trusts(peer):
        return peer
    for hop in reversed(hops):
        if not proxies.trusts(hop):
            return hop
    return hops[0] if hops else peer


@dataclass
class Limits:
    registration: RateLimiter | None
    token_lookup: RateLimiter | None
    proxies: TrustedProxies


limits_key = web.AppKey("limits", Limits)


def make_limits(registrations_per_minute: float, registration_burst: int,
                token_lookups_per_minute: float, token_lookup_burst: int,
                proxies: TrustedProxies) -> Limits:
    return Limits(
        RateLimiter(registrations_per_minute, registration_burst)
        if registrations_per_minute > 0 else None,
        RateLimiter(token_lookups_per_minute, token_lookup_burst)
        if token_lookups_per_minute > 0 else None,
        proxies,
    )


_LIFTED_BY = frozenset({Role.admin, Role.protocol, Role.press_office, Role.focal_point})


def limit_registration(request: web.Request) -> None:
    """The public registration limit, for anyone but organisers and focal points (an applicant's
    own access token lifts nothing)."""
    p = principal(request)
    if p is not None and p.role in _LIFTED_BY:
        return
    limits = request.app[limits_key]
    check(limits.registration, client_key(request, limits.proxies), "registrations")


def limit_token_failure(request: web.Request) -> None:
    """Call when a presented token is unknown: guessing is throttled per client."""
    limits = request.app[limits_key]
    check(limits.token_lookup, client_key(request, limits.proxies), "unknown tokens")


def check(limiter: RateLimiter | None, key: str, what: str) -> None:
    if limiter is None:
        return
    wait = limiter.take(key)
    if wait > 0:
        raise TooManyRequests(f"Too many {what} from this client; try again later.",
                              retry_after=max(1, math.ceil(wait)))
