-- name: record_event
INSERT INTO domain_event (conference_id, type, subject_id, payload, actor, history, occurred_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, coalesce($7::timestamptz, now()))
RETURNING id

-- name: claim_events
SELECT id, type, conference_id, subject_id, payload, occurred_at, dispatch_attempts,
       dispatch_error, consumers_done, consumers_failed, consumer_cursors
FROM domain_event
WHERE dispatched_at IS NULL AND dispatch_after <= now()
ORDER BY id
LIMIT $1
FOR UPDATE SKIP LOCKED

-- name: lock_keys
-- The advisory locks a batch's consumers declared, in the order given (sorted by the worker:
-- docs/outbox.md, "Locks"); released when the batch's transaction ends.
SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n)

-- name: mark_dispatched
UPDATE domain_event SET dispatched_at = now(), dispatch_error = NULL, consumer_cursors = '{}'
WHERE id = ANY($1::bigint[])

-- name: dispatch_progress
-- A step of an event (some consumers done, one incomplete), or a round where a consumer failed
-- ($6: count the attempt and wait $7 seconds before the next); $4 the consumers given up on.
UPDATE domain_event
SET consumers_done = $2::text[], consumer_cursors = $3::jsonb, consumers_failed = $4::text[],
    dispatch_error = $5,
    dispatch_attempts = dispatch_attempts + $6::boolean::int,
    dispatch_after = CASE WHEN $6 THEN now() + make_interval(secs => $7) ELSE dispatch_after END
WHERE id = $1

-- name: mark_dispatched_with_failures
-- Every consumer has run; those in $3 kept failing and are parked (listed as failed).
UPDATE domain_event
SET dispatched_at = now(), consumers_done = $2::text[], consumers_failed = $3::text[],
    dispatch_error = $4, consumer_cursors = '{}'
WHERE id = $1

-- name: insert_deliveries
-- A delivery holds its message, or (rendered at send time) its renderer, context and inputs.
INSERT INTO delivery (id, event_id, conference_id, accreditation_id, template, dedupe_key,
                      recipient, sender, subject, message_id, message, kind, webhook_id,
                      renderer, render_context, render_args)
SELECT coalesce(d.id, gen_random_uuid()), d.event_id, d.conference_id, d.accreditation_id,
       d.template, d.dedupe_key, d.recipient, d.sender, d.subject, d.message_id, d.message,
       d.kind, d.webhook_id, d.renderer, d.render_context, d.render_args
FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
            $8::text[], $9::text[], $10::text[], $11::bytea[], $12::text[], $13::uuid[],
            $14::text[], $15::uuid[], $16::jsonb[])
     AS d(id, event_id, conference_id, accreditation_id, template, dedupe_key, recipient, sender,
          subject, message_id, message, kind, webhook_id, renderer, render_context, render_args)
-- The same delivery again: nothing, unless it was parked (its message could not be built) and
-- is now built by the retried consumer.
ON CONFLICT (dedupe_key) DO UPDATE
SET sender = excluded.sender, subject = excluded.subject, message_id = excluded.message_id,
    message = excluded.message, renderer = excluded.renderer,
    render_context = excluded.render_context, render_args = excluded.render_args,
    status = 'queued', attempts = 0, next_attempt_at = now(), last_error = NULL, consumer = NULL
WHERE delivery.consumer IS NOT NULL AND delivery.status = 'failed' AND delivery.message IS NULL
  AND delivery.render_args IS NULL

-- name: insert_parked
-- Recipients whose message could not be built: failed deliveries with the reason, no message,
-- and the consumer that will build them again when retried.
INSERT INTO delivery (event_id, consumer, conference_id, accreditation_id, template, dedupe_key,
                      recipient, sender, subject, message_id, last_error, kind, status)
SELECT d.event_id, d.consumer, d.conference_id, d.accreditation_id, d.template, d.dedupe_key,
       d.recipient, '', '', '', d.error, d.kind, 'failed'
FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
            $8::text[], $9::text[])
     AS d(event_id, consumer, conference_id, accreditation_id, template, dedupe_key, recipient,
          error, kind)
ON CONFLICT (dedupe_key) DO UPDATE SET last_error = excluded.last_error
WHERE delivery.consumer IS NOT NULL AND delivery.status = 'failed' AND delivery.message IS NULL
  AND delivery.render_args IS NULL

-- name: claim_deliveries
-- The due (by index delivery_due_order) and the expired leases (delivery_leased, usually none),
-- each branch ordered and limited on its own index; at most $1 of them, oldest first.
UPDATE delivery d
SET status = 'in_flight',
    locked_until = now() + make_interval(secs => $2),
    attempts = d.attempts + 1,
    lease_expiries = d.lease_expiries + (d.status = 'in_flight')::int
FROM (
    SELECT id FROM (
        SELECT * FROM (SELECT id, next_attempt_at, seq FROM delivery
         WHERE status IN ('queued', 'retry') AND next_attempt_at <= now()
           -- one endpoint's webhook deliveries go out in order: the oldest unsent one only
           AND (webhook_id IS NULL OR NOT EXISTS (
                 SELECT 1 FROM delivery e
                 WHERE e.webhook_id = delivery.webhook_id AND e.seq < delivery.seq
                   AND e.status IN ('queued', 'retry', 'in_flight')))
           -- a person's letters first: nothing overtakes an older letter still to be sent to
           -- the same address about the same accreditation (index delivery_letter_unsent)
           AND (accreditation_id IS NULL OR NOT EXISTS (
                 SELECT 1 FROM delivery l
                 WHERE l.accreditation_id = delivery.accreditation_id
                   AND l.recipient = delivery.recipient AND l.seq < delivery.seq
                   AND l.renderer IS NULL AND l.status IN ('queued', 'retry', 'in_flight')))
         ORDER BY next_attempt_at, seq
         LIMIT $1
         FOR UPDATE SKIP LOCKED) due_now
        UNION ALL
        SELECT * FROM (SELECT id, next_attempt_at, seq FROM delivery
         WHERE status = 'in_flight' AND locked_until < now()
           AND (webhook_id IS NULL OR NOT EXISTS (
                 SELECT 1 FROM delivery e
                 WHERE e.webhook_id = delivery.webhook_id AND e.seq < delivery.seq
                   AND e.status IN ('queued', 'retry', 'in_flight')))
           AND (accreditation_id IS NULL OR NOT EXISTS (
                 SELECT 1 FROM delivery l
                 WHERE l.accreditation_id = delivery.accreditation_id
                   AND l.recipient = delivery.recipient AND l.seq < delivery.seq
                   AND l.renderer IS NULL AND l.status IN ('queued', 'retry', 'in_flight')))
         ORDER BY locked_until
         LIMIT $1
         FOR UPDATE SKIP LOCKED) lease_expired
    ) both_kinds
    ORDER BY next_attempt_at, seq
    LIMIT $1
) due
WHERE d.id = due.id
RETURNING d.id, d.sender, d.recipient, d.message, d.attempts, d.kind, d.webhook_id,
          d.template, d.message_id, d.accreditation_id, d.renderer, d.render_context,
          d.render_args

-- name: mark_sent
-- Committed without waiting for the WAL flush (synchronous_commit off for this statement's own
-- transaction: one round trip instead of BEGIN, SET LOCAL, UPDATE, COMMIT). The message, or the
-- inputs that render it (names), go with it: nothing sent again needs them.
UPDATE delivery
SET status = 'sent', sent_at = now(), message = NULL, render_args = NULL, locked_until = NULL,
    last_error = NULL
FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit
WHERE id = ANY($1::uuid[]) AND status = 'in_flight'

-- name: mark_retry
UPDATE delivery
SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'retry' END,
    next_attempt_at = now() + make_interval(secs => $2),
    locked_until = NULL,
    last_error = $4
WHERE id = $1 AND status = 'in_flight'

-- name: mark_failed
UPDATE delivery SET status = 'failed', locked_until = NULL, last_error = $2
WHERE id = $1 AND status = 'in_flight'

-- name: try_purge_lock
-- One worker at a time applies the retention periods (released at the end of its transaction).
SELECT pg_try_advisory_xact_lock($1)

-- name: notify_workers
-- Wake the workers listening on the channel ($1), from a transaction of its own.
SELECT pg_notify($1, 'domain_event')
