"""What other domains may read of the lifecycle, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from conference.conferences.models import Conference
from conference.lifecycle import repo
from conference.programme.domain import heads_of_delegation, protocol_config


async def delegation_heads(conn: asyncpg.Connection, conference: Conference,
                           delegation_id: UUID | None = None) -> dict[UUID, UUID]:
    """Each headed delegation's head (delegation id to accreditation id), by the one rule of
    the order of precedence (docs/protocol.md, "Heads of delegation"): the category minister
    first, then official; approved or still submitted; no host and nobody whose clearance was
    refused; among them the first in order of precedence. The portal and the console's
    delegations page name the head the precedence list names. ``delegation_id``: that
    delegation's alone (the portal reads its own, not the conference's every candidate)."""
    candidates = await repo.head_candidates(conn, conference.id, delegation_id)
    heads = heads_of_delegation(candidates, protocol_config(conference), conference.hosts)
    return {h.delegation_id: h.accreditation_id for h in heads if h.delegation_id is not None}
