package io.strongroom.domain;

import java.util.List;
import java.util.Objects;

/**
 * A principal IAM's policy simulator says may read a secret's value
 * ({@code secretsmanager:GetSecretValue} allowed with the secret's resource policy), and whether
 * the secret's KMS key lets it decrypt too: without that, reading fails however the secret's
 * policies read.
 *
 * @param principalArn the user or role
 * @param kind         user or role
 * @param account      the principal's account
 * @param via          the statements that allow the read
 * @param key          what the secret's KMS key says
 * @param resourcePolicyEvaluated whether the secret's resource policy took part in the answer: IAM's
 *                     simulator evaluates a resource policy only for users, so for a role of a secret
 *                     with a resource policy only its own policies were asked (an explicit Deny in the
 *                     resource policy, or a cross-account Allow missing from it, is not seen)
 */
public record SecretReader(String principalArn, Kind kind, String account, List<AccessDecision.DecidingStatement> via,
                           KeyAccess key, boolean resourcePolicyEvaluated) {

    public enum Kind {
        USER, ROLE
    }

    /** What the secret's KMS key says to this reader. */
    public enum KeyAccess {
        /** A customer managed key whose policy (with the reader's identity policies) allows kms:Decrypt. */
        ALLOWED,
        /** A customer managed key that refuses kms:Decrypt to this reader: it cannot read the value. */
        REFUSED,
        /**
         * The AWS managed key {@code aws/secretsmanager}, in the secret's own account: it allows every
         * principal of that account through Secrets Manager, so it is not simulated.
         */
        AWS_MANAGED_SAME_ACCOUNT,
        /** The AWS managed key, for a reader of another account: AWS managed keys serve only their own account. */
        AWS_MANAGED_OTHER_ACCOUNT,
        /** A customer managed key and a role: IAM's simulator evaluates a key policy only for users, so it was not asked. */
        NOT_EVALUATED;

        /** Whether the key stops this reader from reading the value. */
        public boolean refuses() {
            return this == REFUSED || this == AWS_MANAGED_OTHER_ACCOUNT;
        }
    }

    public SecretReader {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
        via = List.copyOf(via);
    }

    /** Whether the reader can actually read the value: its policies allow and the key does not refuse. */
    public boolean canRead() {
        return !key.refuses();
    }
}
