"""How webhook deliveries are signed, and how a receiver verifies them.

Each POST carries ``X-Conference-Signature: t=<unix seconds>,v1=<hex>`` where the hex is
HMAC-SHA256 over ``"<t>." + body`` with the webhook's secret. A receiver checks it like this
(and refuses a ``t`` too far from its clock, to stop replays)::

    import hashlib, hmac, time

    def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
        fields = dict(part.split("=", 1) for part in header.split(","))
        t, given = fields.get("t", ""), fields.get("v1", "")
        if not t.isdigit() or abs(time.time() - int(t)) > tolerance:
            return False
        expected = hmac.new(secret.encode(), t.encode() + b"." + body,
                            hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, given)
"""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "X-Conference-Signature"


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    t = str(int(time.time()) if timestamp is None else timestamp)
    mac = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def verify(secret: str, header: str, body: bytes, tolerance: int = 300,
           now: float | None = None) -> bool:
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
    except ValueError:
        return False
    t, given = fields.get("t", ""), fields.get("v1", "")
    current = time.time() if now is None else now
    if not t.isdigit() or abs(current - int(t)) > tolerance:
        return False
    expected = hmac.new(secret.encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)
