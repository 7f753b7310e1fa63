package io.strongroom.ui.audit;

import io.strongroom.domain.Account;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.service.audit.AuditService;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.audit.timeline.AuditParts;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.scene.Scene;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the Audit view to {@link Snapshots#SCREENSHOTS} under headless Monocle, light and dark,
 * over half a day of traffic made by real calls to the embedded store: in payments-prod / eu-west-1
 * the application roles read their own secrets through the day, an auditor describes and lists,
 * and the CI deployer's session reads the payments secrets and is refused the others; in
 * security-audit / eu-west-1 the SIEM forwarder reads its token; analytics-dev / us-west-2 is
 * reached by a user who may not look CloudTrail up (its error shows, the others' events stay).
 * Then who read what, and a drill-down from one of its cells.
 */
class AuditScreenshotTest {

    static final Map<String, String> PAYMENTS = new LinkedHashMap<>();
    static RunningStore store;
    static ClientRegistry clients;
    static ExecutorService pool;
    static ExecutorService background;
    static AuditService audit;
    static final List<Scope> scopes = new ArrayList<>();

    @BeforeAll
    static void estate() throws Exception {
        store = new RunningStore();
        clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1));
        pool = Executors.newFixedThreadPool(4);
        background = Executors.newFixedThreadPool(2);
        audit = new AuditService(clients, new FanOut(pool, 4, new RateLimiters(TimeSource.system())));

        AccessKey payments = store.adminKey(1);
        SecretsManagerClient admin = store.secrets(payments, Region.EU_WEST_1);
        for (String name : List.of("prod/payments/stripe-api-key", "prod/payments/adyen-hmac-key", "prod/payments/postgres-primary",
                "prod/ledger/kafka-sasl", "prod/checkout/paypal-client-secret", "prod/fraud/sift-api-key")) {
            PAYMENTS.put(name, admin.createSecret(b -> b.name(name).secretString("test-only")).arn());
        }
        SecretsManagerClient api = role(payments, "payments-api", "task-3f9c", "arn:aws:secretsmanager:*:*:secret:prod/payments/*");
        SecretsManagerClient ledger = role(payments, "ledger-consumer", "task-81aa", "*");
        SecretsManagerClient checkout = role(payments, "checkout-web", "task-07d2", "arn:aws:secretsmanager:*:*:secret:prod/checkout/*");
        SecretsManagerClient fraud = role(payments, "fraud-scorer", "task-5be0", "arn:aws:secretsmanager:*:*:secret:prod/fraud/*");
        SecretsManagerClient deployer = role(payments, "ci-deployer", "build-412", "arn:aws:secretsmanager:*:*:secret:prod/payments/*");
        AccessKey auditorKey = store.userWithPolicy(payments.accountId(), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:DescribeSecret",
                 "secretsmanager:ListSecrets"],"Resource":"*"}]}""");
        SecretsManagerClient auditor = store.secrets(auditorKey, Region.EU_WEST_1);

        AccessKey security = store.adminKey(0);
        SecretsManagerClient siemAdmin = store.secrets(security, Region.EU_WEST_1);
        siemAdmin.createSecret(b -> b.name("security/siem/splunk-hec-token").secretString("test-only"));
        SecretsManagerClient siem = role(security, "siem-forwarder", "i-0a71c2", "*");

        // half-hourly through the working day (the sessions last 12 hours)
        for (int hour = 0; hour < 22; hour++) {
            store.clock().advance(Duration.ofMinutes(30));
            for (int i = 0; i < 1 + hour % 3; i++) {
                api.getSecretValue(b -> b.secretId("prod/payments/stripe-api-key"));
            }
            api.getSecretValue(b -> b.secretId("prod/payments/postgres-primary"));
            if (hour % 2 == 0) {
                api.getSecretValue(b -> b.secretId("prod/payments/adyen-hmac-key"));
                ledger.getSecretValue(b -> b.secretId("prod/ledger/kafka-sasl"));
                siem.getSecretValue(b -> b.secretId("security/siem/splunk-hec-token"));
            }
            if (hour % 4 == 1) {
                checkout.getSecretValue(b -> b.secretId("prod/checkout/paypal-client-secret"));
                fraud.getSecretValue(b -> b.secretId("prod/fraud/sift-api-key"));
                ledger.getSecretValue(b -> b.secretId("prod/payments/postgres-primary"));
            }
            if (hour == 9) {
                auditor.listSecrets();
                for (String name : PAYMENTS.keySet()) {
                    auditor.describeSecret(b -> b.secretId(name));
                }
            }
            if (hour == 14) {
                deployer.putSecretValue(b -> b.secretId("prod/payments/adyen-hmac-key").secretString("test-only-next"));
            }
        }
        // the CI deployer's session, at night: every payments secret, then what it may not read
        store.clock().advance(Duration.ofMinutes(50));
        deployer.batchGetSecretValue(b -> b.secretIdList("prod/payments/stripe-api-key", "prod/payments/adyen-hmac-key",
                "prod/payments/postgres-primary"));
        for (String name : List.of("prod/ledger/kafka-sasl", "prod/checkout/paypal-client-secret", "prod/fraud/sift-api-key",
                "prod/ledger/kafka-sasl")) {
            try {
                deployer.getSecretValue(b -> b.secretId(PAYMENTS.get(name)));
                throw new AssertionError(name + " was read");
            } catch (SecretsManagerException refused) {
                assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
            }
        }

        AccessKey analytics = store.adminKey(2);
        AccessKey noTrail = store.userWithPolicy(analytics.accountId(), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}""");
        scopes.add(account(1, payments).in("eu-west-1"));
        scopes.add(account(0, security).in("eu-west-1"));
        scopes.add(account(2, noTrail).in("us-west-2"));
        Snapshots.startFx();
    }

    /** A client for a new role's session, allowed to read the secrets {@code resource} names. */
    static SecretsManagerClient role(AccessKey admin, String role, String session, String resource) {
        IamClient iam = store.iam(admin);
        iam.createRole(r -> r.roleName(role).maxSessionDuration(43_200).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(admin.accountId())));
        iam.putRolePolicy(r -> r.roleName(role).policyName("reads").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:GetSecretValue",
                 "secretsmanager:PutSecretValue"],"Resource":"%s"},
                 {"Effect":"Allow","Action":"secretsmanager:BatchGetSecretValue","Resource":"*"}]}""".formatted(resource)));
        Credentials c = store.sts(admin, Region.US_EAST_1)
                .assumeRole(r -> r.roleArn("arn:aws:iam::" + admin.accountId() + ":role/" + role).roleSessionName(session)
                .durationSeconds(43_200)).credentials();
        return SecretsManagerClient.builder().endpointOverride(store.store().endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                        c.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    /** Local account {@code index} as the console reaches it with {@code key}. */
    static Account account(int index, AccessKey key) {
        LocalAccount a = store.store().accounts().list().stream()
                .filter(x -> x.accountId().equals(store.adminKey(index).accountId())).findFirst().orElseThrow();
        return AccountSource.embeddedStore(store.store().endpoint(), List.of(new AccountSource.AccountKeys(a.accountId(), a.alias(),
                key.accessKeyId(), key.secretAccessKey()))).accounts().get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        clients.close();
        pool.shutdownNow();
        background.shutdownNow();
        store.close();
    }

    static Texts texts() {
        return Texts.load(Locale.ROOT).in(AuditFeature.BUNDLE);
    }

    /** The view in a 1560 × 960 scene with the console's stylesheet, its (large) lookup run and agreed to. */
    static AuditView view(AuditViewModel vm) throws Exception {
        AuditView view = Snapshots.onFx(() -> {
            AuditView v = AuditFeature.compose(vm, texts(), Texts.load(Locale.ROOT).in(AuditParts.BUNDLE),
                    new SimpleObjectProperty<>(AnomalyThresholds.DEFAULT), new FxUiExecutor(background), new Formats(ZoneOffset.UTC),
                    Clock.offset(store.clock(), Duration.ofMinutes(7)));
            StackPane root = new StackPane(v);
            root.getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource(Styles.STYLESHEET)).toExternalForm());
            new Scene(root, 1560, 960);
            vm.run();
            return v;
        });
        waitFor(() -> vm.loadedAtProperty().get() != null && !vm.loadingProperty().get());
        Snapshots.settle();
        return view;
    }

    static AuditViewModel model() {
        return new AuditViewModel(audit, new FxUiExecutor(background), new RecordingDialogs(), texts(),
                Clock.offset(store.clock(), Duration.ofMinutes(7)), () -> scopes);
    }

    static void waitFor(Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!Snapshots.onFx(done)) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(100);
        }
    }

    private void events(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        AuditViewModel vm = model();
        AuditView view = view(vm);
        assertEquals(1, Snapshots.onFx(() -> vm.failedScopes().size()));
        Snapshots.onFx(() -> {
            AuditRecord refused = vm.shown().stream().filter(AuditRecord::accessDenied).findFirst().orElseThrow();
            view.table().getSelectionModel().select(refused);
            view.table().scrollTo(Math.max(0, view.table().getItems().indexOf(refused) - 3));
            return null;
        });
        Snapshots.settle();
        Path png = Snapshots.write(view.getParent(), file);
        assertTrue(Files.size(png) > 40_000);
    }

    private void matrix(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        AuditViewModel vm = model();
        AuditView view = view(vm);
        Snapshots.onFx(() -> {
            view.tabs().getSelectionModel().select(1);
            return null;
        });
        Snapshots.settle();
        MatrixModel.Snapshot m = Snapshots.onFx(() -> vm.matrix().snapshot());
        assertEquals("payments-api/task-3f9c", m.principals().get(0).label());
        Path png = Snapshots.write(view.getParent(), file);
        assertTrue(Files.size(png) > 40_000);
    }

    @Test
    void eventsLight() throws Exception {
        events(false, "audit-view-light.png");
    }

    @Test
    void eventsDark() throws Exception {
        events(true, "audit-view-dark.png");
    }

    @Test
    void matrixLight() throws Exception {
        matrix(false, "audit-matrix-light.png");
    }

    @Test
    void matrixDark() throws Exception {
        matrix(true, "audit-matrix-dark.png");
    }

    @Test
    void drillDownFromACell() throws Exception {
        Snapshots.theme(false);
        AuditViewModel vm = model();
        AuditView view = view(vm);
        Snapshots.onFx(() -> {
            MatrixModel.Snapshot m = vm.matrix().snapshot();
            MatrixModel.Line deployer = m.principals().stream().filter(l -> l.label().startsWith("ci-deployer")).findFirst().orElseThrow();
            MatrixModel.Line kafka = m.secrets().stream().filter(l -> l.label().equals("prod/ledger/kafka-sasl")).findFirst().orElseThrow();
            vm.drillInto(deployer, kafka);
            view.table().getSelectionModel().select(0);
            return null;
        });
        Snapshots.settle();
        assertEquals(2, Snapshots.onFx(() -> view.table().getItems().size()));
        Path png = Snapshots.write(view.getParent(), "audit-drilldown-light.png");
        assertTrue(Files.size(png) > 40_000);
    }
}
