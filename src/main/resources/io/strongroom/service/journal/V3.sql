-- Strongroom action journal, schema version 3: rotation (RotateSecret, CancelRotateSecret).
-- The function and the schedule are settings, not secrets; they are kept as they were sent.

ALTER TABLE action ADD COLUMN rotation_function TEXT;   -- RotationLambdaARN, NULL: the secret's own
ALTER TABLE action ADD COLUMN rotation_schedule TEXT;   -- "30 days" (AutomaticallyAfterDays) or the expression
ALTER TABLE action ADD COLUMN rotation_window TEXT;     -- Duration, e.g. "3h"
ALTER TABLE action ADD COLUMN rotate_immediately INTEGER; -- 0/1
