-- name: create_secret
-- The shared key of this name, created unless it exists (then no row: read it).
INSERT INTO server_secret (name, secret) VALUES (:secret_name, :secret)
ON CONFLICT (name) DO NOTHING
RETURNING secret

-- name: secret_by_name
-- The shared key of this name.
SELECT secret FROM server_secret WHERE name = :secret_name
