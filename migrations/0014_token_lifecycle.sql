-- Token lifecycle: an expiry, who revoked, the security and door roles, and one current
-- access token per applicant (the link of the latest letter).

ALTER TABLE api_token DROP CONSTRAINT api_token_role_check;
ALTER TABLE api_token ADD CONSTRAINT api_token_role_check
    CHECK (role IN ('admin', 'protocol', 'press_office', 'security', 'door', 'focal_point',
                    'applicant'));
ALTER TABLE api_token
    ADD COLUMN expires_at timestamptz,
    ADD COLUMN revoked_by text;

-- Tokens minted by earlier letters die: the newest one of each applicant stays.
UPDATE api_token t SET revoked_at = now(), revoked_by = 'rotation'
WHERE t.role = 'applicant' AND t.revoked_at IS NULL
  AND t.id < (SELECT max(u.id) FROM api_token u
              WHERE u.accreditation_id = t.accreditation_id AND u.revoked_at IS NULL);
CREATE UNIQUE INDEX api_token_one_current_per_applicant ON api_token (accreditation_id)
    WHERE role = 'applicant' AND revoked_at IS NULL;
