-- name: invitation_of
-- The invitation a reply answers: the person (their address) and the last calendar message
-- they were sent for that session (a reply to a cancelled invitation is not taken).
SELECT a.email, s.conference_id, s.method, s.sequence
FROM invitation_state s
JOIN accreditation a ON a.id = s.accreditation_id
WHERE s.accreditation_id = :accreditation_id AND s.session_id = :session_id
  AND a.erased_at IS NULL
FOR UPDATE OF s

-- name: last_reply
SELECT dtstamp FROM attendance
WHERE session_id = :session_id AND accreditation_id = :accreditation_id

-- name: save_reply
INSERT INTO attendance (session_id, accreditation_id, conference_id, partstat, sequence, dtstamp,
                        replied_at)
VALUES (:session_id, :accreditation_id, :conference_id, :partstat, :sequence, :dtstamp, :now)
ON CONFLICT (session_id, accreditation_id) DO UPDATE
SET partstat = excluded.partstat, sequence = excluded.sequence, dtstamp = excluded.dtstamp,
    replied_at = excluded.replied_at

-- name: count_outcome
-- Every inbound message counted by outcome (no address, no content: nothing personal).
INSERT INTO inbound_reply (outcome, received_at) VALUES (:outcome, :now)

-- name: session_conference
SELECT conference_id FROM session WHERE id = :session_id

-- name: attendance_of_session
-- Everyone invited to the session (their last message a REQUEST), with their reply if any.
SELECT s.accreditation_id, a.given_name, a.family_name, s.role,
       coalesce(t.partstat, 'NEEDS-ACTION') AS partstat, t.replied_at
FROM invitation_state s
JOIN accreditation a ON a.id = s.accreditation_id
LEFT JOIN attendance t ON t.session_id = s.session_id AND t.accreditation_id = s.accreditation_id
WHERE s.session_id = :session_id AND s.method = 'REQUEST'
ORDER BY a.family_name, a.given_name, s.accreditation_id

-- name: outcome_counts
SELECT outcome, count(*) AS n FROM inbound_reply GROUP BY outcome

-- name: replies_of
SELECT session_id, partstat, replied_at FROM attendance
WHERE accreditation_id = :accreditation_id
ORDER BY replied_at
