-- name: insert_conference
-- A new conference; no row when the slug is taken.
INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, patron, hosts, languages,
                        press_opens_at, press_closes_at, press_pool_capacity,
                        security_list_deadline, spokespersons, organiser_email, protocol,
                        retention_days, vetting_retention_days, quotas, nominations_close_at,
                        changes_close_at, vetting_required, short_name, privacy,
                        documents_required, photo_required)
VALUES (:slug, :title, :venue, :timezone, :starts_on, :ends_on, :patron, :hosts, :languages,
        :press_opens_at, :press_closes_at, :press_pool_capacity,
        :security_list_deadline, :spokespersons, :organiser_email, :protocol,
        :retention_days, :vetting_retention_days, :quotas, :nominations_close_at,
        :changes_close_at, :vetting_required, :short_name, :privacy,
        :documents_required, :photo_required)
ON CONFLICT (slug) DO NOTHING
RETURNING *

-- name: conference_by_slug
-- The conference of a slug.
SELECT * FROM conference WHERE slug = :slug

-- name: press_link_conferences
-- The conferences whose press registration has opened and which have not yet ended, soonest
-- first: where a journalist holding a replaced private link can ask for it again
-- (docs/lifecycle.md, "A link that no longer works").
SELECT * FROM conference
WHERE press_opens_at <= :now AND ends_on >= (:now AT TIME ZONE timezone)::date
ORDER BY starts_on, slug
LIMIT :limit

-- name: share_conference
-- The conference of a slug, share-locked until the transaction ends: a session being scheduled
-- waits for a correction of the days or the zone being saved (which locks the row FOR NO KEY
-- UPDATE) and reads them as saved, and such a correction waits for the scheduling
-- (docs/workspaces.md, "The conference's days, time zone and languages"). Foreign key checks
-- (FOR KEY SHARE) pass.
SELECT * FROM conference WHERE slug = :slug FOR SHARE

-- name: conference_by_id
-- The conference of an id.
SELECT * FROM conference WHERE id = :conference_id

-- name: set_press_window
-- The press registration window of a conference, moved; no row when there is no such conference.
UPDATE conference SET press_opens_at = :opens_at, press_closes_at = :closes_at
WHERE slug = :slug
RETURNING *

-- name: update_conference_details
-- A conference's details corrected (conferences.service.change_conference_details): what
-- may change after its creation, neither its identifier nor its days, zone or languages.
UPDATE conference
SET title = :title, short_name = :short_name, venue = :venue, patron = :patron,
    hosts = :hosts, press_opens_at = :press_opens_at, press_closes_at = :press_closes_at,
    press_pool_capacity = :press_pool_capacity, spokespersons = :spokespersons,
    organiser_email = :organiser_email, privacy = :privacy, protocol = :protocol
WHERE id = :id
RETURNING *

-- name: calendar_revision
-- The latest revision of the details the invitations render, and when it was made (none: never
-- corrected, revision 0; docs/calendar.md, "Corrected conference details"). The calendar reads
-- it too, through conferences.lookup.
SELECT revision, changed_at FROM conference_calendar_details
WHERE conference_id = :conference_id ORDER BY revision DESC LIMIT 1

-- name: insert_calendar_details
-- A revision of the details the invitations render (docs/calendar.md, "Corrected conference
-- details"); revision 0, written with the first correction, may be there already.
INSERT INTO conference_calendar_details (conference_id, revision, details)
VALUES (:conference_id, :revision, :details)
ON CONFLICT (conference_id, revision) DO NOTHING

-- name: lock_conference
-- The conference, locked until the transaction ends (serialises the press pool's decisions).
-- FOR NO KEY UPDATE: a foreign key check on the conference (the worker queuing a letter) passes
-- (docs/architecture.md, "Deadlocks").
SELECT * FROM conference WHERE id = :conference_id FOR NO KEY UPDATE

-- name: insert_delegation
-- A new delegation; no row when the conference already has one for this country or
-- organisation.
INSERT INTO delegation (conference_id, kind, country, organisation, focal_point_name,
                        focal_point_email)
VALUES (:conference_id, :kind, :country, :organisation, :focal_point_name, :focal_point_email)
ON CONFLICT DO NOTHING
RETURNING *

-- name: delegations_of
-- A conference's delegations, in the order they were created.
SELECT * FROM delegation WHERE conference_id = :conference_id ORDER BY created_at, id

-- name: update_conference_settings
-- A conference's days, time zone and languages corrected, with the moments typed in its zone
-- (conferences.service: docs/workspaces.md, "The conference's days, time zone and languages").
UPDATE conference
SET starts_on = :starts_on, ends_on = :ends_on, timezone = :timezone, languages = :languages,
    security_list_deadline = :security_list_deadline,
    nominations_close_at = :nominations_close_at, changes_close_at = :changes_close_at
WHERE id = :id
RETURNING *

-- name: programme_sessions
-- Every session of a conference's programme, cancelled ones too, in programme order: the
-- rules of a correction of its days or zone read them.
SELECT id, title, lower(during) AS starts_at, upper(during) AS ends_at,
       cancelled_at IS NOT NULL AS cancelled
FROM session WHERE conference_id = :conference_id
ORDER BY lower(during), id

-- name: lock_programme_sessions
-- The same, each session locked until commit (FOR NO KEY UPDATE, as the programme locks one it
-- changes): a move being saved is waited for and then read as saved, and none is saved until
-- the days or the zone corrected are (docs/workspaces.md), so a zone corrected never puts a
-- session back where it was read before another's move.
SELECT id, title, lower(during) AS starts_at, upper(during) AS ends_at,
       cancelled_at IS NOT NULL AS cancelled
FROM session WHERE conference_id = :conference_id
ORDER BY lower(during), id
FOR NO KEY UPDATE

-- name: move_session_instants
-- A session kept at its local times in a corrected time zone: its new instants (its seating
-- range and its participants' rows follow, by the session's triggers).
UPDATE session SET during = tstzrange(:starts_at, :ends_at), updated_at = :now
WHERE id = :session_id AND conference_id = :conference_id

-- name: programme_published
-- Whether a version of the conference's programme was ever published (invitations went out).
SELECT EXISTS (SELECT 1 FROM programme_version WHERE conference_id = :conference_id)

-- name: press_approved
-- The press applications of the conference approved now: the places of the pool they hold (the
-- counter the approvals keep under the conference row's lock).
SELECT press_approved FROM conference WHERE id = :conference_id

-- name: language_in_use
-- Who and what of a conference is in a language: its accreditations in it, its delegations'
-- focal points whose language it is, and the letters queued or sent to either.
SELECT
    (SELECT count(*) FROM accreditation
     WHERE conference_id = :conference_id AND language = :language) AS accreditations,
    (SELECT count(DISTINCT p.id) FROM person p
     JOIN person_grant g ON g.person_id = p.id AND g.role = 'focal_point'
     JOIN delegation d ON d.id = g.delegation_id
     WHERE d.conference_id = :conference_id AND p.language = :language) AS focal_points,
    (SELECT count(*) FROM delivery dl
     LEFT JOIN accreditation a ON a.id = dl.accreditation_id
     WHERE dl.conference_id = :conference_id AND dl.kind = 'mail'
       AND (a.language = :language
            OR (dl.accreditation_id IS NULL AND EXISTS (
                SELECT 1 FROM person p
                JOIN person_grant g ON g.person_id = p.id AND g.role = 'focal_point'
                JOIN delegation d ON d.id = g.delegation_id
                WHERE d.conference_id = :conference_id AND p.language = :language
                  AND lower(p.email) = lower(dl.recipient))))) AS letters
