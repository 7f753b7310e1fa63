-- Schema 5: a tamper-evident audit trail, and the identity and response details CloudTrail records.
--
-- Every event of an account and region is a link in that (account, region)'s chain: it names its
-- predecessor (prev_seq, prev_event_id) and carries an HMAC-SHA256 over all it stores (extra
-- resources included) and its predecessor's MAC. The key is derived from the root key, which
-- lives outside this file, so whoever edits this file cannot recompute a MAC. The MACs of the
-- events present now are computed by the store right after this script, in the same transaction
-- (AuditMigration), so every event of a schema-5 database has one.

-- Who called, as CloudTrail's userIdentity has it: IAMUser, AssumedRole, Root, Unknown; NULL for
-- an event the service raised. A session's issuer (the role), creation time and MFA, when it is one.
ALTER TABLE audit_events ADD COLUMN identity_type TEXT;
ALTER TABLE audit_events ADD COLUMN session_issuer_arn TEXT;
-- session_created in epoch millis; session_mfa 0 or 1, NULL for a long-term key.
ALTER TABLE audit_events ADD COLUMN session_created INTEGER;
ALTER TABLE audit_events ADD COLUMN session_mfa INTEGER;
-- CloudTrail's responseElements JSON (the ARN, name and version a change produced; never a value), or NULL.
ALTER TABLE audit_events ADD COLUMN response_elements TEXT;
-- The chain: the predecessor in this account and region (0 and NULL for the first), and the MAC.
ALTER TABLE audit_events ADD COLUMN prev_seq INTEGER;
ALTER TABLE audit_events ADD COLUMN prev_event_id TEXT;
ALTER TABLE audit_events ADD COLUMN mac BLOB;

-- One row per chain, rewritten in the transaction that appends to it or purges from it, and
-- MAC'ed: how many events were ever appended, the newest (so that removing the newest event is
-- seen), and the anchor where retention cut the chain (the last purged event; 0 and a zero MAC
-- while nothing was purged) with how many events were purged. account_id and region are '' where
-- an event has none. WITHOUT ROWID, and updated in place: every commit of events rewrites its
-- chain's row, and one B-tree page per commit is what that should cost.
CREATE TABLE audit_chains (
    account_id      TEXT NOT NULL,
    region          TEXT NOT NULL,
    appended        INTEGER NOT NULL,
    last_seq        INTEGER NOT NULL,
    last_event_id   TEXT,
    last_mac        BLOB NOT NULL,
    anchor_seq      INTEGER NOT NULL,
    anchor_event_id TEXT,
    anchor_mac      BLOB NOT NULL,
    purged          INTEGER NOT NULL,
    mac             BLOB NOT NULL,
    PRIMARY KEY (account_id, region)
) WITHOUT ROWID;

-- The MAC of the list of chains (every head's MAC, every break's), rewritten with the heads:
-- removing a whole chain, or putting back an older head, no longer matches it. One row.
CREATE TABLE audit_chain_list (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    mac             BLOB NOT NULL
);

-- Found by the store at start: a chain head or the list of chains that did not verify. The
-- store goes on from what the head claims, so this MAC'ed record is what keeps the break visible
-- to `strongroom audit verify` after new events are chained on.
CREATE TABLE audit_breaks (
    seq             INTEGER PRIMARY KEY,
    found_at        INTEGER NOT NULL,       -- epoch millis, real time
    account_id      TEXT,                   -- NULL for the list of chains as a whole
    region          TEXT,
    description     TEXT NOT NULL,
    mac             BLOB NOT NULL
);
