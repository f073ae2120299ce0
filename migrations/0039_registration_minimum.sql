-- A registration writes the minimum (docs/outbox.md, "The audit trail"; bench/README.md): the
-- accreditation, carrying the hash of the applicant's one current token, and its domain event.
-- The audit trail is read from the domain events, which carry who (actor), when (occurred_at)
-- and, in the new `history` column, what only the trail needs: reasons, overrides, the
-- accreditation a substitution links.

-- 1. The audit trail in the events. NULL: the event's default line (its type and payload's
--    states); otherwise the lines it adds, each naming its accreditation.
ALTER TABLE domain_event ADD COLUMN history jsonb;

-- The existing trail, line for line (time, actor, action, states, reason, link): one event per
-- accreditation, already dispatched (no consumer runs on it) and outside any conference's log
-- (integrators never see it). The events written before now then add no line of their own.
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at,
                          dispatched_at, history)
SELECT NULL, 'accreditation.history', h.accreditation_id::text,
       jsonb_build_object('accreditation_id', h.accreditation_id), 'migration', min(h.at), now(),
       jsonb_agg(jsonb_build_object(
           'accreditation_id', h.accreditation_id, 'at', h.at, 'actor', h.actor,
           'action', h.action, 'from_status', h.from_status, 'to_status', h.to_status,
           'reason', h.reason, 'linked_accreditation_id', h.linked_accreditation_id)
           ORDER BY h.id)
FROM accreditation_history h
GROUP BY h.accreditation_id
ORDER BY min(h.id);

UPDATE domain_event SET history = '[]'
WHERE type LIKE 'accreditation.%' AND type <> 'accreditation.history' AND history IS NULL;

DROP TABLE accreditation_history;

-- An accreditation's trail: its own events, and the substitution that made it.
CREATE INDEX domain_event_by_subject ON domain_event (subject_id, id);
CREATE INDEX domain_event_substitute ON domain_event ((payload ->> 'substitute_id'))
    WHERE type = 'accreditation.substituted';

-- 2. The applicant's one current token on its accreditation: its hash and its number (drawn
--    from the tokens' sequence, so that an actor "applicant:<n>" names one link, as before).
ALTER TABLE accreditation ADD COLUMN token_hash bytea, ADD COLUMN token_id bigint;
UPDATE accreditation a SET token_hash = t.token_hash, token_id = t.id
FROM api_token t
WHERE t.accreditation_id = a.id AND t.role = 'applicant' AND t.revoked_at IS NULL;
-- Revoked applicant tokens grant nothing; the current ones now live on their accreditation.
DELETE FROM api_token WHERE role = 'applicant';
DROP INDEX api_token_one_current_per_applicant;
CREATE UNIQUE INDEX accreditation_token ON accreditation (token_hash);

-- 3. Indexes no query needs (bench/README.md, "Every index and the query that uses it"):
-- nothing looks an accreditation up by seq alone (paging goes by conference or delegation),
-- and press applications, which have no delegation, need no entry in the delegation index.
ALTER TABLE accreditation DROP CONSTRAINT accreditation_seq_key;
DROP INDEX accreditation_delegation;
CREATE INDEX accreditation_delegation ON accreditation (delegation_id, seq)
    WHERE delegation_id IS NOT NULL;
