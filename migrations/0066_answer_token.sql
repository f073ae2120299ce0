-- The token the API's answer to a self-registration carries stays valid beside the letters'
-- current link (docs/privacy.md, "Tokens and secrets"): an API client that filed for a
-- journalist keeps reading the application with it, while each letter still replaces the link
-- it mails. Only its SHA-256 is kept; null for every other filing (the form's, a delegation's,
-- a substitution). Unique where set, for the look-up of a presented token.
ALTER TABLE accreditation ADD COLUMN answer_token_hash bytea;
CREATE UNIQUE INDEX accreditation_answer_token ON accreditation (answer_token_hash)
    WHERE answer_token_hash IS NOT NULL;
