-- name: insert_webhook
INSERT INTO webhook (conference_id, url, event_types, secret) VALUES ($1, $2, $3, $4)
RETURNING *

-- name: webhooks_of_conference
SELECT * FROM webhook WHERE conference_id = $1 AND deleted_at IS NULL ORDER BY created_at, id

-- name: delete_webhook
UPDATE webhook SET deleted_at = $3 WHERE id = $1 AND conference_id = $2 AND deleted_at IS NULL
RETURNING id

-- name: cancel_queued_deliveries
-- The deliveries not yet sent to a deleted endpoint: failed, with the reason (one in flight
-- finishes as it will).
UPDATE delivery SET status = 'failed', last_error = 'cancelled: webhook deleted'
WHERE webhook_id = $1 AND status IN ('queued', 'retry')

-- name: subscribed_webhooks
SELECT id, url FROM webhook
WHERE conference_id = $1 AND deleted_at IS NULL
  AND ($2 = ANY(event_types) OR '*' = ANY(event_types))

-- name: live_webhook_secret
SELECT secret FROM webhook WHERE id = $1 AND deleted_at IS NULL
