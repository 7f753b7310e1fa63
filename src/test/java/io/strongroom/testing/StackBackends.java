package io.strongroom.testing;

import io.strongroom.cli.Backends;
import io.strongroom.service.AccountSource;
import io.strongroom.service.PolicyService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;

import java.nio.file.Path;

/**
 * The CLI's {@link Backends} over a {@link ServiceStack}: the store's accounts stand for both the
 * user's embedded store and a temporary one, and no AWS profile exists. For command tests.
 */
public final class StackBackends implements Backends {

    private final ServiceStack stack;
    private final PolicyService policies;
    private final RotationService rotations;

    public StackBackends(ServiceStack stack) {
        this.stack = stack;
        this.policies = stack.policies();
        this.rotations = stack.rotations(2);
    }

    @Override
    public AccountSource embeddedStore(Path dataDir) {
        return stack.source();
    }

    @Override
    public AccountSource temporaryStore() {
        return stack.source();
    }

    @Override
    public AccountSource awsProfiles() {
        return AccountSource.awsProfiles(Path.of("/nonexistent/config"), Path.of("/nonexistent/credentials"));
    }

    @Override
    public java.util.Optional<io.strongroom.service.ClientRegistry> clients() {
        return java.util.Optional.of(stack.clients());
    }

    @Override
    public SecretsService secrets() {
        return stack.secrets();
    }

    @Override
    public PolicyService policies() {
        return policies;
    }

    @Override
    public RotationService rotations() {
        return rotations;
    }

    @Override
    public io.strongroom.service.ReplicationService replication() {
        return stack.replication(2);
    }

    @Override
    public void close() {
        // the stack is the test class's to close
    }
}
