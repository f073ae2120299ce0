-- The list of participants as protocol released it to the participants: each release a frozen
-- version (docs/lifecycle.md, "List of participants").
CREATE TABLE participants_release (
    conference_id   uuid NOT NULL REFERENCES conference (id),
    version         integer NOT NULL CHECK (version >= 1),
    released_at     timestamptz NOT NULL,
    released_by     text NOT NULL,
    listing         jsonb NOT NULL,
    PRIMARY KEY (conference_id, version)
);

