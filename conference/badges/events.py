"""Domain events of zones and press pools, registered with the outbox at import.

- ``zone.created``, ``zone.grants_changed``: the zone and everything that grants it now;
- ``pool.created``, ``pool.member_added``, ``pool.member_removed``.

Check-in scans are not events: each is a row of ``check_in`` (there may be tens of thousands a
day, and nothing reacts to them).
"""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload, register


class ZoneDefined(Payload):
    zone_id: UUID
    code: str
    kind: str
    categories: list[str]
    sessions: list[UUID]
    pools: list[UUID]


class PoolCreated(Payload):
    pool_id: UUID


class PoolMemberEvent(Payload):
    pool_id: UUID
    accreditation_id: UUID


register("zone.created", ZoneDefined)
register("zone.grants_changed", ZoneDefined)
register("pool.created", PoolCreated)
register("pool.member_added", PoolMemberEvent)
register("pool.member_removed", PoolMemberEvent)
