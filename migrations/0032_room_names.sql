-- A room's name in French and English (docs/programme.md, "Rooms"). The column name stays: the
-- name in the conference's first language, as the API has always answered it; rooms made before
-- carry their one name in both languages. A name is unique per conference in each language.
ALTER TABLE room ADD COLUMN name_fr text, ADD COLUMN name_en text;
UPDATE room SET name_fr = name, name_en = name;
ALTER TABLE room ALTER COLUMN name_fr SET NOT NULL, ALTER COLUMN name_en SET NOT NULL;

-- A room written with its one name only (as before) carries it in both languages.
CREATE FUNCTION room_names_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.name_fr := coalesce(NEW.name_fr, NEW.name);
    NEW.name_en := coalesce(NEW.name_en, NEW.name);
    RETURN NEW;
END $$;
CREATE TRIGGER room_names_default BEFORE INSERT ON room
    FOR EACH ROW EXECUTE FUNCTION room_names_default();
CREATE UNIQUE INDEX room_name_fr_once ON room (conference_id, lower(name_fr));
CREATE UNIQUE INDEX room_name_en_once ON room (conference_id, lower(name_en));

-- session_row gains the room's names in both languages (a new last column: the view's other
-- columns keep their names and order).
CREATE OR REPLACE VIEW session_row AS
SELECT s.id, s.conference_id, s.title, s.kind, s.room_id, r.name AS room, r.capacity,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, s.press_access, s.audience,
       s.royal_presence, s.cancelled_at, s.created_at, s.updated_at,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('accreditation_id', p.accreditation_id,
                                                     'role', p.role)
                                  ORDER BY p.added_at, p.accreditation_id), '[]')
        FROM session_participant p WHERE p.session_id = s.id) AS participants,
       jsonb_build_object('fr', r.name_fr, 'en', r.name_en) AS room_names
FROM session s JOIN room r ON r.id = s.room_id;
