package io.strongroom.local.iam;

import java.time.Instant;

/** An IAM role of a local account, with the trust policy that says who may assume it. */
public record IamRole(String accountId, String roleName, String roleId, String arn, String path, String trustPolicy,
                      String description, int maxSessionSeconds, Instant createdAt) {
}
