-- name: list_tokens
-- Every token but the applicants' (one per accreditation, listed with the accreditation).
SELECT id, role, delegation_id, accreditation_id, created_at, expires_at, revoked_at, revoked_by
FROM api_token
WHERE role <> 'applicant' OR $1::boolean
ORDER BY id

-- name: revoke_token
UPDATE api_token SET revoked_at = $2, revoked_by = $3
WHERE id = $1 AND revoked_at IS NULL
RETURNING id, role, delegation_id, accreditation_id

-- name: token_exists
SELECT 1 FROM api_token WHERE id = $1
