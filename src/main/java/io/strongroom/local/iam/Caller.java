package io.strongroom.local.iam;

import java.util.List;

/**
 * An authenticated principal: the identity every request acts as once its signature checks
 * out. {@code allowedActions} are IAM-style patterns ({@code *}, {@code secretsmanager:Get*}).
 */
public record Caller(String accountId, String arn, String userName, String userId, String accessKeyId,
                     List<String> allowedActions) {

    public Caller {
        allowedActions = List.copyOf(allowedActions);
    }
}
