package io.strongroom.service;

/**
 * AWS request-quota classes: operations that share one per-account, per-region rate. Figures
 * are AWS's published quotas ({@code reference/aws-facts.md}); the client paces itself to stay
 * under them instead of relying on being throttled, because throttled calls are retried, slow
 * everything down and are still billed.
 */
public enum QuotaClass {
    /** ListSecrets (and ListSecretVersionIds, which the embedded store counts with it). */
    SECRETS_LIST(100),
    /** DescribeSecret and GetSecretValue combined (the lower, older figure: 10,000). */
    SECRETS_READ(10_000),
    /** BatchGetSecretValue. */
    SECRETS_BATCH(100),
    /** PutSecretValue, UpdateSecret, UpdateSecretVersionStage and the replication writes. */
    SECRETS_WRITE(50),
    /** TagResource and UntagResource. */
    SECRETS_TAG(50),
    /** RestoreSecret. */
    SECRETS_RESTORE(50),
    /** Get/Put/Delete/ValidateResourcePolicy. */
    SECRETS_POLICY(50),
    /** RotateSecret and CancelRotateSecret. */
    SECRETS_ROTATE(50),
    /** CreateSecret, DeleteSecret, GetRandomPassword: no published figure, paced like writes. */
    SECRETS_OTHER(50),
    /** KMS ListKeys and ListAliases. */
    KMS_LIST(100),
    /** KMS DescribeKey. */
    KMS_DESCRIBE(100),
    /** KMS GetKeyRotationStatus, GetKeyPolicy and PutKeyPolicy (30 per second in AWS's older figures). */
    KMS_KEY_SETTINGS(30),
    /**
     * KMS's key-state writes: EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion,
     * Enable/DisableKeyRotation, RotateKeyOnDemand. {@code reference/aws-facts.md} has no figure;
     * AWS's quota page lists these control-plane calls at 5 per second, the rate used here.
     */
    KMS_KEY_WRITE(5),
    /**
     * IAM Access Analyzer's policy checks (ValidatePolicy and the custom checks). No figure in
     * {@code reference/aws-facts.md}: paced at a conservative 5 per second, which a pipeline
     * checking a few documents never notices.
     */
    ACCESS_ANALYZER_CHECKS(5),
    /**
     * Lambda ListFunctions and GetFunction (the rotation function picker). Lambda's control-plane
     * quotas are not in {@code reference/aws-facts.md}: paced at 10 per second, well under them.
     */
    LAMBDA(10),
    /** CloudTrail LookupEvents: 2 per second per account and region. */
    CLOUDTRAIL_LOOKUP(2),
    /**
     * IAM (ListUsers, ListRoles, SimulatePrincipalPolicy), per account: IAM is global, so one
     * scope per account carries it. AWS publishes no per-operation rate for IAM's API (it throttles
     * "when the request rate is too high") and {@code reference/aws-facts.md} has none: paced at
     * 10 per second, which keeps a who-can-read over a few hundred principals under a minute
     * while staying well below the rates IAM has been observed to throttle at.
     */
    IAM(10),
    /** STS GetCallerIdentity. */
    STS(100);

    private final double perSecond;

    QuotaClass(double perSecond) {
        this.perSecond = perSecond;
    }

    /** AWS's requests-per-second quota for this class, per account and region. */
    public double perSecond() {
        return perSecond;
    }
}
