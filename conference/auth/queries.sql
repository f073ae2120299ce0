-- name: retire_applicant_tokens
-- An applicant has one current token: the previous ones die when a new link is made.
UPDATE api_token SET revoked_at = now(), revoked_by = 'rotation'
WHERE accreditation_id = :accreditation_id AND role = 'applicant' AND revoked_at IS NULL

-- name: insert_token
INSERT INTO api_token (token_hash, role, delegation_id, accreditation_id, expires_at)
VALUES (:token_hash, :role, :delegation_id, :accreditation_id, :expires_at)

-- name: live_token
-- The principal of a live token (not revoked, not expired); an applicant whose accreditation
-- was revoked, withdrawn or substituted may only read.
SELECT t.id, t.role, t.delegation_id, t.accreditation_id,
       coalesce(a.status IN ('revoked', 'withdrawn', 'substituted'), false) AS read_only
FROM api_token t LEFT JOIN accreditation a ON a.id = t.accreditation_id
WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL
  AND (t.expires_at IS NULL OR t.expires_at > now())

-- name: has_admin
-- Whether any admin token was ever made (the first start prints one).
SELECT EXISTS (SELECT 1 FROM api_token WHERE role = 'admin')
