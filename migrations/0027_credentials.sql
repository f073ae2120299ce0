-- Credentials (docs/credentials.md): the person's photo and documents, kept in PostgreSQL after
-- being decoded and re-encoded (no metadata survives), and visa invitation letters.

CREATE TABLE accreditation_photo (
    accreditation_id    uuid PRIMARY KEY REFERENCES accreditation (id),
    content_type        text NOT NULL CHECK (content_type IN ('image/jpeg')),
    data                bytea NOT NULL,
    width               integer NOT NULL,
    height              integer NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    uploaded_by         text NOT NULL
);

CREATE TABLE accreditation_document (
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    kind                text NOT NULL CHECK (kind IN ('note_verbale', 'press_card',
                                                      'passport_copy')),
    content_type        text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg',
                                                              'image/png')),
    data                bytea NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    uploaded_by         text NOT NULL,
    PRIMARY KEY (accreditation_id, kind)
);

-- The text of the letters, per conference (defaults in the code when absent).
CREATE TABLE visa_letter_template (
    conference_id       uuid PRIMARY KEY REFERENCES conference (id),
    letterhead          text NOT NULL,
    body                jsonb NOT NULL,
    signatory_name      text NOT NULL,
    signatory_title     jsonb NOT NULL,
    next_number         integer NOT NULL DEFAULT 1
);

CREATE TABLE visa_letter (
    id                  uuid PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conference (id),
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    status              text NOT NULL CHECK (status IN ('requested', 'approved', 'refused',
                                                        'cancelled')),
    passport_name       text NOT NULL,
    passport_number     text NOT NULL,
    nationality         text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
    date_of_birth       date NOT NULL,
    consulate           text NOT NULL,
    number              text UNIQUE,
    letter              jsonb,
    reason              text,
    replaces            uuid REFERENCES visa_letter (id),
    requested_at        timestamptz NOT NULL,
    requested_by        text NOT NULL,
    decided_at          timestamptz,
    decided_by          text,
    cancelled_at        timestamptz,
    -- Only an approved letter has a number and a text; a cancelled one keeps both.
    CHECK ((status IN ('approved', 'cancelled')) = (number IS NOT NULL AND letter IS NOT NULL))
);
CREATE INDEX visa_letter_of_accreditation ON visa_letter (accreditation_id);
CREATE UNIQUE INDEX visa_letter_one_open ON visa_letter (accreditation_id)
    WHERE status IN ('requested', 'approved');

-- Erasure (by the person's request or the retention purge) takes the photo, the documents and
-- the letters with the person; the purge of vetting data takes the documents.
CREATE FUNCTION credentials_erase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM accreditation_photo WHERE accreditation_id = NEW.id;
    DELETE FROM accreditation_document WHERE accreditation_id = NEW.id;
    DELETE FROM visa_letter WHERE accreditation_id = NEW.id;
    RETURN NEW;
END $$;

CREATE TRIGGER accreditation_erased_credentials
    AFTER UPDATE OF erased_at ON accreditation
    FOR EACH ROW WHEN (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
    EXECUTE FUNCTION credentials_erase();

CREATE FUNCTION credentials_vetting_purge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM accreditation_document d USING accreditation a
    WHERE a.id = d.accreditation_id AND a.conference_id = NEW.id;
    RETURN NEW;
END $$;

CREATE TRIGGER conference_vetting_purged_documents
    AFTER UPDATE OF vetting_purged_at ON conference
    FOR EACH ROW WHEN (OLD.vetting_purged_at IS NULL AND NEW.vetting_purged_at IS NOT NULL)
    EXECUTE FUNCTION credentials_vetting_purge();
