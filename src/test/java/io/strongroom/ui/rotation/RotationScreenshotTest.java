package io.strongroom.ui.rotation;

import io.strongroom.domain.Account;
import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the Rotation view to {@link Snapshots#SCREENSHOTS} under headless Monocle, light and dark,
 * over an estate in three scopes with a secret in every state: rotating fine, never configured,
 * turned off, configured but not rotated yet, overdue, running now (an external rotation command
 * that takes its time), failed in createSecret, stuck after setSecret failed, and a scope whose
 * user may not read CloudTrail (its results unknown, a warning banner). Then the bulk rotation
 * dialog after rotating a selection.
 *
 * <p>Time: everything rotates at the store's time T; the store's clock then moves on 2 hours and
 * the slow rotation starts; the console looks 23 hours later than the store (T + 25 h), so the
 * secret rotated every four hours is overdue while the slow one, started 23 hours before, is still running.
 */
class RotationScreenshotTest {

    static final String SLOW = "slow-ops";
    static final String CLOSED_PORT = RotationViewModelTest.CLOSED_PORT;

    static RunningStore store;
    static ClientRegistry clients;
    static ExecutorService pool;
    static ExecutorService background;
    static SecretsService secrets;
    static RotationService rotations;
    static List<Scope> scopes = new ArrayList<>();
    static Clock console;

    @BeforeAll
    static void estate() throws Exception {
        store = new RunningStore(c -> c.withRotationCommands(Map.of(SLOW, List.of("/bin/sh", "-c", "sleep 58"))));
        clients = new ClientRegistry(ClientRegistry.Settings.defaults().withMaxAttempts(1));
        pool = Executors.newFixedThreadPool(4);
        background = Executors.newFixedThreadPool(4);
        FanOut fanOut = new FanOut(pool, 4, new RateLimiters(TimeSource.system()));
        secrets = new SecretsService(clients, fanOut);
        rotations = new RotationService(clients, fanOut);

        // payments-prod / us-east-1: the estate that needs attention
        AccessKey payments = store.adminKey(1);
        SecretsManagerClient pay = store.secrets(payments, Region.US_EAST_1);
        String payFn = "arn:aws:lambda:us-east-1:" + payments.accountId() + ":function:";
        create(pay, "prod/payments/stripe-api-key", "sk_demo_value");
        pay.rotateSecret(b -> b.secretId("prod/payments/stripe-api-key").rotationLambdaARN(payFn + "strongroom-random-value")
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        create(pay, "prod/payments/ledger-db", CLOSED_PORT);
        pay.rotateSecret(b -> b.secretId("prod/payments/ledger-db").rotationLambdaARN(payFn + "strongroom-postgres-single-user")
                .rotationRules(r -> r.automaticallyAfterDays(7L)));
        create(pay, "prod/payments/settlement-db-legacy", "host=10.0.4.12 user=settle");
        pay.rotateSecret(b -> b.secretId("prod/payments/settlement-db-legacy")
                .rotationLambdaARN(payFn + "strongroom-postgres-single-user").rotationRules(r -> r.scheduleExpression("rate(14 days)")));
        create(pay, "prod/payments/webhook-signing-key", "whsec_demo");
        create(pay, "prod/payments/reporting-db", "{\"username\":\"report\",\"password\":\"demo\"}");

        // security-audit / eu-west-1: mostly healthy, one overdue, one turned off
        AccessKey audit = store.adminKey(0);
        SecretsManagerClient aud = store.secrets(audit, Region.EU_WEST_1);
        String audFn = "arn:aws:lambda:eu-west-1:" + audit.accountId() + ":function:strongroom-random-value";
        create(aud, "audit/break-glass-password", "demo");
        aud.rotateSecret(b -> b.secretId("audit/break-glass-password").rotationLambdaARN(audFn)
                .rotationRules(r -> r.automaticallyAfterDays(90L).duration("4h")));
        create(aud, "audit/vault-unseal-share", "demo");
        aud.rotateSecret(b -> b.secretId("audit/vault-unseal-share").rotationLambdaARN(audFn)
                .rotationRules(r -> r.scheduleExpression("rate(4 hours)")));
        create(aud, "audit/siem-ingest-token", "demo");
        aud.rotateSecret(b -> b.secretId("audit/siem-ingest-token").rotationLambdaARN(audFn));
        create(aud, "audit/log-shipper-key", "demo");
        aud.rotateSecret(b -> b.secretId("audit/log-shipper-key").rotationLambdaARN(audFn).rotationRules(r -> r.automaticallyAfterDays(60L))
                .rotateImmediately(false));

        // analytics-dev / us-west-2, read by a user who may not look up CloudTrail events
        AccessKey analytics = store.adminKey(2);
        SecretsManagerClient ana = store.secrets(analytics, Region.US_WEST_2);
        create(ana, "analytics/warehouse-readonly", "demo");
        ana.rotateSecret(b -> b.secretId("analytics/warehouse-readonly")
                .rotationLambdaARN("arn:aws:lambda:us-west-2:" + analytics.accountId() + ":function:strongroom-random-value")
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        create(ana, "analytics/notebook-token", "demo");
        AccessKey noTrail = store.userWithPolicy(analytics.accountId(), """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"},
                  {"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*"}]}""");
        assertTrue(store.store().rotations().awaitIdle(Duration.ofSeconds(20)));
        aud.cancelRotateSecret(b -> b.secretId("audit/siem-ingest-token"));

        store.clock().advance(Duration.ofHours(2));
        pay.rotateSecret(b -> b.secretId("prod/payments/reporting-db").rotationLambdaARN(payFn + SLOW)
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        console = Clock.offset(store.clock(), Duration.ofHours(23));

        scopes.add(account(1, payments).in("us-east-1"));
        scopes.add(account(0, audit).in("eu-west-1"));
        scopes.add(account(2, noTrail).in("us-west-2"));
        Snapshots.startFx();
    }

    static void create(SecretsManagerClient sm, String name, String value) {
        sm.createSecret(b -> b.name(name).secretString(value));
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
        return Texts.load(java.util.Locale.ROOT).in(RotationFeature.BUNDLE);
    }

    static RotationViewModel model() {
        SecretMutations mutations = SecretMutations.of(new Writers(secrets, null, rotations));
        return new RotationViewModel(secrets, rotations, mutations, new FxUiExecutor(background), console, () -> scopes,
                new SimpleBooleanProperty(false));
    }

    /** The view in a 1480 × 640 scene with the console's stylesheet, loaded (it loads itself when shown). */
    static RotationView view(RotationViewModel vm) throws Exception {
        RotationView view = Snapshots.onFx(() -> {
            RotationView v = new RotationView(vm, texts(), new Formats(ZoneOffset.UTC), null);
            StackPane root = new StackPane(v);
            root.getStylesheets().add(Objects.requireNonNull(RotationView.class.getResource(Styles.STYLESHEET)).toExternalForm());
            new Scene(root, 1480, 640);
            return v;
        });
        waitFor(() -> !vm.loadingProperty().get() && vm.loadedAtProperty().get() != null);
        Snapshots.settle();
        return view;
    }

    static void waitFor(Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!Snapshots.onFx(done)) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(100);
        }
    }

    private void render(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        RotationViewModel vm = model();
        RotationView view = view(vm);
        Snapshots.onFx(() -> {
            // two rows selected: Rotate selected… is on
            view.table().getSelectionModel().select(1);
            view.table().getSelectionModel().select(2);
            return null;
        });
        Snapshots.settle();
        Map<String, RotationRow> rows = Snapshots.onFx(() -> RotationViewModelTest.byName(List.copyOf(vm.rows())));
        assertEquals(11, rows.size(), rows.keySet().toString());
        assertEquals(io.strongroom.domain.RotationState.Status.ROTATING, rows.get("prod/payments/reporting-db").status());
        assertEquals(io.strongroom.domain.RotationState.Status.STUCK, rows.get("prod/payments/ledger-db").status());
        assertEquals(io.strongroom.domain.RotationState.Status.FAILED, rows.get("prod/payments/settlement-db-legacy").status());
        assertTrue(rows.get("audit/vault-unseal-share").overdue());
        assertEquals(RotationRow.Results.UNKNOWN, rows.get("analytics/warehouse-readonly").results());
        assertEquals(1, Snapshots.onFx(() -> vm.problems().size()));
        Path png = Snapshots.write(view.getParent(), file);
        assertTrue(Files.size(png) > 20_000);
    }

    @Test
    void light() throws Exception {
        render(false, "rotation-view-light.png");
    }

    @Test
    void dark() throws Exception {
        render(true, "rotation-view-dark.png");
    }

    @Test
    void bulkRotationDialogAfterRotatingASelection() throws Exception {
        Snapshots.theme(false);
        RotationViewModel vm = model();
        view(vm);
        BulkRotateViewModel bulk = Snapshots.onFx(() -> {
            vm.select(vm.rows().stream().filter(r -> r.scope().region().equals("us-east-1")
                    && !r.name().equals("prod/payments/reporting-db")).toList());
            return vm.rotateSelected();
        });
        BulkRotateDialog dialog = Snapshots.onFx(() -> new BulkRotateDialog(bulk, texts()));
        Snapshots.onFx(() -> {
            bulk.confirm();
            return null;
        });
        waitFor(() -> bulk.phaseProperty().get() == BulkRotateViewModel.Phase.DONE);
        Snapshots.settle();
        Snapshots.onFx(() -> {
            javafx.scene.control.DialogPane pane = dialog.getDialogPane();
            if (pane.getScene() == null) {
                new Scene(pane);
            }
            return null;
        });
        Path png = Snapshots.write(dialog.getDialogPane(), "rotation-bulk-dialog.png");
        assertTrue(Files.size(png) > 10_000);
        assertEquals(1, bulk.succeededProperty().get());
    }
}
