package io.strongroom.testing;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccessService;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.IdentityService;
import io.strongroom.service.KeysService;
import io.strongroom.service.PolicyService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's service layer over a {@link RunningStore}, as the composition root builds it: the
 * store's accounts signed with their admin keys (one of them, if asked, with a user allowed
 * nothing), one client registry, a fan-out pool, and the services on top. For service-layer tests,
 * one per test class; {@link #close()} closes everything, the store included.
 */
public final class ServiceStack implements AutoCloseable {

    /** No account is denied. */
    public static final int NONE = -1;

    private final RunningStore store;
    private final AccountSource source;
    private final ClientRegistry clients;
    private final ExecutorService executor;
    private final RateLimiters limiters;
    private final SecretsService secrets;

    private ServiceStack(RunningStore store, int threads, int deniedAccount) {
        this.store = store;
        List<LocalAccount> local = store.store().accounts().list();
        List<AccountSource.AccountKeys> keys = new ArrayList<>();
        for (int i = 0; i < local.size(); i++) {
            LocalAccount a = local.get(i);
            AccessKey key = i == deniedAccount
                    ? store.store().accounts().createUser(a.accountId(), "denied", List.of())
                    : store.adminKey(i);
            keys.add(new AccountSource.AccountKeys(a.accountId(), a.alias(), key.accessKeyId(), key.secretAccessKey()));
        }
        this.source = AccountSource.embeddedStore(store.store().endpoint(), keys);
        this.clients = new ClientRegistry(ClientRegistry.Settings.defaults());
        this.executor = Executors.newFixedThreadPool(threads);
        this.limiters = new RateLimiters(TimeSource.system());
        this.secrets = new SecretsService(clients, fanOut(threads));
    }

    /** A new store, every account reached with its admin key. */
    public static ServiceStack start(int threads) {
        return start(threads, NONE);
    }

    /** A new store; account {@code deniedAccount} (0-based) is reached by a user allowed nothing. */
    public static ServiceStack start(int threads, int deniedAccount) {
        return new ServiceStack(new RunningStore(), threads, deniedAccount);
    }

    public RunningStore store() {
        return store;
    }

    public AccountSource source() {
        return source;
    }

    public List<Account> accounts() {
        return source.accounts();
    }

    /** Account {@code index} (0-based) in {@code region}. */
    public Scope scope(int index, String region) {
        return accounts().get(index).in(region);
    }

    public ClientRegistry clients() {
        return clients;
    }

    public SecretsService secrets() {
        return secrets;
    }

    /** A keys service over the same clients and pool. */
    public KeysService keys(int parallelism) {
        return new KeysService(clients, fanOut(parallelism));
    }

    /** A policy service over the same clients. */
    public PolicyService policies() {
        return new PolicyService(clients, limiters);
    }

    /** A rotation service over the same clients and pool. */
    public io.strongroom.service.RotationService rotations(int parallelism) {
        return new io.strongroom.service.RotationService(clients, fanOut(parallelism));
    }

    /** A replication service over the same clients and pool. */
    public io.strongroom.service.ReplicationService replication(int parallelism) {
        return new io.strongroom.service.ReplicationService(clients, fanOut(parallelism));
    }

    /** IAM's policy simulator over the same clients and pool. */
    public AccessService access(int parallelism) {
        return new AccessService(clients, fanOut(parallelism));
    }

    public IdentityService identities() {
        return new IdentityService(clients, limiters);
    }

    private FanOut fanOut(int parallelism) {
        return new FanOut(executor, parallelism, limiters);
    }

    @Override
    public void close() {
        clients.close();
        executor.shutdownNow();
        store.close();
    }
}
