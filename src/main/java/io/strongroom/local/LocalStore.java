package io.strongroom.local;

import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.audit.CloudTrailApi;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.http.HttpFrontend;
import io.strongroom.local.http.Quotas;
import io.strongroom.local.http.RequestPipeline;
import io.strongroom.local.http.SigV4Verifier;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.kms.KmsApi;
import io.strongroom.local.kms.KmsKeys;
import io.strongroom.local.secrets.SecretsManagerApi;
import io.strongroom.local.secrets.SecretStore;
import io.strongroom.local.storage.Database;
import io.strongroom.local.sts.StsApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded local secret store: Secrets Manager, KMS, STS and CloudTrail on one loopback
 * HTTP listener, speaking the AWS wire protocols, backed by SQLite in {@code dataDir}.
 *
 * <p>Nothing outside this package talks to the store except over HTTP with the AWS SDK (or
 * any other AWS client); the accessors here are for the process that runs it: printing the
 * banner, handing the console its credentials, moving the clock in tests.
 */
public final class LocalStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalStore.class.getName());

    private final LocalStoreConfig config;
    private final Database db;
    private final Accounts accounts;
    private final KmsKeys keys;
    private final SecretStore secrets;
    private final AuditLog audit;
    private final HttpFrontend frontend;
    private final ScheduledExecutorService maintenance;

    private LocalStore(LocalStoreConfig config) throws IOException {
        this.config = config;
        Warmup.startInBackground(new NamedThreads("strongroom-warmup"));
        Path dir = config.dataDir();
        createPrivateDirectory(dir);
        RootKey rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
        this.db = Database.open(dir.resolve("strongroom.db"));
        try {
            rootKey.verifyAgainst(db, dir.resolve("root.key"));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Clock clock = config.clock();
        this.accounts = new Accounts(db, rootKey, clock);
        accounts.ensureDefaults();
        this.keys = new KmsKeys(db, rootKey);
        this.secrets = new SecretStore(db, keys, clock);
        this.audit = new AuditLog(db, new NamedThreads("strongroom-audit"));
        RequestPipeline pipeline = new RequestPipeline(new SigV4Verifier(accounts, Clock.systemUTC()), new Authorizer(), audit, clock,
                new Quotas(config.enforceQuotas(), Quotas.AWS_RATES), config.latencyByRegion())
                .register(new SecretsManagerApi(secrets, keys).service())
                .register(new KmsApi(keys).service())
                .register(new CloudTrailApi(audit).service())
                .register(new StsApi().service());
        try {
            this.frontend = new HttpFrontend(config.port(), pipeline, new NamedThreads("strongroom-http"), config.workerThreads());
        } catch (IOException | RuntimeException e) {
            audit.close();              // nothing may stay open when the store could not start
            db.close();
            throw e;
        }
        this.maintenance = Executors.newSingleThreadScheduledExecutor(new NamedThreads("strongroom-maintenance"));
        maintenance.scheduleWithFixedDelay(this::runMaintenanceQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** The data directory is the user's alone: the database holds sealed keys and the audit trail. */
    private static void createPrivateDirectory(Path dir) throws IOException {
        if (java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            java.nio.file.Files.createDirectories(dir);
        }
    }

    public static LocalStore start(LocalStoreConfig config) {
        try {
            return new LocalStore(config);
        } catch (IOException e) {
            String why = e instanceof java.net.BindException
                    ? ": the port is in use (is another 'strongroom serve' running? --port picks another, 0 a free one)"
                    : ": " + e.getMessage();
            throw new UncheckedIOException("cannot start the embedded store on 127.0.0.1:" + config.port() + why, e);
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

    public AuditLog audit() {
        return audit;
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
        keys.rotateDue(now);
        keys.deleteDue(now);
        audit.purgeOlderThan(now.minus(AuditLog.RETENTION));
    }

    private void runMaintenanceQuietly() {
        try {
            runMaintenance();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "maintenance failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        frontend.close();
        audit.close();
        db.close();
    }
}
