package io.strongroom.local.iam;

import io.strongroom.local.policy.NamedPolicy;
import io.strongroom.local.policy.PolicyEvaluator.ResourceKind;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a request acts on, as the policy evaluator needs it: the resource's ARN ({@code *} for an
 * action on no particular resource), the account that owns it, its resource-based policy (a
 * secret's resource policy, a key's key policy, a role's trust policy; null when it has none), and
 * the condition keys the resource contributes ({@code secretsmanager:ResourceTag/...},
 * {@code kms:EncryptionContext:...}).
 */
public record AccessTarget(String arn, String account, NamedPolicy resourcePolicy, ResourceKind kind,
                           Map<String, List<String>> conditions) {

    public static final String ANY = "*";

    public AccessTarget {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        conditions = conditions == null ? Map.of() : conditions;
    }

    /** An action that names no resource (ListSecrets, CreateKey...), in the caller's own account. */
    public static AccessTarget anyResourceOf(String account) {
        return new AccessTarget(ANY, account, null, ResourceKind.ORDINARY, Map.of());
    }

    /** A resource with an optional resource-based policy. */
    public static AccessTarget resource(String arn, String account, NamedPolicy resourcePolicy, Map<String, List<String>> conditions) {
        return new AccessTarget(arn, account, resourcePolicy, ResourceKind.ORDINARY, conditions);
    }

    /** A role, whose trust policy must always allow AssumeRole (with the caller's identity policy unless it names the caller). */
    public static AccessTarget role(String arn, String account, NamedPolicy trustPolicy, Map<String, List<String>> conditions) {
        return new AccessTarget(arn, account, trustPolicy, ResourceKind.ROLE_TRUST, conditions);
    }

    /** A KMS key, whose key policy must always take part. */
    public static AccessTarget kmsKey(String arn, String account, NamedPolicy keyPolicy, Map<String, List<String>> conditions) {
        return new AccessTarget(arn, account, keyPolicy, ResourceKind.KMS_KEY, conditions);
    }
}
