-- Correspondence (docs/privacy.md, "Privacy notice"): the conference's short name (sender name
-- and subject prefix of its letters), its data-protection notice, and each applicant's form of
-- address; and the requests for a lost private link, counted per address for the rate limit.
ALTER TABLE conference ADD COLUMN short_name jsonb;
ALTER TABLE conference ADD COLUMN privacy jsonb;
ALTER TABLE accreditation ADD COLUMN salutation text NOT NULL DEFAULT 'neutral'
    CHECK (salutation IN ('mrs', 'mr', 'neutral'));

CREATE TABLE link_request (
    id              bigserial PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conference (id),
    email_hash      bytea NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX link_request_recent ON link_request (conference_id, email_hash, at);
