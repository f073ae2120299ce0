-- A royal-presence session occupies its room, and its participants, from the time its guests
-- are seated (docs/programme.md, "Rooms are booked from the seating"), not from its start: a
-- photo opportunity with the patron at 13:00, guests seated by 12:45, was accepted in a room
-- another meeting held until 13:00.
--
-- session.occupied is the range the exclusion constraint now compares: the session's own range,
-- widened at its start by the conference's protocol.seated_before_minutes (default 15) for a
-- royal-presence session. The database computes it (trigger below), from the session and its
-- conference, so every writer, and two writers racing, meet the same constraint.
-- session_participant.during copies it, so a person is booked from the seating too.
ALTER TABLE session ADD COLUMN occupied tstzrange;
UPDATE session SET occupied = during;
ALTER TABLE session ALTER COLUMN occupied SET NOT NULL,
    ADD CONSTRAINT session_occupied_holds_it CHECK (occupied @> during AND upper(occupied)
                                                    = upper(during));

ALTER TABLE session DROP CONSTRAINT session_room_booked_once,
    ADD CONSTRAINT session_room_booked_once EXCLUDE USING gist (room_id WITH =, occupied WITH &&)
        WHERE (cancelled_at IS NULL);

CREATE FUNCTION session_occupied_range() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    minutes integer;
BEGIN
    IF NEW.royal_presence THEN
        SELECT coalesce((c.protocol->>'seated_before_minutes')::integer, 15) INTO minutes
        FROM conference c WHERE c.id = NEW.conference_id;
        NEW.occupied := tstzrange(lower(NEW.during) - make_interval(mins => minutes),
                                  upper(NEW.during));
    ELSE
        NEW.occupied := NEW.during;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER session_occupied_range BEFORE INSERT OR UPDATE ON session
    FOR EACH ROW EXECUTE FUNCTION session_occupied_range();

-- A new participant row takes its session's occupied range (it took its `during` before).
CREATE OR REPLACE FUNCTION session_participant_takes_session_times() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT s.occupied, s.cancelled_at IS NOT NULL INTO NEW.during, NEW.cancelled
    FROM session s WHERE s.id = NEW.session_id FOR SHARE;
    RETURN NEW;
END $$;

-- A session whose occupied range changes (moved, turned royal or not, the seating lead time
-- changed) or that is cancelled carries its participant rows along.
CREATE OR REPLACE FUNCTION session_moves_its_participants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session_participant
    SET during = NEW.occupied, cancelled = NEW.cancelled_at IS NOT NULL
    WHERE session_id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER session_moves_its_participants ON session;
CREATE TRIGGER session_moves_its_participants AFTER UPDATE OF during, occupied, cancelled_at,
    royal_presence ON session
    FOR EACH ROW
    WHEN (OLD.occupied IS DISTINCT FROM NEW.occupied
          OR (OLD.cancelled_at IS NULL) IS DISTINCT FROM (NEW.cancelled_at IS NULL))
    EXECUTE FUNCTION session_moves_its_participants();

-- A conference whose seating lead time changes re-computes its royal sessions' ranges; a range
-- that would now double-book a room or a person refuses the change (the service answers 409).
CREATE FUNCTION conference_seating_moves_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session SET occupied = occupied WHERE conference_id = NEW.id AND royal_presence;
    RETURN NULL;
END $$;
CREATE TRIGGER conference_seating_moves_sessions AFTER UPDATE OF protocol ON conference
    FOR EACH ROW
    WHEN ((OLD.protocol->>'seated_before_minutes')
          IS DISTINCT FROM (NEW.protocol->>'seated_before_minutes'))
    EXECUTE FUNCTION conference_seating_moves_sessions();

-- Existing royal-presence sessions take their seating range, one by one. One whose seating
-- would double-book its room or a participant (it was accepted under the old rule) keeps its
-- own range for now, so that the deployment starts: a WARNING names it here, and the next
-- change to it, whatever it is, is refused with 409 naming the clash until the clash is
-- resolved (docs/programme.md). Cancelled sessions take theirs without a check.
DO $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT id, conference_id, title->>'en' AS title, lower(during) AS starts_at
             FROM session WHERE royal_presence ORDER BY lower(during), id LOOP
        BEGIN
            UPDATE session SET occupied = occupied WHERE id = s.id;
        EXCEPTION WHEN exclusion_violation THEN
            RAISE WARNING 'royal-presence session % (“%”, %, conference %): its guests'' seating '
                          'clashes with another booking; it keeps its own range until changed',
                          s.id, s.title, s.starts_at, s.conference_id;
        END;
    END LOOP;
END $$;
