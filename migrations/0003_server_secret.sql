-- The server's signing key (HMAC for calendar feed tokens, badge references, CSRF tokens), made
-- once by the first process that needs it and shared by every process through the database.
CREATE TABLE server_secret (
    name        text PRIMARY KEY,
    secret      bytea NOT NULL CHECK (length(secret) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);
