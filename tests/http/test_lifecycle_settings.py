"""Quotas during an import and the route that moves the deadlines, on a real PostgreSQL: an
import beyond a delegation's quota names each row that would exceed it (category, used,
allowed) in the dry run and writes nothing in the real run; raised, the quota lets the same file
in. Protocol moves the deadlines and the default quotas (a change event recorded); substitutions
never close before nominations; a deadline needs its offset; a focal point may not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from tests.conftest import Api, conference_body, direct_url
from tests.http.conftest_programme import make_delegation

HEADER = "email,given_name,family_name,category,rank,function\n"


def officials(*numbers: int) -> bytes:
    return (HEADER + "".join(f"o{n}@example.org,Jan,Peeters{n},official,official,Adviser\n"
                             for n in numbers)).encode()


async def import_csv(api: Api, data: bytes, role: str, dry_run: bool, query: str = ""
                     ) -> dict[str, Any]:
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run={str(dry_run).lower()}{query}",
        role=role, data=data, headers={"Content-Type": "text/csv"})
    assert status == 200, body
    return dict(body)


async def live(api: Api) -> int:
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        n: int = await conn.fetchval(
            "SELECT count(*) FROM accreditation WHERE status = 'submitted'")
        return n
    finally:
        await conn.close()


async def test_an_import_beyond_the_quota_names_the_rows_and_applies_nothing(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(quotas={"official": 3}))
    assert status == 201, body
    be = await make_delegation(api, "BE")
    fp = be["focal_point_token"]
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                  role=fp, json={
                                      "category": "official", "given_name": "Ann",
                                      "family_name": "Filed", "email": "filed@example.org",
                                      "language": "en", "delegation_id": be["id"],
                                      "rank": "official", "function": "Adviser"})
    assert status == 201
    dry = await import_csv(api, officials(1, 2, 3, 4), fp, dry_run=True)
    assert dry["counts"] == {"create": 2, "update": 0, "unchanged": 0, "error": 2}
    errors = {r["row"]: r["errors"] for r in dry["rows"] if r["errors"]}
    quota = {"field": "category", "type": "quota-exceeded", "category": "official",
             "used": 3, "allowed": 3, "message": "quota-exceeded: 3 of 3 places for official "
                                                 "taken",
             "code": "quota-exceeded",  # and the same three as params (docs/lifecycle.md)
             # with how many of the places the file's earlier rows take
             "params": {"category": "official", "used": 3, "allowed": 3, "in_file": 2}}
    assert errors == {4: [quota], 5: [quota]}
    real = await import_csv(api, officials(1, 2, 3, 4), fp, dry_run=False)
    assert real["applied"] is False and real["counts"]["error"] == 2
    assert await live(api) == 1

    # Protocol is held to the quota too; raised, the same file goes in.
    held = await import_csv(api, officials(1, 2, 3, 4), "protocol", dry_run=True,
                            query=f"&delegation_id={be['id']}")
    assert held["counts"]["error"] == 2
    status, _, _ = await api.call("PUT", f"/api/v1/delegations/{be['id']}/quotas",
                                  role="protocol", json={"official": 5})
    assert status == 200
    done = await import_csv(api, officials(1, 2, 3, 4), fp, dry_run=False)
    assert done["applied"] is True and done["counts"]["create"] == 4
    assert await live(api) == 5
    # Already imported rows take no new place: the same file again is unchanged.
    again = await import_csv(api, officials(1, 2, 3, 4), fp, dry_run=True)
    assert again["counts"] == {"create": 0, "update": 0, "unchanged": 4, "error": 0}
    over = await import_csv(api, officials(1, 2, 3, 4, 5), fp, dry_run=True)
    assert [(r["row"], r["errors"][0]["used"]) for r in over["rows"] if r["errors"]] == [(6, 5)]


async def test_protocol_moves_the_deadlines_and_the_default_quotas(
    api: Api, db: asyncpg.Connection
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(quotas={"official": 3}))
    assert status == 201, body
    be = await make_delegation(api, "BE")
    path = "/api/v1/conferences/alliance/lifecycle"
    closes = datetime(2031, 5, 1, 18, tzinfo=UTC)
    status, answer, _ = await api.call("PATCH", path, role="protocol", json={
        "nominations_close_at": closes.isoformat(),
        "changes_close_at": (closes + timedelta(days=7)).isoformat()})
    assert status == 200, answer
    assert answer["quotas"] == {"official": 3}
    assert datetime.fromisoformat(answer["changes_close_at"]) == closes + timedelta(days=7)
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance",
                                           role="protocol")
    assert datetime.fromisoformat(conference["nominations_close_at"]) == closes

    # Only the fields given change; the quotas replace the defaults.
    status, answer, _ = await api.call("PATCH", path, role="admin",
                                       json={"quotas": {"minister": 1, "official": 2}})
    assert status == 200, answer
    assert answer["quotas"] == {"minister": 1, "official": 2}
    assert datetime.fromisoformat(answer["nominations_close_at"]) == closes
    events = await db.fetch("SELECT payload FROM domain_event "
                            "WHERE type = 'conference.lifecycle_changed' ORDER BY id")
    assert [e["payload"]["fields"] for e in events] == [
        ["changes_close_at", "nominations_close_at"], ["quotas"]]

    # Refusals: substitutions before nominations, a date without offset, a focal point.
    status, refusal, _ = await api.call("PATCH", path, role="protocol", json={
        "changes_close_at": (closes - timedelta(hours=1)).isoformat()})
    assert status == 422 and refusal["errors"][0]["field"] == "changes_close_at", refusal
    status, refusal, _ = await api.call("PATCH", path, role="protocol",
                                        json={"nominations_close_at": "2031-05-01T18:00:00"})
    assert status == 422 and refusal["errors"][0]["field"] == "nominations_close_at", refusal
    status, _, _ = await api.call("PATCH", path, role=be["focal_point_token"],
                                  json={"quotas": {"official": 9}})
    assert status == 403
    status, _, _ = await api.call("PATCH", "/api/v1/conferences/nowhere/lifecycle",
                                  role="protocol", json={"quotas": {}})
    assert status == 404

    # A deadline lifted (null) opens filing again; the new quota counts from the commit.
    status, answer, _ = await api.call("PATCH", path, role="protocol",
                                       json={"nominations_close_at": None})
    assert status == 200 and answer["nominations_close_at"] is None
    assert len(await db.fetch("SELECT 1 FROM domain_event "
                              "WHERE type = 'conference.lifecycle_changed'")) == 3
    status, same, _ = await api.call("PATCH", path, role="protocol", json={})
    assert status == 200 and same == answer
    assert len(await db.fetch("SELECT 1 FROM domain_event "
                              "WHERE type = 'conference.lifecycle_changed'")) == 3


async def test_after_the_nominations_deadline_a_focal_point_imports_nothing(api: Api) -> None:
    closed = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(nominations_close_at=closed))
    assert status == 201, body
    be = await make_delegation(api, "BE")
    for dry_run in (True, False):
        status, refusal, _ = await api.call(
            "POST", f"/api/v1/conferences/alliance/imports?dry_run={str(dry_run).lower()}",
            role=be["focal_point_token"], data=officials(1),
            headers={"Content-Type": "text/csv"})
        assert status == 409 and refusal["type"].endswith("/deadline-passed"), refusal
    assert await live(api) == 0
    done = await import_csv(api, officials(1), "protocol", dry_run=False,
                            query=f"&delegation_id={be['id']}")
    assert done["applied"] is True and await live(api) == 1
