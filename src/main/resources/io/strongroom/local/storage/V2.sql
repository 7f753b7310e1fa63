-- Strongroom embedded store, schema version 2: requests refused before authentication are kept
-- apart from every account's audit trail.

-- A refused request proved no identity, so it is nobody's event: the access key, region, user
-- agent and operation it names are the sender's claims, cut to a few hundred characters. Rows
-- with not_recorded > 0 are summaries standing for that many refusals over the rate limit. Only
-- the newest rows are kept (AuditLog trims the table as it writes). LookupEvents never reads it.
CREATE TABLE unverified_refusals (
    seq                     INTEGER PRIMARY KEY,
    refused_at              INTEGER NOT NULL,    -- epoch millis, store clock
    request_id              TEXT,                -- the store's own
    error_code              TEXT,                -- the store's own
    message                 TEXT,
    claimed_access_key_id   TEXT,
    claimed_key_account_id  TEXT,                -- owner of that key when it exists, not necessarily the sender
    claimed_region          TEXT,
    claimed_event_name      TEXT,
    event_source            TEXT,
    source_ip               TEXT,
    user_agent              TEXT,
    not_recorded            INTEGER NOT NULL DEFAULT 0
);

-- Schema 1 recorded refusals in audit_events, in the claimed key's account, with no principal
-- (every authenticated call's event names its principal). They move here, cut to the same limits.
INSERT INTO unverified_refusals(refused_at, request_id, error_code, message, claimed_access_key_id, claimed_key_account_id,
        claimed_region, claimed_event_name, event_source, source_ip, user_agent)
    SELECT event_time, substr(request_id, 1, 128), substr(error_code, 1, 128), substr(error_message, 1, 512),
        substr(access_key_id, 1, 128), account_id, substr(region, 1, 32), substr(event_name, 1, 128),
        substr(event_source, 1, 128), substr(source_ip, 1, 64), substr(user_agent, 1, 256)
    FROM audit_events WHERE principal_arn IS NULL ORDER BY event_time, seq;

DELETE FROM unverified_refusals WHERE seq <= (SELECT MAX(seq) FROM unverified_refusals) - 10000;

DELETE FROM audit_events WHERE principal_arn IS NULL;
