-- Consumers of one event succeed or fail independently (docs/outbox.md): the consumers that
-- kept failing are parked on the event, and a recipient whose message could not be built is a
-- failed delivery with no message, built again by its consumer when retried.
ALTER TABLE domain_event ADD COLUMN consumers_failed text[] NOT NULL DEFAULT '{}';
ALTER TABLE delivery ADD COLUMN consumer text;
CREATE INDEX domain_event_failed ON domain_event (conference_id, id)
    WHERE cardinality(consumers_failed) > 0 OR (dispatched_at IS NULL AND dispatch_after = 'infinity');
