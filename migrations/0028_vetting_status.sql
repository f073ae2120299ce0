-- Vetting status (docs/credentials.md, "Vetting"): the categories a conference clears before a
-- badge, and each person's status as protocol or the security service set it. Without a row,
-- a person is "pending" when their category needs clearance, else "not_required".
ALTER TABLE conference ADD COLUMN vetting_required text[] NOT NULL DEFAULT '{}';

CREATE TABLE vetting_status (
    accreditation_id    uuid PRIMARY KEY REFERENCES accreditation (id),
    status              text NOT NULL CHECK (status IN ('pending', 'cleared', 'more_information',
                                                        'refused')),
    reason              text,
    set_at              timestamptz NOT NULL,
    set_by              text NOT NULL
);

-- The status is vetting data: it goes with the person and with the conference's vetting data.
-- Its reason is erased; the status itself stays (a purged refusal must not admit anyone).
CREATE OR REPLACE FUNCTION credentials_erase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM accreditation_photo WHERE accreditation_id = NEW.id;
    DELETE FROM accreditation_document WHERE accreditation_id = NEW.id;
    DELETE FROM visa_letter WHERE accreditation_id = NEW.id;
    UPDATE vetting_status SET reason = NULL WHERE accreditation_id = NEW.id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION credentials_vetting_purge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM accreditation_document d USING accreditation a
    WHERE a.id = d.accreditation_id AND a.conference_id = NEW.id;
    UPDATE vetting_status v SET reason = NULL FROM accreditation a
    WHERE a.id = v.accreditation_id AND a.conference_id = NEW.id;
    RETURN NEW;
END $$;
