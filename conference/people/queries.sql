-- name: upsert_person
-- A person by email: created, or the existing one (name and language kept as they were).
INSERT INTO person (email, name, language) VALUES (:email, :full_name, :language)
ON CONFLICT (lower(email)) DO UPDATE SET email = person.email
RETURNING *

-- name: insert_grant
-- One grant; nothing when the person already holds it (returns no row).
INSERT INTO person_grant (person_id, role, conference_id, delegation_id)
VALUES (:person_id, :role, :conference_id, :delegation_id)
ON CONFLICT DO NOTHING
RETURNING id

-- name: person_by_id
-- One person.
SELECT * FROM person WHERE id = :person_id

-- name: person_by_email
-- One person by address, case-insensitive.
SELECT * FROM person WHERE lower(email) = lower(:email)

-- name: focal_points_of_delegation
-- The people holding a focal point grant on a delegation (name, address, language), first
-- granted first: a letter about one of its members goes to each (docs/lifecycle.md, "Letters").
SELECT p.name, p.email, p.language
FROM person_grant g JOIN person p ON p.id = g.person_id
WHERE g.role = 'focal_point' AND g.delegation_id = :delegation_id
ORDER BY g.id

-- name: focal_point_grants_of_conference
-- Every focal point grant of a conference's delegations (person, delegation), first granted
-- first: the deadlines and places mailed to all of them again (docs/lifecycle.md).
SELECT g.person_id, g.delegation_id
FROM person_grant g
WHERE g.role = 'focal_point' AND g.conference_id = :conference_id
ORDER BY g.id

-- name: focal_point_addresses_of_conference
-- Every focal point of a conference's delegations: the delegation, the person's address in
-- lower case and their language (the delegation import compares a row's focal point with them;
-- its template writes the language).
SELECT g.delegation_id, lower(p.email) AS email, p.language
FROM person_grant g
JOIN person p ON p.id = g.person_id
WHERE g.role = 'focal_point' AND g.conference_id = :conference_id

-- name: grants_of
-- A person's grants, with the conference's slug and name (its short name, else its title) and
-- the delegation's country or organisation.
SELECT g.role, g.conference_id, c.slug AS conference_slug,
       coalesce(c.short_name, c.title) AS conference_name, g.delegation_id,
       d.country, d.organisation ->> 'name' AS organisation_name
FROM person_grant g
LEFT JOIN conference c ON c.id = g.conference_id
LEFT JOIN delegation d ON d.id = g.delegation_id
WHERE g.person_id = :person_id
ORDER BY g.id

-- name: insert_link
-- A sign-in link (its secret hashed).
INSERT INTO signin_link (token_hash, person_id, created_at, expires_at)
VALUES (:token_hash, :person_id, :created_at, :expires_at)

-- name: usable_link
-- The language of the person a link signs in, if it is unused and unexpired (does not spend it).
SELECT p.language FROM signin_link l JOIN person p ON p.id = l.person_id
WHERE l.token_hash = :token_hash AND l.used_at IS NULL AND l.expires_at > :now

-- name: spend_link
-- Spends a link once: only the first of two concurrent spends gets the row.
UPDATE signin_link SET used_at = :now
WHERE token_hash = :token_hash AND used_at IS NULL AND expires_at > :now
RETURNING person_id

-- name: insert_session
-- A new session (its secret hashed).
INSERT INTO web_session (id_hash, person_id, created_at, seen_at)
VALUES (:id_hash, :person_id, :now, :now)

-- name: touch_session
-- The person of a live session, which is marked used now (the idle timeout restarts).
UPDATE web_session SET seen_at = :now
WHERE id_hash = :id_hash AND ended_at IS NULL AND seen_at > :idle_since
RETURNING person_id

-- name: end_session
-- Ends a session.
UPDATE web_session SET ended_at = :now WHERE id_hash = :id_hash AND ended_at IS NULL

-- name: conference_of_delegation
-- The conference of a delegation.
SELECT conference_id FROM delegation WHERE id = :delegation_id

-- name: conference_id_by_slug
-- The conference a grant names (people read only what they need of a conference).
SELECT id FROM conference WHERE slug = :slug

-- name: conference_sender
-- Whom a person's mail about a conference comes from: its organisers, under its short name
-- (else its title), and its time zone (when a link in the mail expires).
SELECT organiser_email, title, short_name, timezone FROM conference WHERE id = :conference_id

-- name: delegation_terms
-- What a focal point's welcome says the delegation must do by when: the conference's deadlines
-- (each NULL when left open), its default quotas and the delegation's own.
SELECT c.nominations_close_at, c.changes_close_at, c.quotas AS conference_quotas,
       d.quotas AS delegation_quotas
FROM delegation d JOIN conference c ON c.id = d.conference_id
WHERE d.id = :delegation_id
