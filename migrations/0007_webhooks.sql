-- Webhooks: organisers' HTTPS endpoints, delivered through the same outbox as mail.
CREATE TABLE webhook (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conference_id   uuid NOT NULL REFERENCES conference (id),
    url             text NOT NULL,
    event_types     text[] NOT NULL CHECK (cardinality(event_types) > 0),
    -- The shared signing secret: HMAC needs it in clear (it signs, it does not authenticate
    -- anyone to this service), shown once at creation.
    secret          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);
CREATE INDEX webhook_of_conference ON webhook (conference_id) WHERE deleted_at IS NULL;

ALTER TABLE delivery ADD COLUMN webhook_id uuid REFERENCES webhook (id);
-- Deliveries to one endpoint go out in order: the worker takes the oldest unsent one only.
CREATE INDEX delivery_webhook_pending ON delivery (webhook_id, seq)
    WHERE webhook_id IS NOT NULL AND status IN ('queued', 'retry', 'in_flight');
