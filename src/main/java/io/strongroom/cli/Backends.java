package io.strongroom.cli;

import io.strongroom.service.AccountSource;
import io.strongroom.service.SecretsService;

import java.nio.file.Path;

/**
 * What the headless commands need from the composition root, which builds it (the CLI never
 * constructs services or stores itself, so it cannot wire them differently from the console).
 */
public interface Backends extends AutoCloseable {

    /** Starts (once) the embedded store on {@code dataDir} on an ephemeral port and returns its accounts. */
    AccountSource embeddedStore(Path dataDir);

    /** Profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
    AccountSource awsProfiles();

    SecretsService secrets();

    @Override
    void close();
}
