package io.strongroom.cli;

import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the headless commands need from the composition root, which builds it (the CLI never
 * constructs services or stores itself, so it cannot wire them differently from the console).
 */
public interface Backends extends AutoCloseable {

    /** Starts (once) the embedded store on {@code dataDir} on an ephemeral port and returns its accounts. */
    AccountSource embeddedStore(Path dataDir);

    /**
     * Starts (once) the embedded store on a new temporary data directory, deleted on close, and
     * returns its accounts: for checks that must never touch the user's store (pipelines).
     */
    AccountSource temporaryStore();

    /** Profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
    AccountSource awsProfiles();

    SecretsService secrets();

    /**
     * The client registry the services use, for sign-in (SSO device flow, MFA prompts) and the
     * organization source; empty when this composition has none to offer (SSO, MFA and
     * {@code --organization} are then unavailable).
     */
    default Optional<ClientRegistry> clients() {
        return Optional.empty();
    }

    PolicyService policies();

    RotationService rotations();

    ReplicationService replication();

    @Override
    void close();
}
