-- Rooms, sessions, participants, protocol views and published versions.
-- The booking invariants live in migrations/0002_programme.sql (exclusion constraints).

-- name: insert_room
INSERT INTO room (conference_id, name, capacity, created_at)
VALUES ($1, $2, $3, $4)
ON CONFLICT DO NOTHING
RETURNING *

-- name: rooms_of
SELECT * FROM room WHERE conference_id = $1 ORDER BY lower(name), id

-- name: lock_room
-- Bookings of one room queue here: the first commits, the next meets its session at once (a
-- 409 naming it) rather than both waiting on each other's uncommitted row in the exclusion
-- constraint until PostgreSQL aborts one as a deadlock. NO KEY: inserts referencing the room
-- (foreign keys) are not held up by it.
SELECT * FROM room WHERE id = $1 FOR NO KEY UPDATE

-- name: insert_session
INSERT INTO session (conference_id, room_id, title, kind, during, press_access, audience,
                     royal_presence, created_at, updated_at)
VALUES ($1, $2, $3, $4, tstzrange($5, $6), $7, $8, $9, $10, $10)
RETURNING id

-- name: lock_session
SELECT s.*, lower(s.during) AS starts_at, upper(s.during) AS ends_at
FROM session s WHERE s.id = $1
FOR UPDATE

-- name: update_session
UPDATE session
SET title = $2, kind = $3, room_id = $4, during = tstzrange($5, $6), press_access = $7,
    audience = $8, royal_presence = $9, updated_at = $10
WHERE id = $1

-- name: cancel_session
UPDATE session SET cancelled_at = $2, updated_at = $2 WHERE id = $1

-- name: session_view
SELECT * FROM session_row WHERE id = $1

-- name: sessions_of
SELECT * FROM session_row
WHERE conference_id = $1
ORDER BY starts_at, ends_at, lower(room), id

-- name: room_clashes
SELECT 'room' AS kind, s.id AS session_id, s.title, s.room_id, r.name AS room,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, NULL::uuid AS accreditation_id
FROM session s JOIN room r ON r.id = s.room_id
WHERE s.room_id = $1 AND s.during && tstzrange($2, $3) AND s.cancelled_at IS NULL
  AND s.id IS DISTINCT FROM $4::uuid
ORDER BY lower(s.during), s.id

-- name: person_clashes
SELECT 'person' AS kind, s.id AS session_id, s.title, s.room_id, r.name AS room,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, p.accreditation_id
FROM session_participant p
JOIN session s ON s.id = p.session_id
JOIN room r ON r.id = s.room_id
WHERE p.accreditation_id = ANY ($1::uuid[]) AND p.during && tstzrange($2, $3) AND NOT p.cancelled
  AND p.session_id IS DISTINCT FROM $4::uuid
ORDER BY p.accreditation_id, lower(s.during), s.id

-- name: accreditation_for_session
SELECT id, conference_id, status, erased_at FROM accreditation WHERE id = $1 FOR SHARE

-- name: participant_of
SELECT role FROM session_participant WHERE session_id = $1 AND accreditation_id = $2

-- name: participant_ids
SELECT accreditation_id FROM session_participant WHERE session_id = $1

-- name: participant_statuses
SELECT a.id, a.status
FROM session_participant p JOIN accreditation a ON a.id = p.accreditation_id
WHERE p.session_id = $1
FOR SHARE OF a

-- name: insert_participant
-- during and cancelled are set from the session by the trigger session_participant_takes_session_times.
INSERT INTO session_participant (session_id, conference_id, accreditation_id, role, during, added_at)
VALUES ($1, $2, $3, $4, 'empty', $5)

-- name: set_participant_role
UPDATE session_participant SET role = $3 WHERE session_id = $1 AND accreditation_id = $2

-- name: delete_participant
DELETE FROM session_participant WHERE session_id = $1 AND accreditation_id = $2 RETURNING role

-- name: invited_count
SELECT count(*) FROM (
    SELECT accreditation_id FROM session_participant WHERE session_id = $1
    UNION
    SELECT a.id
    FROM session s JOIN accreditation a ON a.conference_id = s.conference_id
    WHERE s.id = $1 AND a.category = ANY (s.audience) AND a.status = 'approved'
      AND a.erased_at IS NULL
) AS invited

-- name: participants_as_members
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.in_office_since, a.delegation_id, d.country,
       d.organisation ->> 'name' AS organisation, p.role
FROM session_participant p
JOIN accreditation a ON a.id = p.accreditation_id
LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE p.session_id = $1
ORDER BY p.added_at, a.id

-- name: delegation_members
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.in_office_since, a.delegation_id, d.country,
       d.organisation ->> 'name' AS organisation, NULL AS role
FROM accreditation a JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = $1 AND a.category IN ('minister', 'official')
  AND a.status IN ('approved', 'submitted') AND a.erased_at IS NULL

-- name: security_list
-- Participants (approved), then the approved accreditations of the audience categories that were
-- approved by the deadline ($2; NULL when the conference has none).
WITH listed AS (
    SELECT p.accreditation_id AS id, p.role FROM session_participant p WHERE p.session_id = $1
    UNION ALL
    SELECT a.id, 'audience'
    FROM session s JOIN accreditation a ON a.conference_id = s.conference_id
    WHERE s.id = $1 AND a.category = ANY (s.audience) AND a.status = 'approved'
      AND ($2::timestamptz IS NULL OR a.decided_at <= $2)
      AND NOT EXISTS (SELECT 1 FROM session_participant p
                      WHERE p.session_id = $1 AND p.accreditation_id = a.id)
)
SELECT a.id AS accreditation_id, a.family_name, a.given_name, a.category, listed.role,
       d.country, d.organisation ->> 'name' AS organisation
FROM listed
JOIN accreditation a ON a.id = listed.id
LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE a.status = 'approved' AND a.erased_at IS NULL

-- name: country_delegations
SELECT country FROM delegation WHERE conference_id = $1 AND country IS NOT NULL ORDER BY country

-- name: record_drawn_start
UPDATE conference SET protocol = protocol || jsonb_build_object('drawn_start', $2::text)
WHERE id = $1 AND protocol ->> 'drawn_start' IS NULL
RETURNING id

-- name: lock_programme
-- Serialises the publications of one conference (FOR NO KEY UPDATE does not block the foreign
-- key checks of rows that reference the conference).
SELECT id FROM conference WHERE id = $1 FOR NO KEY UPDATE

-- name: latest_version
SELECT * FROM programme_version WHERE conference_id = $1 ORDER BY number DESC LIMIT 1

-- name: version_by_number
SELECT * FROM programme_version WHERE conference_id = $1 AND number = $2

-- name: insert_version
INSERT INTO programme_version (conference_id, number, published_at, published_by, snapshot, changes)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *

-- name: accreditation_by_email
-- The demo's idempotency: a person already accredited to the conference.
SELECT id, status FROM accreditation
WHERE conference_id = $1 AND lower(email) = lower($2) AND status <> 'withdrawn'
  AND erased_at IS NULL

-- name: delegations_in_precedence
-- What the order of precedence needs of each delegation (no focal-point data).
SELECT id, kind, country, organisation ->> 'name' AS organisation
FROM delegation WHERE conference_id = $1

-- name: personal_sessions
-- The sessions a person is on, with their role (the personal-data export's "sessions").
SELECT s.id AS session_id, s.title, s.kind, lower(s.during) AS starts_at,
       upper(s.during) AS ends_at, r.name AS room, p.role, p.added_at,
       s.cancelled_at IS NOT NULL AS cancelled
FROM session_participant p
JOIN session s ON s.id = p.session_id
JOIN room r ON r.id = s.room_id
WHERE p.accreditation_id = $1
ORDER BY lower(s.during), s.id
