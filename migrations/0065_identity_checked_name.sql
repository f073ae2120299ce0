-- The vetting file and the security page give the name as written in the document the person
-- is checked against (docs/credentials.md, "Vetting"): the view identity_checked (0059) gains
-- name_in_document, at its end (CREATE OR REPLACE keeps the other columns as they are). From
-- the same source as the rest of the document, never mixed: the name given with the identity
-- document (0064; null when not given), else the name as in the passport of the latest visa
-- letter request, whose passport the view gives then.
CREATE OR REPLACE VIEW identity_checked AS
SELECT a.id AS accreditation_id,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.nationality
            ELSE vl.nationality END AS nationality,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.document_type
            WHEN vl.passport_number IS NOT NULL THEN 'passport' END AS document_type,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.document_number
            ELSE vl.passport_number END AS document_number,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.date_of_birth
            ELSE vl.date_of_birth END AS date_of_birth,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.name_in_document
            ELSE vl.passport_name END AS name_in_document
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN accreditation_vetting vd ON vd.accreditation_id = a.id
LEFT JOIN LATERAL (
    SELECT l.passport_number, l.nationality, l.date_of_birth, l.passport_name FROM visa_letter l
    WHERE l.accreditation_id = a.id AND c.vetting_purged_at IS NULL
    ORDER BY l.requested_at DESC LIMIT 1) vl ON true;
