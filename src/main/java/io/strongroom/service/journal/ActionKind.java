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
    CANCEL_ROTATION("CancelRotateSecret");

    private final String awsOperation;

    ActionKind(String awsOperation) {
        this.awsOperation = awsOperation;
    }

    public String awsOperation() {
        return awsOperation;
    }
}
