-- name: save_photo
-- An upload: the photo and the photo as sent (the crop step's frame), both replaced.
INSERT INTO accreditation_photo (accreditation_id, content_type, data, width, height,
                                 uploaded_at, uploaded_by, source, source_width, source_height,
                                 crop_x, crop_y, crop_width)
VALUES (:accreditation_id, 'image/jpeg', :data, :width, :height, :now, :actor, :source,
        :source_width, :source_height, :crop_x, :crop_y, :crop_width)
ON CONFLICT (accreditation_id) DO UPDATE
SET data = EXCLUDED.data, width = EXCLUDED.width, height = EXCLUDED.height,
    uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by,
    source = EXCLUDED.source, source_width = EXCLUDED.source_width,
    source_height = EXCLUDED.source_height, crop_x = EXCLUDED.crop_x,
    crop_y = EXCLUDED.crop_y, crop_width = EXCLUDED.crop_width

-- name: save_cropped_photo
-- A crop: the photo and the box it was cut from replaced, the photo as sent kept for the next
-- crop (a photo stored before migration 0061 has none, nor a box).
UPDATE accreditation_photo
SET data = :data, width = :width, height = :height, uploaded_at = :now, uploaded_by = :actor,
    crop_x = CASE WHEN source IS NULL THEN NULL ELSE :crop_x::integer END,
    crop_y = CASE WHEN source IS NULL THEN NULL ELSE :crop_y::integer END,
    crop_width = CASE WHEN source IS NULL THEN NULL ELSE :crop_width::integer END
WHERE accreditation_id = :accreditation_id

-- name: photo_of
SELECT content_type, data, width, height, uploaded_at, source FROM accreditation_photo
WHERE accreditation_id = :accreditation_id

-- name: photo_size_of
SELECT width, height, source_width, source_height, crop_x, crop_y, crop_width
FROM accreditation_photo
WHERE accreditation_id = :accreditation_id

-- name: photo_source_of
-- The photo as sent (else, stored before migration 0061, the photo itself): what the crop
-- step's box is in and cuts from, locked until the crop is stored.
SELECT coalesce(source, data) AS data FROM accreditation_photo
WHERE accreditation_id = :accreditation_id
FOR NO KEY UPDATE

-- name: photos_of
-- The photos of several people (a print batch reads them a chunk at a time).
SELECT accreditation_id, data FROM accreditation_photo
WHERE accreditation_id = ANY (:ids::uuid[])

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

-- name: closed_letter_of
-- The person's latest letter that their accreditation's end closed (a request refused, an
-- approved letter cancelled, with the reason closing_reason records), if any.
SELECT id FROM visa_letter
WHERE accreditation_id = :accreditation_id AND status IN ('refused', 'cancelled')
  AND reason = :reason
ORDER BY requested_at DESC, id
LIMIT 1

-- name: last_letter_of
-- The person's latest letter (requested last), whatever its status.
SELECT id, status FROM visa_letter
WHERE accreditation_id = :accreditation_id
ORDER BY requested_at DESC, id
LIMIT 1

-- name: letter_by_id
SELECT l.*, a.delegation_id, a.language, a.email, a.given_name, a.family_name, a.rank,
       a.gender, a.salutation, a.category, a.status AS accreditation_status, a.function,
       a.function_fr, a.function_en,
       a.press_outlet, a.press_role, a.erased_at, d.country AS delegation_country,
       d.organisation ->> 'name' AS delegation_organisation, d.focal_point_name,
       d.focal_point_email
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
     LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE l.id = :id

-- name: lock_letter
SELECT l.*, a.delegation_id, a.language, a.email, a.given_name, a.family_name, a.rank,
       a.gender, a.salutation, a.category, a.status AS accreditation_status, a.function,
       a.function_fr, a.function_en,
       a.press_outlet, a.press_role, d.country AS delegation_country,
       d.organisation ->> 'name' AS delegation_organisation
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
     LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE l.id = :id
FOR UPDATE OF l

-- name: lock_holder
-- The status of the accreditation a letter is for, its row share-locked before the letter is
-- (an approval reads a status no decision changes until it commits; the order the worker's
-- consumers take too: the accreditation, then its letters). No row for an unknown letter.
SELECT a.status FROM accreditation a
WHERE a.id = (SELECT l.accreditation_id FROM visa_letter l WHERE l.id = :id)
FOR SHARE OF a

-- name: lock_accreditation
-- An accreditation's status, its row share-locked before its letters are (the approval's
-- order: an approval waiting for this transaction then reads the status it leaves).
SELECT status FROM accreditation WHERE id = :id FOR SHARE

-- name: lock_open_letters
-- The letters of an accreditation still requested or approved, locked, oldest first.
SELECT id, conference_id, accreditation_id, status, number FROM visa_letter
WHERE accreditation_id = :accreditation_id AND status IN ('requested', 'approved')
ORDER BY requested_at, id
FOR UPDATE

-- name: event_actor
-- Who recorded an event (the decision that ended an accreditation closes its letters).
SELECT actor FROM domain_event WHERE id = :event_id

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
-- A person's export: what is held, not the images themselves; the photo as sent, kept beside
-- the photo for the crop step, is held too.
SELECT 'photo' AS what, NULL::text AS kind, content_type, octet_length(data) AS bytes,
       uploaded_at AS at, NULL::jsonb AS letter
FROM accreditation_photo WHERE accreditation_id = :accreditation_id
UNION ALL
SELECT 'photo_as_sent', NULL, content_type, octet_length(source), uploaded_at, NULL
FROM accreditation_photo WHERE accreditation_id = :accreditation_id AND source IS NOT NULL
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

-- name: clearance_of
-- Whether the person's category needs clearance, and the status recorded for them.
SELECT a.category = ANY (c.vetting_required) AS required, v.status AS recorded, v.reason,
       a.conference_id, v.set_at
FROM accreditation a JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.id = :accreditation_id

-- name: set_vetting_status
INSERT INTO vetting_status (accreditation_id, status, reason, set_at, set_by)
VALUES (:accreditation_id, :status, :reason, :now, :actor)
ON CONFLICT (accreditation_id) DO UPDATE
SET status = EXCLUDED.status, reason = EXCLUDED.reason, set_at = EXCLUDED.set_at,
    set_by = EXCLUDED.set_by

-- name: vetting_pending
-- The people the security service is asked about: their category needs clearance (or a status
-- was recorded) and they are neither cleared nor refused; with their vetting data and whom
-- they come with: a delegation's country code or organisation, a press person's outlet.
-- Without an identity document given, the passport of their latest visa letter request stands
-- in for it (docs/credentials.md, "Vetting"): the whole document from one source, never mixed,
-- and not once the conference's vetting data are purged (the view `identity_checked`, which the
-- security page and a royal-presence session's security list read too).
SELECT a.id, a.family_name, a.given_name, a.category,
       said_gender(a.gender, a.salutation) AS gender,
       coalesce(d.country, d.organisation ->> 'name', a.press_outlet) AS delegation,
       ic.nationality, ic.document_type, ic.document_number, ic.date_of_birth,
       ic.name_in_document, coalesce(v.status, 'pending') AS status
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
JOIN identity_checked ic ON ic.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.erased_at IS NULL
  AND a.status IN ('submitted', 'approved', 'waitlisted')
  AND (a.category = ANY (c.vetting_required) OR v.status IS NOT NULL)
  AND coalesce(v.status, 'pending') IN ('pending', 'more_information')
ORDER BY a.family_name, a.given_name, a.id

-- name: vetting_overview
-- Everyone the security service has to do with in the conference (their category needs
-- clearance, or a status was recorded), alive, with their current status, its reason and when
-- it was set: the security page's list, filtered by status or not, searched by name (given
-- and family, accents, case, spaces and punctuation ignored, as the console's list of
-- accreditations: a text to find in it, or NULL), a page at a time (a page past the end gives
-- the last one); ``total`` is how many match (docs/workspaces.md). Each person of the page comes
-- with the identity document the officer checks them against, as ``vetting_pending`` gives it
-- in the file (the view `identity_checked`): the one given, else the passport of their latest
-- visa letter request, never mixed, none once the conference's vetting data are purged. And
-- whom a letter quoting the reason goes to: the person's language, else their delegation and
-- the address it was created with (the service reads its focal points' languages).
WITH found AS (
SELECT a.id, a.family_name, a.given_name, a.category,
       said_gender(a.gender, a.salutation) AS gender,
       coalesce(d.country, d.organisation ->> 'name', a.press_outlet) AS delegation,
       d.country,
       coalesce(v.status, 'pending') AS status, v.reason, v.set_at,
       a.language, a.delegation_id, d.focal_point_email, d.focal_point_name
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.erased_at IS NULL
  AND a.status IN ('submitted', 'approved', 'waitlisted')
  AND (a.category = ANY (c.vetting_required) OR v.status IS NOT NULL)
  AND (:status::text IS NULL OR coalesce(v.status, 'pending') = :status::text)
  AND (:search::text IS NULL
       OR name_contains(a.given_name || ' ' || a.family_name, :search))),
shown AS (
SELECT f.*, n.total FROM found f, (SELECT count(*) AS total FROM found) n
ORDER BY f.family_name, f.given_name, f.id
LIMIT :page_size
OFFSET least(:skip, (SELECT (greatest(count(*), 1) - 1) / :page_size * :page_size FROM found)))
SELECT s.*,
       ic.nationality, ic.document_type, ic.document_number, ic.date_of_birth,
       ic.name_in_document
FROM shown s
JOIN identity_checked ic ON ic.accreditation_id = s.id
ORDER BY s.family_name, s.given_name, s.id

-- name: accreditations_of_conference
-- Those of the ids that are the conference's, not erased, with their status and their vetting
-- status and its reason as recorded (a results file's line that repeats them is left alone).
SELECT a.id, a.status, coalesce(v.status, 'pending') AS vetting_status,
       v.reason AS vetting_reason
FROM accreditation a LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.erased_at IS NULL AND a.id = ANY (:ids::uuid[])

-- name: vetting_purged
-- Whether the conference's vetting data were purged; the share lock makes a purge running now
-- wait for this transaction (and its trigger then takes what it wrote).
SELECT vetting_purged_at IS NOT NULL FROM conference WHERE id = :conference_id FOR SHARE

-- name: documents_held
-- The kinds of document a person has given, and when (not their bytes).
SELECT kind, content_type, octet_length(data) AS size, uploaded_at FROM accreditation_document
WHERE accreditation_id = :accreditation_id
ORDER BY kind

-- name: set_documents_required
-- The documents each category of a conference gives; no row when there is no such conference.
UPDATE conference SET documents_required = :documents_required
WHERE id = :conference_id
RETURNING id

-- name: set_photo_required
-- The categories of a conference whose badge waits for the photo; the conference's row is
-- locked and its categories before the change answered (no row: no such conference).
WITH before AS (
    SELECT id, photo_required FROM conference WHERE id = :conference_id FOR NO KEY UPDATE
)
UPDATE conference c SET photo_required = :photo_required
FROM before WHERE c.id = before.id
RETURNING before.photo_required AS previous

-- name: letters_of_conference
-- A conference's visa letters (all, or those of one status), the newest request first, with the
-- person's name and category and the accreditation's status for protocol's list, searched by
-- name (given and family or the passport's, as ``vetting_overview``: a text to find in it, or
-- NULL), a page at a time (a page past the end gives the last one); ``total`` is how many match.
WITH found AS (
SELECT l.*, a.given_name, a.family_name, a.category, a.delegation_id, a.language,
       a.status AS accreditation_status, said_gender(a.gender, a.salutation) AS gender
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
WHERE l.conference_id = :conference_id AND (:status::text IS NULL OR l.status = :status)
  AND (:search::text IS NULL
       OR name_contains(a.given_name || ' ' || a.family_name || ' ' || l.passport_name,
                        :search)))
SELECT f.*, n.total FROM found f, (SELECT count(*) AS total FROM found) n
ORDER BY f.requested_at DESC, f.id
LIMIT :page_size
OFFSET least(:skip, (SELECT (greatest(count(*), 1) - 1) / :page_size * :page_size FROM found))

-- name: clearance_notice
-- What a clearance letter needs: the person, their delegation and its focal point, the status
-- recorded now, the reason given with the event's own history line (not a later one's) and the
-- accreditation's status the line says it had then (a later approval is not read back).
SELECT a.id, a.conference_id, a.category, a.status, a.given_name, a.family_name, a.email,
       a.language, a.gender, a.salutation, a.rank, a.delegation_id, a.erased_at,
       d.country AS delegation_country, d.organisation ->> 'name' AS delegation_organisation,
       d.focal_point_name, d.focal_point_email, v.status AS recorded,
       (SELECT e.history -> 0 ->> 'reason' FROM domain_event e WHERE e.id = :event_id)
           AS reason,
       (SELECT e.history -> 0 ->> 'to_status' FROM domain_event e WHERE e.id = :event_id)
           AS status_then
FROM accreditation a
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.id = :accreditation_id

-- name: identity_of
-- The identity document a person is checked against, as the security page shows it (the view
-- identity_checked: the one given, else the passport of their latest visa letter request),
-- and their latest visa letter request's state and date (NULL when none).
SELECT ic.nationality, ic.document_type, ic.document_number, ic.date_of_birth,
       ic.name_in_document, l.status AS letter_status, l.requested_at AS letter_requested_at
FROM identity_checked ic
LEFT JOIN LATERAL (
    SELECT v.status, v.requested_at FROM visa_letter v
    WHERE v.accreditation_id = ic.accreditation_id
    ORDER BY v.requested_at DESC LIMIT 1) l ON true
WHERE ic.accreditation_id = :accreditation_id

-- name: clearance_set_by
-- The role that recorded a person's current clearance status (the latest
-- accreditation.vetting_status_set event's ``by``: security, protocol, admin), or NULL: none
-- recorded, or recorded before the role was kept.
SELECT payload ->> 'by' FROM domain_event
WHERE subject_id = :accreditation_id AND type = 'accreditation.vetting_status_set'
ORDER BY id DESC
LIMIT 1

-- name: clearance_refused_among
-- Those of the accreditations whose security clearance was refused.
SELECT accreditation_id FROM vetting_status
WHERE accreditation_id = ANY (:ids::uuid[]) AND status = 'refused'

-- name: clearance_asked_among
-- Those of the accreditations for whom the security service asked more information.
SELECT accreditation_id FROM vetting_status
WHERE accreditation_id = ANY (:ids::uuid[]) AND status = 'more_information'

-- name: clearance_letter_to
-- Whom a clearance letter quoting the reason goes to, for one person: their language, else their
-- delegation and the address it was created with (the service reads its focal points').
SELECT a.language, a.delegation_id, a.conference_id, d.focal_point_email, d.focal_point_name
FROM accreditation a LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE a.id = :accreditation_id AND a.erased_at IS NULL
