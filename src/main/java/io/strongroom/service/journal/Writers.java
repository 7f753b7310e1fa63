package io.strongroom.service.journal;

import io.strongroom.service.PolicyService;
import io.strongroom.service.SecretsService;

import java.util.Objects;

/**
 * The services a {@link SecretMutation} performs its write with: the secrets service for secrets,
 * the policy service for resource and key policies. {@code policies} may be null where no policy
 * is ever written (tests of the secret editor); a policy mutation then fails without sending.
 */
public record Writers(SecretsService secrets, PolicyService policies) {

    public Writers {
        Objects.requireNonNull(secrets, "secrets");
    }

    PolicyService requirePolicies() {
        if (policies == null) {
            throw new IllegalStateException("these mutations were built without a policy service");
        }
        return policies;
    }
}
