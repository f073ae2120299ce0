-- name: delegation_by_portal_slug
-- The delegation whose portal address is this (see people.domain.delegation_slug).
SELECT d.*, c.slug AS conference_slug
FROM delegation d JOIN conference c ON c.id = d.conference_id
WHERE c.slug || '-' || lower(d.country) = :slug
   OR c.slug || '-o' || left(replace(d.id::text, '-', ''), 8) = :slug

-- name: members_of_delegation
-- A delegation's members, oldest first (erased ones left out).
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.delegation_id = :delegation_id AND a.erased_at IS NULL
ORDER BY a.seq

-- name: member_badges_of_delegation
-- What stands between each approved member of a delegation and their badge: whether their
-- category needs security clearance and the status recorded, whether a photo is given, and
-- the current badge's short reference, when it was printed and who collected it in the
-- delegation's pack (the portal's list says which badges are ready, printed or collected;
-- docs/workspaces.md, "The delegation portal").
SELECT a.id, a.category = ANY (c.vetting_required) AS required, v.status AS recorded,
       EXISTS (SELECT 1 FROM accreditation_photo p WHERE p.accreditation_id = a.id) AS has_photo,
       bc.code, b.printed_at, pc.collected_by, pc.collected_at
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
LEFT JOIN badge b ON b.accreditation_id = a.id AND b.status = 'printed'
LEFT JOIN pack_collection pc ON pc.id = b.collection_id
LEFT JOIN badge_code bc ON bc.accreditation_id = a.id
 AND bc.version = coalesce((SELECT b.version FROM badge b WHERE b.accreditation_id = a.id), 1)
WHERE a.delegation_id = :delegation_id AND a.status = 'approved' AND a.erased_at IS NULL

-- name: letters_of_delegation
-- What was mailed about a delegation: its members' letters and its focal point's mail, newest
-- first, a page at a time (a page past the end gives the last one); ``total`` is how many.
-- The focal point's welcome is this delegation's (its event names it): a focal point of two
-- delegations found the other's welcome among France's letters (tryout, 5 December 2026).
WITH found AS (
SELECT d.recipient, d.subject, d.template, d.status, d.created_at, d.sent_at, d.seq
FROM delivery d
WHERE d.kind = 'mail'
  AND (d.accreditation_id IN (SELECT id FROM accreditation WHERE delegation_id = :delegation_id)
       OR (d.conference_id = :conference_id AND lower(d.recipient) = lower(:focal_point_email)
           AND d.template = 'welcome'
           AND EXISTS (SELECT 1 FROM domain_event e
                       WHERE e.id = d.event_id
                         AND e.payload ->> 'delegation_id' = :delegation_id::text))))
SELECT f.*, n.total FROM found f, (SELECT count(*) AS total FROM found) n
ORDER BY f.created_at DESC, f.seq DESC
LIMIT :page_size::int
OFFSET least(:skip::int, (SELECT (greatest(count(*), 1) - 1) / :page_size::int * :page_size::int
                          FROM found))

-- name: press_queue
-- Press applications of a conference, filtered (each filter NULL: all; any of the statuses
-- given: the desk's "to decide" is two) and searched by name, outlet, press card number or
-- email address, or by a badge's short reference (``code``: its stored form, any version of
-- the person's badge), oldest first, a page at a time (a page past the end gives the last one;
-- ``page_size`` NULL: every one); ``total`` is how many match. Every search here compares the
-- text *folded* the same way on both sides (docs/workspaces.md, "Search"): lower case, accents
-- and punctuation and spaces removed (Lefèvre ≈ lefevre, O'Brien ≈ obrien, Straße ≈ strasse,
-- ES-10003 ≈ es 10003).
WITH found AS (
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.conference_id = :conference_id AND a.category = 'press' AND a.erased_at IS NULL
  AND (:statuses::text[] IS NULL OR a.status = ANY(:statuses))
  AND (:role::text IS NULL OR a.press_role = :role)
  AND (:country::text IS NULL OR a.press_country = :country)
  AND (:day::date IS NULL OR (a.submitted_at AT TIME ZONE c.timezone)::date = :day)
  -- "Letters not delivered": a letter to the journalist failed (as press_undelivered reads it)
  AND (NOT :undelivered::boolean OR a.id IN (
       SELECT dl.accreditation_id FROM delivery dl
       WHERE dl.status = 'failed' AND dl.conference_id = :conference_id AND dl.kind = 'mail'
         AND dl.template NOT LIKE 'press\_office%' AND lower(dl.recipient) = lower(a.email)))
  AND (:search::text IS NULL
       OR name_contains(a.given_name || ' ' || a.family_name || ' '
                        || coalesce(a.press_outlet, '') || ' '
                        || coalesce(a.press_card_number, '') || ' ' || coalesce(a.email, ''),
                        :search)
       OR a.id IN (SELECT bc.accreditation_id FROM badge_code bc
                   WHERE bc.conference_id = :conference_id AND bc.code = :code::text)))
SELECT f.*, n.total FROM found f, (SELECT count(*) AS total FROM found) n
ORDER BY f.seq
LIMIT :page_size::int
OFFSET least(:skip::int, (SELECT (greatest(count(*), 1) - 1) / :page_size::int * :page_size::int
                          FROM found))

-- name: press_applications
-- The press applications of a conference among ``ids`` (erased ones left out), oldest first:
-- what a batch reads of the applications ticked (their names, their status now), never the
-- whole queue; an id of another conference, or not a press application, is not found.
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = ANY(:ids::uuid[]) AND a.conference_id = :conference_id AND a.category = 'press'
  AND a.erased_at IS NULL
ORDER BY a.seq

-- name: press_undelivered
-- The letters to journalists that did not arrive (docs/workspaces.md, "Letters not
-- delivered"): failed deliveries, refused by the relay, given up after their attempts, or
-- parked because the message could not be built (no message, no renderer, a consumer to build
-- it again), of the conference's press applications among ``ids`` (NULL: every one), the
-- letters to the journalist's own address only (not the press office's notices), oldest first,
-- with the application's status (the queue counts them by tab).
-- Only the press desk's own: a delegation's letters are protocol's (the operations page).
SELECT dl.accreditation_id, a.status, dl.template, dl.created_at, dl.last_error, dl.attempts,
       (dl.message IS NULL AND dl.renderer IS NULL AND dl.consumer IS NOT NULL) AS parked
FROM delivery dl
JOIN accreditation a ON a.id = dl.accreditation_id
WHERE dl.status = 'failed' AND dl.conference_id = :conference_id AND dl.kind = 'mail'
  AND dl.template NOT LIKE 'press\_office%' AND lower(dl.recipient) = lower(a.email)
  AND a.conference_id = :conference_id AND a.category = 'press' AND a.erased_at IS NULL
  AND (:ids::uuid[] IS NULL OR a.id = ANY(:ids::uuid[]))
ORDER BY dl.seq

-- name: press_short_references
-- The short reference's stored form of the current badge of each approved application among
-- ``ids`` (the queue shows it; docs/credentials.md, "Short reference").
SELECT a.id, bc.code
FROM accreditation a
JOIN badge_code bc ON bc.accreditation_id = a.id
 AND bc.version = coalesce((SELECT b.version FROM badge b WHERE b.accreditation_id = a.id), 1)
WHERE a.id = ANY(:ids::uuid[]) AND a.status = 'approved'

-- name: information_requests
-- When more information was last asked of each of the applications ``ids`` still under
-- review, and when it was last answered since: an answer written (only the applicant and a
-- focal point of a member's delegation write one), or a photo or a document given by the
-- applicant from their own page (an ``applicant`` actor) or by the member's delegation's
-- focal point (their token, or a person holding the delegation's focal point grant), after
-- the request; what the organisers upload is no answer (the press desk's queue and the
-- console's list say so; docs/workspaces.md, "Asking for more information").
SELECT r.id, r.asked_at,
       (SELECT max(e.occurred_at) FROM domain_event e
        WHERE e.subject_id = r.id::text AND e.occurred_at > r.asked_at
          AND (e.type = 'accreditation.information_given'
               OR e.type IN ('accreditation.photo_uploaded', 'accreditation.document_uploaded')
                  AND (e.actor LIKE 'applicant:%' OR e.actor LIKE 'focal_point:%'
                       OR EXISTS (SELECT 1 FROM person_grant g
                                  WHERE g.role = 'focal_point'
                                    AND g.delegation_id = r.delegation_id
                                    AND e.actor = 'person:' || g.person_id::text)))
       ) AS answered_at
FROM (SELECT a.id, a.delegation_id,
             (SELECT max(e.occurred_at) FROM domain_event e
              WHERE e.subject_id = a.id::text
                AND e.type = 'accreditation.information_requested') AS asked_at
      FROM accreditation a
      WHERE a.id = ANY(:ids::uuid[]) AND a.conference_id = :conference_id
        AND a.erased_at IS NULL AND a.status IN ('submitted', 'waitlisted')) r
WHERE r.asked_at IS NOT NULL

-- name: press_counts
-- Press applications of a conference by status.
SELECT status, count(*) AS n FROM accreditation
WHERE conference_id = :conference_id AND category = 'press' AND erased_at IS NULL
GROUP BY status

-- name: press_countries
-- The outlets' countries of a conference's press applications: the desk's country filter offers
-- these, not every country of the world.
SELECT DISTINCT press_country FROM accreditation
WHERE conference_id = :conference_id AND category = 'press' AND erased_at IS NULL
  AND press_country IS NOT NULL

-- name: console_counts
-- The protocol console's overview: the delegations (how many have a head is the order of
-- precedence's rule, lifecycle.lookup.delegation_heads), the approved press, the draft's
-- sessions, the latest published version.
SELECT
  (SELECT count(*) FROM delegation d WHERE d.conference_id = :conference_id) AS delegations,
  (SELECT count(*) FROM accreditation a WHERE a.conference_id = :conference_id
     AND a.category = 'press' AND a.status = 'approved') AS press_approved,
  (SELECT count(*) FROM session s WHERE s.conference_id = :conference_id
     AND s.cancelled_at IS NULL) AS sessions,
  (SELECT max(number) FROM programme_version v WHERE v.conference_id = :conference_id)
     AS published_version

-- name: participant_candidates
-- The programme builder's search: approved accreditations of the conference whose name
-- contains the words typed, by family name; at most 20; with whom each comes (the delegation's
-- country or organisation, the press outlet), so that two people of the same name are told
-- apart, and their role when they are on the session already (found, but not to be added);
-- whether their security clearance was refused (never made chair or speaker: docs/protocol.md,
-- "Chair and speakers: security clearance").
SELECT a.id, a.given_name, a.family_name, a.category, a.function, a.function_fr,
       a.function_en, d.country,
       said_gender(a.gender, a.salutation) AS gender,
       d.organisation ->> 'name' AS organisation, a.press_outlet, p.role AS role_on_session,
       coalesce(v.status = 'refused', false) AS clearance_refused
FROM accreditation a LEFT JOIN delegation d ON d.id = a.delegation_id
     LEFT JOIN session_participant p
            ON p.session_id = :session_id AND p.accreditation_id = a.id
     LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.conference_id = :conference_id AND a.status = 'approved' AND a.erased_at IS NULL
  AND name_contains(a.given_name || ' ' || a.family_name, :search)
ORDER BY a.family_name, a.given_name, a.id
LIMIT 20

-- name: audience_overlaps
-- The sessions, not cancelled, held at the same time as a session (their occupied ranges
-- overlap), whose invited audience shares a category with its own: the same people expected in
-- two rooms. A session moved by half an hour overlapped the ministers' lunch and nothing said
-- so (tryout of the meeting's day, 5 December 2026; docs/workspaces.md, "Programme builder").
-- Person by person clashes (a participant on both) are refused when they arise
-- (programme.repo.person_clashes); these are said, not refused: parallel sessions for one
-- audience may be meant (a choice of workshops).
SELECT o.id, o.title, lower(o.during) AS starts_at, upper(o.during) AS ends_at,
       ARRAY(SELECT unnest(o.audience) INTERSECT SELECT unnest(s.audience)) AS shared
FROM session s JOIN session o ON o.conference_id = s.conference_id AND o.id <> s.id
WHERE s.id = :session_id AND s.cancelled_at IS NULL AND o.cancelled_at IS NULL
  AND o.occupied && s.occupied AND o.audience && s.audience
ORDER BY lower(o.during), o.id

-- name: holds_session_invitation
-- Whether a person's calendar holds a session's invitation (the last message sent them for it a
-- REQUEST): the confirmation of taking them off the session says the next publication updates
-- it (docs/workspaces.md, "Programme builder").
SELECT EXISTS (SELECT 1 FROM invitation_state
               WHERE accreditation_id = :accreditation_id AND session_id = :session_id
                 AND method = 'REQUEST')

-- name: session_participant_names
-- Who is on a session, with their names: the chair, the speakers, the attendees; and whether
-- each one's security clearance was refused (they stay on until protocol takes them off), or
-- is awaited: their category needs it and it is not granted yet, pending or more information
-- asked (accreditation.domain.clearance_outlook); with whom each comes (the delegation's
-- country or organisation, the press outlet): twenty "Minister of Water" read alike (tryout).
SELECT p.accreditation_id, p.role, a.given_name, a.family_name, a.category, a.function,
       a.function_fr, a.function_en,
       said_gender(a.gender, a.salutation) AS gender, d.country,
       d.organisation ->> 'name' AS organisation, a.press_outlet,
       coalesce(v.status = 'refused', false) AS clearance_refused,
       a.category = ANY (c.vetting_required) AND v.status IS DISTINCT FROM 'cleared'
           AND v.status IS DISTINCT FROM 'refused' AS clearance_awaited
FROM session_participant p JOIN accreditation a ON a.id = p.accreditation_id
JOIN conference c ON c.id = a.conference_id
LEFT JOIN delegation d ON d.id = a.delegation_id
LEFT JOIN vetting_status v ON v.accreditation_id = p.accreditation_id
WHERE p.session_id = :session_id
ORDER BY CASE p.role WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END,
         a.family_name, a.given_name, a.id

-- name: clearance_refused_on_stage
-- The chairs and speakers of the conference's sessions (not cancelled) whose security
-- clearance was refused: the publication preview warns before they are published.
SELECT s.id AS session_id, s.title, p.role, a.given_name, a.family_name
FROM session s
JOIN session_participant p ON p.session_id = s.id AND p.role IN ('chair', 'speaker')
JOIN accreditation a ON a.id = p.accreditation_id
JOIN vetting_status v ON v.accreditation_id = p.accreditation_id AND v.status = 'refused'
WHERE s.conference_id = :conference_id AND s.cancelled_at IS NULL
ORDER BY lower(s.during), s.id, p.role, a.family_name, a.given_name, a.id

-- name: accreditation_names
-- The names of some of the conference's accreditations (erased ones left out): the publication
-- preview names the people added to, taken off or moved on a session, a substitute and the
-- minister they replace among them.
SELECT a.id, a.given_name, a.family_name,
       replaced.given_name AS replaced_given_name, replaced.family_name AS replaced_family_name
FROM accreditation a
-- the member a substitute took the place of (docs/lifecycle.md), as the security list names them
LEFT JOIN LATERAL (
    SELECT o.given_name, o.family_name
    FROM domain_event e JOIN accreditation o ON o.id = (e.payload ->> 'accreditation_id')::uuid
    WHERE e.type = 'accreditation.substituted' AND e.payload ->> 'substitute_id' = a.id::text
      AND o.erased_at IS NULL
    ORDER BY e.id DESC LIMIT 1
) AS replaced ON true
WHERE a.conference_id = :conference_id AND a.id = ANY (:ids::uuid[]) AND a.erased_at IS NULL

-- name: seed_press_reasons
-- The default reason templates, for a conference that never had any (a list the press office
-- emptied stays empty). Concurrent seeds insert each default once.
INSERT INTO press_reason (id, conference_id, default_key, text_fr, text_en, created_at,
                          updated_at)
SELECT gen_random_uuid(), :conference_id, d.key, d.fr, d.en,
       :now::timestamptz + d.n * interval '1 microsecond', :now
FROM jsonb_to_recordset(:defaults::jsonb) AS d(key text, fr text, en text, n int)
WHERE NOT EXISTS (SELECT 1 FROM press_reason r WHERE r.conference_id = :conference_id)
ON CONFLICT DO NOTHING

-- name: press_reasons
-- A conference's reason templates (not deleted), in the order they were added.
SELECT id, default_key, text_fr, text_en FROM press_reason
WHERE conference_id = :conference_id AND removed_at IS NULL
ORDER BY created_at, id

-- name: press_reason
-- One of a conference's reason templates (not deleted).
SELECT id, default_key, text_fr, text_en FROM press_reason
WHERE id = :reason_id AND conference_id = :conference_id AND removed_at IS NULL

-- name: insert_press_reason
-- A reason template the press office wrote.
INSERT INTO press_reason (id, conference_id, text_fr, text_en, created_at, updated_at)
VALUES (:reason_id, :conference_id, :text_fr, :text_en, :now, :now)
RETURNING id, default_key, text_fr, text_en

-- name: update_press_reason
-- New wording for a reason template (no row: no such template in this conference).
UPDATE press_reason SET text_fr = :text_fr, text_en = :text_en, updated_at = :now
WHERE id = :reason_id AND conference_id = :conference_id AND removed_at IS NULL
RETURNING id, default_key, text_fr, text_en

-- name: remove_press_reason
-- A reason template deleted (kept, out of the list; no row: no such template).
UPDATE press_reason SET removed_at = :now, updated_at = :now
WHERE id = :reason_id AND conference_id = :conference_id AND removed_at IS NULL
RETURNING id

-- name: console_accreditations
-- Every accreditation of a conference for the protocol console, filtered (each filter NULL:
-- all) and searched by name, email or outlet, or by a badge's short reference (any version:
-- the card a person holds out at the desk, :code its stored form), oldest first, a page at a
-- time (a page past the end gives the last one); ``total`` is how many match the filters.
WITH found AS (
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.conference_id = :conference_id AND a.erased_at IS NULL
  AND (:category::text IS NULL OR a.category = :category)
  AND (:status::text IS NULL OR a.status = :status)
  AND (:delegation_id::uuid IS NULL OR a.delegation_id = :delegation_id)
  AND (:search::text IS NULL
       OR name_contains(a.given_name || ' ' || a.family_name || ' ' || a.email || ' '
                        || coalesce(a.press_outlet, ''), :search)
       OR a.id IN (SELECT bc.accreditation_id FROM badge_code bc
                   WHERE bc.conference_id = :conference_id AND bc.code = :code::text)))
SELECT f.*, n.total FROM found f, (SELECT count(*) AS total FROM found) n
ORDER BY f.seq
LIMIT :page_size
OFFSET least(:skip, (SELECT (greatest(count(*), 1) - 1) / :page_size * :page_size FROM found))

-- name: console_delegations
-- A conference's delegations, in the order they were created, with their focal points (the
-- people holding a focal point grant on each, first granted first).
SELECT d.id, d.kind, d.country, d.organisation ->> 'name' AS organisation_name,
       d.organisation ->> 'type' AS organisation_type, d.created_at,
       coalesce(jsonb_agg(jsonb_build_object('name', p.name, 'email', p.email)
                          ORDER BY g.id) FILTER (WHERE p.id IS NOT NULL), '[]') AS focal_points
FROM delegation d
LEFT JOIN person_grant g ON g.delegation_id = d.id AND g.role = 'focal_point'
LEFT JOIN person p ON p.id = g.person_id
WHERE d.conference_id = :conference_id
GROUP BY d.id
ORDER BY d.created_at, d.id

-- name: console_delegation_members
-- The members of a conference's delegations still in play with a rank: the candidates for
-- head of each delegation (see workspaces.domain.head_of); not someone whose security
-- clearance was refused, who leads no delegation (docs/protocol.md, "Heads of delegation").
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.conference_id = :conference_id AND a.delegation_id IS NOT NULL
  AND a.status IN ('submitted', 'approved', 'waitlisted') AND a.rank IS NOT NULL
  AND a.erased_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM vetting_status v
                  WHERE v.accreditation_id = a.id AND v.status = 'refused')
ORDER BY a.seq

-- name: conferences_to_manage
-- The conferences a staff member's grants open: every one when ``every`` (an administrator
-- of every conference), else those of ``ids``; the latest first.
SELECT id, slug, title, starts_on FROM conference
WHERE :every::boolean OR id = ANY(:ids::uuid[])
ORDER BY starts_on DESC, slug

-- name: conference_staff
-- The people holding a staff grant on one conference (not the focal points, listed with their
-- delegations, nor the administrators of every conference), first granted first.
SELECT p.name, p.email, p.language, g.role
FROM person_grant g JOIN person p ON p.id = g.person_id
WHERE g.conference_id = :conference_id AND g.role <> 'focal_point'
ORDER BY g.id

-- name: open_visa_letter
-- A person's visa letter still open (requested, or approved and valid), which a substitution
-- closes with the accreditation.
SELECT status, number FROM visa_letter
WHERE accreditation_id = :accreditation_id AND status IN ('requested', 'approved')

-- name: royal_places
-- The royal-presence sessions (not cancelled) a delegation member's place is on the security
-- list of: as a participant (their role), or in the audience of their category (role NULL).
-- What a substitution after the list froze changes there (docs/lifecycle.md, "Substitutions").
SELECT s.id, s.title, p.role
FROM session s
LEFT JOIN session_participant p ON p.session_id = s.id AND p.accreditation_id = :accreditation_id
WHERE s.conference_id = :conference_id AND s.royal_presence AND s.cancelled_at IS NULL
  AND (p.accreditation_id IS NOT NULL OR :category = ANY (s.audience))
ORDER BY lower(s.during), s.id

-- name: participant_places
-- The sessions (not cancelled) a member is on as a participant (chair, speaker, attendee), each
-- with the role: their substitute takes the part, and is invited to it as such only by the
-- next publication of the programme (docs/lifecycle.md, "Substitutions").
SELECT s.title, p.role
FROM session_participant p JOIN session s ON s.id = p.session_id
WHERE p.accreditation_id = :accreditation_id AND s.cancelled_at IS NULL
ORDER BY lower(s.during), s.id

-- name: vetting_person
-- One person of the security page's list (docs/workspaces.md, "The security service"): of
-- this conference, alive, not erased, their category needing clearance or a status recorded;
-- the page's row form records a status for them and for no one else.
SELECT a.id, a.given_name, a.family_name
FROM accreditation a
JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.id = :accreditation_id AND a.conference_id = :conference_id AND a.erased_at IS NULL
  AND a.status IN ('submitted', 'approved', 'waitlisted')
  AND (a.category = ANY (c.vetting_required) OR v.status IS NOT NULL)
