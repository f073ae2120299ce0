-- The press office's reason templates, one list per conference (docs/workspaces.md, "Reason
-- templates"), and the `security` role for people's grants (docs/workspaces.md, "Security").
CREATE TABLE press_reason (
    id              uuid PRIMARY KEY,
    conference_id   uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    default_key     text,
    -- the default it was seeded from (no_card, pool_full, not_media); NULL for one written here
    text_fr         text NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 2000),
    text_en         text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 2000),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    removed_at      timestamptz
    -- a deleted template stays (the list is seeded only for a conference that never had one)
);
CREATE UNIQUE INDEX press_reason_default_once ON press_reason (conference_id, default_key)
    WHERE default_key IS NOT NULL;
CREATE INDEX press_reason_of_conference ON press_reason (conference_id, created_at);

ALTER TABLE person_grant DROP CONSTRAINT person_grant_role_check;
ALTER TABLE person_grant ADD CONSTRAINT person_grant_role_check
    CHECK (role IN ('admin', 'protocol', 'press_office', 'security', 'door', 'focal_point'));
