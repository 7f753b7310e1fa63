-- Strongroom embedded store, schema version 1.
-- Secret material is never stored in the clear: KMS key material and secret access keys are
-- sealed by the root key (kept outside this file); secret values are sealed by per-version
-- data keys, which are themselves encrypted under the secret's KMS key.

-- Facts about the store itself, e.g. a value sealed with the root key, to tell at start-up
-- whether root.key is the one this database was made with.
CREATE TABLE store_meta (
    name    TEXT PRIMARY KEY,
    value   BLOB NOT NULL
);

CREATE TABLE accounts (
    account_id  TEXT PRIMARY KEY,
    alias       TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE principals (
    arn         TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    user_name   TEXT NOT NULL,
    user_id     TEXT NOT NULL UNIQUE,
    actions     TEXT NOT NULL,           -- JSON array of allowed action patterns, e.g. ["*"]
    created_at  INTEGER NOT NULL
);

CREATE TABLE access_keys (
    access_key_id   TEXT PRIMARY KEY,
    principal_arn   TEXT NOT NULL REFERENCES principals(arn) ON DELETE CASCADE,
    secret_sealed   BLOB NOT NULL,
    status          TEXT NOT NULL,       -- Active | Inactive
    created_at      INTEGER NOT NULL
);

CREATE TABLE kms_keys (
    key_id          TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    region          TEXT NOT NULL,
    arn             TEXT NOT NULL UNIQUE,
    description     TEXT NOT NULL,
    key_manager     TEXT NOT NULL,       -- CUSTOMER | AWS
    key_state       TEXT NOT NULL,
    key_usage       TEXT NOT NULL,
    key_spec        TEXT NOT NULL,
    origin          TEXT NOT NULL,
    policy          TEXT NOT NULL,
    rotation_enabled INTEGER NOT NULL DEFAULT 0,
    rotation_period_days INTEGER,
    next_rotation_at INTEGER,
    deletion_at     INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX kms_keys_scope ON kms_keys(account_id, region, created_at);

-- Every generation of a key's material; ciphertexts name the generation that made them,
-- so rotation never strands old data.
CREATE TABLE kms_key_material (
    key_id          TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
    generation      INTEGER NOT NULL,
    material_sealed BLOB NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (key_id, generation)
);

CREATE TABLE kms_aliases (
    account_id      TEXT NOT NULL,
    region          TEXT NOT NULL,
    alias_name      TEXT NOT NULL,
    target_key_id   TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (account_id, region, alias_name)
);

CREATE TABLE kms_tags (
    key_id      TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
    tag_key     TEXT NOT NULL,
    tag_value   TEXT NOT NULL,
    PRIMARY KEY (key_id, tag_key)
);

CREATE TABLE secrets (
    arn             TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    region          TEXT NOT NULL,
    name            TEXT NOT NULL,
    description     TEXT,
    kms_key_ref     TEXT,                -- as the caller named it; NULL = aws/secretsmanager
    owning_service  TEXT,
    primary_region  TEXT,
    created_at      INTEGER NOT NULL,
    last_changed_at INTEGER NOT NULL,
    last_accessed_at INTEGER,
    deletion_at     INTEGER,             -- set while scheduled for deletion
    rotation_enabled INTEGER NOT NULL DEFAULT 0,
    rotation_lambda_arn TEXT,
    rotation_rules  TEXT,                -- JSON
    last_rotated_at INTEGER,
    next_rotation_at INTEGER,
    resource_policy TEXT,
    UNIQUE (account_id, region, name)
);
CREATE INDEX secrets_listing ON secrets(account_id, region, created_at, arn);
CREATE INDEX secrets_deletion ON secrets(deletion_at) WHERE deletion_at IS NOT NULL;

CREATE TABLE secret_versions (
    secret_arn      TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
    version_id      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    last_accessed_at INTEGER,
    value_kind      TEXT NOT NULL,       -- string | binary
    encrypted_data_key BLOB NOT NULL,    -- KMS ciphertext of the version's data key
    sealed_value    BLOB NOT NULL,       -- AES-GCM under the data key, bound to ARN + version
    kms_key_id      TEXT NOT NULL,       -- the KMS key ARN that encrypted the data key
    PRIMARY KEY (secret_arn, version_id)
);

CREATE TABLE secret_stages (
    secret_arn  TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    version_id  TEXT NOT NULL,
    PRIMARY KEY (secret_arn, stage),
    FOREIGN KEY (secret_arn, version_id) REFERENCES secret_versions(secret_arn, version_id) ON DELETE CASCADE
);
CREATE INDEX secret_stages_version ON secret_stages(secret_arn, version_id);

CREATE TABLE secret_tags (
    secret_arn  TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    tag_key     TEXT NOT NULL,
    tag_value   TEXT NOT NULL,
    PRIMARY KEY (secret_arn, tag_key)
);

-- The audit trail keeps plain columns; the CloudTrail record JSON is built when events are
-- looked up (a few per second at most), not when they are written (on every API call).
CREATE TABLE audit_events (
    seq             INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL,
    account_id      TEXT,                -- NULL when the caller could not be identified
    region          TEXT,
    event_time      INTEGER NOT NULL,    -- epoch millis
    event_name      TEXT NOT NULL,
    event_source    TEXT NOT NULL,
    username        TEXT,
    principal_arn   TEXT,
    principal_id    TEXT,
    access_key_id   TEXT,
    read_only       INTEGER NOT NULL,
    error_code      TEXT,
    error_message   TEXT,
    source_ip       TEXT,
    user_agent      TEXT,
    request_id      TEXT,
    request_parameters TEXT,             -- JSON, sensitive members already left out
    resource_type   TEXT,                -- the event's first resource; further ones in audit_event_resources
    resource_name   TEXT
);
CREATE INDEX audit_scope_time ON audit_events(account_id, region, event_time);
CREATE UNIQUE INDEX audit_event_id ON audit_events(event_id);
CREATE INDEX audit_resource_name ON audit_events(resource_name) WHERE resource_name IS NOT NULL;

CREATE TABLE audit_event_resources (
    seq             INTEGER NOT NULL REFERENCES audit_events(seq) ON DELETE CASCADE,
    resource_type   TEXT NOT NULL,
    resource_name   TEXT NOT NULL
);
CREATE INDEX audit_more_resource_name ON audit_event_resources(resource_name);
CREATE INDEX audit_more_resource_seq ON audit_event_resources(seq);
