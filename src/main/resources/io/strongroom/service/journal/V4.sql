-- Strongroom action journal, schema version 4: replication and KMS key changes.
-- Regions and key IDs are identifiers, not secrets; they are kept as they were sent.

ALTER TABLE action ADD COLUMN replica_regions TEXT;        -- JSON array of regions (Replicate, RemoveReplicaRegions)
ALTER TABLE action ADD COLUMN replica_keys TEXT;           -- JSON array, one KMS key (or null) per region of replica_regions
ALTER TABLE action ADD COLUMN force_overwrite INTEGER;     -- 0/1: ForceOverwriteReplicaSecret
ALTER TABLE action ADD COLUMN pending_days INTEGER;        -- ScheduleKeyDeletion's PendingWindowInDays
ALTER TABLE action ADD COLUMN rotation_period_days INTEGER; -- EnableKeyRotation's RotationPeriodInDays (NULL: KMS's default)
