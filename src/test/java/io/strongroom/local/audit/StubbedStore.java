package io.strongroom.local.audit;

import io.strongroom.local.AdjustableClock;
import io.strongroom.local.NamedThreads;
import io.strongroom.local.cloudtrail.CloudTrailApi;
import io.strongroom.local.crypto.RootKey;
import io.strongroom.local.http.HttpFrontend;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.Quotas;
import io.strongroom.local.http.RequestPipeline;
import io.strongroom.local.http.SigV4Verifier;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.storage.Database;
import io.strongroom.local.sts.StsApi;
import io.strongroom.testing.Quietly;
import io.strongroom.testing.RunningStore;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The store's real HTTP front end, SigV4 check, authorizer, audit trail, STS and CloudTrail,
 * with stand-in JSON services registered beside them. It lets audit behaviour that depends on
 * operations still being written elsewhere (writes, resources, BatchGetSecretValue's extra
 * events, handler failures) be tested through the real SDK clients today.
 */
final class StubbedStore implements AutoCloseable {

    static final Region REGION = Region.US_EAST_1;

    private final Path dataDir;
    private final AdjustableClock clock = new AdjustableClock();
    private final Database db;
    private final Accounts accounts;
    private final AuditLog audit;
    private final HttpFrontend frontend;
    private final List<AutoCloseable> clients = new ArrayList<>();

    StubbedStore(Quotas quotas, JsonService... stubs) {
        try {
            dataDir = Files.createTempDirectory("strongroom-audit-test-");
            RootKey rootKey = RootKey.loadOrCreate(dataDir.resolve("root.key"));
            db = Database.open(dataDir.resolve("strongroom.db"), AuditMigration.steps(rootKey));
            accounts = new Accounts(db, rootKey, clock);
            accounts.ensureDefaults();
            audit = new AuditLog(db, AuditChain.of(rootKey), new NamedThreads("test-audit"));
            RequestPipeline pipeline = new RequestPipeline(new SigV4Verifier(accounts, Clock.systemUTC()), new Authorizer(accounts.iam()),
                    audit, clock, quotas, Map.of())
                    .register(new CloudTrailApi(audit).service())
                    .register(new StsApi(accounts).service());
            for (JsonService stub : stubs) {
                pipeline.register(stub);
            }
            frontend = new HttpFrontend(0, pipeline, new NamedThreads("test-http"), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AdjustableClock clock() {
        return clock;
    }

    Accounts accounts() {
        return accounts;
    }

    AuditLog audit() {
        return audit;
    }

    AccessKey adminKey(int account) {
        return accounts.adminKeys().get(account);
    }

    CloudTrailClient cloudTrail(AccessKey key) {
        return configure(CloudTrailClient.builder(), key, REGION);
    }

    SecretsManagerClient secrets(AccessKey key) {
        return configure(SecretsManagerClient.builder(), key, REGION);
    }

    StsClient sts(AccessKey key, Region region) {
        return configure(StsClient.builder(), key, region);
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C configure(B builder, AccessKey key, Region region) {
        C client = RunningStore.client(builder, frontend.endpoint(), key, region);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        Quietly.closeAll(clients);
        frontend.close();
        audit.close();
        db.close();
        Quietly.deleteTree(dataDir);
    }
}
