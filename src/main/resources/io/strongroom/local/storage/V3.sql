-- Strongroom embedded store, schema version 3: IAM principals with policies, and STS sessions.
-- Until now a user carried a list of allowed actions; from here every permission is a policy
-- document, evaluated by the one policy evaluator for identity, resource and key policies.

-- Users stay in `principals` (access keys reference them); `actions` is no longer read. Each
-- user gains a path and tags. Roles are principals of their own, with a trust policy.
ALTER TABLE principals ADD COLUMN path TEXT NOT NULL DEFAULT '/';

CREATE TABLE iam_roles (
    arn                 TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    role_name           TEXT NOT NULL,
    role_id             TEXT NOT NULL UNIQUE,
    path                TEXT NOT NULL,
    trust_policy        TEXT NOT NULL,       -- the AssumeRolePolicyDocument as given
    description         TEXT,
    max_session_seconds INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    UNIQUE (account_id, role_name COLLATE NOCASE)
);

-- Customer managed policies (one version each: v1). AWS managed policies are built in.
CREATE TABLE iam_policies (
    arn             TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    policy_name     TEXT NOT NULL,
    policy_id       TEXT NOT NULL UNIQUE,
    path            TEXT NOT NULL,
    description     TEXT,
    document        TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (account_id, policy_name COLLATE NOCASE)
);

-- Inline policies of users and roles, by the principal's ARN.
CREATE TABLE iam_inline_policies (
    principal_arn   TEXT NOT NULL,
    policy_name     TEXT NOT NULL,
    document        TEXT NOT NULL,
    PRIMARY KEY (principal_arn, policy_name)
);

-- Managed policies (customer or AWS) attached to users and roles.
CREATE TABLE iam_attachments (
    principal_arn   TEXT NOT NULL,
    policy_arn      TEXT NOT NULL,
    attached_at     INTEGER NOT NULL,
    PRIMARY KEY (principal_arn, policy_arn)
);
CREATE INDEX iam_attachments_policy ON iam_attachments(policy_arn);

-- Tags of users and roles: aws:PrincipalTag/<key> in conditions.
CREATE TABLE iam_tags (
    principal_arn   TEXT NOT NULL,
    position        INTEGER NOT NULL,
    tag_key         TEXT NOT NULL,
    tag_value       TEXT NOT NULL,
    PRIMARY KEY (principal_arn, tag_key)
);

-- Temporary credentials issued by STS (AssumeRole, GetSessionToken). The secret key is sealed
-- by the root key as long-term keys are; of the session token only its SHA-256 is kept.
CREATE TABLE sts_sessions (
    access_key_id   TEXT PRIMARY KEY,
    secret_sealed   BLOB NOT NULL,
    token_sha256    BLOB NOT NULL,
    account_id      TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    arn             TEXT NOT NULL,           -- assumed-role session ARN, or the user's ARN
    principal_id    TEXT NOT NULL,           -- AROA...:session, or the user's ID
    entity_arn      TEXT NOT NULL,           -- the role or user whose policies apply
    session_name    TEXT,
    source_arn      TEXT NOT NULL,           -- who asked for the credentials
    session_tags    TEXT NOT NULL,           -- JSON object
    mfa             INTEGER NOT NULL,
    chained         INTEGER NOT NULL,        -- issued to a role session (role chaining)
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX sts_sessions_expiry ON sts_sessions(expires_at);

-- The users of schema 2 kept their permissions as action lists; they become policies: the
-- administrators ("*") get AWS's AdministratorAccess attached, anyone else an inline policy
-- allowing exactly the actions they had, on every resource.
INSERT INTO iam_attachments(principal_arn, policy_arn, attached_at)
    SELECT arn, 'arn:aws:iam::aws:policy/AdministratorAccess', created_at FROM principals WHERE actions = '["*"]';
INSERT INTO iam_inline_policies(principal_arn, policy_name, document)
    SELECT arn, 'strongroom-actions',
           '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":' || actions || ',"Resource":"*"}]}'
    FROM principals WHERE actions <> '["*"]' AND actions <> '[]';
