-- Strongroom action journal, schema version 1: every mutating action the console performs.
-- Never a value: the columns are the typed, non-secret parameters of ActionDetails and nothing
-- else. Append-only: an action is one row in `action` when it starts and one row in `outcome`
-- when it ends; the triggers below refuse every UPDATE and DELETE.

CREATE TABLE action (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    session             TEXT    NOT NULL,  -- the console run that wrote it (random, per open)
    started_at          INTEGER NOT NULL,  -- epoch milliseconds
    os_user             TEXT    NOT NULL,
    credentials         TEXT    NOT NULL,  -- CredentialsRef.id(): "profile:ops", "keys:AKIA…"
    account_id          TEXT,
    account_alias       TEXT    NOT NULL,
    region              TEXT    NOT NULL,
    endpoint_kind       TEXT    NOT NULL,  -- AWS | EMBEDDED_STORE | CUSTOM_ENDPOINT
    endpoint            TEXT,
    action              TEXT    NOT NULL,  -- ActionKind
    target              TEXT    NOT NULL,  -- secret name or ARN as called
    -- typed parameters, NULL when the action has none
    kms_key_id          TEXT,
    tag_keys            TEXT,              -- JSON array of tag keys
    value_kind          TEXT,              -- NONE | TEXT | BINARY
    has_description     INTEGER,           -- 0/1: create set one / update changed it
    stage               TEXT,
    version_stages      TEXT,              -- JSON array of staging labels
    to_version          TEXT,
    from_version        TEXT,
    recovery_days       INTEGER,
    force_delete        INTEGER
);

CREATE TABLE outcome (
    action_id           INTEGER PRIMARY KEY REFERENCES action(id),
    finished_at         INTEGER NOT NULL,
    result              TEXT    NOT NULL,  -- OK | FAILED
    identity_arn        TEXT,
    target_arn          TEXT,
    version_id          TEXT,
    error_code          TEXT,
    request_id          TEXT,
    http_status         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX action_account ON action(account_id, region);
CREATE INDEX action_kind ON action(action);
CREATE INDEX action_started ON action(started_at);

CREATE TRIGGER action_no_update BEFORE UPDATE ON action
BEGIN SELECT RAISE(ABORT, 'the action journal is append-only'); END;

CREATE TRIGGER action_no_delete BEFORE DELETE ON action
BEGIN SELECT RAISE(ABORT, 'the action journal is append-only'); END;

CREATE TRIGGER outcome_no_update BEFORE UPDATE ON outcome
BEGIN SELECT RAISE(ABORT, 'the action journal is append-only'); END;

CREATE TRIGGER outcome_no_delete BEFORE DELETE ON outcome
BEGIN SELECT RAISE(ABORT, 'the action journal is append-only'); END;
