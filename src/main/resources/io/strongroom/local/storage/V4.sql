-- Schema 4: rotation. A rotation run is one attempt of the four-step protocol on one secret,
-- with the token (the pending version's ID) it runs under; a failed run keeps the step that
-- failed and why (never a value), so the next attempt and the console can say what happened.
CREATE TABLE rotation_runs (
    secret_arn      TEXT NOT NULL REFERENCES secrets(arn) ON DELETE CASCADE,
    token           TEXT NOT NULL,
    function_arn    TEXT NOT NULL,
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER,
    outcome         TEXT NOT NULL,       -- running, succeeded, failed, abandoned
    step            TEXT,                -- the step running, or the one that failed
    message         TEXT,                -- why it failed or was abandoned
    PRIMARY KEY (secret_arn, token)
);
CREATE INDEX rotation_runs_running ON rotation_runs(outcome) WHERE outcome = 'running';

-- The scheduler's question every second: which secrets are due.
CREATE INDEX secrets_rotation_due ON secrets(next_rotation_at) WHERE rotation_enabled = 1;
