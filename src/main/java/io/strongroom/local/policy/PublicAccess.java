package io.strongroom.local.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a resource policy grants public access, as BlockPublicPolicy asks: an Allow statement
 * whose principal is everyone ({@code "*"}, {@code {"AWS": "*"}}, or any NotPrincipal) and which
 * no condition narrows to known accounts, principals, organizations or networks.
 */
public final class PublicAccess {

    private static final Set<String> NARROWING_KEYS = Set.of("aws:principalarn", "aws:principalaccount",
            "aws:principalorgid", "aws:principalorgpaths", "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner",
            "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "aws:calledvia", "kms:calleraccount",
            "secretsmanager:resource/allowrotationlambdaarn");

    private PublicAccess() {
    }

    public static boolean principalIsPublic(PolicyDocument document) {
        for (Statement statement : document.statements()) {
            if (statement.effect() != Effect.ALLOW || statement.principals() == null) {
                continue;
            }
            boolean everyone = statement.notPrincipal() || statement.principals().everyone();
            if (everyone && !narrowed(statement)) {
                return true;
            }
        }
        return false;
    }

    private static boolean narrowed(Statement statement) {
        for (Condition condition : statement.conditions()) {
            boolean positive = !condition.operator().negated() && condition.operator() != ConditionOperator.NULL
                    && condition.qualifier() != Condition.Qualifier.FOR_ALL_VALUES && !condition.ifExists();
            boolean concrete = condition.values().stream().noneMatch(v -> v.equals("*"));
            if (positive && concrete && NARROWING_KEYS.contains(condition.key().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
