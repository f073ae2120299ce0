"""Signed, non-guessable references (calendar feed tokens, badge references, CSRF tokens).

A reference is ``<payload>.<tag>``: the tag is HMAC-SHA256 over a purpose and the payload, with
a 256-bit key kept in the database (``server_secret``) so every process shares it. Nothing per
reference is stored: a forged or altered reference fails ``verify`` (compared in constant time).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import asyncpg

from conference.db.sql import queries_beside

Q = queries_beside(__file__)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("the signing key needs at least 32 bytes")
        self._key = key

    def _tag(self, purpose: str, payload: str) -> str:
        mac = hmac.new(self._key, f"{purpose}\x00{payload}".encode(), hashlib.sha256)
        return _b64(mac.digest()[:20])

    def sign(self, purpose: str, payload: str) -> str:
        """``payload`` must not contain a dot."""
        if "." in payload:
            raise ValueError("payload must not contain '.'")
        return f"{payload}.{self._tag(purpose, payload)}"

    def verify(self, purpose: str, reference: str) -> str | None:
        """The payload of a genuine reference for ``purpose``, else None."""
        payload, sep, tag = reference.rpartition(".")
        if not sep or not payload or len(reference) > 512 or not reference.isascii():
            return None
        if not hmac.compare_digest(tag.encode(), self._tag(purpose, payload).encode()):
            return None
        return payload

    def sign_caseless(self, purpose: str, data: bytes) -> str:
        """A reference that survives case folding (the local part of an email address, which
        relays may lowercase): lowercase base32 payload and an 80-bit tag, joined by ``-``."""
        payload = base64.b32encode(data).decode().rstrip("=").lower()
        mac = hmac.new(self._key, f"{purpose}\x00{payload}".encode(), hashlib.sha256)
        return f"{payload}-{base64.b32encode(mac.digest()[:10]).decode().lower()}"

    def verify_caseless(self, purpose: str, reference: str) -> bytes | None:
        """The data of a genuine ``sign_caseless`` reference (any case), else None."""
        payload, sep, tag = reference.lower().rpartition("-")
        if not sep or not payload or len(reference) > 200 or not reference.isascii():
            return None
        mac = hmac.new(self._key, f"{purpose}\x00{payload}".encode(), hashlib.sha256)
        expected = base64.b32encode(mac.digest()[:10]).decode().lower()
        if not hmac.compare_digest(tag.encode(), expected.encode()):
            return None
        try:
            return base64.b32decode(payload.upper() + "=" * (-len(payload) % 8))
        except ValueError:
            return None

    def sign_bytes(self, purpose: str, data: bytes) -> str:
        return self.sign(purpose, _b64(data))

    def verify_bytes(self, purpose: str, reference: str) -> bytes | None:
        payload = self.verify(purpose, reference)
        if payload is None:
            return None
        try:
            return _unb64(payload)
        except ValueError:
            return None


async def load_signer(conn: asyncpg.Connection | asyncpg.Pool, name: str = "signing") -> Signer:
    """The shared key, created on first use (concurrent first uses agree on one key)."""
    key = await conn.fetchval(
        *Q.bind("create_secret", secret_name=name, secret=secrets.token_bytes(32)))
    if key is None:
        key = await conn.fetchval(*Q.bind("secret_by_name", secret_name=name))
    return Signer(bytes(key))
