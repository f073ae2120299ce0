-- name: events_of
-- The log as integrators read it: only below the oldest running transaction, so that a cursor
-- never skips an event that commits late with a lower id.
SELECT id, type, conference_id, subject_id, occurred_at, payload FROM domain_event
WHERE conference_id = $1 AND id > $2
  AND txid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY id
LIMIT $3

-- name: list_deliveries
SELECT id, seq, template, recipient, subject, status, attempts, last_error, next_attempt_at,
       created_at, sent_at, lease_expiries, conference_id, accreditation_id
FROM delivery
WHERE ($1::text[] IS NULL OR status = ANY($1::text[])) AND seq > $2
ORDER BY seq
LIMIT $3

-- name: retry_delivery
UPDATE delivery
SET status = 'queued', attempts = 0, next_attempt_at = now(), last_error = NULL
WHERE id = $1 AND status IN ('failed', 'retry')
  AND (message IS NOT NULL OR render_args IS NOT NULL)
RETURNING id, seq, template, recipient, subject, status, attempts, last_error, next_attempt_at,
          created_at, sent_at, lease_expiries, conference_id, accreditation_id

-- name: parked_delivery
-- A parked delivery (its message could not be built): the consumer and event that build it.
SELECT id, event_id, consumer, conference_id FROM delivery
WHERE id = $1 AND status = 'failed' AND message IS NULL AND render_args IS NULL
  AND consumer IS NOT NULL
FOR UPDATE

-- name: delivery_by_id
SELECT id, seq, template, recipient, subject, status, attempts, last_error, next_attempt_at,
       created_at, sent_at, lease_expiries, conference_id, accreditation_id
FROM delivery WHERE id = $1

-- name: reopen_consumer
-- Run consumer $2 of event $1 again (a parked delivery retried): the worker takes the event up
-- as if it were new for that consumer, which builds only what is missing (docs/outbox.md).
UPDATE domain_event
SET consumers_done = array_remove(consumers_done, $2),
    consumers_failed = array_remove(consumers_failed, $2),
    dispatched_at = NULL, dispatch_after = now(), dispatch_attempts = 0, dispatch_error = NULL
WHERE id = $1

-- name: retry_event
-- Run again the consumers of an event that kept failing (or the whole event, when it was
-- shelved before consumers were isolated); those that succeeded are not run again.
UPDATE domain_event
SET consumers_failed = '{}', dispatched_at = NULL, dispatch_after = now(),
    dispatch_attempts = 0, dispatch_error = NULL
WHERE id = $1
  AND (cardinality(consumers_failed) > 0 OR (dispatched_at IS NULL AND dispatch_after = 'infinity'))
RETURNING id, conference_id, consumers_failed

-- name: lock_event
SELECT id, type, conference_id, subject_id, occurred_at, payload, consumers_failed
FROM domain_event WHERE id = $1
FOR UPDATE

-- name: failed_events
-- Events with a consumer that kept failing, oldest first.
SELECT id, type, conference_id, subject_id, occurred_at, payload, consumers_failed,
       dispatch_error, dispatch_attempts
FROM domain_event
WHERE conference_id = $1 AND id > $2
  AND (cardinality(consumers_failed) > 0 OR (dispatched_at IS NULL AND dispatch_after = 'infinity'))
ORDER BY id
LIMIT $3

-- name: wake_workers
SELECT pg_notify('conference_outbox', 'delivery')

-- name: conference_deliveries
-- One conference's deliveries, newest first (the console's list).
SELECT id, seq, template, recipient, subject, status, attempts, last_error, next_attempt_at,
       created_at, sent_at, lease_expiries, conference_id, accreditation_id
FROM delivery
WHERE conference_id = $1 AND ($2::text[] IS NULL OR status = ANY($2::text[]))
ORDER BY seq DESC
LIMIT $3

-- name: conference_delivery_counts
-- One conference's deliveries counted by status.
SELECT status, count(*) AS n FROM delivery WHERE conference_id = $1 GROUP BY status

-- name: conference_failed_deliveries
-- The ids of one conference's failed deliveries, oldest first.
SELECT id FROM delivery WHERE conference_id = $1 AND status = 'failed' ORDER BY seq

-- name: failed_event_count
-- How many of one conference's events have a consumer that kept failing.
SELECT count(*) FROM domain_event
WHERE conference_id = $1
  AND (cardinality(consumers_failed) > 0 OR (dispatched_at IS NULL AND dispatch_after = 'infinity'))
