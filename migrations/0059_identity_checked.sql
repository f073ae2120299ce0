-- What a person is checked against, by the security service and by the police: the identity
-- document given (accreditation_vetting), else the passport of their latest visa letter
-- request, the whole document from one source, never mixed, and nothing once the conference's
-- vetting data are purged (the documents given are deleted then; visa letters are no longer
-- read). One rule for the vetting file, the security page and a royal-presence session's
-- security list (docs/credentials.md, "Vetting"; docs/protocol.md, "Royal presence"), which
-- each wrote it out before. Every accreditation has a row, all null when there is nothing.
CREATE VIEW identity_checked AS
SELECT a.id AS accreditation_id,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.nationality
            ELSE vl.nationality END AS nationality,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.document_type
            WHEN vl.passport_number IS NOT NULL THEN 'passport' END AS document_type,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.document_number
            ELSE vl.passport_number END AS document_number,
       CASE WHEN vd.accreditation_id IS NOT NULL THEN vd.date_of_birth
            ELSE vl.date_of_birth END AS date_of_birth
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN accreditation_vetting vd ON vd.accreditation_id = a.id
LEFT JOIN LATERAL (
    SELECT l.passport_number, l.nationality, l.date_of_birth FROM visa_letter l
    WHERE l.accreditation_id = a.id AND c.vetting_purged_at IS NULL
    ORDER BY l.requested_at DESC LIMIT 1) vl ON true;
