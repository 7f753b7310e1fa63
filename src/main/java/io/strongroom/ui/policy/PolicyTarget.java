package io.strongroom.ui.policy;

import io.strongroom.domain.PolicyKind;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableObjectValue;

import java.util.Objects;

/**
 * The resource whose policy the editor shows: a secret (its resource policy) or a KMS key (its key
 * policy), in a scope, with the name it is shown by. A key managed by AWS has a policy that only
 * AWS changes: it is shown, never applied.
 */
public record PolicyTarget(Scope scope, String arn, String name, PolicyKind kind, boolean awsManaged) {

    public PolicyTarget {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        if (!Objects.requireNonNull(kind, "kind").isResourcePolicy()) {
            throw new IllegalArgumentException("a policy target is a secret or a key, not " + kind);
        }
    }

    public static PolicyTarget secret(SecretSummary s) {
        return new PolicyTarget(s.scope(), s.arn(), s.name(), PolicyKind.SECRET, false);
    }

    public static PolicyTarget key(Scope scope, String keyArn, boolean awsManaged) {
        return new PolicyTarget(scope, keyArn, keyArn.substring(keyArn.lastIndexOf('/') + 1), PolicyKind.KEY, awsManaged);
    }

    /** The secret shown, as a target (null while none is). */
    public static ObjectBinding<PolicyTarget> secretOf(ObservableObjectValue<SecretSummary> secret) {
        return Bindings.createObjectBinding(() -> secret.get() == null ? null : secret(secret.get()), secret);
    }

    /** Whether the policy may be applied here (not an AWS managed key's). */
    public boolean editable() {
        return !awsManaged;
    }
}
