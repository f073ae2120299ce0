-- Every change of an accreditation's vetting data, with who and when; purged with the vetting
-- data itself.
CREATE TABLE accreditation_vetting_history (
    id                  bigserial PRIMARY KEY,
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    at                  timestamptz NOT NULL,
    actor               text NOT NULL,
    actor_role          text NOT NULL,
    document_type       text NOT NULL,
    document_number     text NOT NULL,
    date_of_birth       date NOT NULL,
    nationality         text NOT NULL
);
CREATE INDEX accreditation_vetting_history_of ON accreditation_vetting_history
    (accreditation_id, id);
