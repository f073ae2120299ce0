"""Domain events of zones and press pools, declared as a plain mapping.

- ``zone.created``, ``zone.grants_changed``: the zone and everything that grants it now;
- ``pool.created``, ``pool.member_added``, ``pool.member_removed``.

Check-in scans are not events: each is a row of ``check_in`` (there may be tens of thousands a
day, and nothing reacts to them).
"""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


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


EVENT_TYPES: dict[str, type[Payload]] = {
    "zone.created": ZoneDefined,
    "zone.grants_changed": ZoneDefined,
    "pool.created": PoolCreated,
    "pool.member_added": PoolMemberEvent,
    "pool.member_removed": PoolMemberEvent,
}
