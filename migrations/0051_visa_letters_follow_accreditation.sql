-- Visa letters follow their accreditation (docs/credentials.md, "Visa invitation letters"):
-- from now on the consumer conference.credentials.closing closes the letters of an
-- accreditation that ends. The letters of accreditations that ended before (rejected,
-- withdrawn, revoked, substituted) and are still open are closed here in the same way: an
-- approved letter cancelled (its number then says "cancelled" at /v/), a request refused,
-- each with the reason "accreditation <status>" and its event, undispatched so that the
-- webhooks deliver it like the consumer's.
WITH closed AS (
    UPDATE visa_letter l
    SET status = CASE l.status WHEN 'approved' THEN 'cancelled' ELSE 'refused' END,
        reason = 'accreditation ' || a.status,
        cancelled_at = CASE l.status WHEN 'approved' THEN now() ELSE l.cancelled_at END,
        decided_at = CASE l.status WHEN 'requested' THEN now() ELSE l.decided_at END,
        decided_by = CASE l.status WHEN 'requested' THEN 'migration' ELSE l.decided_by END
    FROM accreditation a
    WHERE a.id = l.accreditation_id AND l.status IN ('requested', 'approved')
      AND a.status IN ('rejected', 'withdrawn', 'revoked', 'substituted')
    RETURNING l.id, l.conference_id, l.accreditation_id, l.status, l.number,
              a.status AS accreditation_status
)
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor)
SELECT conference_id, 'visa_letter.' || status, id::text,
       CASE status
           WHEN 'cancelled' THEN jsonb_build_object(
               'visa_letter_id', id, 'accreditation_id', accreditation_id, 'number', number,
               'accreditation_status', accreditation_status)
           ELSE jsonb_build_object(
               'visa_letter_id', id, 'accreditation_id', accreditation_id, 'number', NULL,
               'reissue_of', NULL, 'accreditation_status', accreditation_status)
       END,
       'migration'
FROM closed
ORDER BY accreditation_id, id;
