"""Every index of the hot tables (accreditation, domain_event, delivery) and the query that uses
it: a conference of 25,000 accreditations (press and delegation members), their events and
deliveries, then ``EXPLAIN`` of the service's own statements (from its ``queries.sql`` files,
with real values) for each index. Prints the indexes and the plans (bench/README.md quotes them).

    python bench/explain.py --database-url postgresql://postgres@127.0.0.1/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from bench import seed
from bench.common import postgres, service

SLUG = "explain"
CODE = Path(__file__).resolve().parent.parent / "conference"

# The data: press applications (5 % approved), members of 200 delegations, one event per
# accreditation (submitted) plus one per decision, one sent letter per event, a few queued.
FILL = """
INSERT INTO delegation (id, conference_id, kind, country, focal_point_name, focal_point_email)
SELECT gen_random_uuid(), $1, 'country', chr(65 + i / 26) || chr(65 + i % 26), 'Focal ' || i,
       'focal' || i || '@example.org'
FROM generate_series(0, 199) i;

INSERT INTO accreditation (id, conference_id, category, status, given_name, family_name, email,
                           language, press_outlet, press_card_number, press_role, submitted_at,
                           updated_at, token_hash, token_id)
SELECT gen_random_uuid(), $1, 'press', CASE WHEN i % 20 = 0 THEN 'approved' ELSE 'submitted' END,
       'Given' || i, 'Family' || i, 'press' || i || '@example.org', 'en', 'Outlet', 'C' || i,
       'journalist', now(), now(), sha256(('t' || i)::bytea), nextval('api_token_id_seq')
FROM generate_series(1, 20000) i;

INSERT INTO accreditation (id, conference_id, category, status, given_name, family_name, email,
                           language, delegation_id, rank, function, submitted_at, updated_at,
                           token_hash, token_id)
SELECT gen_random_uuid(), $1, 'official', 'approved', 'Given' || i, 'Member' || i,
       'member' || i || '@example.org', 'fr', d.id, 'official', 'Adviser', now(), now(),
       sha256(('m' || i)::bytea), nextval('api_token_id_seq')
FROM generate_series(1, 5000) i
JOIN LATERAL (SELECT id FROM delegation WHERE conference_id = $1
              ORDER BY id OFFSET i % 200 LIMIT 1) d ON true;

INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, dispatched_at)
SELECT a.conference_id, 'accreditation.submitted', a.id::text,
       jsonb_build_object('accreditation_id', a.id, 'category', a.category,
                          'status', 'submitted', 'from_status', NULL, 'delegation_id', NULL),
       'applicant', now()
FROM accreditation a WHERE a.conference_id = $1;

INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, dispatched_at)
SELECT a.conference_id, 'accreditation.approved', a.id::text,
       jsonb_build_object('accreditation_id', a.id, 'category', a.category,
                          'status', 'approved', 'from_status', 'submitted',
                          'delegation_id', a.delegation_id),
       'press_office:1', now()
FROM accreditation a WHERE a.conference_id = $1 AND a.status = 'approved';

INSERT INTO delivery (event_id, conference_id, accreditation_id, template, dedupe_key, recipient,
                      sender, subject, message_id, status, sent_at)
SELECT e.id, e.conference_id, e.subject_id::uuid, 'letter', e.id || ':letter', 'x@example.org',
       'organiser@example.org', 'Your application', e.id || '@example.org', 'sent', now()
FROM domain_event e WHERE e.conference_id = $1 AND e.type LIKE 'accreditation.%';

UPDATE delivery SET status = 'queued', sent_at = NULL
WHERE seq IN (SELECT seq FROM delivery ORDER BY seq DESC LIMIT 50);
"""

INDEXES = """
SELECT c.relname AS "table", i.relname AS index, pg_get_indexdef(x.indexrelid) AS definition
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
WHERE c.relname IN ('accreditation', 'domain_event', 'delivery')
ORDER BY c.relname, i.relname
"""


def plans(ids: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(index it justifies, queries.sql module, query name, values)."""
    a, c, d = ids["accreditation_id"], ids["conference_id"], ids["delegation_id"]
    member = ids["member_id"]
    return [
        ("accreditation_pkey", "accreditation", "accreditation_by_id", {"accreditation_id": a}),
        ("accreditation_list", "accreditation", "list_accreditations",
         {"conference_id": c, "category": None, "status": None, "delegation_id": None,
          "after_seq": 0, "limit": 51}),
        ("accreditation_delegation", "accreditation", "places_used",
         {"delegation_id": d, "category": "official"}),
        ("accreditation_delegation", "workspaces", "members_of_delegation",
         {"delegation_id": d}),
        ("accreditation_one_per_person", "accreditation", "current_by_email",
         {"conference_id": c, "email": "press77@example.org"}),
        ("conference_pkey (the pool's count, kept on the row)", "accreditation",
         "count_approved_press", {"conference_id": c}),
        ("accreditation_token", "auth", "live_token", {"token_hash": ids["token_hash"]}),
        ("(the registration)", "accreditation", "register", ids["register"]),
        ("domain_event_by_subject", "accreditation", "history_of", {"accreditation_id": member}),
        ("domain_event_pkey (claim: domain_event_pending)", "outbox", "claim_events", {"$": [10]}),
        ("domain_event_by_conference", "operations", "events_of", {"$": [c, 0, 100]}),
        ("domain_event_failed", "operations", "failed_events", {"$": [c, 0, 100]}),
        ("domain_event_failed", "operations", "failed_event_count", {"$": [c]}),
        ("domain_event_pending", "calendar", "awaiting_their_event",
         {"$": [c, "conference.calendar.invitations:calendar_invitations"]}),
        ("delivery_due_order, delivery_leased, delivery_letter_unsent", "outbox",
         "claim_deliveries", {"$": [10, 60]}),
        ("delivery_by_status", "operations", "list_deliveries", {"$": [["failed"], 0, 100]}),
        ("delivery_seq_key", "operations", "list_deliveries", {"$": [None, 0, 100]}),
    ]


async def fill(url: str) -> dict[str, Any]:
    conn = await asyncpg.connect(url)
    try:
        c = await conn.fetchval("SELECT id FROM conference WHERE slug = $1", SLUG)
        for statement in FILL.split(";\n\n"):
            await conn.execute(statement, c) if "$1" in statement else await conn.execute(
                statement)
        await conn.execute("VACUUM ANALYZE")
        a = await conn.fetchval("SELECT id FROM accreditation WHERE category = 'press'"
                                " ORDER BY seq OFFSET 777 LIMIT 1")
        member, d = await conn.fetchrow("SELECT id, delegation_id FROM accreditation"
                                        " WHERE delegation_id IS NOT NULL LIMIT 1")
        th = await conn.fetchval("SELECT token_hash FROM accreditation WHERE id = $1", a)
    finally:
        await conn.close()
    from datetime import UTC, datetime
    reg = {"slug": SLUG, "category": "press", "given_name": "Marie", "family_name": "Dupont",
           "email": "new@example.org", "language": "fr", "gender": None,
           "salutation": "neutral", "press_outlet": "Le Monde", "press_card_number": "1",
           "press_role": "journalist", "press_country": "FR", "delegation_id": None,
           "rank": None, "function": None, "in_office_since": None,
           "now": datetime.now(UTC), "accreditation_id": uuid.uuid4(), "window_exempt": False,
           "actor": "applicant", "payload": {}, "token_hash": b"x" * 32,
           "event_type": "accreditation.submitted", "history": None,
           "answer_token_hash": b"y" * 32}
    return {"conference_id": c, "accreditation_id": a, "delegation_id": d, "member_id": member,
            "token_hash": th, "register": reg}


async def explain(url: str, ids: dict[str, Any]) -> None:
    from conference.db.pool import _init_connection
    from conference.db.sql import queries_beside

    conn = await asyncpg.connect(url)
    await _init_connection(conn)
    try:
        print("## Indexes\n")
        for r in await conn.fetch(INDEXES):
            print(f"- {r['table']}.{r['index']}: {r['definition'].split(' USING ')[1]}")
        for index, module, name, values in plans(ids):
            q = queries_beside(str(CODE / module / "x.py"))
            if "$" in values:
                sql, args = q[name], values["$"]
            else:
                sql, *args = q.bind(name, **values)
            rows = await conn.fetch("EXPLAIN (COSTS OFF) " + sql, *args)
            print(f"\n### {index}: {module} `{name}`\n")
            print("```")
            print("\n".join(r[0] for r in rows))
            print("```")
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--database-url", help="a PostgreSQL server (a bench_ database is created)")
    args = p.parse_args(argv)
    with postgres(args.database_url) as db:
        with service(db.url, worker=False) as svc:
            status, body = svc.request("POST", "/api/v1/conferences", seed.conference_body(SLUG))
            assert status == 201, body
        ids = asyncio.run(fill(db.url))
        asyncio.run(explain(db.url, ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
