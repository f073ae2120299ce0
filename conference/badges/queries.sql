-- Zones, their grants, press pools, badge holders and check-ins.

-- name: insert_zone
-- A new zone; no row when the conference has a zone of that code.
INSERT INTO zone (conference_id, code, name, kind, created_at)
VALUES (:conference_id, :code, :name, :kind, :created_at)
ON CONFLICT (conference_id, code) DO NOTHING
RETURNING *

-- name: lock_zone
-- A zone, locked until commit (changes to its grants queue).
SELECT z.id, z.conference_id, z.kind
FROM zone z
WHERE z.id = :zone_id
FOR UPDATE OF z

-- name: delete_grants
-- Every grant of a zone (before they are written anew).
DELETE FROM zone_grant WHERE zone_id = :zone_id

-- name: insert_grants
-- One row per category, session and pool granting the zone. A session or pool of another
-- conference breaks the composite foreign key.
INSERT INTO zone_grant (zone_id, conference_id, category, session_id, pool_id)
SELECT :zone_id::uuid, :conference_id::uuid, c, NULL::uuid, NULL::uuid
FROM unnest(:categories::text[]) AS c
UNION ALL
SELECT :zone_id, :conference_id, NULL, s, NULL FROM unnest(:sessions::uuid[]) AS s
UNION ALL
SELECT :zone_id, :conference_id, NULL, NULL, p FROM unnest(:pools::uuid[]) AS p

-- name: missing_sessions
-- Which of the given sessions are not the conference's.
SELECT s FROM unnest(:ids::uuid[]) AS s
WHERE NOT EXISTS (SELECT 1 FROM session WHERE id = s AND conference_id = :conference_id)

-- name: missing_pools
-- Which of the given press pools are not the conference's.
SELECT p FROM unnest(:ids::uuid[]) AS p
WHERE NOT EXISTS (SELECT 1 FROM press_pool WHERE id = p AND conference_id = :conference_id)

-- name: zones_of
-- The zones of a conference (or the one zone given) with their grants, in the order they were
-- defined.
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
WHERE z.conference_id = :conference_id AND (:zone_id::uuid IS NULL OR z.id = :zone_id)
GROUP BY z.id, c.slug
ORDER BY z.seq

-- name: insert_pool
-- A new press pool; no row when the conference has a pool of that name.
INSERT INTO press_pool (conference_id, name, created_at)
VALUES (:conference_id, :name, :created_at)
ON CONFLICT DO NOTHING
RETURNING *

-- name: lock_pool
-- A press pool's conference, the pool locked until commit (changes to its members queue).
SELECT p.conference_id
FROM press_pool p
WHERE p.id = :pool_id
FOR UPDATE OF p

-- name: pools_of
-- The press pools of a conference (or the one pool given) with their members, in the order
-- they were created.
SELECT p.*, c.slug AS conference_slug,
       coalesce(array_agg(m.accreditation_id ORDER BY m.added_at, m.accreditation_id)
                FILTER (WHERE m.accreditation_id IS NOT NULL), '{}') AS members
FROM press_pool p
JOIN conference c ON c.id = p.conference_id
LEFT JOIN press_pool_member m ON m.pool_id = p.id
WHERE p.conference_id = :conference_id AND (:pool_id::uuid IS NULL OR p.id = :pool_id)
GROUP BY p.id, c.slug
ORDER BY p.seq

-- name: pool_of_member
-- The pool a person is in (one per person and conference).
SELECT pool_id FROM press_pool_member
WHERE conference_id = :conference_id AND accreditation_id = :accreditation_id

-- name: insert_member
-- Put a person in a pool (a second pool breaks the unique index).
INSERT INTO press_pool_member (pool_id, conference_id, accreditation_id, added_at, added_by)
VALUES (:pool_id, :conference_id, :accreditation_id, :added_at, :added_by)

-- name: delete_member
-- Take a person out of a pool; no row when they were not in it.
DELETE FROM press_pool_member WHERE pool_id = :pool_id AND accreditation_id = :accreditation_id
RETURNING accreditation_id

-- name: holder
-- The accreditation a badge names, with what the badge prints of its delegation.
SELECT a.id, a.conference_id, a.category, a.status, a.given_name, a.family_name, a.language,
       a.delegation_id, a.press_outlet, a.press_role, a.decided_at, a.erased_at, d.country,
       d.organisation ->> 'name' AS organisation
FROM accreditation a LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE a.id = :accreditation_id

-- name: zone_facts
-- Every zone of a conference and what gives it to one accreditation (of a category, decided at
-- a time); the deadline is the conference's security-list deadline (NULL: none).
SELECT z.id, z.code, z.name, z.kind,
    EXISTS (SELECT 1 FROM zone_grant g WHERE g.zone_id = z.id AND g.category = :category)
        AS by_category,
    EXISTS (SELECT 1 FROM zone_grant g JOIN session s ON s.id = g.session_id
            WHERE g.zone_id = z.id AND s.cancelled_at IS NULL
              AND (:category = ANY (s.audience)
                   OR EXISTS (SELECT 1 FROM session_participant p
                              WHERE p.session_id = s.id
                                AND p.accreditation_id = :accreditation_id)))
        AS by_session,
    EXISTS (SELECT 1 FROM zone_grant g JOIN press_pool_member m ON m.pool_id = g.pool_id
            WHERE g.zone_id = z.id AND m.accreditation_id = :accreditation_id)
        AS by_pool,
    EXISTS (SELECT 1 FROM session s
            WHERE s.conference_id = :conference_id AND s.royal_presence AND s.cancelled_at IS NULL
              AND (NOT EXISTS (SELECT 1 FROM zone_grant g
                               WHERE g.zone_id = z.id AND g.session_id IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM zone_grant g
                              WHERE g.zone_id = z.id AND g.session_id = s.id))
              AND (EXISTS (SELECT 1 FROM session_participant p
                           WHERE p.session_id = s.id AND p.accreditation_id = :accreditation_id)
                   OR (:category = ANY (s.audience)
                       AND (:deadline::timestamptz IS NULL
                            OR :decided_at::timestamptz <= :deadline::timestamptz))))
        AS on_security_list
FROM zone z
WHERE z.conference_id = :conference_id
ORDER BY z.seq

-- name: zone_by_code
-- The zone a door scans for.
SELECT id, kind FROM zone WHERE conference_id = :conference_id AND code = :code

-- name: insert_check_in
-- One scan, admitted or not, with the badge's hash (never the badge itself).
INSERT INTO check_in (conference_id, zone_id, zone_code, accreditation_id, badge_sha256, admitted,
                      reason, scanned_at, scanned_by)
VALUES (:conference_id, :zone_id, :zone_code, :accreditation_id, :badge_sha256, :admitted,
        :reason, :scanned_at, :scanned_by)
RETURNING id

-- name: check_ins
-- The scans of a conference after a cursor (a check-in id), oldest first, of one zone or all.
SELECT ci.*, a.given_name, a.family_name, a.category, a.press_outlet, a.erased_at, d.country,
       d.organisation ->> 'name' AS organisation
FROM check_in ci
LEFT JOIN accreditation a ON a.id = ci.accreditation_id
LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE ci.conference_id = :conference_id AND ci.id > :after
  AND (:zone::text IS NULL OR ci.zone_code = :zone)
ORDER BY ci.id
LIMIT :limit

-- name: personal_check_ins
-- Every scan of a person's badge (the personal-data export's "check_ins").
SELECT zone_code AS zone, admitted, reason, scanned_at
FROM check_in
WHERE accreditation_id = :accreditation_id
ORDER BY id
