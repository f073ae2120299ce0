-- Calendar traffic: the last calendar message sent to each attendee for each session, so that
-- every later publication or accreditation change sends exactly the difference.
CREATE TABLE invitation_state (
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    session_id          uuid NOT NULL REFERENCES session (id),
    conference_id       uuid NOT NULL REFERENCES conference (id),
    method              text NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),
    sequence            integer NOT NULL CHECK (sequence >= 0),
    basis               integer NOT NULL CHECK (basis >= 0),
    role                text NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (accreditation_id, session_id)
);
CREATE INDEX invitation_state_of_conference ON invitation_state (conference_id);
