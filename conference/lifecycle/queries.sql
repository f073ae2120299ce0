-- name: delegations_of
-- The conference's delegations, as rows name them (ISO code or organisation name).
SELECT id, kind, country, organisation ->> 'name' AS organisation
FROM delegation WHERE conference_id = :conference_id

-- name: lock_delegations
-- The delegations an import writes into, locked in a fixed order (no deadlock between two
-- imports), so that what is counted on them does not change until the import commits.
SELECT id FROM delegation WHERE id = ANY(:ids::uuid[]) ORDER BY id FOR UPDATE

-- name: existing_by_email
-- The current accreditation of each person named (a withdrawn, substituted or erased one is not
-- current).
SELECT id, email, given_name, family_name, category, status, rank, function, function_fr,
       function_en, language, gender, delegation_id, in_office_since
FROM accreditation
WHERE conference_id = :conference_id AND lower(email) = ANY(:emails::text[])
  AND status NOT IN ('withdrawn', 'substituted') AND erased_at IS NULL

-- name: insert_member
-- One imported member: the accreditation (submitted) and its domain event, which carries its
-- line of the audit trail (docs/outbox.md).
WITH ins AS (
    INSERT INTO accreditation (id, conference_id, category, given_name, family_name, email,
                               language, gender, delegation_id, rank, function, function_fr,
                               function_en, in_office_since, submitted_at, updated_at)
    VALUES (:id, :conference_id, :category, :given_name, :family_name, :email, :language,
            :gender, :delegation_id, :rank, :function, :function_fr, :function_en,
            :in_office_since, :now, :now)
    RETURNING id, conference_id, status
)
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at, history)
SELECT ins.conference_id, 'accreditation.submitted', ins.id::text, :payload::jsonb, :actor,
       :now, jsonb_build_array(jsonb_build_object(
           'accreditation_id', ins.id, 'action', 'submit', 'from_status', NULL,
           'to_status', ins.status, 'reason', 'import'))
FROM ins

-- name: update_member
-- One imported change to a member: the new values and the domain event, whose line of the
-- audit trail names the fields changed (the status stays).
WITH upd AS (
    UPDATE accreditation
    SET given_name = :given_name, family_name = :family_name, category = :category,
        language = :language, gender = :gender, delegation_id = :delegation_id, rank = :rank,
        function = :function, function_fr = :function_fr, function_en = :function_en,
        in_office_since = :in_office_since, updated_at = :now
    WHERE id = :id
    RETURNING id, conference_id, status
)
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at, history)
SELECT upd.conference_id, 'accreditation.amended', upd.id::text, :payload::jsonb, :actor,
       :now, jsonb_build_array(jsonb_build_object(
           'accreditation_id', upd.id, 'action', 'amend', 'from_status', upd.status,
           'to_status', upd.status, 'reason', :reason::text))
FROM upd

-- name: export_members
-- The live members of delegations (no press), in the importable columns' terms.
SELECT a.email, a.given_name, a.family_name, a.category, a.rank, a.function, a.function_fr,
       a.function_en, a.language,
       a.gender, coalesce(d.country, d.organisation ->> 'name') AS delegation,
       a.in_office_since
FROM accreditation a JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = :conference_id AND a.category <> 'press'
  AND a.status IN ('submitted', 'waitlisted', 'approved') AND a.erased_at IS NULL
  AND (:delegation_id::uuid IS NULL OR a.delegation_id = :delegation_id::uuid)
ORDER BY delegation, lower(a.family_name), lower(a.given_name), a.seq

-- name: approved_members
-- Approved members of delegations: the people on the list of participants; not someone whose
-- security clearance was refused (docs/lifecycle.md, "List of participants").
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.function_fr, a.function_en, a.in_office_since, a.delegation_id,
       d.country,
       d.organisation ->> 'name' AS organisation, NULL AS role
FROM accreditation a JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = :conference_id AND a.category <> 'press' AND a.status = 'approved'
  AND a.erased_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM vetting_status v
                  WHERE v.accreditation_id = a.id AND v.status = 'refused')

-- name: head_candidates
-- Who may head a delegation (approved or still submitted ministers and officials), with the
-- salutation the statistics count them by; not someone whose security clearance was refused
-- (docs/protocol.md, "Heads of delegation").
SELECT a.id AS accreditation_id, a.given_name, a.family_name, a.gender, a.category, a.status,
       a.rank, a.function, a.function_fr, a.function_en, a.in_office_since, a.delegation_id,
       d.country,
       d.organisation ->> 'name' AS organisation, NULL AS role, a.salutation
FROM accreditation a JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = :conference_id AND a.category IN ('minister', 'official')
  AND a.status IN ('approved', 'submitted') AND a.erased_at IS NULL
  -- one delegation's (the portal's), or every delegation's (NULL)
  AND (:delegation_id::uuid IS NULL OR a.delegation_id = :delegation_id)
  AND NOT EXISTS (SELECT 1 FROM vetting_status v
                  WHERE v.accreditation_id = a.id AND v.status = 'refused')

-- name: count_by_status
SELECT status AS key, count(*) AS n FROM accreditation
WHERE conference_id = :conference_id GROUP BY status

-- name: count_by_category
SELECT category AS key, count(*) AS n FROM accreditation
WHERE conference_id = :conference_id AND status IN ('submitted', 'waitlisted', 'approved')
GROUP BY category

-- name: count_by_country
-- Live accreditations by country: the delegation's, the press outlet's; 'none' otherwise.
SELECT coalesce(d.country, a.press_country, 'none') AS key, count(*) AS n
FROM accreditation a LEFT JOIN delegation d ON d.id = a.delegation_id
WHERE a.conference_id = :conference_id AND a.status IN ('submitted', 'waitlisted', 'approved')
GROUP BY 1

-- name: count_by_delegation
SELECT d.id, d.country, d.organisation ->> 'name' AS organisation, count(a.id) AS n
FROM delegation d
LEFT JOIN accreditation a ON a.delegation_id = d.id
     AND a.status IN ('submitted', 'waitlisted', 'approved')
WHERE d.conference_id = :conference_id
GROUP BY d.id

-- name: funnel
-- Approved; of them, badges presented at a door; of them, admitted at least once.
SELECT count(*) AS approved,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM check_in c
                                      WHERE c.accreditation_id = a.id)) AS badged,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM check_in c
                                      WHERE c.accreditation_id = a.id AND c.admitted))
           AS checked_in
FROM accreditation a
WHERE a.conference_id = :conference_id AND a.status = 'approved'

-- name: lock_releases
-- Releases of one conference are numbered one after the other.
SELECT id FROM conference WHERE id = :conference_id FOR NO KEY UPDATE

-- name: insert_release
INSERT INTO participants_release (conference_id, version, released_at, released_by, listing)
SELECT :conference_id, coalesce(max(version), 0) + 1, :now, :actor, :listing::jsonb
FROM participants_release WHERE conference_id = :conference_id
RETURNING version, released_at

-- name: latest_release
SELECT version, released_at, listing FROM participants_release
WHERE conference_id = :conference_id
ORDER BY version DESC LIMIT 1

-- name: set_delegation_quotas
-- A delegation's own places by category (replacing the previous ones), locked as a filing
-- locks it; no row when there is no such delegation.
UPDATE delegation SET quotas = :quotas WHERE id = :delegation_id
RETURNING id, conference_id, quotas

-- name: places_of
-- The delegations' quotas and the places their live accreditations hold, by category (one
-- row per delegation and category held; category NULL for a delegation holding none).
SELECT d.id AS delegation_id, d.quotas AS delegation_quotas, a.category, count(a.id) AS n
FROM delegation d
LEFT JOIN accreditation a ON a.delegation_id = d.id AND a.category <> 'press'
     AND a.status IN ('submitted', 'waitlisted', 'approved') AND a.erased_at IS NULL
WHERE d.id = ANY(:ids::uuid[])
GROUP BY d.id, a.category

-- name: set_lifecycle
-- A conference's deadlines and default quotas (read and locked first by lock_lifecycle).
UPDATE conference
SET nominations_close_at = :nominations_close_at, changes_close_at = :changes_close_at,
    quotas = :quotas, security_list_deadline = :security_list_deadline
WHERE id = :id
RETURNING id, slug, quotas, nominations_close_at, changes_close_at, security_list_deadline

-- name: lock_lifecycle
-- A conference's deadlines and default quotas, locked until the change commits.
SELECT id, slug, quotas, nominations_close_at, changes_close_at, security_list_deadline
FROM conference WHERE slug = :slug FOR NO KEY UPDATE
