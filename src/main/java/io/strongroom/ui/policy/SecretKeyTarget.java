package io.strongroom.ui.policy;

import io.strongroom.domain.KeyPolicyInfo;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.PolicyService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableObjectValue;

import java.util.Objects;

/**
 * The KMS key of the secret shown, as the key-policy editor's target: the key the secret names
 * (an alias or ID as given, or none: the account's aws/secretsmanager key) resolved to its ARN, and
 * whether AWS manages it. Resolved again whenever another secret (or another key) is shown.
 */
final class SecretKeyTarget {

    private final ReadOnlyObjectWrapper<PolicyTarget> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final LatestWins resolving;

    SecretKeyTarget(ObservableObjectValue<SecretSummary> secret, PolicyService policies, UiExecutor executor) {
        Objects.requireNonNull(policies);
        this.resolving = new LatestWins(this, executor);
        Runnable resolve = () -> {
            SecretSummary s = secret.get();
            if (s == null) {
                resolving.cancel();
                target.set(null);
                return;
            }
            PolicyTarget shown = target.get();
            resolving.run(p -> policies.keyPolicyOf(s.scope(), s.kmsKeyId()), (KeyPolicyInfo key) -> {
                if (shown == null || !shown.arn().equals(key.keyArn()) || !shown.scope().equals(s.scope())) {
                    target.set(PolicyTarget.key(s.scope(), key.keyArn(), key.awsManaged()));
                }
            });
        };
        secret.addListener((o, was, now) -> {
            if (was == null || now == null || !was.arn().equals(now.arn()) || !Objects.equals(was.kmsKeyId(), now.kmsKeyId())) {
                resolve.run();
            }
        });
        resolve.run();
    }

    ReadOnlyObjectProperty<PolicyTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Why the key could not be found (scope, AWS error code, request ID), or null. */
    ReadOnlyStringProperty errorProperty() {
        return resolving.errorProperty();
    }
}
