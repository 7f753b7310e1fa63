package io.strongroom.local.policy;

import java.util.List;
import java.util.Objects;

/**
 * One request to authorize: who, which action ({@code secretsmanager:GetSecretValue}), on which
 * resource ARN owned by which account, with which condition keys. The principal's own keys
 * ({@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalTag/*},
 * {@code aws:username} for a user) are derived from the principal unless the context sets them.
 */
public record AccessRequest(RequestPrincipal principal, String action, String resourceArn, String resourceAccount,
                            ConditionContext context) {

    private static final String PRINCIPAL_TAG = "aws:principaltag/";

    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(resourceAccount, "resourceAccount");
        context = context == null ? ConditionContext.empty() : context;
    }

    public boolean crossAccount() {
        return !principal.account().equals(resourceAccount);
    }

    /** The values of a condition key given in lower case, or null when the request lacks it. */
    List<String> values(String lowerCaseKey) {
        List<String> given = context.valuesOfLowerCaseKey(lowerCaseKey);
        if (given != null) {
            return given;
        }
        switch (lowerCaseKey) {
            case "aws:principalarn":
                return List.of(principal.principalArn());
            case "aws:principalaccount":
                return List.of(principal.account());
            case "aws:username":
                String arn = principal.arn();
                int user = arn.indexOf(":user/");
                return user < 0 ? null : List.of(arn.substring(arn.lastIndexOf('/') + 1));
            default:
                if (lowerCaseKey.startsWith(PRINCIPAL_TAG)) {
                    String tag = principal.tags().get(lowerCaseKey.substring(PRINCIPAL_TAG.length()));
                    return tag == null ? null : List.of(tag);
                }
                return null;
        }
    }
}
