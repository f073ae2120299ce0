-- Programme: rooms, sessions, their participants, and the published versions.
--
-- PostgreSQL keeps the invariants it can keep, whatever the number of concurrent writers:
-- * no room booked twice at once: an exclusion constraint over the session's time range;
-- * no person booked twice at once: an exclusion constraint over the participant rows, which
--   carry a copy of their session's time range and state, kept in step by triggers within the
--   statement that changes the session (so a move is refused when it would double-book anyone);
-- * cancelled sessions book nothing (both constraints leave them out);
-- * rooms, sessions and participants of one conference only (composite foreign keys);
-- * start before end (a non-empty '[)' range), press only as a pool or photo opportunity at a
--   royal-presence session, one chair per session.
-- btree_gist (created in 0001) lets the gist index compare the uuid columns with =.

-- Lets a participant row reference the pair (accreditation, conference): a person accredited to
-- another conference cannot be put on a session.
CREATE UNIQUE INDEX accreditation_id_conference ON accreditation (id, conference_id);

CREATE TABLE room (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conference_id   uuid NOT NULL REFERENCES conference (id),
    name            text NOT NULL,
    capacity        integer NOT NULL CHECK (capacity > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, conference_id)
);
CREATE UNIQUE INDEX room_name_once ON room (conference_id, lower(name));

CREATE TABLE session (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigserial NOT NULL UNIQUE,
    conference_id   uuid NOT NULL REFERENCES conference (id),
    room_id         uuid NOT NULL,
    title           jsonb NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('plenary', 'ministerial', 'expert_panel',
                                                  'press_conference', 'photo_opportunity',
                                                  'reception')),
    during          tstzrange NOT NULL,
    press_access    text NOT NULL CHECK (press_access IN ('open', 'pool', 'photo_opportunity',
                                                          'closed')),
    audience        text[] NOT NULL DEFAULT '{}'
                    CHECK (audience <@ ARRAY['press', 'minister', 'official', 'expert', 'staff']),
    royal_presence  boolean NOT NULL DEFAULT false,
    cancelled_at    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (id, conference_id),
    FOREIGN KEY (room_id, conference_id) REFERENCES room (id, conference_id),
    CONSTRAINT session_times CHECK (NOT isempty(during) AND lower_inc(during)
                                    AND NOT upper_inc(during)
                                    AND NOT lower_inf(during) AND NOT upper_inf(during)),
    CONSTRAINT session_royal_press CHECK (NOT royal_presence OR press_access <> 'open'),
    CONSTRAINT session_room_booked_once EXCLUDE USING gist (room_id WITH =, during WITH &&)
        WHERE (cancelled_at IS NULL)
);
CREATE INDEX session_of_conference ON session (conference_id, lower(during));

CREATE TABLE session_participant (
    session_id          uuid NOT NULL,
    conference_id       uuid NOT NULL,
    accreditation_id    uuid NOT NULL,
    role                text NOT NULL CHECK (role IN ('chair', 'speaker', 'attendee')),
    -- Copies of the session's range and state (triggers below): the constraint needs them here.
    during              tstzrange NOT NULL,
    cancelled           boolean NOT NULL DEFAULT false,
    added_at            timestamptz NOT NULL,
    PRIMARY KEY (session_id, accreditation_id),
    FOREIGN KEY (session_id, conference_id) REFERENCES session (id, conference_id),
    FOREIGN KEY (accreditation_id, conference_id) REFERENCES accreditation (id, conference_id),
    CONSTRAINT participant_booked_once EXCLUDE USING gist (accreditation_id WITH =,
                                                          during WITH &&)
        WHERE (NOT cancelled)
);
CREATE UNIQUE INDEX session_one_chair ON session_participant (session_id) WHERE role = 'chair';
CREATE INDEX session_participant_of_accreditation ON session_participant (accreditation_id);

-- A new participant row takes its session's range and state (the session row is share-locked,
-- so a concurrent move waits for this transaction, and then carries the row along).
CREATE FUNCTION session_participant_takes_session_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT s.during, s.cancelled_at IS NOT NULL INTO NEW.during, NEW.cancelled
    FROM session s WHERE s.id = NEW.session_id FOR SHARE;
    RETURN NEW;
END $$;
CREATE TRIGGER session_participant_takes_session_times BEFORE INSERT ON session_participant
    FOR EACH ROW EXECUTE FUNCTION session_participant_takes_session_times();

-- A moved or cancelled session carries its participant rows along, in the same statement: the
-- exclusion constraint on session_participant then refuses a move that double-books a person.
CREATE FUNCTION session_moves_its_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session_participant
    SET during = NEW.during, cancelled = NEW.cancelled_at IS NOT NULL
    WHERE session_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER session_moves_its_participants AFTER UPDATE OF during, cancelled_at ON session
    FOR EACH ROW
    WHEN (OLD.during IS DISTINCT FROM NEW.during
          OR (OLD.cancelled_at IS NULL) IS DISTINCT FROM (NEW.cancelled_at IS NULL))
    EXECUTE FUNCTION session_moves_its_participants();

-- Published programme versions, numbered per conference: the frozen snapshot (sessions with
-- their iCalendar SEQUENCE, participants and roles) and the changelog against the version before.
CREATE TABLE programme_version (
    id              bigserial PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conference (id),
    number          integer NOT NULL CHECK (number > 0),
    published_at    timestamptz NOT NULL,
    published_by    text NOT NULL,
    snapshot        jsonb NOT NULL,
    changes         jsonb NOT NULL,
    UNIQUE (conference_id, number)
);
