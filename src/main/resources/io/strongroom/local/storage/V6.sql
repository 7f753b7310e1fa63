-- Schema 6: multi-Region secrets. A primary secret's replicas are secrets rows of their own (in the
-- replica's region, with the primary's ARN but for the region, and primary_region naming the
-- primary's region); this table is the primary's side of each link: the regions it replicates to,
-- the key asked for there, and how replication to that region stands, as DescribeSecret's
-- ReplicationStatus shows it. A region whose first replication failed has a row here and no
-- replica secret (AWS removes a replica that holds no usable version).
CREATE TABLE secret_replicas (
    primary_arn     TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
    region          TEXT NOT NULL,
    kms_key_ref     TEXT,                   -- as the caller named it; NULL = aws/secretsmanager of that region
    status          TEXT NOT NULL,          -- InProgress, InSync, Failed
    status_message  TEXT,
    generation      INTEGER NOT NULL DEFAULT 0,   -- bumped by every change to replicate; a sync finishes only the generation it read
    force_overwrite INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL,       -- the order the regions were added in (AWS lists them so)
    added_at        INTEGER NOT NULL,       -- epoch millis, store time
    changed_at      INTEGER NOT NULL,       -- when status last changed
    PRIMARY KEY (primary_arn, region)
) WITHOUT ROWID;
-- Replications that did not finish, resumed when the store starts.
CREATE INDEX secret_replicas_unfinished ON secret_replicas(status) WHERE status = 'InProgress';
