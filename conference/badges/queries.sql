-- name: insert_zone
INSERT INTO zone (conference_id, code, name, kind, created_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (conference_id, code) DO NOTHING
RETURNING *

-- name: lock_zone
SELECT z.*, c.slug AS conference_slug
FROM zone z JOIN conference c ON c.id = z.conference_id
WHERE z.id = $1
FOR UPDATE OF z

-- name: delete_grants
DELETE FROM zone_grant WHERE zone_id = $1

-- name: insert_grants
-- $2 categories, $3 sessions, $4 pools: one row per item. A session or pool of another
-- conference breaks the composite foreign key.
INSERT INTO zone_grant (zone_id, conference_id, category, session_id, pool_id)
SELECT $1::uuid, $5::uuid, c, NULL::uuid, NULL::uuid FROM unnest($2::text[]) AS c
UNION ALL
SELECT $1, $5, NULL, s, NULL FROM unnest($3::uuid[]) AS s
UNION ALL
SELECT $1, $5, NULL, NULL, p FROM unnest($4::uuid[]) AS p

-- name: missing_sessions
SELECT s FROM unnest($1::uuid[]) AS s
WHERE NOT EXISTS (SELECT 1 FROM session WHERE id = s AND conference_id = $2)

-- name: missing_pools
SELECT p FROM unnest($1::uuid[]) AS p
WHERE NOT EXISTS (SELECT 1 FROM press_pool WHERE id = p AND conference_id = $2)

-- name: zones_of
SELECT z.*, c.slug AS conference_slug,
       coalesce(array_agg(g.category ORDER BY g.id) FILTER (WHERE g.category IS NOT NULL), '{}')
           AS categories,
       coalesce(array_agg(g.session_id ORDER BY g.id) FILTER (WHERE g.session_id IS NOT NULL), '{}')
           AS sessions,
       coalesce(array_agg(g.pool_id ORDER BY g.id) FILTER (WHERE g.pool_id IS NOT NULL), '{}')
           AS pools
FROM zone z
JOIN conference c ON c.id = z.conference_id
LEFT JOIN zone_grant g ON g.zone_id = z.id
WHERE z.conference_id = $1 AND ($2::uuid IS NULL OR z.id = $2)
GROUP BY z.id, c.slug
ORDER BY z.seq

-- name: insert_pool
INSERT INTO press_pool (conference_id, name, created_at)
VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING *

-- name: lock_pool
SELECT p.*, c.slug AS conference_slug
FROM press_pool p JOIN conference c ON c.id = p.conference_id
WHERE p.id = $1
FOR UPDATE OF p

-- name: pools_of
SELECT p.*, c.slug AS conference_slug,
       coalesce(array_agg(m.accreditation_id ORDER BY m.added_at, m.accreditation_id)
                FILTER (WHERE m.accreditation_id IS NOT NULL), '{}') AS members
FROM press_pool p
JOIN conference c ON c.id = p.conference_id
LEFT JOIN press_pool_member m ON m.pool_id = p.id
WHERE p.conference_id = $1 AND ($2::uuid IS NULL OR p.id = $2)
GROUP BY p.id, c.slug
ORDER BY p.seq

-- name: pool_of_member
SELECT pool_id FROM press_pool_member WHERE conference_id = $1 AND accreditation_id = $2

-- name: insert_member
INSERT INTO press_pool_member (pool_id, conference_id, accreditation_id, added_at, added_by)
VALUES ($1, $2, $3, $4, $5)

-- name: delete_member
DELETE FROM press_pool_member WHERE pool_id = $1 AND accreditation_id = $2
RETURNING accreditation_id

-- name: holder
SELECT a.id, a.conference_id, a.category, a.status, a.given_name, a.family_name, a.language,
       a.delegation_id, a.press_outlet, a.press_role, a.decided_at, a.erased_at, d.country,
       d.organisation ->> 'name' AS organisation
FROM accreditation a LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE a.id = $1

-- name: zone_facts
-- Every zone of conference $1 and what gives it to accreditation $2 (category $3, decided at
-- $4); $5 is the conference's security-list deadline (NULL: none).
SELECT z.id, z.code, z.name, z.kind,
    EXISTS (SELECT 1 FROM zone_grant g WHERE g.zone_id = z.id AND g.category = $3)
        AS by_category,
    EXISTS (SELECT 1 FROM zone_grant g JOIN session s ON s.id = g.session_id
            WHERE g.zone_id = z.id AND s.cancelled_at IS NULL
              AND ($3 = ANY (s.audience)
                   OR EXISTS (SELECT 1 FROM session_participant p
                              WHERE p.session_id = s.id AND p.accreditation_id = $2)))
        AS by_session,
    EXISTS (SELECT 1 FROM zone_grant g JOIN press_pool_member m ON m.pool_id = g.pool_id
            WHERE g.zone_id = z.id AND m.accreditation_id = $2)
        AS by_pool,
    EXISTS (SELECT 1 FROM session s
            WHERE s.conference_id = $1 AND s.royal_presence AND s.cancelled_at IS NULL
              AND (NOT EXISTS (SELECT 1 FROM zone_grant g
                               WHERE g.zone_id = z.id AND g.session_id IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM zone_grant g
                              WHERE g.zone_id = z.id AND g.session_id = s.id))
              AND (EXISTS (SELECT 1 FROM session_participant p
                           WHERE p.session_id = s.id AND p.accreditation_id = $2)
                   OR ($3 = ANY (s.audience)
                       AND ($5::timestamptz IS NULL OR $4::timestamptz <= $5::timestamptz))))
        AS on_security_list
FROM zone z
WHERE z.conference_id = $1
ORDER BY z.seq

-- name: zone_by_code
SELECT id, kind FROM zone WHERE conference_id = $1 AND code = $2

-- name: insert_check_in
INSERT INTO check_in (conference_id, zone_id, zone_code, accreditation_id, badge_sha256, admitted,
                      reason, scanned_at, scanned_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id

-- name: check_ins
SELECT ci.*, a.given_name, a.family_name, a.category, a.press_outlet, a.erased_at, d.country,
       d.organisation ->> 'name' AS organisation
FROM check_in ci
LEFT JOIN accreditation a ON a.id = ci.accreditation_id
LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE ci.conference_id = $1 AND ci.id > $2 AND ($3::text IS NULL OR ci.zone_code = $3)
ORDER BY ci.id
LIMIT $4

-- name: personal_check_ins
-- Every scan of a person's badge (the personal-data export's "check_ins").
SELECT zone_code AS zone, admitted, reason, scanned_at
FROM check_in
WHERE accreditation_id = $1
ORDER BY id
