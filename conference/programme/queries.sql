-- Rooms, sessions, participants, protocol views and published versions.
-- The booking invariants live in migrations/0002_programme.sql (exclusion constraints).

-- name: insert_room
-- A new room; no row when the conference already has a room of that name (in either language).
INSERT INTO room (conference_id, name, name_fr, name_en, capacity, created_at)
VALUES (:conference_id, :name, :name_fr, :name_en, :capacity, :created_at)
ON CONFLICT DO NOTHING
RETURNING *

-- name: rooms_of
-- The rooms of a conference, by name.
SELECT * FROM room WHERE conference_id = :conference_id ORDER BY lower(name), id

-- name: lock_room
-- Bookings of one room queue here: the first commits, the next meets its session at once (a
-- 409 naming it) rather than both waiting on each other's uncommitted row in the exclusion
-- constraint until PostgreSQL aborts one as a deadlock. NO KEY: inserts referencing the room
-- (foreign keys) are not held up by it.
SELECT * FROM room WHERE id = :room_id FOR NO KEY UPDATE

-- name: insert_session
-- A new session; the exclusion constraint refuses a double booking of its room.
INSERT INTO session (conference_id, room_id, title, kind, during, press_access, audience,
                     royal_presence, created_at, updated_at)
VALUES (:conference_id, :room_id, :title, :kind, tstzrange(:starts_at, :ends_at),
        :press_access, :audience, :royal_presence, :now, :now)
RETURNING id

-- name: lock_session
-- A session with its times, locked until commit (changes to one session queue). FOR NO KEY
-- UPDATE, as a room is: a session's id never changes, and a foreign key check on it (the
-- worker saving an invitation state) passes instead of closing a deadlock with a batch that
-- holds the person being put on the session (docs/architecture.md, "Deadlocks").
SELECT s.*, lower(s.during) AS starts_at, upper(s.during) AS ends_at
FROM session s WHERE s.id = :session_id
FOR NO KEY UPDATE

-- name: update_session
-- Every changeable field of a session at once; the trigger carries the times to its
-- participants' rows (and the exclusion constraints check them).
UPDATE session
SET title = :title, kind = :kind, room_id = :room_id, during = tstzrange(:starts_at, :ends_at),
    press_access = :press_access, audience = :audience, royal_presence = :royal_presence,
    updated_at = :now
WHERE id = :session_id

-- name: cancel_session
-- Cancel a session (it keeps its row, its room and its people).
UPDATE session SET cancelled_at = :now, updated_at = :now WHERE id = :session_id

-- name: session_view
-- One session as the API shows it (the view session_row: room name, capacity, participants).
SELECT * FROM session_row WHERE id = :session_id

-- name: sessions_of
-- The draft programme of a conference, in programme order.
SELECT * FROM session_row
WHERE conference_id = :conference_id
ORDER BY starts_at, ends_at, lower(room), id

-- name: room_clashes
-- The live sessions of a room whose occupied range (from the seating for a royal-presence
-- session) overlaps a span, but the session being changed.
SELECT 'room' AS kind, s.id AS session_id, s.title, s.room_id, r.name AS room,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, NULL::uuid AS accreditation_id,
       CASE WHEN s.royal_presence THEN lower(s.occupied) END AS seated_by
FROM session s JOIN room r ON r.id = s.room_id
WHERE s.room_id = :room_id AND s.occupied && tstzrange(:starts_at, :ends_at)
  AND s.cancelled_at IS NULL AND s.id IS DISTINCT FROM :session_id::uuid
ORDER BY lower(s.during), s.id

-- name: person_clashes
-- The live sessions of some people whose occupied range overlaps a span, but the session being
-- changed.
SELECT 'person' AS kind, s.id AS session_id, s.title, s.room_id, r.name AS room,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, p.accreditation_id,
       CASE WHEN s.royal_presence THEN lower(s.occupied) END AS seated_by
FROM session_participant p
JOIN session s ON s.id = p.session_id
JOIN room r ON r.id = s.room_id
WHERE p.accreditation_id = ANY (:people::uuid[]) AND p.during && tstzrange(:starts_at, :ends_at)
  AND NOT p.cancelled AND p.session_id IS DISTINCT FROM :session_id::uuid
ORDER BY p.accreditation_id, lower(s.during), s.id

-- name: accreditation_for_session
-- What putting a person on a session needs of their accreditation, locked against a decision
-- until commit.
SELECT id, conference_id, status, erased_at, given_name, family_name FROM accreditation
WHERE id = :accreditation_id
FOR SHARE

-- name: participant_role
-- A person's role on a session (no row: not on it).
SELECT role FROM session_participant
WHERE session_id = :session_id AND accreditation_id = :accreditation_id

-- name: participant_ids
-- The people on a session.
SELECT accreditation_id FROM session_participant WHERE session_id = :session_id

-- name: participant_statuses
-- The status of each person on a session, locked against a decision until commit.
SELECT a.id, a.status
FROM session_participant p JOIN accreditation a ON a.id = p.accreditation_id
WHERE p.session_id = :session_id
FOR SHARE OF a

-- name: insert_participant
-- Put a person on a session. during and cancelled are set from the session by the trigger
-- session_participant_takes_session_times.
INSERT INTO session_participant (session_id, conference_id, accreditation_id, role, during,
                                 added_at)
VALUES (:session_id, :conference_id, :accreditation_id, :role, 'empty', :added_at)

-- name: set_participant_role
-- Give a person on a session another role (a second chair breaks a unique index).
UPDATE session_participant SET role = :role
WHERE session_id = :session_id AND accreditation_id = :accreditation_id

-- name: delete_participant
-- Take a person off a session; their role, or no row when they were not on it.
DELETE FROM session_participant
WHERE session_id = :session_id AND accreditation_id = :accreditation_id
RETURNING role

-- name: invited_count
-- How many people a session invites: its participants and the approved accreditations of its
-- audience categories, each counted once.
SELECT count(*) FROM (
    SELECT accreditation_id FROM session_participant WHERE session_id = :session_id
    UNION
    SELECT a.id
    FROM session s JOIN accreditation a ON a.conference_id = s.conference_id
    WHERE s.id = :session_id AND a.category = ANY (s.audience) AND a.status = 'approved'
      AND a.erased_at IS NULL
) AS invited

-- name: participants_as_members
-- The people on a session as the protocol views need them, in the order they were added.
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.function_fr, a.function_en, a.in_office_since, a.delegation_id,
       d.country,
       d.organisation ->> 'name' AS organisation, p.role
FROM session_participant p
JOIN accreditation a ON a.id = p.accreditation_id
LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE p.session_id = :session_id
ORDER BY p.added_at, a.id

-- name: delegation_members
-- The ministers and officials of every delegation (approved or still submitted): who may head
-- a delegation in the order of precedence; not someone whose security clearance was refused,
-- who is off the list of participants and leads no delegation (docs/protocol.md, "Heads of
-- delegation"): the next ranking member leads, or none.
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.function_fr, a.function_en, a.in_office_since, a.delegation_id,
       d.country,
       d.organisation ->> 'name' AS organisation, NULL AS role
FROM accreditation a JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = :conference_id AND a.category IN ('minister', 'official')
  AND a.status IN ('approved', 'submitted') AND a.erased_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM vetting_status v
                  WHERE v.accreditation_id = a.id AND v.status = 'refused')

-- name: host_genders
-- Who a host may be, with their gender: every live accreditation outside the press that has
-- one, whatever its category and delegation (a Commissioner hosts as staff, with none), so that
-- a host is named "Her Excellency Ms …" wherever they are accredited (docs/protocol.md,
-- "Patron and hosts").
SELECT given_name, family_name, gender FROM accreditation
WHERE conference_id = :conference_id AND gender IS NOT NULL AND category <> 'press'
  AND status IN ('submitted', 'waitlisted', 'approved') AND erased_at IS NULL

-- name: security_list
-- Participants (approved), then the approved accreditations of the audience categories that were
-- approved by the deadline (NULL when the conference has none); never someone without the
-- clearance a badge needs: refused, or required by the category and not (yet) cleared (pending,
-- more information asked). No door admits them (docs/credentials.md, "Vetting";
-- credentials.domain.lacks_clearance); cleared, they are listed again. Who joined after the
-- deadline is marked: a participant approved after it (a late substitute, with whom they
-- replace), or someone whose clearance, which the category needs, was granted after it.
-- Those awaiting clearance come back marked `awaiting_clearance`: the list leaves them out and
-- names them apart, so that protocol sees who is missing and why.
-- Each person comes with what the police check them against, by the security page's rule (the
-- view `identity_checked`, docs/credentials.md, "Vetting"): the identity document given, else
-- the passport of their latest visa letter request, never mixed, nothing once the conference's
-- vetting data are purged.
WITH listed AS (
    SELECT p.accreditation_id AS id, p.role FROM session_participant p
    WHERE p.session_id = :session_id
    UNION ALL
    SELECT a.id, 'audience'
    FROM session s JOIN accreditation a ON a.conference_id = s.conference_id
    WHERE s.id = :session_id AND a.category = ANY (s.audience) AND a.status = 'approved'
      AND (:deadline::timestamptz IS NULL OR a.decided_at <= :deadline)
      -- the press of the audience only where the press is let in, as the calendar invites
      -- them (docs/calendar.md): at a pool session only the pool members put on it, at a
      -- photo opportunity the photographers and camera operators
      AND (a.category <> 'press' OR s.press_access = 'open'
           OR (s.press_access = 'photo_opportunity'
               AND a.press_role IN ('photographer', 'camera')))
      AND NOT EXISTS (SELECT 1 FROM session_participant p
                      WHERE p.session_id = :session_id AND p.accreditation_id = a.id)
)
SELECT a.id AS accreditation_id, a.family_name, a.given_name, a.category, listed.role,
       said_gender(a.gender, a.salutation) AS gender,
       d.country, d.organisation ->> 'name' AS organisation,
       (:deadline::timestamptz IS NOT NULL
        AND (a.decided_at > :deadline
             OR (a.category = ANY (c.vetting_required)
                 AND coalesce(v.set_at > :deadline, false))))
           AS added_after_freeze,
       replaced.given_name AS replaced_given_name, replaced.family_name AS replaced_family_name,
       (a.category = ANY (c.vetting_required) AND v.status IS DISTINCT FROM 'cleared')
           AS awaiting_clearance,
       ic.nationality, ic.document_type, ic.document_number, ic.date_of_birth
FROM listed
JOIN accreditation a ON a.id = listed.id
JOIN conference c ON c.id = a.conference_id
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
JOIN identity_checked ic ON ic.accreditation_id = a.id
-- A participant approved after the deadline took a place by a substitution (nobody else is put
-- on the session once it froze): the person they replace, as the frozen list named them.
LEFT JOIN LATERAL (
    SELECT o.given_name, o.family_name
    FROM domain_event e JOIN accreditation o ON o.id = (e.payload ->> 'accreditation_id')::uuid
    WHERE e.type = 'accreditation.substituted' AND e.payload ->> 'substitute_id' = a.id::text
      AND o.erased_at IS NULL
    ORDER BY e.id DESC LIMIT 1
) AS replaced ON :deadline::timestamptz IS NOT NULL AND a.decided_at > :deadline
WHERE a.status = 'approved' AND a.erased_at IS NULL
  AND v.status IS DISTINCT FROM 'refused'

-- name: country_delegations
-- The countries a conference has a delegation of: the candidates of a draw among delegations.
SELECT country FROM delegation
WHERE conference_id = :conference_id AND country IS NOT NULL
ORDER BY country

-- name: record_drawn_start
-- Record the country drawn by lot, once: no row when one was drawn already.
UPDATE conference SET protocol = protocol || jsonb_build_object('drawn_start', :drawn_start::text)
WHERE id = :conference_id AND protocol ->> 'drawn_start' IS NULL
RETURNING id

-- name: lock_programme
-- Serialises the publications of one conference (FOR NO KEY UPDATE does not block the foreign
-- key checks of rows that reference the conference).
SELECT id FROM conference WHERE id = :conference_id FOR NO KEY UPDATE

-- name: latest_version
-- The latest published version of a conference's programme (no row: none yet).
SELECT * FROM programme_version WHERE conference_id = :conference_id ORDER BY number DESC LIMIT 1

-- name: version_by_number
-- One published version of a conference's programme.
SELECT * FROM programme_version WHERE conference_id = :conference_id AND number = :number

-- name: insert_version
-- A new published version: the frozen sessions and the changelog against the version before.
INSERT INTO programme_version (conference_id, number, published_at, published_by, snapshot,
                               changes)
VALUES (:conference_id, :number, :published_at, :published_by, :snapshot, :changes)
RETURNING *

-- name: delegations_in_precedence
-- What the order of precedence needs of each delegation (no focal-point data).
SELECT id, kind, country, organisation ->> 'name' AS organisation
FROM delegation WHERE conference_id = :conference_id

-- name: personal_sessions
-- The sessions a person is on, with their role (the personal-data export's "sessions").
SELECT s.id AS session_id, s.title, s.kind, lower(s.during) AS starts_at,
       upper(s.during) AS ends_at, r.name AS room, p.role, p.added_at,
       s.cancelled_at IS NOT NULL AS cancelled
FROM session_participant p
JOIN session s ON s.id = p.session_id
JOIN room r ON r.id = s.room_id
WHERE p.accreditation_id = :accreditation_id
ORDER BY lower(s.during), s.id
