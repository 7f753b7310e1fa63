package io.strongroom.local;

import io.strongroom.local.analyzer.AccessAnalyzerApi;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.cloudtrail.CloudTrailApi;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.http.HttpFrontend;
import io.strongroom.local.http.JsonOperation;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.Quotas;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.RequestIds;
import io.strongroom.local.http.RequestPipeline;
import io.strongroom.local.http.SigV4Verifier;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Accounts.KeyCredential;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.api.IamApi;
import io.strongroom.local.kms.KmsApi;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.lambda.LambdaApi;
import io.strongroom.local.rotation.BuiltInFunctions;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.secrets.Rotations;
import io.strongroom.local.secrets.SecretStore;
import io.strongroom.local.secrets.SecretsManagerApi;
import io.strongroom.local.storage.Database;
import io.strongroom.local.sts.StsApi;
import software.amazon.awssdk.core.SdkPojo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded local secret store: Secrets Manager, KMS, STS and CloudTrail on one loopback
 * HTTP listener, speaking the AWS wire protocols, backed by SQLite in {@code dataDir}.
 *
 * <p>Nothing outside this package talks to the store except over HTTP with the AWS SDK (or
 * any other AWS client); the accessors here are for the process that runs it: printing the
 * banner, handing the console its credentials, moving the clock in tests, and
 * {@link #invoke administrative calls} made in process (seeding the demo estate).
 */
public final class LocalStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalStore.class.getName());
    /** Rotations run at once, at most; a rotation waits on its target (a database) more than on the CPU. */
    private static final int ROTATION_WORKERS = 8;
    /** Primaries replicated at once, at most; runs of one primary never overlap (see Replicator). */
    private static final int REPLICATION_WORKERS = 4;
    /** Writes the rotation events' additionalEventData: one mapper, not one per event. */
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENT_DATA = new com.fasterxml.jackson.databind.ObjectMapper();

    private final LocalStoreConfig config;
    private final DirectoryLock lock;
    private final Database db;
    private final Accounts accounts;
    private final io.strongroom.local.identitycenter.IdentityCenter identityCenter;
    private final KmsKeys keys;
    private final SecretStore secrets;
    private final AuditLog audit;
    private final Authorizer authorizer;
    private final RotationFunctions rotationFunctions;
    private final Rotations rotations;
    private final io.strongroom.local.replication.Replication replication;
    /** The JSON services by signing name, for {@link #invoke}: the very instances the HTTP pipeline serves. */
    private final Map<String, JsonService> jsonServices;
    private final Map<String, Caller> admins = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpFrontend frontend;
    private final ScheduledExecutorService maintenance;
    /** What the process attached to the store's life (the demo's database), closed first when it closes. */
    private final java.util.Deque<AutoCloseable> attached = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private LocalStore(LocalStoreConfig config, DirectoryLock lock) throws IOException {
        this.config = config;
        Warmup.startInBackground(new NamedThreads("strongroom-warmup"));
        Path dir = config.dataDir();
        this.lock = lock;
        RootKey rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
        // Schema 5 chains the audit trail with a key derived from the root key: the migration needs it.
        this.db = Database.open(dir.resolve("strongroom.db"), io.strongroom.local.audit.AuditMigration.steps(rootKey));
        Clock clock = config.clock();
        try {
            rootKey.verifyAgainst(db, dir.resolve("root.key"));
            this.accounts = new Accounts(db, rootKey, clock);
            // A new directory gets the configured IDs; one that has accounts keeps them, or refuses others.
            accounts.open(config.accountIds(), dir.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        this.authorizer = new Authorizer(accounts.iam());
        this.identityCenter = new io.strongroom.local.identitycenter.IdentityCenter(db, accounts);
        identityCenter.ensureDefaults();
        io.strongroom.local.organizations.OrganizationsApi organizations = new io.strongroom.local.organizations.OrganizationsApi(accounts);
        organizations.ensureAccessRoles();
        this.keys = new KmsKeys(db, rootKey);
        this.rotationFunctions = BuiltInFunctions.with(config.rotationCommands().entrySet().stream()
                .map(e -> new io.strongroom.local.rotation.ExternalCommandFunction(e.getKey(), e.getValue())).toList());
        this.secrets = new SecretStore(db, keys, clock);
        this.audit = new AuditLog(db, io.strongroom.local.audit.AuditChain.of(rootKey), new NamedThreads("strongroom-audit"));
        this.replication = new io.strongroom.local.replication.Replication(db, new io.strongroom.local.secrets.ReplicaCopies(secrets, keys),
                this::recordReplicationEvent, clock, new NamedThreads("strongroom-replication"), REPLICATION_WORKERS);
        this.rotations = new Rotations(secrets, rotationFunctions, this::recordRotationEvent, clock,
                new NamedThreads("strongroom-rotation"), ROTATION_WORKERS);
        rotations.recoverInterrupted();
        JsonService secretsManager = new SecretsManagerApi(secrets, keys, rotations, replication).service();
        JsonService kms = new KmsApi(keys).service();
        JsonService cloudTrail = new CloudTrailApi(audit).service();
        this.jsonServices = Map.of(secretsManager.signingName(), secretsManager, kms.signingName(), kms,
                cloudTrail.signingName(), cloudTrail);
        RequestPipeline pipeline = new RequestPipeline(new SigV4Verifier(accounts, Clock.systemUTC(), clock), authorizer, audit, clock,
                new Quotas(config.enforceQuotas(), Quotas.AWS_RATES), config.latencyByRegion())
                .register(secretsManager)
                .register(kms)
                .register(cloudTrail)
                .register(new StsApi(accounts).service())
                .register(new IamApi(accounts).service())
                .register(new AccessAnalyzerApi().service())
                .register(new LambdaApi(rotationFunctions, clock.instant()).service())
                .register(new io.strongroom.local.identitycenter.OidcApi(identityCenter, this::endpoint).service())
                .register(new io.strongroom.local.identitycenter.PortalApi(identityCenter).service())
                .register(organizations.service())
                .register(new io.strongroom.local.identitycenter.DeviceApprovalPage(identityCenter, clock, this::endpoint));
        try {
            this.frontend = new HttpFrontend(config.port(), pipeline, new NamedThreads("strongroom-http"), config.workerThreads(),
                    config.httpLimits());
        } catch (IOException | RuntimeException e) {
            replication.close();
            audit.close();              // nothing may stay open when the store could not start
            db.close();
            throw e;
        }
        replication.resume();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(new NamedThreads("strongroom-maintenance"));
        maintenance.scheduleWithFixedDelay(this::runMaintenanceQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public static LocalStore start(LocalStoreConfig config) {
        try {
            // the user's alone: the database holds sealed keys and the audit trail
            io.strongroom.platform.UserDirectory.createPrivate(config.dataDir());
            narrowStoreFiles(config.dataDir());
            DirectoryLock lock = DirectoryLock.acquire(config.dataDir());
            try {
                LocalStore store = new LocalStore(config, lock);
                try {
                    narrowStoreFiles(config.dataDir());     // SQLite creates its files under the process's umask
                } catch (IOException e) {
                    store.close();
                    throw e;
                }
                return store;
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            String why = e instanceof java.net.BindException
                    ? ": the port is in use (is another 'strongroom serve' running? --port picks another, 0 a free one)"
                    : ": " + e.getMessage();
            throw new UncheckedIOException("cannot start the embedded store on 127.0.0.1:" + config.port() + why, e);
        }
    }

    /** The database and its WAL files, left readable by an earlier version or copied in under a looser umask, become the owner's alone. */
    private static void narrowStoreFiles(Path dir) throws IOException {
        for (String file : new String[] {"strongroom.db", "strongroom.db-wal", "strongroom.db-shm"}) {
            io.strongroom.platform.UserDirectory.narrowToOwner(dir.resolve(file));
        }
    }

    public URI endpoint() {
        return frontend.endpoint();
    }

    public int port() {
        return frontend.port();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public Clock clock() {
        return config.clock();
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The local IAM Identity Center: its users' assignments, for tests and the demo. */
    public io.strongroom.local.identitycenter.IdentityCenter identityCenter() {
        return identityCenter;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The rotation functions this store runs (and Lambda's ListFunctions lists). */
    public RotationFunctions rotationFunctions() {
        return rotationFunctions;
    }

    /** The store's rotations: tests and benchmarks wait on them ({@link Rotations#awaitIdle}). */
    public Rotations rotations() {
        return rotations;
    }

    /** The store's multi-Region replication: tests and benchmarks wait on it and turn its fault knobs. */
    public io.strongroom.local.replication.Replication replication() {
        return replication;
    }

    /** A replication's service event, into the audit trail as CloudTrail records one (AwsServiceEvent), in the primary's region. */
    private void recordReplicationEvent(String eventName, String accountId, String region, String primaryArn, String replicaArn,
                                        Instant at, String errorMessage) {
        String replicaRegion = replicaArn.split(":", 5)[3];
        String data = EVENT_DATA.createObjectNode().put("SecretId", primaryArn).put("ReplicaRegion", replicaRegion).toString();
        audit.record(io.strongroom.local.audit.AuditEvent.serviceEvent(RequestIds.nextTimeOrdered(at.toEpochMilli()),
                "Replication-" + primaryArn + "-" + replicaRegion, accountId, region, at, eventName, "secretsmanager.amazonaws.com",
                errorMessage, data, java.util.List.of(
                        new io.strongroom.local.audit.AuditEvent.Resource("AWS::SecretsManager::Secret", primaryArn),
                        new io.strongroom.local.audit.AuditEvent.Resource("AWS::SecretsManager::Secret", replicaArn))));
    }

    /** A rotation's service event, into the audit trail as CloudTrail records one (AwsServiceEvent). */
    private void recordRotationEvent(String eventName, String accountId, String region, String secretArn, String token, Instant at,
                                     String errorMessage) {
        if (io.strongroom.local.rotation.RotationEvents.SUCCEEDED.equals(eventName)) {
            replication.changed(secretArn);         // the rotated value reaches the replicas
        }
        String data = EVENT_DATA.createObjectNode().put("SecretId", secretArn).toString();
        audit.record(io.strongroom.local.audit.AuditEvent.serviceEvent(RequestIds.nextTimeOrdered(at.toEpochMilli()),
                "Rotation-" + secretArn + "-" + token, accountId, region, at, eventName, "secretsmanager.amazonaws.com",
                errorMessage, data,
                java.util.List.of(new io.strongroom.local.audit.AuditEvent.Resource("AWS::SecretsManager::Secret", secretArn))));
    }

    /**
     * Runs one JSON-protocol operation in process, as {@code accountId}'s {@code admin} user, in
     * {@code region}, at store time {@code at}: the same operation handler as over HTTP, so the
     * request is validated, values are encrypted, versioned and stored exactly as a signed request
     * would have them. What it skips is the transport around the handler: there is no HTTP, no
     * SigV4 (the caller is this process), no simulated latency or request quota, and no audit
     * event. The caller's permissions are still checked, as the pipeline checks them.
     *
     * <p>This is an administrative path for the process that runs the store, e.g. seeding the demo
     * estate with backdated resources ({@code at} in the past gives creation, change and access
     * dates in the past). It is not reachable from the network, and the console's service layer
     * never uses it: that talks to the store through the AWS SDK only.
     *
     * <pre>{@code
     * CreateSecretResponse created = store.invoke(accountId, "us-east-1", at, "secretsmanager", "CreateSecret",
     *         CreateSecretRequest.builder().name("prod/db").secretString("...").build());
     * }</pre>
     *
     * @param service   the signing name: {@code "secretsmanager"}, {@code "kms"} or {@code "cloudtrail"}
     * @param operation the operation name as in {@code X-Amz-Target}, e.g. {@code "CreateSecret"}
     * @param request   the operation's SDK request model, e.g. a {@code CreateSecretRequest}
     * @param <R>       the operation's SDK response model, e.g. {@code CreateSecretResponse}
     * @return the response model the operation produced (the object that would have been written as JSON)
     * @throws io.strongroom.local.wire.AwsException the AWS error the operation answered with
     * @throws IllegalArgumentException for an unknown account (or one with no active admin key when first used),
     *                                  service or operation, or a request model of the wrong type
     */
    @SuppressWarnings("unchecked")
    public <R extends SdkPojo> R invoke(String accountId, String region, Instant at, String service, String operation, SdkPojo request) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(at, "at");
        JsonService json = jsonServices.get(service);
        if (json == null) {
            throw new IllegalArgumentException("no in-process service '" + service + "'; expected one of " + new TreeSet<>(jsonServices.keySet()));
        }
        JsonOperation<?> op = json.operation(operation);
        if (op == null) {
            throw new IllegalArgumentException(service + " has no operation '" + operation + "'");
        }
        Caller admin = admin(accountId);
        RequestContext context = new RequestContext(admin, region, RequestIds.next(), at, "127.0.0.1", "strongroom-in-process")
                .authorizedBy(authorizer);
        if (!op.onResource()) {
            context.authorize(json.signingName() + ":" + op.name(), AccessTarget.anyResourceOf(accountId));
        }
        return (R) op.invoke(context, request);
    }

    /**
     * Runs {@code work}, typically many {@link #invoke} calls that stand for one action, with
     * the store's write transactions made on this thread committed without an fsync each, and
     * synced once at the end (see {@link Database#bulk}). Each operation still commits on its own,
     * all or nothing; only durability is batched. Other threads (HTTP requests) are unaffected.
     */
    public <T> T bulk(java.util.function.Supplier<T> work) {
        return db.bulk(work);
    }

    /**
     * The account's {@code admin} principal, looked up once per account: an in-process call
     * acts as that principal, it does not sign with its key, so the key is only how it is found.
     */
    private Caller admin(String accountId) {
        Caller cached = admins.get(accountId);
        if (cached != null) {
            return cached;
        }
        Caller admin = accounts.adminKey(accountId)
                .flatMap(key -> accounts.credential(key.accessKeyId()))
                .map(KeyCredential::caller)
                .orElseThrow(() -> new IllegalArgumentException("no local account " + accountId + " with an active admin key"));
        admins.put(accountId, admin);
        return admin;
    }

    /**
     * The regions where an account holds anything: secrets (including those scheduled for
     * deletion) or KMS keys. Lets an administrative caller survey a whole account without
     * guessing regions (the APIs themselves are per region, as in AWS).
     */
    public Set<String> regionsInUse(String accountId) {
        return db.read(c -> {
            Set<String> regions = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT region FROM secrets WHERE account_id=? UNION SELECT region FROM kms_keys WHERE account_id=?")) {
                ps.setString(1, accountId);
                ps.setString(2, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        regions.add(rs.getString(1));
                    }
                }
            }
            return regions;
        });
    }

    /**
     * Carries out what is due on the store's clock: secrets past their recovery window are
     * deleted, KMS keys due for automatic rotation get new material, KMS keys past their
     * waiting period are deleted, audit events past retention are
     * purged. Runs every second by itself; tests that move the clock call it to not wait.
     */
    public void runMaintenance() {
        var now = config.clock().instant();
        secrets.deleteDue(now);
        rotations.startDue(now);
        keys.rotateDue(now);
        keys.deleteDue(now);
        audit.purgeOlderThan(now.minus(AuditLog.RETENTION));
        accounts.purgeExpiredSessions();
        identityCenter.purgeExpired(config.clock().instant().minus(java.time.Duration.ofDays(1)));
    }

    private void runMaintenanceQuietly() {
        try {
            runMaintenance();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "maintenance failed: " + e.getMessage());
        }
    }

    /** Closes {@code resource} when the store closes (before the store's own parts), last attached first. */
    public void closeWith(AutoCloseable resource) {
        attached.push(Objects.requireNonNull(resource, "resource"));
    }

    @Override
    public void close() {
        for (AutoCloseable a; (a = attached.poll()) != null; ) {
            try {
                a.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + a.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
        maintenance.shutdownNow();
        frontend.close();
        rotations.close();
        replication.close();
        audit.close();
        db.close();
        lock.close();
    }
}
