-- A session as the API shows it (its room's name and capacity, its participants in the order
-- they were added): one definition for the queries that read one session or a conference's.
CREATE VIEW session_row AS
SELECT s.id, s.conference_id, s.title, s.kind, s.room_id, r.name AS room, r.capacity,
       lower(s.during) AS starts_at, upper(s.during) AS ends_at, s.press_access, s.audience,
       s.royal_presence, s.cancelled_at, s.created_at, s.updated_at,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('accreditation_id', p.accreditation_id,
                                                     'role', p.role)
                                  ORDER BY p.added_at, p.accreditation_id), '[]')
        FROM session_participant p WHERE p.session_id = s.id) AS participants
FROM session s JOIN room r ON r.id = s.room_id;
