-- The conference details an invitation renders (title, short name, venue, patron, organisers'
-- address: docs/calendar.md, "Corrected conference details") are numbered: each correction of
-- one of them is a new revision, with the details as they then were. Revision 0 is written, with
-- the details before it, by the first correction; a conference never corrected has no row and
-- is at revision 0.
CREATE TABLE conference_calendar_details (
    conference_id   uuid NOT NULL REFERENCES conference (id),
    revision        integer NOT NULL CHECK (revision >= 0),
    details         jsonb NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conference_id, revision)
);

-- The revision of those details each attendee's last message for a session rendered: the
-- calendar consumer sends an update to whoever holds an older one. The states written before
-- hold revision 0, what the conference was at until its first correction.
ALTER TABLE invitation_state ADD COLUMN details integer NOT NULL DEFAULT 0
    CHECK (details >= 0);
