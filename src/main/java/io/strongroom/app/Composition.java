package io.strongroom.app;

import io.strongroom.cli.Backends;
import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.NamedThreads;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.KeysService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The one composition root: builds the client registry, the fan-out executor and the
 * services, starts the embedded store when asked, and closes all of it in reverse order.
 * The console and the headless commands get their collaborators from here.
 */
public final class Composition implements Backends {

    /** Scopes listed at once; more would only queue on two cores and on AWS's per-account quotas. */
    static final int PARALLEL_SCOPES = 12;

    private ExecutorService background;
    private ClientRegistry clients;
    private SecretsService secrets;
    private KeysService keys;
    private LocalStore store;

    /** Services are built on first use, so {@code serve} never pays for SDK clients it does not use. */
    private synchronized void buildServices() {
        if (clients != null) {
            return;
        }
        background = Executors.newFixedThreadPool(PARALLEL_SCOPES, new NamedThreads("strongroom-fanout"));
        clients = new ClientRegistry(ClientRegistry.Settings.defaults());
        RateLimiters limiters = new RateLimiters(TimeSource.system());
        FanOut fanOut = new FanOut(background, PARALLEL_SCOPES, limiters);
        secrets = new SecretsService(clients, fanOut);
        keys = new KeysService(clients, fanOut);
    }

    @Override
    public synchronized AccountSource embeddedStore(Path dataDir) {
        if (store == null) {
            store = LocalStore.start(LocalStoreConfig.defaults(dataDir));
        }
        return accountsOf(store);
    }

    /** The store's accounts as the service layer sees them: an endpoint and one admin key each. */
    static AccountSource accountsOf(LocalStore store) {
        Map<String, String> aliases = store.accounts().list().stream()
                .collect(Collectors.toMap(LocalAccount::accountId, LocalAccount::alias));
        List<AccountSource.AccountKeys> keys = new ArrayList<>();
        for (AccessKey k : store.accounts().adminKeys()) {
            keys.add(new AccountSource.AccountKeys(k.accountId(), aliases.getOrDefault(k.accountId(), k.accountId()),
                    k.accessKeyId(), k.secretAccessKey()));
        }
        return AccountSource.embeddedStore(store.endpoint(), keys);
    }

    @Override
    public AccountSource awsProfiles() {
        return AccountSource.awsProfiles();
    }

    @Override
    public synchronized SecretsService secrets() {
        buildServices();
        return secrets;
    }

    public synchronized KeysService keys() {
        buildServices();
        return keys;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            background.shutdownNow();
            clients.close();
            clients = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
