-- Strongroom action journal, schema version 2: policy writes (PutResourcePolicy,
-- DeleteResourcePolicy, PutKeyPolicy). A policy is not a secret, but the journal keeps only its
-- size and digest: the document may be 20 KB and the journal keeps every entry forever.

ALTER TABLE action ADD COLUMN policy_bytes INTEGER;   -- UTF-8 size of the document sent
ALTER TABLE action ADD COLUMN policy_sha256 TEXT;     -- lowercase hex SHA-256 of those bytes
ALTER TABLE action ADD COLUMN block_public INTEGER;   -- 0/1: PutResourcePolicy's BlockPublicPolicy
