-- name: accreditation_by_id
-- One accreditation with its conference's slug.
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = :accreditation_id

-- name: lock_accreditation
-- One accreditation, locked until the transaction ends (its changes queue on the row; a
-- foreign key check on it passes: docs/architecture.md, "Deadlocks").
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = :accreditation_id
FOR NO KEY UPDATE OF a

-- name: lock_accreditations
-- Several accreditations locked at once, in the order of their ids (a batch's lock order:
-- docs/outbox.md, "The press pool's count").
SELECT id, conference_id, category FROM accreditation
WHERE id = ANY(:accreditation_ids::uuid[])
ORDER BY id
FOR NO KEY UPDATE

-- name: set_status
-- The new status; a decision also sets when it was decided.
UPDATE accreditation
SET status = :status, updated_at = :now,
    decided_at = CASE WHEN :decided THEN :now ELSE decided_at END
WHERE id = :accreditation_id
RETURNING *, (SELECT slug FROM conference WHERE id = conference_id) AS conference_slug

-- name: record_change
-- One domain event of an accreditation, at the use-case's time, with the lines it adds to the
-- audit trail (null: its default line, see history_of).
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at, history)
VALUES (:conference_id, :event_type, :subject_id, :payload::jsonb, :actor, :now, :history::jsonb)

-- name: history_of
-- An accreditation's audit trail, oldest first, read from its domain events: its own, and the
-- substitution that made it. An event with no explicit lines (history null) gives one: its
-- action from its type, its states from its payload. A vetting status set
-- (accreditation.vetting_status_set) always brings its line, with the status it set.
SELECT coalesce((h.line ->> 'at')::timestamptz, e.occurred_at) AS at,
       coalesce(h.line ->> 'actor', e.actor) AS actor, h.line ->> 'action' AS action,
       h.line ->> 'from_status' AS from_status, h.line ->> 'to_status' AS to_status,
       h.line ->> 'reason' AS reason,
       (h.line ->> 'linked_accreditation_id')::uuid AS linked_accreditation_id,
       h.line ->> 'vetting_status' AS vetting_status
FROM domain_event e
CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.history, jsonb_build_array(jsonb_build_object(
    'accreditation_id', e.subject_id,
    'action', CASE e.type WHEN 'accreditation.submitted' THEN 'submit'
                          WHEN 'accreditation.approved' THEN 'approve'
                          WHEN 'accreditation.rejected' THEN 'reject'
                          WHEN 'accreditation.waitlisted' THEN 'waitlist'
                          WHEN 'accreditation.withdrawn' THEN 'withdraw'
                          WHEN 'accreditation.revoked' THEN 'revoke'
                          WHEN 'accreditation.amended' THEN 'amend' END,
    'from_status', e.payload -> 'from_status', 'to_status', e.payload -> 'status'))))
    WITH ORDINALITY AS h (line, n)
WHERE (e.subject_id = :accreditation_id::uuid::text
       OR (e.type = 'accreditation.substituted'
           AND e.payload ->> 'substitute_id' = :accreditation_id::uuid::text))
  AND e.type LIKE 'accreditation.%'
  AND h.line ->> 'accreditation_id' = :accreditation_id::uuid::text
  AND h.line ->> 'action' IS NOT NULL
ORDER BY e.id, h.n

-- name: count_approved_press
-- The places of a conference's press pool that are taken (an erased person holds none), as the
-- database keeps them (migration 0045; docs/outbox.md, "The press pool's count").
SELECT press_approved FROM conference WHERE id = :conference_id

-- name: count_waitlisted_press
-- The press applications of a conference on its waiting list (an erased person is on none):
-- the press office's notice of a place freed says how many wait for it.
SELECT count(*) FROM accreditation
WHERE conference_id = :conference_id AND category = 'press' AND status = 'waitlisted'
  AND erased_at IS NULL

-- name: press_people
-- The press applications of a conference that hold or may take a place, or were refused or
-- revoked (not withdrawn, substituted or erased), with what tells two people apart; only those
-- holding a place in the pool when ``approved_only``. Possible duplicates are found among them
-- (docs/workspaces.md, "Possible duplicates").
SELECT id, given_name, family_name, press_outlet, press_card_number, status, seq
FROM accreditation
WHERE conference_id = :conference_id AND category = 'press' AND erased_at IS NULL
  AND status NOT IN ('withdrawn', 'substituted')
  AND (NOT :approved_only::boolean OR status = 'approved')
ORDER BY seq

-- name: programme_published
-- Whether a conference's programme has been published (a version exists): the approval letter
-- then says the invitations follow in separate messages, not "once the programme is published".
SELECT EXISTS (SELECT 1 FROM programme_version WHERE conference_id = :conference_id)

-- name: badge_short_reference
-- The short reference of the person's current badge version, as stored (eight capitals: the
-- repository prints it with show_short_reference; docs/credentials.md, "Short reference");
-- none before an approval.
SELECT bc.code
FROM badge_code bc
WHERE bc.accreditation_id = :accreditation_id
  AND bc.version = coalesce((SELECT b.version FROM badge b
                             WHERE b.accreditation_id = :accreditation_id), 1)

-- name: clearance_of
-- Whether the person's category needs security clearance, and the status recorded for them
-- (none when nothing was): what the letters and pages tell of the badge (docs/credentials.md,
-- "Vetting").
SELECT a.category = ANY (c.vetting_required) AS required, v.status AS recorded
FROM accreditation a JOIN conference c ON c.id = a.conference_id
LEFT JOIN vetting_status v ON v.accreditation_id = a.id
WHERE a.id = :accreditation_id

-- name: photo_awaited
-- Whether the conference prints the person's photo on their category's badges and none was
-- given: the badge is not downloaded before it, and the approval letter says so
-- (docs/credentials.md, "Photo required").
SELECT a.category = ANY (c.photo_required)
       AND NOT EXISTS (SELECT 1 FROM accreditation_photo p WHERE p.accreditation_id = a.id)
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.id = :accreditation_id

-- name: delegation_focal_point
-- Who answers for a delegation (its focal point's name and address) and how the delegation is
-- named: a letter about one of its members goes to them (docs/lifecycle.md, "Letters").
SELECT focal_point_name, focal_point_email, country, organisation ->> 'name' AS organisation
FROM delegation WHERE id = :delegation_id

-- name: list_accreditations
-- A page of a conference's accreditations in filing order, after the cursor's position; each
-- filter applies when given.
SELECT a.*, c.slug AS conference_slug
FROM accreditation a JOIN conference c ON c.id = a.conference_id
WHERE a.conference_id = :conference_id
  AND (:category::text IS NULL OR a.category = :category)
  AND (:status::text IS NULL OR a.status = :status)
  AND (:delegation_id::uuid IS NULL OR a.delegation_id = :delegation_id)
  AND a.seq > :after_seq
ORDER BY a.seq
LIMIT :limit

-- name: register
-- A whole application in one statement (one round trip, its own transaction): the conference
-- by slug, the press window (skipped for organisers, :window_exempt) and pool, the delegation's
-- conference, then the row (with the hash of the applicant's token) and its domain event (with
-- the lines of the audit trail beyond the default one, when protocol overrode a rule), all or
-- nothing. A closed window, a full pool or an unknown delegation insert nothing: the row comes
-- back with inserted = false. A duplicate person fails the statement on
-- accreditation_one_per_person (a plain insert: ON CONFLICT DO NOTHING would insert
-- speculatively, an extra check of every unique index and an extra WAL record for every
-- application, to spare the rare duplicate an error); register_gate then says which rule
-- refuses it. No row at all: no such conference.
WITH gate AS (
    SELECT c.id, c.slug, c.press_opens_at, c.press_closes_at, c.press_pool_capacity,
           (:category::text <> 'press' OR :window_exempt::boolean
            OR (c.press_opens_at <= :now::timestamptz AND :now::timestamptz < c.press_closes_at))
               AS window_open,
           c.press_approved,
           (:delegation_id::uuid IS NULL
            OR EXISTS (SELECT 1 FROM delegation d
                       WHERE d.id = :delegation_id::uuid AND d.conference_id = c.id))
               AS delegation_known
    FROM conference c WHERE c.slug = :slug
), ins AS (
    INSERT INTO accreditation (id, conference_id, category, given_name, family_name, email,
                               language, gender, salutation, press_outlet, press_card_number,
                               press_role, press_country, delegation_id, rank, function,
                               function_fr, function_en, in_office_since, submitted_at, updated_at,
                               token_hash, token_id,
                               answer_token_hash)
    SELECT :accreditation_id::uuid, gate.id, :category, :given_name, :family_name, :email,
           :language, :gender, :salutation, :press_outlet, :press_card_number, :press_role,
           :press_country, :delegation_id, :rank, :function, :function_fr, :function_en,
           :in_office_since, :now, :now,
           :token_hash::bytea, nextval('api_token_id_seq'), :answer_token_hash::bytea
    FROM gate
    WHERE gate.window_open AND gate.delegation_known
      AND (:category <> 'press' OR gate.press_approved < gate.press_pool_capacity)
    RETURNING id, conference_id, category, status, given_name, family_name, email, language,
              gender, salutation, press_outlet, press_card_number, press_role, press_country,
              delegation_id, rank, function, function_fr, function_en, in_office_since,
              submitted_at, decided_at
), event AS (
    INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at,
                              history)
    SELECT ins.conference_id, :event_type, ins.id::text, :payload::jsonb, :actor, :now,
           :history::jsonb
    FROM ins
)
SELECT gate.slug AS conference_slug, gate.press_opens_at, gate.press_closes_at,
       gate.press_pool_capacity, gate.press_approved, gate.delegation_known,
       ins.id IS NOT NULL AS inserted, ins.*
FROM gate LEFT JOIN ins ON true

-- name: register_many
-- ``register`` for applications filed at the same moment, in one statement and so one
-- transaction (docs/architecture.md, "Filings written together"): one array per field, an
-- element per application, each application gated as ``register`` gates it (its conference by
-- slug, its press window unless exempt, the pool, its delegation) and inserted with its domain
-- event. One row per application, in the arrays' order: with inserted = false when a rule
-- refused it, with a NULL conference_slug when there is no such conference. A duplicate person
-- fails the whole statement, which then wrote nothing: the caller writes each application again
-- with ``register``, alone.
WITH input AS (
    SELECT *
    FROM unnest(:accreditation_id::uuid[], :slug::text[], :category::text[],
                :given_name::text[], :family_name::text[], :email::text[], :language::text[],
                :gender::text[], :salutation::text[], :press_outlet::text[],
                :press_card_number::text[], :press_role::text[], :press_country::text[],
                :delegation_id::uuid[], :rank::text[], :function::text[], :function_fr::text[],
                :function_en::text[],
                :in_office_since::date[], :now::timestamptz[], :window_exempt::boolean[],
                :actor::text[], :event_type::text[], :payload::text[], :token_hash::bytea[],
                :history::text[], :answer_token_hash::bytea[])
        WITH ORDINALITY AS i(accreditation_id, slug, category, given_name, family_name, email,
                             language, gender, salutation, press_outlet, press_card_number,
                             press_role, press_country, delegation_id, rank, function,
                             function_fr, function_en, in_office_since, now, window_exempt, actor,
                             event_type, payload,
                             token_hash, history, answer_token_hash, ord)
), gate AS (
    SELECT i.ord, c.id, c.slug, c.press_opens_at, c.press_closes_at, c.press_pool_capacity,
           (i.category <> 'press' OR i.window_exempt
            OR (c.press_opens_at <= i.now AND i.now < c.press_closes_at)) AS window_open,
           c.press_approved,
           (i.delegation_id IS NULL
            OR EXISTS (SELECT 1 FROM delegation d
                       WHERE d.id = i.delegation_id AND d.conference_id = c.id))
               AS delegation_known
    FROM input i JOIN conference c ON c.slug = i.slug
), ins AS (
    INSERT INTO accreditation (id, conference_id, category, given_name, family_name, email,
                               language, gender, salutation, press_outlet, press_card_number,
                               press_role, press_country, delegation_id, rank, function,
                               function_fr, function_en, in_office_since, submitted_at, updated_at,
                               token_hash, token_id,
                               answer_token_hash)
    SELECT i.accreditation_id, gate.id, i.category, i.given_name, i.family_name, i.email,
           i.language, i.gender, i.salutation, i.press_outlet, i.press_card_number,
           i.press_role, i.press_country, i.delegation_id, i.rank, i.function,
           i.function_fr, i.function_en, i.in_office_since, i.now, i.now, i.token_hash,
           nextval('api_token_id_seq'),
           i.answer_token_hash
    FROM input i JOIN gate ON gate.ord = i.ord
    WHERE gate.window_open AND gate.delegation_known
      AND (i.category <> 'press' OR gate.press_approved < gate.press_pool_capacity)
    ORDER BY i.ord
    RETURNING id, conference_id, category, status, given_name, family_name, email, language,
              gender, salutation, press_outlet, press_card_number, press_role, press_country,
              delegation_id, rank, function, function_fr, function_en, in_office_since,
              submitted_at, decided_at
), event AS (
    INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, occurred_at,
                              history)
    SELECT ins.conference_id, i.event_type, ins.id::text, i.payload::jsonb, i.actor, i.now,
           i.history::jsonb
    FROM ins JOIN input i ON i.accreditation_id = ins.id
    ORDER BY i.ord
)
SELECT gate.slug AS conference_slug, gate.press_opens_at, gate.press_closes_at,
       gate.press_pool_capacity, gate.press_approved, gate.delegation_known,
       ins.id IS NOT NULL AS inserted, ins.*
FROM input i
LEFT JOIN gate ON gate.ord = i.ord
LEFT JOIN ins ON ins.id = i.accreditation_id
ORDER BY i.ord

-- name: register_gate
-- What ``register`` checks before it inserts, alone (after a duplicate person failed it, or for
-- ``check_register``, which writes nothing): the conference's press window and pool, whether the
-- delegation is known; inserted = false.
SELECT c.id AS conference_id, c.slug AS conference_slug, c.press_opens_at, c.press_closes_at,
       c.press_pool_capacity, c.press_approved,
       (:delegation_id::uuid IS NULL
        OR EXISTS (SELECT 1 FROM delegation d
                   WHERE d.id = :delegation_id::uuid AND d.conference_id = c.id))
           AS delegation_known,
       false AS inserted
FROM conference c WHERE c.slug = :slug

-- name: conference_exists
-- Whether a conference has this slug (to answer 404 before 401/403).
SELECT 1 FROM conference WHERE slug = :slug

-- name: current_by_email
-- A person's current application to a conference (not withdrawn, substituted or erased), if any.
SELECT id, status FROM accreditation
WHERE conference_id = :conference_id AND lower(email) = lower(:email)
  AND status NOT IN ('withdrawn', 'substituted') AND erased_at IS NULL

-- name: lock_delegation_places
-- The delegation filing a member, locked until the filing commits (so that concurrent filings
-- count one after the other), with its quotas, the conference's and the nominations deadline.
SELECT d.id, d.quotas AS delegation_quotas, c.quotas AS conference_quotas,
       c.nominations_close_at, c.changes_close_at, c.ends_on, c.timezone
FROM delegation d JOIN conference c ON c.id = d.conference_id
WHERE d.id = :delegation_id AND c.slug = :slug
FOR UPDATE OF d

-- name: places_used
-- The delegation's live accreditations in a category (those holding a place).
SELECT count(*) FROM accreditation
WHERE delegation_id = :delegation_id AND category = :category
  AND status IN ('submitted', 'waitlisted', 'approved') AND erased_at IS NULL

-- name: insert_substitute
-- The person taking a member's place: the member's conference, category and delegation, the
-- new person's fields, the first status, the hash of its token. A person who already has a
-- current accreditation here is not inserted (no row comes back).
INSERT INTO accreditation (id, conference_id, category, status, given_name, family_name, email,
                           language, gender, delegation_id, rank, function, function_fr,
                           function_en,
                           in_office_since, submitted_at, updated_at, decided_at, token_hash,
                           token_id)
SELECT :accreditation_id::uuid, o.conference_id, o.category, :status, :given_name, :family_name,
       :email, :language, :gender, o.delegation_id, :rank, :function, :function_fr,
       :function_en, :in_office_since, :now,
       :now, CASE WHEN :status = 'approved' THEN :now::timestamptz END, :token_hash::bytea,
       nextval('api_token_id_seq')
FROM accreditation o WHERE o.id = :old_id
ON CONFLICT DO NOTHING
RETURNING *, (SELECT slug FROM conference WHERE id = conference_id) AS conference_slug

-- name: move_participations
-- The member's session places (same roles) handed to the person taking its place: one
-- statement, so the exclusion constraint checks the new person's rows as they land.
UPDATE session_participant SET accreditation_id = :new_id
WHERE accreditation_id = :old_id

-- name: changes_close_at
-- The conference's deadline for changes and substitutions, and its last day (an open deadline
-- closes with the conference).
SELECT changes_close_at, ends_on, timezone FROM conference WHERE id = :conference_id

-- name: count_link_requests
-- How often the private link of an address was asked for since :since.
SELECT count(*) FROM link_request
WHERE conference_id = :conference_id AND email_hash = :email_hash AND at >= :since

-- name: insert_link_request
-- One request for a private link (the address kept only hashed).
INSERT INTO link_request (conference_id, email_hash, at) VALUES (:conference_id, :email_hash, :at)

-- name: amend_accreditation
-- A member's details changed (the status stays). Not changed (no row) when another current
-- accreditation of the conference has the new e-mail.
UPDATE accreditation a
SET category = :category, given_name = :given_name, family_name = :family_name, email = :email,
    language = :language, gender = :gender, rank = :rank, function = :function,
    function_fr = :function_fr, function_en = :function_en,
    in_office_since = :in_office_since, updated_at = :now
WHERE a.id = :accreditation_id
  AND NOT EXISTS (SELECT 1 FROM accreditation o
                  WHERE o.conference_id = a.conference_id AND o.id <> a.id
                    AND lower(o.email) = lower(:email)
                    AND o.status NOT IN ('withdrawn', 'substituted') AND o.erased_at IS NULL)
RETURNING *, (SELECT slug FROM conference WHERE id = conference_id) AS conference_slug

-- name: correct_press
-- A journalist's name, outlet, press card number and role corrected by the press office (the
-- status stays).
UPDATE accreditation
SET given_name = :given_name, family_name = :family_name, press_outlet = :press_outlet,
    press_card_number = :press_card_number, press_role = :press_role, updated_at = :now
WHERE id = :accreditation_id
RETURNING *, (SELECT slug FROM conference WHERE id = conference_id) AS conference_slug

-- name: supersede_printed_badge
-- A corrected journalist's printed badge replaced by a new version, to print (its short
-- reference comes from the badge table's trigger, migration 0047); the new version, or no row
-- when no badge was printed (the next print carries the correction: nothing to supersede).
-- docs/credentials.md, "Badge production".
UPDATE badge
SET version = version + 1, status = 'to_print', printed_at = NULL, printed_by = NULL,
    collection_id = NULL, reissued_at = :now, reissue_reason = 'details_corrected',
    reissue_note = :note
WHERE accreditation_id = :accreditation_id AND conference_id = :conference_id
  AND status = 'printed'
RETURNING version

-- name: event_actor
-- Who recorded an event (a withdrawal's letter says whether the person or their delegation's
-- focal point withdrew).
SELECT actor FROM domain_event WHERE id = :event_id

-- name: event_reason
-- The reason of an event's first line of the audit trail (the message of a request for more
-- information), read by its letter; null once the person's reasons are erased.
SELECT history -> 0 ->> 'reason' FROM domain_event WHERE id = :event_id

-- name: press_pools_of
-- The names of the press pools an accreditation is in (one per person, the unique index), as
-- the press office's notice of a withdrawal names them (docs/lifecycle.md, "Withdrawing after
-- approval").
SELECT p.name FROM press_pool_member m JOIN press_pool p ON p.id = m.pool_id
WHERE m.accreditation_id = :accreditation_id
ORDER BY p.seq

-- name: had_invitations
-- Whether the letter to a member replaced may say that their sessions leave their calendar,
-- "each by a calendar message of its own": an invitation still live, or one the calendar's
-- consumer cancelled since the substitution (it may run first). Someone replaced before any
-- publication had none, and was promised messages that never came (tryout, 5 December 2026).
SELECT EXISTS (SELECT 1 FROM invitation_state
               WHERE accreditation_id = :accreditation_id
                 AND (method = 'REQUEST' OR updated_at >= :since))

-- name: visa_letter_ended
-- The visa letter an accreditation's end closes (the letter to a member replaced says so,
-- tryout): the one still requested or approved (the credentials' consumer has not closed it
-- yet), or the one it closed, whose reason it wrote as "accreditation <status>"
-- (credentials.domain.closing_reason). ``number`` is null for a request never approved.
SELECT l.status IN ('approved', 'cancelled') AS approved, l.number
FROM visa_letter l JOIN accreditation a ON a.id = l.accreditation_id
WHERE l.accreditation_id = :accreditation_id
  AND (l.status IN ('requested', 'approved') OR l.reason = 'accreditation ' || a.status)
ORDER BY l.requested_at DESC, l.id
LIMIT 1
