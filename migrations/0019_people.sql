-- People who work in the workspaces: a person (an email with a name and a language), the grants
-- that say what they may do (a role in a conference, or the focal point of a delegation), the
-- single-use sign-in links mailed to them and their sessions. Secrets are stored hashed.

CREATE TABLE person (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text NOT NULL,
    name            text NOT NULL,
    language        text NOT NULL CHECK (language IN ('fr', 'en')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_email_once ON person (lower(email));

CREATE TABLE person_grant (
    id              bigserial PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES person (id),
    role            text NOT NULL CHECK (role IN ('admin', 'protocol', 'press_office', 'focal_point')),
    conference_id   uuid REFERENCES conference (id),
    delegation_id   uuid REFERENCES delegation (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'focal_point') = (delegation_id IS NOT NULL)),
    -- an admin may hold every conference (no conference); the other roles hold one
    CHECK (role = 'admin' OR conference_id IS NOT NULL)
);
CREATE UNIQUE INDEX person_grant_once ON person_grant
    (person_id, role, coalesce(conference_id, '00000000-0000-0000-0000-000000000000'::uuid),
     coalesce(delegation_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE signin_link (
    token_hash      bytea PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES person (id),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX signin_link_of ON signin_link (person_id);

CREATE TABLE web_session (
    id_hash         bytea PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES person (id),
    created_at      timestamptz NOT NULL,
    seen_at         timestamptz NOT NULL,
    ended_at        timestamptz
);
CREATE INDEX web_session_of ON web_session (person_id);
