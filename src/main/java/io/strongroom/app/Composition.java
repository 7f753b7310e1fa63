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
import io.strongroom.service.IdentityService;
import io.strongroom.service.KeysService;
import io.strongroom.service.AccessService;
import io.strongroom.service.PolicyService;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.RotationService;
import io.strongroom.service.audit.AuditService;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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
    private IdentityService identity;
    private PolicyService policies;
    private AccessService access;
    private RotationService rotations;
    private AuditService audit;
    private ReplicationService replication;
    private io.strongroom.service.SessionService sessions;
    /** The data directory of a store started by {@link #temporaryStore()}, deleted on close. */
    private Path temporaryDataDir;
    private LocalStore store;
    /** False when the store was started by someone else (a test) and is theirs to close. */
    private boolean ownsStore = true;

    public Composition() {}

    /** A composition over a store that is already running (tests); {@link #close()} leaves it running. */
    public Composition(LocalStore runningStore) {
        this.store = java.util.Objects.requireNonNull(runningStore);
        this.ownsStore = false;
    }

    /**
     * The JavaFX application thread, by the name OpenJFX gives it: no AWS call may run there
     * (docs/architecture.md). By name, so that the headless commands never touch the JavaFX toolkit.
     */
    static boolean isUiThread(Thread t) {
        return "JavaFX Application Thread".equals(t.getName());
    }

    /** Services are built on first use, so {@code serve} never pays for SDK clients it does not use. */
    private synchronized void buildServices() {
        if (clients != null) {
            return;
        }
        background = Executors.newFixedThreadPool(PARALLEL_SCOPES, new NamedThreads("strongroom-fanout"));
        clients = new ClientRegistry(ClientRegistry.Settings.defaults(), Composition::isUiThread);
        RateLimiters limiters = new RateLimiters(TimeSource.system());
        FanOut fanOut = new FanOut(background, PARALLEL_SCOPES, limiters);
        secrets = new SecretsService(clients, fanOut);
        keys = new KeysService(clients, fanOut);
        identity = new IdentityService(clients, limiters);
        policies = new PolicyService(clients, limiters);
        access = new AccessService(clients, fanOut);
        rotations = new RotationService(clients, fanOut);
        audit = new AuditService(clients, fanOut);
        replication = new ReplicationService(clients, fanOut);
    }

    @Override
    public synchronized AccountSource embeddedStore(Path dataDir) {
        return accountsOf(startStore(dataDir).store());
    }

    /** The embedded store and whether this start created its database (a first run). */
    public record StoreStart(LocalStore store, boolean created) {}

    /**
     * Starts (once) the embedded store on {@code dataDir} on an ephemeral port. {@code created}
     * is true when there was no database there before: the console seeds its demo estate then,
     * and only then, so an estate the user emptied on purpose stays empty.
     */
    public synchronized StoreStart startStore(Path dataDir) {
        if (store != null) {
            return new StoreStart(store, false);
        }
        boolean created = !java.nio.file.Files.exists(dataDir.resolve(DATABASE_FILE));
        // No account IDs asked for: a data directory that has accounts (made by an earlier console
        // or by 'serve --account-id') opens with the IDs it was created with; a new one gets the
        // default accounts with random IDs.
        store = LocalStore.start(LocalStoreConfig.defaults(dataDir));
        return new StoreStart(store, created);
    }

    /** The embedded store ready for the console, and whether its first run seeded the demo estate. */
    public record PreparedStore(LocalStore store, boolean demoSeeded) {}

    private CompletableFuture<PreparedStore> prepared;

    /**
     * Starts the embedded store and, when this start created its database, runs {@code firstRun}
     * on it, once, on a thread of its own; later calls return the same future. The console calls
     * this before JavaFX starts, so the store opens (and a first run seeds) on the second core
     * while the toolkit and the window are being built; its start-up path then waits for it.
     */
    public synchronized CompletableFuture<PreparedStore> prepareStore(Path dataDir, FirstRun firstRun) {
        return prepare(dataDir, firstRun, false);
    }

    /**
     * {@link #prepareStore} for the console, which also gets the rest of its start-up work done on
     * the same thread while the FX thread starts the toolkit and builds the window on the other
     * core: first the services (the SDK's client registry, whose HTTP pool loads the JDK's TLS trust
     * store) and the region list, which the console's object graph needs as soon as the toolkit is
     * up; then the store; and once the store is ready, one small ListSecrets through the SDK
     * ({@link #warmUp}), so that the first listing finds the SDK's classes loaded and its first
     * client built. Later calls return the same future.
     */
    public synchronized CompletableFuture<PreparedStore> prepareConsole(Path dataDir, FirstRun firstRun) {
        return prepare(dataDir, firstRun, true);
    }

    private synchronized CompletableFuture<PreparedStore> prepare(Path dataDir, FirstRun firstRun, boolean console) {
        if (prepared == null) {
            prepared = new CompletableFuture<>();
            CompletableFuture<PreparedStore> result = prepared;
            new NamedThreads("strongroom-store-start").newThread(() -> {
                if (console) {
                    try {
                        buildServices();
                        io.strongroom.service.Regions.commercial();
                    } catch (RuntimeException e) {
                        // built again, and failing for real, where the console asks for them
                    }
                }
                try {
                    StoreStart start = startStore(dataDir);
                    boolean seed = start.created() && firstRun != FirstRun.NONE;
                    if (seed) {
                        firstRun.seed(start.store());
                    }
                    result.complete(new PreparedStore(start.store(), seed));
                    if (console) {
                        warmUp(start.store());
                    }
                    io.strongroom.local.demo.DemoDatabase.startFor(start.store());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }).start();
        }
        return prepared;
    }

    /**
     * One ListSecrets of at most one entry, through the service layer's own client for the first
     * embedded account in its first region with resources: the SDK call path (client build,
     * signing, marshalling, the HTTP pool's first connection) is loaded and run once while the
     * window is still being built. It is an ordinary signed call, recorded in the store's audit
     * trail like the listing that follows it. A failure here changes nothing: the listing reports
     * its own errors.
     */
    private void warmUp(LocalStore running) {
        try {
            AccountSource source = accountsOf(running);
            if (source.accounts().isEmpty()) {
                return;
            }
            String region = source.regionsInUse().stream().findFirst().orElse(io.strongroom.service.ScopeDefaults.FALLBACK_REGION);
            ClientRegistry registry;
            synchronized (this) {
                registry = clients;
            }
            if (registry != null) {
                registry.secretsManager(source.accounts().get(0).in(region)).listSecrets(b -> b.maxResults(1));
            }
        } catch (RuntimeException e) {
            // a warm-up only; the console's own calls report what is wrong
        }
    }

    /** The file LocalStore keeps its database in, inside the data directory. */
    static final String DATABASE_FILE = "strongroom.db";

    /** The running embedded store, if one was started or adopted. */
    public synchronized java.util.Optional<LocalStore> store() {
        return java.util.Optional.ofNullable(store);
    }

    /**
     * The store's accounts as the service layer sees them: an endpoint, one admin key each, and
     * the regions where they hold resources. Those regions come from the store's own
     * administrative survey ({@link LocalStore#regionsInUse}), asked here by the process that runs
     * the store, as the keys are: the console itself still only reaches the store through the SDK.
     * Call it off the FX thread (one small query per account).
     */
    public static AccountSource accountsOf(LocalStore store) {
        Map<String, String> aliases = store.accounts().list().stream()
                .collect(Collectors.toMap(LocalAccount::accountId, LocalAccount::alias));
        List<AccountSource.AccountKeys> keys = new ArrayList<>();
        Set<String> regionsInUse = new TreeSet<>();
        for (AccessKey k : store.accounts().adminKeys()) {
            keys.add(new AccountSource.AccountKeys(k.accountId(), aliases.getOrDefault(k.accountId(), k.accountId()),
                    k.accessKeyId(), k.secretAccessKey()));
            regionsInUse.addAll(store.regionsInUse(k.accountId()));
        }
        return AccountSource.embeddedStore(store.endpoint(), keys, regionsInUse);
    }

    /**
     * The embedded store on a new temporary data directory, started once and deleted when this
     * composition closes: for headless checks that must never touch the user's own store. If a
     * store is already running here, that one is used.
     */
    @Override
    public synchronized AccountSource temporaryStore() {
        if (store == null) {
            try {
                temporaryDataDir = java.nio.file.Files.createTempDirectory("strongroom-scratch-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create a temporary data directory", e);
            }
        }
        return embeddedStore(temporaryDataDir);
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

    public synchronized IdentityService identity() {
        buildServices();
        return identity;
    }

    @Override
    public synchronized PolicyService policies() {
        buildServices();
        return policies;
    }

    /** Rotation: functions, RotateSecret/CancelRotateSecret (through the journal), rotation events. */
    @Override
    public synchronized RotationService rotations() {
        buildServices();
        return rotations;
    }

    /** The SDK clients, for the headless commands' sign-in (SSO device codes and MFA codes on the terminal, organizations). */
    @Override
    public synchronized java.util.Optional<ClientRegistry> clients() {
        buildServices();
        return java.util.Optional.of(clients);
    }

    /** Who each account's session is and when it expires; signs in again when asked (the scope picker). */
    public synchronized io.strongroom.service.SessionService sessions() {
        buildServices();
        if (sessions == null) {
            sessions = new io.strongroom.service.SessionService(clients, identity);
        }
        return sessions;
    }

    /** Replication of multi-region secrets: the Replication view and a secret's Replication tab. */
    @Override
    public synchronized ReplicationService replication() {
        buildServices();
        return replication;
    }

    /** CloudTrail's events of the scopes: the Audit view, a secret's Audit tab. */
    public synchronized AuditService audit() {
        buildServices();
        return audit;
    }

    /** IAM's policy simulator: "Test access as…" and "Who can read this secret?". */
    public synchronized AccessService access() {
        buildServices();
        return access;
    }

    /** The executor the console's background work runs on (named daemon threads, shut down on close). */
    public synchronized ExecutorService uiBackground() {
        if (uiBackground == null) {
            uiBackground = Executors.newCachedThreadPool(new NamedThreads("strongroom-ui-work"));
        }
        return uiBackground;
    }

    private ExecutorService uiBackground;

    /**
     * Closes the services and a store this composition started. A store still starting or being
     * seeded is let finish first (up to a minute), so a demo estate is never left half written.
     */
    @Override
    public void close() {
        CompletableFuture<PreparedStore> starting;
        synchronized (this) {
            starting = prepared;
        }
        if (starting != null) {
            try {
                starting.get(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // closing anyway: a failed start has nothing to finish
            }
        }
        closeNow();
    }

    private synchronized void closeNow() {
        if (uiBackground != null) {
            uiBackground.shutdownNow();
            uiBackground = null;
        }
        if (clients != null) {
            background.shutdownNow();
            clients.close();
            clients = null;
        }
        if (store != null && ownsStore) {
            store.close();
        }
        store = null;
        if (temporaryDataDir != null) {
            deleteTree(temporaryDataDir);
            temporaryDataDir = null;
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // a scratch directory under the system's temporary directory; nothing else to do
        }
    }
}
