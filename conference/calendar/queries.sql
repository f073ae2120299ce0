-- name: latest_snapshot
SELECT number, published_at, snapshot FROM programme_version
WHERE conference_id = $1 ORDER BY number DESC LIMIT 1

-- name: attendees_after
-- Everyone whose calendar may need a message (the approved, and those already sent something),
-- in the order of their accreditation, after the given one (keyset: accreditation_list); with
-- whether their security clearance was refused (invited to nothing: docs/calendar.md).
SELECT id, seq, category, status, press_role, given_name, family_name, email, language, gender,
       salutation, rank, decided_at,
       EXISTS (SELECT 1 FROM vetting_status v
               WHERE v.accreditation_id = a.id AND v.status = 'refused') AS clearance_refused
FROM accreditation a
WHERE conference_id = $1 AND seq > $2 AND erased_at IS NULL
  AND (status = 'approved'
       OR EXISTS (SELECT 1 FROM invitation_state i WHERE i.accreditation_id = a.id))
ORDER BY seq
LIMIT $3

-- name: awaiting_their_event
-- The people whose own change (approval, withdrawal, revocation, substitution, clearance) is
-- recorded but not yet dispatched to this consumer ($2, its name): that change's run reconciles
-- them, after its letter (docs/calendar.md, "A person's letter before their invitations"). Few
-- rows: the pending events only (index domain_event_pending).
SELECT unnest(ARRAY[subject_id, payload ->> 'substitute_id'])::uuid AS id
FROM domain_event
WHERE dispatched_at IS NULL AND conference_id = $1
  AND type IN ('accreditation.approved', 'accreditation.withdrawn', 'accreditation.revoked',
               'accreditation.substituted', 'accreditation.vetting_status_set')
  AND NOT ($2 = ANY (consumers_done))

-- name: security_list_deadline
-- The conference's security-list deadline: a royal-presence session invites the audience
-- approved by then (docs/protocol.md, "Royal presence").
SELECT security_list_deadline FROM conference WHERE id = $1

-- name: pool_members
-- The members of the press pools covering each session of the conference, as they are now (a
-- pool's members are invited to the sessions it covers: docs/calendar.md, "Who is invited").
SELECT ps.session_id, array_agg(DISTINCT m.accreditation_id) AS members
FROM press_pool_session ps
JOIN press_pool_member m ON m.pool_id = ps.pool_id
WHERE ps.conference_id = $1
GROUP BY ps.session_id

-- name: pool_session_people
-- Whom a session linked to or unlinked from a press pool ($1, $2) concerns: the pool's members
-- now, and whoever holds an invitation to the session as a pool member.
SELECT accreditation_id FROM press_pool_member WHERE pool_id = $1
UNION
SELECT accreditation_id FROM invitation_state WHERE session_id = $2 AND part = 'pool'

-- name: attendee
-- One person as the calendar reads them, with whether their security clearance was refused.
SELECT id, category, status, press_role, given_name, family_name, email, language, gender, rank,
       salutation, conference_id, erased_at, decided_at,
       EXISTS (SELECT 1 FROM vetting_status v
               WHERE v.accreditation_id = a.id AND v.status = 'refused') AS clearance_refused
FROM accreditation a WHERE id = $1

-- name: states_of_accreditations
SELECT accreditation_id, session_id, method, sequence, basis, role, part, details
FROM invitation_state WHERE accreditation_id = ANY($1::uuid[])

-- name: states_of_accreditation
SELECT accreditation_id, session_id, method, sequence, basis, role, part, details
FROM invitation_state WHERE accreditation_id = $1

-- name: session_versions
-- Sessions as they were published at given sequences (what an attendee's calendar holds), from
-- the latest version that has each (up to version $4, if given): the sequence changes with every
-- change an update words.
SELECT DISTINCT ON (wanted.session_id, wanted.sequence) s.value AS session
FROM unnest($2::text[], $3::int[]) AS wanted(session_id, sequence)
JOIN programme_version v ON v.conference_id = $1 AND ($4::int IS NULL OR v.number <= $4)
CROSS JOIN LATERAL jsonb_array_elements(v.snapshot -> 'sessions') AS s(value)
WHERE s.value ->> 'session_id' = wanted.session_id
  AND (s.value ->> 'sequence')::int = wanted.sequence
ORDER BY wanted.session_id, wanted.sequence, v.number DESC

-- name: save_states
INSERT INTO invitation_state (accreditation_id, session_id, conference_id, method, sequence,
                              basis, role, part, details, updated_at)
SELECT s.accreditation_id, s.session_id, $1, s.method, s.sequence, s.basis, s.role, s.part,
       s.details, $2
FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[],
            $10::int[])
     AS s(accreditation_id, session_id, method, sequence, basis, role, part, details)
ON CONFLICT (accreditation_id, session_id) DO UPDATE
SET method = EXCLUDED.method, sequence = EXCLUDED.sequence, basis = EXCLUDED.basis,
    role = EXCLUDED.role, part = EXCLUDED.part, details = EXCLUDED.details,
    updated_at = EXCLUDED.updated_at

-- name: calendar_details
-- Revisions of the conference's details the invitations render, as they were (what an
-- attendee's calendar holds before an update: its words say what changed).
SELECT revision, details FROM conference_calendar_details
WHERE conference_id = $1 AND revision = ANY($2::int[])

-- name: lock_conference_calendar
-- One calendar consumer at a time per conference (released at the end of the transaction): the
-- plan reads and saves the invitation states of everyone.
SELECT pg_advisory_xact_lock($1)

-- name: save_render_context
-- What the invitations queued to be rendered at send time share (docs/outbox.md): written once
-- per content (its id is derived from it).
INSERT INTO render_context (id, conference_id, renderer, context) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO NOTHING

-- name: render_context
SELECT id, conference_id, renderer, context FROM render_context WHERE id = $1

-- name: snapshot_by_number
SELECT number, published_at, snapshot FROM programme_version
WHERE conference_id = $1 AND number = $2

-- name: invitations_held
-- The invitations people hold (their last message for the session a REQUEST), by session and
-- the holder's language: what a correction of the conference's details would update (the
-- console's settings page, docs/workspaces.md).
SELECT i.session_id, a.language, count(*) AS held
FROM invitation_state i JOIN accreditation a ON a.id = i.accreditation_id
WHERE i.conference_id = $1 AND i.method = 'REQUEST' AND a.status = 'approved'
  AND a.erased_at IS NULL
GROUP BY i.session_id, a.language
