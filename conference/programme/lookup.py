"""What other domains may read of the programme, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.programme.repo import personal_sessions, programme

__all__ = ["personal_sessions", "programme"]
