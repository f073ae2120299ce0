-- name: list_tokens
-- Every token but the applicants' (one per accreditation, listed with the accreditation), or
-- with them: an applicant's current token is kept on its accreditation (its time: the
-- application's).
SELECT id, role, delegation_id, accreditation_id, created_at, expires_at, revoked_at, revoked_by
FROM api_token
UNION ALL
SELECT token_id, 'applicant', NULL, id, submitted_at, NULL, NULL, NULL
FROM accreditation
WHERE $1::boolean AND (token_hash IS NOT NULL OR answer_token_hash IS NOT NULL)
ORDER BY id

-- name: revoke_token
-- A staff or focal-point token marked revoked, or an applicant's current token taken off its
-- accreditation with the token its registration's answer carried, if any (a rare act of an
-- admin: no index on token_id, a scan of the accreditations).
WITH staff AS (
    UPDATE api_token SET revoked_at = $2, revoked_by = $3
    WHERE id = $1 AND revoked_at IS NULL
    RETURNING id, role, delegation_id, accreditation_id
), applicant AS (
    UPDATE accreditation SET token_hash = NULL, answer_token_hash = NULL
    WHERE token_id = $1 AND (token_hash IS NOT NULL OR answer_token_hash IS NOT NULL)
    RETURNING token_id AS id, 'applicant' AS role, NULL::uuid AS delegation_id,
              id AS accreditation_id
)
SELECT * FROM staff UNION ALL SELECT * FROM applicant

-- name: token_exists
SELECT 1 FROM api_token WHERE id = $1
UNION ALL
SELECT 1 FROM accreditation WHERE token_id = $1
