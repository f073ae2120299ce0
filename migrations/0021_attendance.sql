-- Attendees' replies to their invitations (iTIP REPLY by mail), one per person and session:
-- the last one taken (docs/calendar.md, "Replies"); and every inbound message counted by
-- outcome, with nothing personal.
CREATE TABLE attendance (
    session_id          uuid NOT NULL REFERENCES session (id),
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    conference_id       uuid NOT NULL REFERENCES conference (id),
    partstat            text NOT NULL CHECK (partstat IN ('ACCEPTED', 'DECLINED', 'TENTATIVE')),
    sequence            integer NOT NULL,
    dtstamp             timestamptz NOT NULL,
    replied_at          timestamptz NOT NULL,
    PRIMARY KEY (session_id, accreditation_id)
);
CREATE INDEX attendance_of_accreditation ON attendance (accreditation_id);

CREATE TABLE inbound_reply (
    id                  bigserial PRIMARY KEY,
    outcome             text NOT NULL CHECK (outcome IN ('accepted', 'garbage', 'forged',
                                                         'replayed')),
    received_at         timestamptz NOT NULL
);
