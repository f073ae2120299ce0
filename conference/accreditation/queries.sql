-- name: insert_accreditation
INSERT INTO accreditation (conference_id, category, given_name, family_name, email, language, gender,
                           press_outlet, press_card_number, press_role, press_country,
                           delegation_id, rank, function, in_office_since, submitted_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
RETURNING *, (SELECT slug FROM conference WHERE id = $1) AS conference_slug

-- name: accreditation_by_id
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = $1

-- name: lock_accreditation
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = $1
FOR UPDATE OF a

-- name: set_status
UPDATE accreditation
SET status = $2, updated_at = $3,
    decided_at = CASE WHEN $4 THEN $3 ELSE decided_at END
WHERE id = $1
RETURNING *, (SELECT slug FROM conference WHERE id = conference_id) AS conference_slug

-- name: insert_history
INSERT INTO accreditation_history (accreditation_id, at, actor, action, from_status, to_status, reason)
VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: history_of
SELECT at, actor, action, from_status, to_status, reason
FROM accreditation_history WHERE accreditation_id = $1 ORDER BY id

-- name: count_approved_press
-- An erased person no longer holds a place.
SELECT count(*) FROM accreditation
WHERE conference_id = $1 AND category = 'press' AND status = 'approved' AND erased_at IS NULL

-- name: list_accreditations
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.conference_id = $1
  AND ($2::text IS NULL OR a.category = $2)
  AND ($3::text IS NULL OR a.status = $3)
  AND ($4::uuid IS NULL OR a.delegation_id = $4)
  AND a.seq > $5
ORDER BY a.seq
LIMIT $6

-- name: delegation_conference
SELECT conference_id FROM delegation WHERE id = $1

-- name: register
-- A whole application in one statement (one round trip, its own transaction): the conference
-- by slug, the press window (skipped for organisers, $18) and pool, the delegation's conference,
-- then the row, its history row, its domain event and the applicant's token, all or nothing.
-- A duplicate person is not an error here (ON CONFLICT DO NOTHING waits for a concurrent
-- application of the same person and then skips): no row comes back with inserted = false.
-- No row at all: no such conference.
WITH gate AS (
    SELECT c.id, c.slug, c.press_opens_at, c.press_closes_at, c.press_pool_capacity,
           ($2::text <> 'press' OR $18::boolean
            OR (c.press_opens_at <= $16::timestamptz AND $16::timestamptz < c.press_closes_at))
               AS window_open,
           ($2::text <> 'press'
            OR (SELECT count(*) FROM accreditation a
                WHERE a.conference_id = c.id AND a.category = 'press' AND a.status = 'approved'
                  AND a.erased_at IS NULL)
               < c.press_pool_capacity) AS pool_open,
           ($12::uuid IS NULL
            OR EXISTS (SELECT 1 FROM delegation d WHERE d.id = $12::uuid AND d.conference_id = c.id))
               AS delegation_known
    FROM conference c WHERE c.slug = $1
), ins AS (
    INSERT INTO accreditation (id, conference_id, category, given_name, family_name, email,
                               language, gender, press_outlet, press_card_number, press_role,
                               press_country, delegation_id, rank, function, in_office_since,
                               submitted_at, updated_at)
    SELECT $17::uuid, gate.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
           $16, $16
    FROM gate WHERE gate.window_open AND gate.pool_open AND gate.delegation_known
    ON CONFLICT DO NOTHING
    RETURNING *
), history AS (
    INSERT INTO accreditation_history (accreditation_id, at, actor, action, from_status, to_status)
    SELECT ins.id, $16, $19, 'submit', NULL, ins.status FROM ins
), event AS (
    INSERT INTO domain_event (conference_id, type, subject_id, payload, actor)
    SELECT ins.conference_id, $22, ins.id::text, $20::jsonb, $19 FROM ins
), token AS (
    INSERT INTO api_token (token_hash, role, accreditation_id)
    SELECT $21::bytea, 'applicant', ins.id FROM ins
)
SELECT gate.slug AS conference_slug, gate.press_opens_at, gate.press_closes_at,
       gate.press_pool_capacity, gate.window_open, gate.pool_open, gate.delegation_known,
       ins.id IS NOT NULL AS inserted, ins.*
FROM gate LEFT JOIN ins ON true

-- name: conference_exists
SELECT 1 FROM conference WHERE slug = $1
