package io.strongroom.service.journal;

import io.strongroom.service.PolicyService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;

import java.util.Objects;

/**
 * The services a {@link SecretMutation} performs its write with: the secrets service for secrets,
 * the policy service for resource and key policies, the rotation service for rotation.
 * {@code policies} and {@code rotations} may be null where they are never written (tests of the
 * secret editor); such a mutation then fails without sending.
 */
public record Writers(SecretsService secrets, PolicyService policies, RotationService rotations) {

    public Writers {
        Objects.requireNonNull(secrets, "secrets");
    }

    public Writers(SecretsService secrets, PolicyService policies) {
        this(secrets, policies, null);
    }

    PolicyService requirePolicies() {
        if (policies == null) {
            throw new IllegalStateException("these mutations were built without a policy service");
        }
        return policies;
    }

    RotationService requireRotations() {
        if (rotations == null) {
            throw new IllegalStateException("these mutations were built without a rotation service");
        }
        return rotations;
    }
}
