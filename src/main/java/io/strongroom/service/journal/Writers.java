package io.strongroom.service.journal;

import io.strongroom.service.KeysService;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;

import java.util.Objects;

/**
 * The services a {@link SecretMutation} performs its write with: the secrets service for secrets,
 * the policy service for resource and key policies, the rotation service for rotation, the
 * replication service for replicas and the keys service for KMS key state and rotation.
 * Every service but {@code secrets} may be null where they are never written (tests of the
 * secret editor); such a mutation then fails without sending.
 */
public record Writers(SecretsService secrets, PolicyService policies, RotationService rotations,
                      ReplicationService replication, KeysService keys) {

    public Writers {
        Objects.requireNonNull(secrets, "secrets");
    }

    public Writers(SecretsService secrets, PolicyService policies, RotationService rotations) {
        this(secrets, policies, rotations, null, null);
    }

    public Writers(SecretsService secrets, PolicyService policies) {
        this(secrets, policies, null);
    }

    ReplicationService requireReplication() {
        if (replication == null) {
            throw new IllegalStateException("these mutations were built without a replication service");
        }
        return replication;
    }

    KeysService requireKeys() {
        if (keys == null) {
            throw new IllegalStateException("these mutations were built without a keys service");
        }
        return keys;
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
