-- Invitations rendered at send time (docs/outbox.md, "Rendered at send time"): a delivery may
-- hold, instead of its message, what renders it again byte for byte: the renderer's name (the
-- consumer that made it), a context shared by many deliveries (the conference as it was, the
-- programme version, the settings that reach the message) and the small per-recipient inputs.
-- Rows written before keep their message and are sent as they are.
CREATE TABLE render_context (
    id              uuid PRIMARY KEY,
    -- derived from the content: the same context written twice is one row
    conference_id   uuid REFERENCES conference (id) ON DELETE CASCADE,
    renderer        text NOT NULL,
    context         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE delivery
    ADD COLUMN renderer text,
    -- no foreign key: a check per inserted row for a context written in the same transaction
    ADD COLUMN render_context uuid,
    ADD COLUMN render_args jsonb,
    ADD CONSTRAINT delivery_render_complete
        CHECK ((renderer IS NULL) = (render_context IS NULL));
