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
SELECT count(*) FROM accreditation
WHERE conference_id = $1 AND category = 'press' AND status = 'approved'

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
