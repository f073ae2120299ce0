-- Foundation: conferences, delegations, accreditations, tokens, the event log and deliveries.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE conference (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug                    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title                   jsonb NOT NULL,
    venue                   jsonb NOT NULL,
    timezone                text NOT NULL,
    starts_on               date NOT NULL,
    ends_on                 date NOT NULL,
    patron                  jsonb,
    hosts                   jsonb NOT NULL DEFAULT '[]',
    languages               text[] NOT NULL,
    press_opens_at          timestamptz NOT NULL,
    press_closes_at         timestamptz NOT NULL,
    press_pool_capacity     integer NOT NULL CHECK (press_pool_capacity >= 0),
    security_list_deadline  timestamptz,
    spokespersons           jsonb NOT NULL DEFAULT '[]',
    organiser_email         text NOT NULL,
    protocol                jsonb NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    CHECK (press_closes_at > press_opens_at)
);

CREATE TABLE delegation (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conference_id       uuid NOT NULL REFERENCES conference (id),
    kind                text NOT NULL CHECK (kind IN ('country', 'organisation')),
    country             text CHECK (country ~ '^[A-Z]{2}$'),
    organisation        jsonb,
    focal_point_name    text NOT NULL,
    focal_point_email   text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'country') = (country IS NOT NULL)),
    CHECK ((kind = 'organisation') = (organisation IS NOT NULL))
);
CREATE UNIQUE INDEX delegation_country_once ON delegation (conference_id, country)
    WHERE country IS NOT NULL;
CREATE UNIQUE INDEX delegation_organisation_once ON delegation (conference_id, lower(organisation ->> 'name'))
    WHERE organisation IS NOT NULL;

CREATE TABLE accreditation (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                 bigserial NOT NULL UNIQUE,
    conference_id       uuid NOT NULL REFERENCES conference (id),
    category            text NOT NULL CHECK (category IN ('press', 'minister', 'official', 'expert', 'staff')),
    status              text NOT NULL DEFAULT 'submitted'
                        CHECK (status IN ('submitted', 'approved', 'rejected', 'waitlisted', 'withdrawn', 'revoked')),
    given_name          text NOT NULL,
    family_name         text NOT NULL,
    email               text NOT NULL,
    language            text NOT NULL CHECK (language IN ('fr', 'en')),
    gender              text CHECK (gender IN ('female', 'male')),
    press_outlet        text,
    press_card_number   text,
    press_role          text CHECK (press_role IN ('journalist', 'photographer', 'camera', 'technician')),
    press_country       text CHECK (press_country ~ '^[A-Z]{2}$'),
    delegation_id       uuid REFERENCES delegation (id),
    rank                text,
    function            text,
    in_office_since     date,
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    decided_at          timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    erased_at           timestamptz,
    CHECK (category <> 'press' OR (press_outlet IS NOT NULL AND press_card_number IS NOT NULL
                                  AND press_role IS NOT NULL) OR erased_at IS NOT NULL),
    CHECK (category NOT IN ('minister', 'official') OR delegation_id IS NOT NULL)
);
-- One accreditation per person per conference, across categories; a withdrawn one frees the place.
CREATE UNIQUE INDEX accreditation_one_per_person ON accreditation (conference_id, lower(email))
    WHERE status <> 'withdrawn' AND erased_at IS NULL;
CREATE INDEX accreditation_list ON accreditation (conference_id, seq);
CREATE INDEX accreditation_delegation ON accreditation (delegation_id, seq);
CREATE INDEX accreditation_press_approved ON accreditation (conference_id)
    WHERE category = 'press' AND status = 'approved';

-- Who did what, when and why, for every accreditation.
CREATE TABLE accreditation_history (
    id                  bigserial PRIMARY KEY,
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id),
    at                  timestamptz NOT NULL,
    actor               text NOT NULL,
    action              text NOT NULL,
    from_status         text,
    to_status           text NOT NULL,
    reason              text
);
CREATE INDEX accreditation_history_of ON accreditation_history (accreditation_id, id);

-- Bearer tokens, stored as SHA-256 of the secret (the secrets are 256-bit random strings).
CREATE TABLE api_token (
    id                  bigserial PRIMARY KEY,
    token_hash          bytea NOT NULL UNIQUE,
    role                text NOT NULL
                        CHECK (role IN ('admin', 'protocol', 'press_office', 'focal_point', 'applicant')),
    delegation_id       uuid REFERENCES delegation (id),
    accreditation_id    uuid REFERENCES accreditation (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    revoked_at          timestamptz,
    CHECK ((role = 'focal_point') = (delegation_id IS NOT NULL)),
    CHECK ((role = 'applicant') = (accreditation_id IS NOT NULL))
);

-- The domain event log (transactional outbox). Written in the same transaction as the change;
-- consumers turn each event into deliveries exactly once (dispatched_at).
CREATE TABLE domain_event (
    id                  bigserial PRIMARY KEY,
    conference_id       uuid REFERENCES conference (id),
    type                text NOT NULL,
    subject_id          text,
    payload             jsonb NOT NULL,
    actor               text,
    occurred_at         timestamptz NOT NULL DEFAULT now(),
    -- The writing transaction: readers of the log only see events below the oldest transaction
    -- still running, so a cursor never skips an event that commits late with a lower id.
    txid                xid8 NOT NULL DEFAULT pg_current_xact_id(),
    dispatched_at       timestamptz,
    dispatch_attempts   integer NOT NULL DEFAULT 0,
    dispatch_after      timestamptz NOT NULL DEFAULT now(),
    dispatch_error      text
);
CREATE INDEX domain_event_pending ON domain_event (id) WHERE dispatched_at IS NULL;
CREATE INDEX domain_event_by_conference ON domain_event (conference_id, id);

-- Outgoing messages and their state: queued -> in_flight -> sent | retry -> ... | failed.
CREATE TABLE delivery (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                 bigserial NOT NULL UNIQUE,
    event_id            bigint REFERENCES domain_event (id),
    conference_id       uuid REFERENCES conference (id),
    accreditation_id    uuid REFERENCES accreditation (id),
    kind                text NOT NULL DEFAULT 'mail' CHECK (kind IN ('mail', 'webhook')),
    template            text NOT NULL,
    dedupe_key          text NOT NULL UNIQUE,
    recipient           text NOT NULL,
    sender              text NOT NULL,
    subject             text NOT NULL,
    message_id          text NOT NULL,
    message             bytea,
    status              text NOT NULL DEFAULT 'queued'
                        CHECK (status IN ('queued', 'in_flight', 'retry', 'sent', 'failed')),
    attempts            integer NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    locked_until        timestamptz,
    -- Times a lease ran out while in flight (a worker died or stalled): each may be a duplicate.
    lease_expiries      integer NOT NULL DEFAULT 0,
    last_error          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('queued', 'retry');
CREATE INDEX delivery_leased ON delivery (locked_until) WHERE status = 'in_flight';
CREATE INDEX delivery_by_status ON delivery (status, seq);

-- Wake the workers when work is committed (NOTIFY is delivered at commit).
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('conference_outbox', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE TRIGGER domain_event_notify AFTER INSERT ON domain_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
CREATE TRIGGER delivery_notify AFTER INSERT ON delivery
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
