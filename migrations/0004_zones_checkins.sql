-- Zones, what grants them, press pools, and the record of every check-in scan.
--
-- * A zone belongs to one conference and has a code the door scanners send ("plenary-hall").
--   Its kind is 'standard' or 'royal_perimeter' (admission there follows the security list of
--   the royal-presence sessions; see conference/badges/domain.py).
-- * A grant gives a zone to a category, to the people of a session (participants and invited
--   audience categories) or to the members of a press pool: exactly one of the three per row.
-- * A press pool is a named group of press accreditations; one pool per person (PROTOCOL.md).
-- * Every scan is recorded, admitted or refused, with its reason; the badge text itself is not
--   kept, only its SHA-256 (a forged reference may carry anything).
-- Composite foreign keys keep everything inside one conference.

CREATE TABLE zone (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigserial NOT NULL UNIQUE,
    conference_id   uuid NOT NULL REFERENCES conference (id),
    code            text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name            jsonb NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('standard', 'royal_perimeter')),
    created_at      timestamptz NOT NULL,
    UNIQUE (conference_id, code),
    UNIQUE (id, conference_id)
);

CREATE TABLE press_pool (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigserial NOT NULL UNIQUE,
    conference_id   uuid NOT NULL REFERENCES conference (id),
    name            text NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (id, conference_id)
);
CREATE UNIQUE INDEX press_pool_name_once ON press_pool (conference_id, lower(name));

CREATE TABLE press_pool_member (
    pool_id             uuid NOT NULL,
    conference_id       uuid NOT NULL,
    accreditation_id    uuid NOT NULL,
    added_at            timestamptz NOT NULL,
    added_by            text NOT NULL,
    PRIMARY KEY (pool_id, accreditation_id),
    FOREIGN KEY (pool_id, conference_id) REFERENCES press_pool (id, conference_id),
    FOREIGN KEY (accreditation_id, conference_id) REFERENCES accreditation (id, conference_id),
    -- One pool per person.
    CONSTRAINT press_pool_one_per_person UNIQUE (conference_id, accreditation_id)
);

CREATE TABLE zone_grant (
    id              bigserial PRIMARY KEY,
    zone_id         uuid NOT NULL,
    conference_id   uuid NOT NULL,
    category        text CHECK (category IN ('press', 'minister', 'official', 'expert', 'staff')),
    session_id      uuid,
    pool_id         uuid,
    FOREIGN KEY (zone_id, conference_id) REFERENCES zone (id, conference_id) ON DELETE CASCADE,
    FOREIGN KEY (session_id, conference_id) REFERENCES session (id, conference_id),
    FOREIGN KEY (pool_id, conference_id) REFERENCES press_pool (id, conference_id),
    CHECK (num_nonnulls(category, session_id, pool_id) = 1),
    UNIQUE NULLS NOT DISTINCT (zone_id, category, session_id, pool_id)
);
CREATE INDEX zone_grant_of_session ON zone_grant (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX zone_grant_of_pool ON zone_grant (pool_id) WHERE pool_id IS NOT NULL;

CREATE TABLE check_in (
    id                  bigserial PRIMARY KEY,
    conference_id       uuid NOT NULL REFERENCES conference (id),
    zone_id             uuid REFERENCES zone (id),
    zone_code           text NOT NULL,
    accreditation_id    uuid REFERENCES accreditation (id),
    badge_sha256        bytea NOT NULL,
    admitted            boolean NOT NULL,
    reason              text NOT NULL CHECK (reason IN (
                            'granted', 'unknown_zone', 'forged_badge', 'unknown_badge',
                            'revoked', 'withdrawn', 'not_approved', 'zone_not_granted',
                            'not_on_security_list', 'press_not_in_pool')),
    scanned_at          timestamptz NOT NULL,
    scanned_by          text NOT NULL,
    CHECK (admitted = (reason = 'granted')),
    CHECK (NOT admitted OR (zone_id IS NOT NULL AND accreditation_id IS NOT NULL))
);
CREATE INDEX check_in_by_conference ON check_in (conference_id, id);
CREATE INDEX check_in_of_accreditation ON check_in (accreditation_id)
    WHERE accreditation_id IS NOT NULL;
