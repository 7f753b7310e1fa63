-- Strongroom store, schema version 8: sign-in. IAM Identity Center for the local accounts (its
-- users' assignments, OIDC clients, device authorizations and tokens) and IAM virtual MFA devices.
-- Secrets are never stored in the clear: client secrets, device codes and tokens by their SHA-256
-- only, an MFA device's TOTP seed sealed by the root key.

-- Which permission sets each Identity Center user may use in which account (ListAccountRoles).
CREATE TABLE sso_assignments (
    user_name       TEXT NOT NULL,
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    permission_set  TEXT NOT NULL,
    PRIMARY KEY (user_name, account_id, permission_set)
);

CREATE TABLE sso_clients (
    client_id       TEXT PRIMARY KEY,
    secret_sha256   BLOB NOT NULL,
    client_name     TEXT NOT NULL,
    client_type     TEXT NOT NULL,
    scopes          TEXT NOT NULL,           -- JSON array
    issued_at       INTEGER NOT NULL,        -- epoch milliseconds, as every time here
    expires_at      INTEGER NOT NULL
);

CREATE TABLE sso_device_codes (
    device_sha256   BLOB PRIMARY KEY,
    user_code       TEXT NOT NULL UNIQUE,
    client_id       TEXT NOT NULL,
    start_url       TEXT NOT NULL,
    state           TEXT NOT NULL,           -- PENDING | APPROVED | DENIED | USED
    user_name       TEXT,                    -- who approved or denied it
    interval_seconds INTEGER NOT NULL,
    last_poll_at    INTEGER,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);

CREATE TABLE sso_tokens (
    access_sha256   BLOB PRIMARY KEY,
    refresh_sha256  BLOB UNIQUE,
    client_id       TEXT NOT NULL,
    user_name       TEXT NOT NULL,
    scopes          TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    refresh_expires_at INTEGER,
    revoked         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sso_tokens_expiry ON sso_tokens(expires_at);

CREATE TABLE iam_mfa_devices (
    serial_number   TEXT PRIMARY KEY,        -- arn:aws:iam::ACCOUNT:mfa/PATHNAME
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    device_name     TEXT NOT NULL,
    path            TEXT NOT NULL,
    seed_sealed     BLOB NOT NULL,
    user_name       TEXT,                    -- the user it is enabled for; null until EnableMFADevice
    enabled_at      INTEGER,
    last_used_step  INTEGER,                 -- the newest TOTP time step accepted: a code is good once
    created_at      INTEGER NOT NULL
);
