-- The sessions a press pool covers (docs/credentials.md, "Press pools and the sessions they
-- cover"): its members are invited to them (docs/calendar.md, "Who is invited"). Only a session
-- of the pool's conference (the foreign keys carry the conference), and, by the use-case, one
-- whose press access is 'pool' or 'photo_opportunity' when it is linked.
CREATE TABLE press_pool_session (
    pool_id         uuid NOT NULL,
    session_id      uuid NOT NULL,
    conference_id   uuid NOT NULL,
    linked_at       timestamptz NOT NULL,
    linked_by       text NOT NULL,
    PRIMARY KEY (pool_id, session_id),
    FOREIGN KEY (pool_id, conference_id) REFERENCES press_pool (id, conference_id),
    FOREIGN KEY (session_id, conference_id) REFERENCES session (id, conference_id)
);
CREATE INDEX press_pool_session_of_session ON press_pool_session (session_id);
CREATE INDEX press_pool_session_of_conference ON press_pool_session (conference_id);

-- A calendar message sent to a pool's member for a session the pool covers records the part
-- 'pool' (docs/calendar.md, "Who is invited").
ALTER TABLE invitation_state DROP CONSTRAINT invitation_state_part_check;
ALTER TABLE invitation_state ADD CONSTRAINT invitation_state_part_check
    CHECK (part IN ('chair', 'speaker', 'attendee', 'audience', 'pool'));
