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
