-- name: save_photo
INSERT INTO accreditation_photo (accreditation_id, content_type, data, width, height,
                                 uploaded_at, uploaded_by)
VALUES (:accreditation_id, 'image/jpeg', :data, :width, :height, :now, :actor)
ON CONFLICT (accreditation_id) DO UPDATE
SET data = EXCLUDED.data, width = EXCLUDED.width, height = EXCLUDED.height,
    uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by

-- name: photo_of
SELECT content_type, data, width, height, uploaded_at FROM accreditation_photo
WHERE accreditation_id = :accreditation_id

-- name: save_document
INSERT INTO accreditation_document (accreditation_id, kind, content_type, data, uploaded_at,
                                    uploaded_by)
VALUES (:accreditation_id, :kind, :content_type, :data, :now, :actor)
ON CONFLICT (accreditation_id, kind) DO UPDATE
SET content_type = EXCLUDED.content_type, data = EXCLUDED.data,
    uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by

-- name: document_of
SELECT content_type, data, uploaded_at FROM accreditation_document
WHERE accreditation_id = :accreditation_id AND kind = :kind

-- name: template_of
SELECT letterhead, body, signatory_name, signatory_title FROM visa_letter_template
WHERE conference_id = :conference_id

-- name: save_template
INSERT INTO visa_letter_template (conference_id, letterhead, body, signatory_name,
                                  signatory_title)
VALUES (:conference_id, :letterhead, :body, :signatory_name, :signatory_title)
ON CONFLICT (conference_id) DO UPDATE
SET letterhead = EXCLUDED.letterhead, body = EXCLUDED.body,
    signatory_name = EXCLUDED.signatory_name, signatory_title = EXCLUDED.signatory_title

-- name: take_number
-- The next letter number of a conference and the text in force (the defaults given are saved
-- when the conference has no text of its own yet). The row lock orders concurrent approvals.
INSERT INTO visa_letter_template (conference_id, letterhead, body, signatory_name,
                                  signatory_title, next_number)
VALUES (:conference_id, :letterhead, :body, :signatory_name, :signatory_title, 2)
ON CONFLICT (conference_id) DO UPDATE SET next_number = visa_letter_template.next_number + 1
RETURNING next_number - 1 AS sequence, letterhead, body, signatory_name, signatory_title

-- name: insert_letter
INSERT INTO visa_letter (id, conference_id, accreditation_id, status, passport_name,
                         passport_number, nationality, date_of_birth, consulate, requested_at,
                         requested_by, replaces, number, letter, decided_at, decided_by)
VALUES (:id, :conference_id, :accreditation_id, :status, :passport_name, :passport_number,
        :nationality, :date_of_birth, :consulate, :now, :actor, :replaces, :number, :letter,
        :decided_at, :decided_by)
RETURNING *

-- name: open_letter_of
SELECT id, status FROM visa_letter
WHERE accreditation_id = :accreditation_id AND status IN ('requested', 'approved')

-- name: letter_by_id
SELECT l.*, a.delegation_id, a.language, a.email, a.given_name, a.family_name, a.rank,
       a.gender
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
WHERE l.id = :id

-- name: lock_letter
SELECT l.*, a.delegation_id, a.language, a.email, a.given_name, a.family_name, a.rank,
       a.gender
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
WHERE l.id = :id
FOR UPDATE OF l

-- name: approve_letter
UPDATE visa_letter
SET status = 'approved', number = :number, letter = :letter, reason = :reason,
    decided_at = :now, decided_by = :actor
WHERE id = :id
RETURNING *

-- name: refuse_letter
UPDATE visa_letter
SET status = 'refused', reason = :reason, decided_at = :now, decided_by = :actor
WHERE id = :id
RETURNING *

-- name: cancel_letter
UPDATE visa_letter SET status = 'cancelled', reason = :reason, cancelled_at = :now
WHERE id = :id
RETURNING *

-- name: letter_by_number
SELECT number, status, passport_name, nationality, conference_id FROM visa_letter
WHERE number = :number

-- name: credentials_of
-- A person's export: what is held, not the images themselves.
SELECT 'photo' AS what, NULL::text AS kind, content_type, octet_length(data) AS bytes,
       uploaded_at AS at, NULL::jsonb AS letter
FROM accreditation_photo WHERE accreditation_id = :accreditation_id
UNION ALL
SELECT 'document', kind, content_type, octet_length(data), uploaded_at, NULL
FROM accreditation_document WHERE accreditation_id = :accreditation_id
UNION ALL
SELECT 'visa_letter', status, NULL, NULL, requested_at,
       jsonb_build_object('id', id, 'number', number, 'passport_name', passport_name,
                          'passport_number', passport_number, 'nationality', nationality,
                          'date_of_birth', date_of_birth, 'consulate', consulate,
                          'reason', reason)
FROM visa_letter WHERE accreditation_id = :accreditation_id
