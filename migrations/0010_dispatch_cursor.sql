-- A consumer dispatching a big event in steps records where its next step starts (its cursor:
-- e.g. the last attendee done), in the same transaction as the step's deliveries and states, so
-- that each step, and a worker taking over after a crash, costs the size of the step instead of
-- re-reading the whole conference. Keyed by consumer name; cleared when the consumer finishes.
ALTER TABLE domain_event ADD COLUMN consumer_cursors jsonb NOT NULL DEFAULT '{}';
