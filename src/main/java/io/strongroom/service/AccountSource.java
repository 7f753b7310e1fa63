package io.strongroom.service;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.CustomEndpoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Somewhere accounts come from. Each source yields the accounts it offers; the regions to look
 * at are chosen separately (see {@link Regions}) and combined with {@link Account#in(String)}.
 *
 * <p>Sources only read configuration: listing accounts makes no network call. An account whose
 * ID the configuration does not state has a null ID until
 * {@link IdentityService#callerIdentity} asks STS.
 */
public interface AccountSource {

    /** {@link #name()} of the embedded store's source. */
    String EMBEDDED_STORE_NAME = "Embedded store";
    /** {@link #name()} of the AWS profiles' source. */
    String AWS_PROFILES_NAME = "AWS profiles";

    /** What the user sees as the source's name. */
    String name();

    /** The accounts this source offers, in a stable order. */
    List<Account> accounts();

    /**
     * The regions this source's endpoint serves, when it names them (a custom endpoint); empty
     * when any region the user chooses applies (AWS, the embedded store).
     */
    default List<String> regions() {
        return List.of();
    }

    /**
     * The regions where this source is known to hold resources (secrets, KMS keys), when it can
     * tell without a network call: the embedded store's composition hands them over with its
     * keys. Empty when unknown (AWS profiles, custom endpoints): the default scope then rests on
     * the configured region ({@link ScopeDefaults}).
     */
    default Set<String> regionsInUse() {
        return Set.of();
    }

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
        return embeddedStore(endpoint, accounts, Set.of());
    }

    /** The embedded store, with the regions where its accounts hold resources as its composition knows them. */
    static AccountSource embeddedStore(URI endpoint, List<AccountKeys> accounts, Set<String> regionsInUse) {
        return new StaticSource(EMBEDDED_STORE_NAME, "embedded store", endpoint, accounts, List.of(), regionsInUse);
    }

    /** Any wire-compatible endpoint reached with static keys (another emulator, a proxy, a VPC endpoint). */
    static AccountSource customEndpoint(String name, URI endpoint, List<AccountKeys> accounts) {
        return new StaticSource(name, "custom endpoint " + endpoint, endpoint, accounts, List.of(), Set.of());
    }

    /**
     * A custom endpoint the user added, with the secret half of its key pair (held for the session
     * only, never part of {@link CustomEndpoint}); its one account is named after the endpoint.
     */
    static AccountSource customEndpoint(CustomEndpoint endpoint, String secretAccessKey) {
        AccountKeys keys = new AccountKeys(endpoint.accountId(), endpoint.name(), endpoint.accessKeyId(), secretAccessKey);
        return new StaticSource(endpoint.name(), "custom endpoint " + endpoint.url(), endpoint.url(), List.of(keys),
                endpoint.regions(), Set.of());
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

    /**
     * An AWS organization's accounts, listed with {@code management}'s credentials (the management
     * account or a delegated administrator) and each reached through {@code roleName} (null or
     * blank: {@value OrganizationSource#DEFAULT_ROLE}). Calls the network on first use; see
     * {@link OrganizationSource#discover()}.
     */
    static OrganizationSource organization(ClientRegistry clients, Account management, String roleName) {
        return new OrganizationSource(clients, management, roleName);
    }

    /** A fixed list of accounts with static keys at one endpoint. */
    final class StaticSource implements AccountSource {
        private final String name;
        private final List<Account> accounts;
        private final List<String> regions;
        private final Set<String> regionsInUse;

        StaticSource(String name, String origin, URI endpoint, List<AccountKeys> keys, List<String> regions,
                     Set<String> regionsInUse) {
            this.name = name;
            this.regions = List.copyOf(regions);
            this.regionsInUse = Set.copyOf(regionsInUse);
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

        @Override
        public List<String> regions() {
            return regions;
        }

        @Override
        public Set<String> regionsInUse() {
            return regionsInUse;
        }
    }
}
