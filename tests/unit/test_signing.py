from __future__ import annotations

import asyncio
import uuid

import asyncpg

from conference.signing import Signer, load_signer

KEY = b"k" * 32


def test_signed_reference_verifies_for_its_purpose_only() -> None:
    s = Signer(KEY)
    ref = s.sign("badge", "abc")
    assert s.verify("badge", ref) == "abc"
    assert s.verify("feed", ref) is None


def test_altered_or_forged_references_fail() -> None:
    s = Signer(KEY)
    ref = s.sign("badge", "abc")
    payload, tag = ref.split(".")
    assert s.verify("badge", f"abd.{tag}") is None
    flipped = tag[:-1] + ("B" if tag[-1] == "A" else "A")
    assert s.verify("badge", f"{payload}.{flipped}") is None
    assert s.verify("badge", payload) is None
    assert Signer(b"x" * 32).verify("badge", ref) is None


def test_bytes_round_trip() -> None:
    s = Signer(KEY)
    u = uuid.uuid4()
    assert s.verify_bytes("feed", s.sign_bytes("feed", u.bytes)) == u.bytes


async def test_concurrent_first_loads_agree_on_one_key(db_url: str) -> None:
    conns = [await asyncpg.connect(db_url) for _ in range(5)]
    try:
        signers = await asyncio.gather(*(load_signer(c) for c in conns))
        refs = {s.sign("x", "y") for s in signers}
        assert len(refs) == 1
    finally:
        for c in conns:
            await c.close()


def test_non_ascii_and_garbage_references_fail_quietly() -> None:
    s = Signer(KEY)
    for ref in ("s\x18ú.é", "é.é", ".", "a.", ".b", "x" * 600, "abc.\u00ff\u00ff"):
        assert s.verify("feed", ref) is None
        assert s.verify_bytes("feed", ref) is None
