"""Domain events of bearer tokens."""

from __future__ import annotations

from conference.outbox.events import Payload


class TokenRevoked(Payload):
    token_id: int
    role: str


EVENT_TYPES: dict[str, type[Payload]] = {"token.revoked": TokenRevoked}
