-- Zones, their grants, press pools, badge holders and check-ins.

-- name: insert_zone
-- A new zone; no row when the conference has a zone of that code.
INSERT INTO zone (conference_id, code, name, kind, created_at, opens_on, closes_on)
VALUES (:conference_id, :code, :name, :kind, :created_at, :opens_on, :closes_on)
ON CONFLICT (conference_id, code) DO NOTHING
RETURNING *

-- name: update_zone
-- A zone's names and days.
UPDATE zone SET name = :name, opens_on = :opens_on, closes_on = :closes_on
WHERE id = :zone_id

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
-- they were created, and the sessions each covers, by their start.
SELECT p.*, c.slug AS conference_slug,
       coalesce(array_agg(m.accreditation_id ORDER BY m.added_at, m.accreditation_id)
                FILTER (WHERE m.accreditation_id IS NOT NULL), '{}') AS members,
       ARRAY(SELECT ps.session_id FROM press_pool_session ps JOIN session s ON s.id = ps.session_id
             WHERE ps.pool_id = p.id ORDER BY lower(s.during), s.seq) AS sessions
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

-- name: session_for_pool
-- A session as linking it to a pool reads it: its conference and press access (None: no such
-- session). Locked against a change of its press access until commit.
SELECT conference_id, press_access, cancelled_at IS NOT NULL AS cancelled FROM session
WHERE id = :session_id
FOR NO KEY UPDATE

-- name: pool_sessions
-- The conference's sessions as the pools page names them (the ones a pool covers, and those it
-- may cover), by their start.
SELECT s.id, s.title, lower(s.during) AS starts_at, upper(s.during) AS ends_at, s.press_access,
       s.cancelled_at IS NOT NULL AS cancelled
FROM session s
WHERE s.conference_id = :conference_id
ORDER BY lower(s.during), s.seq

-- name: insert_pool_session
-- Link a session to a pool; no row when it was linked already.
INSERT INTO press_pool_session (pool_id, session_id, conference_id, linked_at, linked_by)
VALUES (:pool_id, :session_id, :conference_id, :linked_at, :linked_by)
ON CONFLICT DO NOTHING
RETURNING session_id

-- name: delete_pool_session
-- Unlink a session from a pool; no row when it was not linked.
DELETE FROM press_pool_session WHERE pool_id = :pool_id AND session_id = :session_id
RETURNING session_id

-- name: pool_people
-- The press accreditations the pools page names: every member of one of the conference's pools
-- and every approved journalist (not erased), each with the pool they are in and their security
-- clearance when the conference vets the press (refused, awaited or cleared), by name.
SELECT a.id, a.given_name, a.family_name, a.press_outlet, a.press_role, a.status, m.pool_id,
       CASE WHEN v.status = 'refused' THEN 'refused'
            WHEN a.category = ANY (c.vetting_required)
                 AND v.status IS DISTINCT FROM 'cleared' THEN 'awaited'
            WHEN a.category = ANY (c.vetting_required) THEN 'cleared' END AS clearance
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
LEFT JOIN press_pool_member m
       ON m.accreditation_id = a.id AND m.conference_id = a.conference_id
WHERE a.conference_id = :conference_id AND a.category = 'press'
  AND (m.pool_id IS NOT NULL OR (a.status = 'approved' AND a.erased_at IS NULL))
ORDER BY lower(a.family_name), lower(a.given_name), a.id

-- name: pool_person
-- One press accreditation of the conference as the pools page names it (a member's name in
-- the page's message after adding or removing them), by the accreditation's primary key.
SELECT a.id, a.given_name, a.family_name, a.press_outlet, a.press_role, a.status, m.pool_id,
       CASE WHEN v.status = 'refused' THEN 'refused'
            WHEN a.category = ANY (c.vetting_required)
                 AND v.status IS DISTINCT FROM 'cleared' THEN 'awaited'
            WHEN a.category = ANY (c.vetting_required) THEN 'cleared' END AS clearance
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
LEFT JOIN press_pool_member m
       ON m.accreditation_id = a.id AND m.conference_id = a.conference_id
WHERE a.id = :accreditation_id AND a.conference_id = :conference_id AND a.category = 'press'

-- name: holder
-- The accreditation a badge names, with what the badge prints of its delegation and the
-- badge's current version (1 until a reissue).
SELECT a.id, a.conference_id, a.category, a.status, a.given_name, a.family_name, a.language,
       a.delegation_id, a.press_outlet, a.press_role, a.decided_at, a.erased_at, d.country,
       a.function, a.function_fr, a.function_en,
       d.organisation ->> 'name' AS organisation, coalesce(b.version, 1) AS badge_version,
       said_gender(a.gender, a.salutation)
           AS gender,
       (SELECT bc.code FROM badge_code bc
        WHERE bc.accreditation_id = a.id AND bc.version = coalesce(b.version, 1)) AS short_code
FROM accreditation a
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN badge b ON b.accreditation_id = a.id
WHERE a.id = :accreditation_id

-- name: badge_by_code
-- The accreditation and badge version a short reference (stored form) names in a conference.
SELECT accreditation_id, version FROM badge_code
WHERE conference_id = :conference_id AND code = :code

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

-- name: zone_facts_many
-- zone_facts for several accreditations at once (a print batch), the accreditations given as
-- three arrays of the same length: ids, categories, decision times.
SELECT who.accreditation_id, z.id, z.code, z.name, z.kind,
    EXISTS (SELECT 1 FROM zone_grant g WHERE g.zone_id = z.id AND g.category = who.category)
        AS by_category,
    EXISTS (SELECT 1 FROM zone_grant g JOIN session s ON s.id = g.session_id
            WHERE g.zone_id = z.id AND s.cancelled_at IS NULL
              AND (who.category = ANY (s.audience)
                   OR EXISTS (SELECT 1 FROM session_participant p
                              WHERE p.session_id = s.id
                                AND p.accreditation_id = who.accreditation_id)))
        AS by_session,
    EXISTS (SELECT 1 FROM zone_grant g JOIN press_pool_member m ON m.pool_id = g.pool_id
            WHERE g.zone_id = z.id AND m.accreditation_id = who.accreditation_id)
        AS by_pool,
    EXISTS (SELECT 1 FROM session s
            WHERE s.conference_id = :conference_id AND s.royal_presence AND s.cancelled_at IS NULL
              AND (NOT EXISTS (SELECT 1 FROM zone_grant g
                               WHERE g.zone_id = z.id AND g.session_id IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM zone_grant g
                              WHERE g.zone_id = z.id AND g.session_id = s.id))
              AND (EXISTS (SELECT 1 FROM session_participant p
                           WHERE p.session_id = s.id
                             AND p.accreditation_id = who.accreditation_id)
                   OR (who.category = ANY (s.audience)
                       AND (:deadline::timestamptz IS NULL
                            OR who.decided_at <= :deadline::timestamptz))))
        AS on_security_list
FROM unnest(:ids::uuid[], :categories::text[], :decided::timestamptz[])
    AS who (accreditation_id, category, decided_at)
CROSS JOIN zone z
WHERE z.conference_id = :conference_id
ORDER BY who.accreditation_id, z.seq

-- name: zone_sessions_at
-- The sessions in progress at :at (start <= :at < end, not cancelled) in the zone's rooms (the
-- rooms of the sessions granting it), with their press access, the earliest ending first: the
-- sessions held there decide whether a press badge holding the zone only through its sessions
-- is kept out (docs/credentials.md, "Sessions closed to the press"). closed_until: for a
-- session whose press access is among :kept_out (those that keep this badge out: closed, pool,
-- a photo opportunity but for a photographer), the end of the sessions keeping it out that
-- follow it in its room without a break (the press waits until then), else its own end.
WITH RECURSIVE held AS (
    SELECT s.id, s.title, s.press_access, s.room_id, upper(s.during) AS ends_at
    FROM session s
    WHERE s.cancelled_at IS NULL AND s.during @> :at::timestamptz
      AND s.room_id IN (SELECT granting.room_id FROM zone_grant g
                        JOIN session granting ON granting.id = g.session_id
                        WHERE g.zone_id = :zone_id)
), run (id, room_id, until) AS (
    SELECT id, room_id, ends_at FROM held WHERE press_access = ANY(:kept_out::text[])
    UNION ALL
    SELECT run.id, run.room_id, upper(n.during)
    FROM run JOIN session n ON n.room_id = run.room_id AND n.cancelled_at IS NULL
                           AND lower(n.during) = run.until
                           AND n.press_access = ANY(:kept_out::text[])
)
SELECT held.id, held.title, held.press_access, held.ends_at,
       coalesce((SELECT max(run.until) FROM run WHERE run.id = held.id), held.ends_at)
           AS closed_until
FROM held
ORDER BY held.ends_at, held.id

-- name: unlisted_at_royal_session
-- Whether a royal-presence session is under way at :at in the zone's rooms (the rooms of the
-- sessions granting it), from the time guests are seated (session.occupied) to its end, not
-- cancelled, whose security list the accreditation is not on (a participant, or of its invited
-- audience decided by the deadline, as zone_facts reads the list): while one is held there, a
-- standard zone admits a non-press badge only from its list (docs/credentials.md, "Royal
-- presence at an ordinary door").
SELECT EXISTS (
    SELECT 1 FROM session s
    WHERE s.royal_presence AND s.cancelled_at IS NULL AND s.occupied @> :at::timestamptz
      AND s.room_id IN (SELECT granting.room_id FROM zone_grant g
                        JOIN session granting ON granting.id = g.session_id
                        WHERE g.zone_id = :zone_id)
      AND NOT EXISTS (SELECT 1 FROM session_participant p
                      WHERE p.session_id = s.id AND p.accreditation_id = :accreditation_id)
      AND NOT (:category = ANY (s.audience)
               AND (:deadline::timestamptz IS NULL
                    OR :decided_at::timestamptz <= :deadline::timestamptz)))

-- name: royal_session_seating
-- The royal-presence session whose guests were already to be seated at :at (after the start
-- of session.occupied, the "please be seated by" time, and before its end), not cancelled,
-- that this door serves and whose list holds the person: a royal perimeter's covered sessions
-- (those granted to the zone, or every royal-presence session when it names none), a standard
-- zone's rooms (the rooms of the sessions granting it); the person a participant, of its
-- audience's categories, or press (a pool member, admitted by their pool). The earliest
-- starting. A person admitted then is late (docs/credentials.md, "Late for the patron").
SELECT s.id, s.title, lower(s.occupied) AS seated_by, lower(s.during) AS starts_at
FROM session s
WHERE s.conference_id = :conference_id AND s.royal_presence AND s.cancelled_at IS NULL
  AND s.occupied @> :at::timestamptz AND :at::timestamptz > lower(s.occupied)
  AND CASE WHEN :perimeter::boolean
           THEN NOT EXISTS (SELECT 1 FROM zone_grant g
                            WHERE g.zone_id = :zone_id AND g.session_id IS NOT NULL)
                OR EXISTS (SELECT 1 FROM zone_grant g
                           WHERE g.zone_id = :zone_id AND g.session_id = s.id)
           ELSE s.room_id IN (SELECT granting.room_id FROM zone_grant g
                              JOIN session granting ON granting.id = g.session_id
                              WHERE g.zone_id = :zone_id)
      END
  AND (:press::boolean OR :category = ANY (s.audience)
       OR EXISTS (SELECT 1 FROM session_participant p
                  WHERE p.session_id = s.id AND p.accreditation_id = :accreditation_id))
ORDER BY lower(s.during), s.id
LIMIT 1

-- name: zone_by_code
-- The zone a door scans for, with the days it admits when it names its own.
SELECT id, kind, opens_on, closes_on FROM zone
WHERE conference_id = :conference_id AND code = :code

-- name: insert_check_in
-- One scan, admitted or not, with the badge's hash (never the badge itself). A door page's
-- form sent again (:form_scan already recorded) inserts nothing: no row comes back.
INSERT INTO check_in (conference_id, zone_id, zone_code, accreditation_id, badge_sha256, admitted,
                      reason, scanned_at, scanned_by, form_scan)
VALUES (:conference_id, :zone_id, :zone_code, :accreditation_id, :badge_sha256, :admitted,
        :reason, :scanned_at, :scanned_by, :form_scan::uuid)
ON CONFLICT (form_scan) WHERE form_scan IS NOT NULL DO NOTHING
RETURNING id

-- name: check_in_of_form
-- The scan a door page's form already recorded (its form sent again), if it was this badge at
-- this zone of this conference.
SELECT id FROM check_in
WHERE form_scan = :form_scan::uuid AND conference_id = :conference_id
  AND zone_code = :zone_code AND badge_sha256 = :badge_sha256

-- name: admitted_before
-- When this person was last admitted to this zone before the scan :check_in_id (index
-- check_in_of_accreditation): re-entry is ordinary, a badge handed back out is not, and the
-- door says it (docs/credentials.md, "Admitted before").
SELECT max(scanned_at) FROM check_in
WHERE accreditation_id = :accreditation_id AND zone_id = :zone_id AND admitted
  AND id < :check_in_id

-- name: check_ins
-- The scans of a conference after a cursor (a check-in id), oldest first, of one zone or all.
SELECT ci.*, a.given_name, a.family_name, a.category, a.press_outlet, a.erased_at, d.country,
       d.organisation ->> 'name' AS organisation,
       said_gender(a.gender, a.salutation)
           AS gender
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

-- name: badges_of
-- The badges of a conference's approved accreditations (of one delegation, category, print
-- status, or the ids given, when set), with what the badge prints, what orders the batch (rank,
-- seniority), whether the category needs clearance and the vetting status recorded, the pack
-- the badge was handed over in, and whether there is a photo. Unordered: the batch order is the
-- protocol's.
SELECT a.id, a.conference_id, a.category, a.status, a.given_name, a.family_name, a.language,
       a.delegation_id, a.press_outlet, a.press_role, a.decided_at, a.erased_at, a.rank,
       a.in_office_since, a.function, a.function_fr, a.function_en, d.country,
       d.organisation ->> 'name' AS organisation,
       said_gender(a.gender, a.salutation)
           AS gender,
       coalesce(b.version, 1) AS badge_version, coalesce(b.status, 'to_print') AS print_status,
       b.printed_at, pc.collected_by, pc.collected_at,
       (SELECT bc.code FROM badge_code bc
        WHERE bc.accreditation_id = a.id AND bc.version = coalesce(b.version, 1)) AS short_code,
       a.category = ANY (c.vetting_required) AS clearance_required,
       v.status AS clearance_recorded,
       EXISTS (SELECT 1 FROM accreditation_photo ph WHERE ph.accreditation_id = a.id)
           AS has_photo
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN badge b ON b.accreditation_id = a.id
LEFT JOIN pack_collection pc ON pc.id = b.collection_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.status = 'approved' AND a.erased_at IS NULL
  AND (:delegation_id::uuid IS NULL OR a.delegation_id = :delegation_id)
  AND (:category::text IS NULL OR a.category = :category)
  AND (:print_status::text IS NULL OR coalesce(b.status, 'to_print') = :print_status)
  AND (:ids::uuid[] IS NULL OR a.id = ANY (:ids::uuid[]))

-- name: mark_printed
-- Mark badges printed; the ids of those that were to print (printed ones are left as they were).
INSERT INTO badge (accreditation_id, conference_id, status, printed_at, printed_by)
SELECT i, :conference_id, 'printed', :now, :actor FROM unnest(:ids::uuid[]) AS i
ON CONFLICT (accreditation_id) DO UPDATE
SET status = 'printed', printed_at = EXCLUDED.printed_at, printed_by = EXCLUDED.printed_by
WHERE badge.status = 'to_print'
RETURNING accreditation_id

-- name: reissue
-- A new version of a badge, to print; the new version.
INSERT INTO badge (accreditation_id, conference_id, version, status, reissued_at, reissue_reason,
                   reissue_note)
VALUES (:accreditation_id, :conference_id, 2, 'to_print', :now, :reason, :note)
ON CONFLICT (accreditation_id) DO UPDATE
SET version = badge.version + 1, status = 'to_print', printed_at = NULL, printed_by = NULL,
    collection_id = NULL, recovered_at = NULL, recovered_by = NULL,
    reissued_at = EXCLUDED.reissued_at, reissue_reason = EXCLUDED.reissue_reason, reissue_note = EXCLUDED.reissue_note
RETURNING version

-- name: delegation_conference
-- The conference of a delegation.
SELECT conference_id FROM delegation WHERE id = :delegation_id

-- name: uncollected
-- A delegation's printed badges not handed over yet, of approved accreditations, locked until
-- commit (a second desk recording the same pack waits), with what clearance needs.
SELECT b.accreditation_id, a.category = ANY (c.vetting_required) AS clearance_required,
       v.status AS clearance_recorded
FROM badge b
JOIN accreditation a ON a.id = b.accreditation_id
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.delegation_id = :delegation_id AND b.status = 'printed' AND b.collection_id IS NULL
  AND a.status = 'approved' AND a.erased_at IS NULL
ORDER BY b.accreditation_id
FOR UPDATE OF b

-- name: uncollected_of_conference
-- Each printed badge of the conference's delegations not handed over yet, of an approved
-- accreditation, with what clearance needs: how many each pack holds, said on the console's
-- badges page before anyone types who collects it.
SELECT a.delegation_id, a.category = ANY (c.vetting_required) AS clearance_required,
       v.status AS clearance_recorded
FROM badge b
JOIN accreditation a ON a.id = b.accreditation_id
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.delegation_id IS NOT NULL
  AND b.status = 'printed' AND b.collection_id IS NULL
  AND a.status = 'approved' AND a.erased_at IS NULL

-- name: insert_collection
INSERT INTO pack_collection (conference_id, delegation_id, collected_by, collected_at,
                             recorded_by)
VALUES (:conference_id, :delegation_id, :collected_by, :collected_at, :recorded_by)
RETURNING id

-- name: hand_over
-- The badges given in a pack.
UPDATE badge SET collection_id = :collection_id WHERE accreditation_id = ANY (:ids::uuid[])

-- name: void_badges
-- The printed badges of a conference's accreditations that are no longer valid (substituted,
-- withdrawn or revoked after the badge was printed): physical badges out there, which the door
-- refuses; with the pack they were handed over in, when they became void, and whether the desk
-- recorded them recovered (when, by whom: the actor, and the signed-in person's name). Only
-- those recovered or not when :recovered is set, one accreditation's when :accreditation_id is
-- (the console's badges page, "Void badges still out there"; docs/credentials.md).
SELECT a.id, a.given_name, a.family_name, a.status, a.delegation_id, b.version,
       b.printed_at, pc.collected_by, pc.collected_at,
       (SELECT bc.code FROM badge_code bc
        WHERE bc.accreditation_id = a.id AND bc.version = b.version) AS short_code,
       (SELECT max(e.occurred_at) FROM domain_event e
        WHERE e.subject_id = a.id::text AND e.type = 'accreditation.' || a.status) AS void_at,
       b.recovered_at, b.recovered_by,
       (SELECT p.name FROM person p WHERE 'person:' || p.id::text = b.recovered_by)
           AS recovered_by_name
FROM badge b
JOIN accreditation a ON a.id = b.accreditation_id
LEFT JOIN pack_collection pc ON pc.id = b.collection_id
WHERE b.conference_id = :conference_id AND b.status = 'printed'
  AND a.status IN ('substituted', 'withdrawn', 'revoked') AND a.erased_at IS NULL
  AND (:recovered::boolean IS NULL OR (b.recovered_at IS NOT NULL) = :recovered::boolean)
  AND (:accreditation_id::uuid IS NULL OR a.id = :accreditation_id::uuid)
ORDER BY void_at DESC NULLS LAST, a.family_name, a.given_name, a.id

-- name: lock_badge
-- An accreditation's badge row (its print status and whether it was recorded recovered),
-- locked until commit: a second desk recording the same recovery waits, then finds it recorded.
SELECT b.status, b.version, b.recovered_at
FROM badge b
WHERE b.accreditation_id = :accreditation_id
FOR UPDATE OF b

-- name: record_recovery
-- Record a printed badge recovered at the desk (handed back or destroyed); no row when it was
-- recorded already.
UPDATE badge SET recovered_at = :now, recovered_by = :actor
WHERE accreditation_id = :accreditation_id AND status = 'printed' AND recovered_at IS NULL
RETURNING accreditation_id
