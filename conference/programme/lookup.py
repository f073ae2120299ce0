"""What other domains may read of the programme, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.programme.repo import host_genders, personal_sessions, programme

__all__ = ["host_genders", "personal_sessions", "programme"]
