package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Somewhere accounts come from. Each source yields the accounts it offers; the regions to look
 * at are chosen separately (see {@link Regions}) and combined with {@link Account#in(String)}.
 *
 * <p>Sources only read configuration: listing accounts makes no network call. An account whose
 * ID the configuration does not state has a null ID until
 * {@link IdentityService#callerIdentity} asks STS.
 */
public interface AccountSource {

    /** What the user sees as the source's name. */
    String name();

    /** The accounts this source offers, in a stable order. */
    List<Account> accounts();

    /** One account's static access key, as plain values handed over by the composition root. */
    record AccountKeys(String accountId, String alias, String accessKeyId, String secretAccessKey) {
        public AccountKeys {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "AccountKeys[" + alias + " (" + accountId + "), " + accessKeyId + ", secret ****]";
        }
    }

    /** The embedded store: its loopback endpoint and each local account's admin key. */
    static AccountSource embeddedStore(URI endpoint, List<AccountKeys> accounts) {
        return new StaticSource("Embedded store", "embedded store", endpoint, accounts);
    }

    /** Any wire-compatible endpoint reached with static keys (another emulator, a proxy, a VPC endpoint). */
    static AccountSource customEndpoint(String name, URI endpoint, List<AccountKeys> accounts) {
        return new StaticSource(name, "custom endpoint " + endpoint, endpoint, accounts);
    }

    /**
     * Profiles from the AWS shared config and credentials files at the SDK's default locations
     * ({@code ~/.aws/config}, {@code ~/.aws/credentials}, or {@code AWS_CONFIG_FILE},
     * {@code AWS_SHARED_CREDENTIALS_FILE} and the {@code aws.configFile},
     * {@code aws.sharedCredentialsFile} system properties).
     */
    static AccountSource awsProfiles() {
        return new ProfileSource(null, null);
    }

    /** Profiles from explicit files; a missing file counts as empty. */
    static AccountSource awsProfiles(Path configFile, Path credentialsFile) {
        return new ProfileSource(Objects.requireNonNull(configFile), Objects.requireNonNull(credentialsFile));
    }

    /** A fixed list of accounts with static keys at one endpoint. */
    final class StaticSource implements AccountSource {
        private final String name;
        private final List<Account> accounts;

        StaticSource(String name, String origin, URI endpoint, List<AccountKeys> keys) {
            this.name = name;
            Objects.requireNonNull(endpoint, "endpoint");
            this.accounts = keys.stream()
                    .map(k -> new Account(k.accountId(), k.alias(), endpoint,
                            new CredentialsRef.StaticKeys(k.accessKeyId(), k.secretAccessKey()), origin))
                    .toList();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Account> accounts() {
            return accounts;
        }
    }
}
