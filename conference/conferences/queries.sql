-- name: insert_conference
INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, patron, hosts, languages,
                        press_opens_at, press_closes_at, press_pool_capacity,
                        security_list_deadline, spokespersons, organiser_email, protocol,
                        retention_days, vetting_retention_days)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
ON CONFLICT (slug) DO NOTHING
RETURNING *

-- name: conference_by_slug
SELECT * FROM conference WHERE slug = $1

-- name: conference_by_id
SELECT * FROM conference WHERE id = $1

-- name: lock_conference
SELECT * FROM conference WHERE id = $1 FOR UPDATE

-- name: insert_delegation
INSERT INTO delegation (conference_id, kind, country, organisation, focal_point_name, focal_point_email)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT DO NOTHING
RETURNING *

-- name: delegations_of
SELECT * FROM delegation WHERE conference_id = $1 ORDER BY created_at, id

-- name: delegation_by_id
SELECT * FROM delegation WHERE id = $1
