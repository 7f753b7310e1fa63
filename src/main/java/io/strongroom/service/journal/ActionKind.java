package io.strongroom.service.journal;

/**
 * Every kind of mutating action the console performs, with the AWS operation that carries it out
 * (the name to search for in CloudTrail together with the journaled request ID).
 */
public enum ActionKind {
    CREATE_SECRET("CreateSecret"),
    PUT_VALUE("PutSecretValue"),
    UPDATE_SECRET("UpdateSecret"),
    MOVE_STAGE("UpdateSecretVersionStage"),
    ROLLBACK("UpdateSecretVersionStage"),
    DELETE_SECRET("DeleteSecret"),
    RESTORE_SECRET("RestoreSecret"),
    TAG("TagResource"),
    UNTAG("UntagResource"),
    PUT_SECRET_POLICY("PutResourcePolicy"),
    DELETE_SECRET_POLICY("DeleteResourcePolicy"),
    PUT_KEY_POLICY("PutKeyPolicy"),
    ROTATE_SECRET("RotateSecret"),
    CANCEL_ROTATION("CancelRotateSecret"),
    REPLICATE("ReplicateSecretToRegions"),
    REMOVE_REPLICA_REGIONS("RemoveRegionsFromReplication"),
    PROMOTE_REPLICA("StopReplicationToReplica"),
    ENABLE_KEY("EnableKey"),
    DISABLE_KEY("DisableKey"),
    SCHEDULE_KEY_DELETION("ScheduleKeyDeletion"),
    CANCEL_KEY_DELETION("CancelKeyDeletion"),
    ENABLE_KEY_ROTATION("EnableKeyRotation"),
    DISABLE_KEY_ROTATION("DisableKeyRotation"),
    ROTATE_KEY_NOW("RotateKeyOnDemand");

    private final String awsOperation;

    ActionKind(String awsOperation) {
        this.awsOperation = awsOperation;
    }

    public String awsOperation() {
        return awsOperation;
    }
}
