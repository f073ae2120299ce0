-- name: replace_applicant_token
-- An applicant has one current token, kept (hashed, with its number) on its accreditation: a new
-- link replaces the one before (an erasure clears it).
UPDATE accreditation SET token_hash = :token_hash, token_id = nextval('api_token_id_seq')
WHERE id = :accreditation_id

-- name: close_applicant_link
-- The applicant's current link closed, none replacing it yet: the letter that sends the next
-- one gives it (an address corrected: docs/lifecycle.md, "Letters").
UPDATE accreditation SET token_hash = NULL WHERE id = :accreditation_id

-- name: insert_token
INSERT INTO api_token (token_hash, role, delegation_id, accreditation_id, expires_at)
VALUES (:token_hash, :role, :delegation_id, :accreditation_id, :expires_at)

-- name: live_token
-- The principal of a live token: a staff or focal-point token not revoked, not expired; or an
-- applicant's current token, on its accreditation, which only reads once the accreditation is
-- revoked, withdrawn or substituted; or the token an API self-registration's answer carried,
-- which stays valid beside it (docs/privacy.md, "Tokens and secrets"), with the same rights.
SELECT t.id, t.role, t.delegation_id, NULL::uuid AS accreditation_id, false AS read_only
FROM api_token t
WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL
  AND (t.expires_at IS NULL OR t.expires_at > now())
UNION ALL
SELECT a.token_id, 'applicant', NULL, a.id, a.status IN ('revoked', 'withdrawn', 'substituted')
FROM accreditation a
WHERE a.token_hash = :token_hash
UNION ALL
SELECT a.token_id, 'applicant', NULL, a.id, a.status IN ('revoked', 'withdrawn', 'substituted')
FROM accreditation a
WHERE a.answer_token_hash = :token_hash

-- name: has_admin
-- Whether any admin token was ever made (the first start prints one).
SELECT EXISTS (SELECT 1 FROM api_token WHERE role = 'admin')
