-- Privacy: retention periods per conference, and security-vetting data kept apart.

ALTER TABLE conference
    ADD COLUMN retention_days integer NOT NULL DEFAULT 180
        CHECK (retention_days BETWEEN 0 AND 36500),
    ADD COLUMN vetting_retention_days integer NOT NULL DEFAULT 7
        CHECK (vetting_retention_days BETWEEN 0 AND 36500),
    ADD COLUMN purged_at timestamptz,
    ADD COLUMN vetting_purged_at timestamptz,
    ADD CONSTRAINT vetting_purged_first CHECK (vetting_retention_days <= retention_days);

-- Identity-document data for the security list: readable by protocol and admin only, never in
-- exports to others, and the first thing purged after the conference.
CREATE TABLE accreditation_vetting (
    accreditation_id    uuid PRIMARY KEY REFERENCES accreditation (id),
    document_type       text NOT NULL CHECK (document_type IN ('passport', 'identity_card',
                                                               'diplomatic_passport')),
    document_number     text NOT NULL,
    date_of_birth       date NOT NULL,
    nationality         text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
    recorded_at         timestamptz NOT NULL
);
