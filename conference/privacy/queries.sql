-- name: upsert_vetting
INSERT INTO accreditation_vetting (accreditation_id, document_type, document_number,
                                   date_of_birth, nationality, recorded_at, name_in_document)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (accreditation_id) DO UPDATE
SET document_type = EXCLUDED.document_type, document_number = EXCLUDED.document_number,
    date_of_birth = EXCLUDED.date_of_birth, nationality = EXCLUDED.nationality,
    recorded_at = EXCLUDED.recorded_at, name_in_document = EXCLUDED.name_in_document
RETURNING *

-- name: insert_vetting_history
INSERT INTO accreditation_vetting_history (accreditation_id, at, actor, actor_role, document_type,
                                           document_number, date_of_birth, nationality,
                                           name_in_document)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)

-- name: vetting_history_of
SELECT at, actor, document_type, document_number, date_of_birth, nationality, name_in_document
FROM accreditation_vetting_history WHERE accreditation_id = $1 ORDER BY id

-- name: clearance_recorded
-- The security-clearance status recorded for the person (none while nobody has set one).
SELECT status FROM vetting_status WHERE accreditation_id = $1

-- name: vetting_recorded_by_organiser
-- Has protocol, security or admin recorded this person's vetting data?
SELECT EXISTS (SELECT 1 FROM accreditation_vetting_history
               WHERE accreditation_id = $1 AND actor_role IN ('protocol', 'security', 'admin'))

-- name: lock_reason_events
-- The person's events whose history lines erase_history_reasons will change, locked in the order
-- the worker claims events (by id) and before the accreditation row: a worker dispatching one of
-- them holds it and then needs the accreditation (a letter's delivery refers to it), so taking
-- the accreditation first would deadlock (docs/privacy.md, "Erasure").
SELECT e.id FROM domain_event e
WHERE (e.subject_id = $1::uuid::text
       OR (e.type = 'accreditation.substituted' AND e.payload ->> 'substitute_id' = $1::uuid::text))
  AND jsonb_typeof(e.history) = 'array'
ORDER BY e.id
FOR UPDATE

-- name: lock_accreditation
SELECT id, conference_id FROM accreditation WHERE id = $1 FOR UPDATE

-- name: erase_focal_points_of_conference
UPDATE delegation SET focal_point_name = '(erased)',
       focal_point_email = 'erased-' || id::text || '@erased.invalid'
WHERE conference_id = $1 AND focal_point_name <> '(erased)'

-- name: erase_pack_collectors_of_conference
-- The names of those who collected delegations' badge packs (the collection itself stays).
UPDATE pack_collection SET collected_by = '(erased)'
WHERE conference_id = $1 AND collected_by <> '(erased)'

-- name: vetting_of
SELECT * FROM accreditation_vetting WHERE accreditation_id = $1

-- name: deliveries_of
SELECT id, template, recipient, subject, status, created_at, sent_at
FROM delivery WHERE accreditation_id = $1 ORDER BY seq

-- name: erase_accreditation
UPDATE accreditation
SET given_name = '(erased)', family_name = '(erased)',
    email = 'erased-' || id::text || '@erased.invalid',
    gender = NULL, press_card_number = NULL, press_outlet = NULL, function = NULL,
    function_fr = NULL, function_en = NULL, in_office_since = NULL, token_hash = NULL,
    answer_token_hash = NULL, erased_at = $2,
    updated_at = $2
WHERE id = $1 AND erased_at IS NULL

-- name: erase_history_reasons
-- The free-text reasons of the person's lines of the audit trail, which the domain events carry
-- (docs/outbox.md): the lines keep their shape, the other person's line of a substitution stays.
UPDATE domain_event e
SET history = (SELECT jsonb_agg(CASE WHEN h.line ->> 'accreditation_id' = $1::uuid::text
                                     THEN h.line || '{"reason": null}' ELSE h.line END
                                ORDER BY h.n)
               FROM jsonb_array_elements(e.history) WITH ORDINALITY AS h (line, n))
WHERE (e.subject_id = $1::uuid::text
       OR (e.type = 'accreditation.substituted' AND e.payload ->> 'substitute_id' = $1::uuid::text))
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.history) AS l (line)
              WHERE l.line ->> 'accreditation_id' = $1::uuid::text AND l.line ->> 'reason' IS NOT NULL)

-- name: erase_vetting
DELETE FROM accreditation_vetting WHERE accreditation_id = $1

-- name: erase_vetting_history
DELETE FROM accreditation_vetting_history WHERE accreditation_id = $1

-- name: erase_deliveries
UPDATE delivery
SET recipient = 'erased@erased.invalid', subject = '(erased)', message = NULL, render_args = NULL,
    dedupe_key = 'erased:' || id::text,
    status = CASE WHEN status IN ('queued', 'retry', 'in_flight') THEN 'failed' ELSE status END,
    last_error = CASE WHEN status IN ('queued', 'retry', 'in_flight') THEN 'erased'
                      ELSE last_error END
WHERE accreditation_id = $1

-- name: erase_tokens
DELETE FROM api_token WHERE accreditation_id = $1

-- name: conferences_due_for_vetting_purge
SELECT id FROM conference
WHERE vetting_purged_at IS NULL AND ends_on + vetting_retention_days < $1::date

-- name: conferences_due_for_purge
SELECT id FROM conference
WHERE purged_at IS NULL AND ends_on + retention_days < $1::date

-- name: purge_vetting_of_conference
DELETE FROM accreditation_vetting v USING accreditation a
WHERE a.id = v.accreditation_id AND a.conference_id = $1

-- name: purge_vetting_history_of_conference
DELETE FROM accreditation_vetting_history v USING accreditation a
WHERE a.id = v.accreditation_id AND a.conference_id = $1

-- name: purge_clearance_reasons_of_conference
-- The reasons in the history lines of the conference's security-clearance statuses: vetting
-- data, they go with it; the lines keep their shape and status (docs/credentials.md).
UPDATE domain_event e
SET history = (SELECT jsonb_agg(h.line || '{"reason": null}' ORDER BY h.n)
               FROM jsonb_array_elements(e.history) WITH ORDINALITY AS h (line, n))
WHERE e.conference_id = $1 AND e.type = 'accreditation.vetting_status_set'
  AND jsonb_typeof(e.history) = 'array' AND jsonb_array_length(e.history) > 0

-- name: accreditations_to_erase
-- Locked first, in the order of their ids, before an erasure takes the conference row (the
-- press pool's count: docs/outbox.md, "The press pool's count").
SELECT id FROM accreditation WHERE conference_id = $1 AND erased_at IS NULL ORDER BY id
FOR UPDATE

-- name: mark_vetting_purged
UPDATE conference SET vetting_purged_at = $2 WHERE id = $1

-- name: mark_purged
UPDATE conference SET purged_at = $2, vetting_purged_at = coalesce(vetting_purged_at, $2)
WHERE id = $1
