"""Domain events of zones and press pools, declared as a plain mapping.

- ``zone.created``, ``zone.grants_changed``, ``zone.changed`` (its names, days or categories,
  from the console's zones page): the zone and everything that grants it now;
- ``pool.created``, ``pool.member_added``, ``pool.member_removed``;
- ``pool.session_linked``, ``pool.session_unlinked``: a session the pool covers, or no longer
  (its members are invited to it, or no longer: docs/calendar.md);
- ``badge.printed`` (a batch marked printed), ``badge.reissued`` (a new version: the earlier QR
  codes are refused ``superseded``), ``pack.collected`` (a delegation's printed badges handed
  over). Ids only: who collected a pack is kept in ``pack_collection``, not in the event;
- ``badge.recovered``: a void badge (printed, its accreditation then substituted, withdrawn or
  revoked) recorded handed back or destroyed at the desk, with its version and why it is void
  (who recorded it is the event's actor and ``badge.recovered_by``).

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


class PoolSessionEvent(Payload):
    pool_id: UUID
    session_id: UUID


class BadgesPrinted(Payload):
    accreditation_ids: list[UUID]


class BadgeReissued(Payload):
    accreditation_id: UUID
    badge_version: int
    reason: str


class PackCollected(Payload):
    delegation_id: UUID
    collection_id: int
    accreditation_ids: list[UUID]


class BadgeRecovered(Payload):
    accreditation_id: UUID
    badge_version: int
    why: str


EVENT_TYPES: dict[str, type[Payload]] = {
    "zone.created": ZoneDefined,
    "zone.grants_changed": ZoneDefined,
    "zone.changed": ZoneDefined,
    "pool.created": PoolCreated,
    "pool.member_added": PoolMemberEvent,
    "pool.member_removed": PoolMemberEvent,
    "pool.session_linked": PoolSessionEvent,
    "pool.session_unlinked": PoolSessionEvent,
    "badge.printed": BadgesPrinted,
    "badge.reissued": BadgeReissued,
    "pack.collected": PackCollected,
    "badge.recovered": BadgeRecovered,
}
