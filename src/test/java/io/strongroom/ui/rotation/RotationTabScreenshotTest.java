package io.strongroom.ui.rotation;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.service.AccountSource;
import io.strongroom.service.ClientRegistry;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.RotationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the Rotation tab to {@link Snapshots#SCREENSHOTS} (rotation-tab-light.png and
 * rotation-tab-dark.png) under headless Monocle, on the embedded store with the console's
 * background executor, in the middle of a real rotation: the rotation function (an external
 * command) holds setSecret while a file exists, so the tab is captured with createSecret done and
 * setSecret running, as its polling sees it. The history behind it was made over 70 days of store
 * time: a rotation on Save, one by the scheduler, one that failed at setSecret, and a value written
 * by hand that abandoned it.
 */
class RotationTabScreenshotTest {

    static final String FUNCTION = "payments-db-rotator";
    static Path gates;
    static Path hold;
    static Path fail;
    static RunningStore store;
    static ClientRegistry clients;
    static ExecutorService pool;
    static ExecutorService background;
    static SecretsService secrets;
    static RotationService rotations;
    static SecretMutations mutations;
    static Scope scope;
    static String arn;
    static final List<Stage> windows = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        gates = Files.createTempDirectory("rotation-gates-");
        hold = gates.resolve("hold");
        fail = gates.resolve("fail");
        // setSecret fails while "fail" exists, and waits while "hold" exists; testSecret passes
        String script = "if [ \"$0\" = setSecret ]; then"
                + " if [ -e '" + fail + "' ]; then echo 'FATAL: password authentication failed for user \"app_payments\"' >&2; exit 3; fi;"
                + " while [ -e '" + hold + "' ]; do sleep 0.1; done; fi; exit 0";
        store = new RunningStore(c -> c.withRotationCommands(Map.of(FUNCTION, List.of("/bin/sh", "-c", script))));
        LocalAccount account = store.store().accounts().list().stream()
                .filter(a -> a.accountId().equals(store.adminKey(0).accountId())).findFirst().orElseThrow();
        AccessKey key = store.adminKey(0);
        scope = AccountSource.embeddedStore(store.store().endpoint(), List.of(new AccountSource.AccountKeys(account.accountId(),
                account.alias(), key.accessKeyId(), key.secretAccessKey()))).accounts().get(0).in(RunningStore.REGION.id());
        clients = new ClientRegistry(ClientRegistry.Settings.defaults());
        pool = Executors.newFixedThreadPool(2);
        background = Executors.newFixedThreadPool(3);
        FanOut fanOut = new FanOut(pool, 2, new RateLimiters(TimeSource.system()));
        secrets = new SecretsService(clients, fanOut);
        rotations = new RotationService(clients, fanOut);
        mutations = SecretMutations.of(new Writers(secrets, null, rotations));
        Snapshots.startFx();
        history();
    }

    /** Seventy days of a secret's rotation, on the store's clock. */
    private static void history() throws Exception {
        arn = secrets.create(scope, new NewSecret("prod/payments/db-app-user", "Payments database, application user (demo)", null,
                SecretPayload.ofText("FAKE-demo-password"), Map.of("team", "payments-core"), SecretsService.newRequestToken())).arn();
        String function = "arn:aws:lambda:" + scope.region() + ":" + scope.accountId() + ":function:" + FUNCTION;
        mutations.apply(new SecretMutation.Rotate(scope, arn, new RotationSettings(function, 30L, null, "4h", true)));
        awaitRotations();
        store.clock().advance(Duration.ofDays(30).plusHours(2));
        store.store().runMaintenance();                    // the scheduler's rotation
        awaitRotations();
        Files.createFile(fail);
        store.clock().advance(Duration.ofDays(30));
        store.store().runMaintenance();                    // fails at setSecret, AWSPENDING left behind
        awaitRotations();
        Files.delete(fail);
        store.clock().advance(Duration.ofHours(3));
        mutations.apply(new SecretMutation.PutValue(scope, arn, SecretPayload.ofText("FAKE-fixed-by-hand"), SecretsService.newRequestToken()));
        store.clock().advance(Duration.ofDays(9));
        store.store().audit().flush();
    }

    private static void awaitRotations() throws InterruptedException {
        assertTrue(store.store().rotations().awaitIdle(Duration.ofSeconds(30)), "rotations still running");
    }

    @AfterAll
    static void stop() throws Exception {
        Files.deleteIfExists(hold);
        Snapshots.onFx(() -> {
            windows.forEach(Stage::close);
            return null;
        });
        Snapshots.theme(false);
        awaitRotations();
        background.shutdownNow();
        pool.shutdownNow();
        clients.close();
        store.close();
    }

    @Test
    void midRotationWithAFilledHistoryLightAndDark() throws Exception {
        Snapshots.theme(false);
        Texts texts = Texts.load().in(RotationTab.BUNDLE);
        SecretSummary described = secrets.describe(scope, arn);
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
        RotationTabViewModel vm = new RotationTabViewModel(shown, new SimpleBooleanProperty(false), secrets, rotations, mutations,
                new FxUiExecutor(background), new RecordingDialogs(), texts, store.clock(), () -> { });
        RotationTabView view = Snapshots.onFx(() -> {
            RotationTabView v = new RotationTabView(vm, texts, ZoneId.of("Europe/Berlin"), store.clock());
            v.setPrefWidth(860);
            show(v);
            shown.set(described);
            return v;
        });
        await("the history", () -> !vm.loadingProperty().get() && vm.history().entries().size() > 5);
        assertEquals(RotationProgressState.Outcome.IDLE, vm.progress().stateProperty().get().outcome());

        Files.createFile(hold);
        Snapshots.onFx(() -> {
            vm.rotateNow();
            return null;
        });
        await("setSecret running", () -> {
            RotationProgressState p = vm.progress().stateProperty().get();
            return p.outcome() == RotationProgressState.Outcome.RUNNING
                    && p.steps().get(1).state() == RotationProgressState.StepState.RUNNING;
        });
        String rotating = vm.progress().stateProperty().get().versionId();
        store.store().audit().flush();
        Snapshots.onFx(() -> {
            vm.refresh();
            return null;
        });
        await("the new rotation in the history", () -> !vm.loadingProperty().get() && vm.history().entries().stream()
                .anyMatch(e -> e.kind() == RotationHistoryEntry.Kind.STARTED && rotating.equals(e.versionId())));
        assertEquals(io.strongroom.domain.RotationState.Status.ROTATING, vm.header().stateProperty().get().status());
        assertEquals(List.of(RotationProgressState.StepState.DONE, RotationProgressState.StepState.RUNNING,
                        RotationProgressState.StepState.WAITING, RotationProgressState.StepState.WAITING),
                vm.progress().stateProperty().get().steps().stream().map(RotationProgressState.Step::state).toList());

        Snapshots.settle();
        write(view, "rotation-tab-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        write(view, "rotation-tab-dark.png");

        Files.delete(hold);
        await("the rotation's end", () -> vm.progress().stateProperty().get().outcome() == RotationProgressState.Outcome.SUCCEEDED);
    }

    /** A rotation that failed at setSecret, followed to its end, and the schedule builder on a cron: for checking the layout. */
    @Test
    void failedAtSetSecretWithACronBeingBuilt() throws Exception {
        Snapshots.theme(false);
        String other = secrets.create(scope, new NewSecret("prod/payments/reporting-user", "Reporting user (demo)", null,
                SecretPayload.ofText("FAKE-demo-password"), Map.of(), SecretsService.newRequestToken())).arn();
        String function = "arn:aws:lambda:" + scope.region() + ":" + scope.accountId() + ":function:" + FUNCTION;
        mutations.apply(new SecretMutation.Rotate(scope, other, new RotationSettings(function, null, "cron(0 4 ? * SUN *)", null, false)));
        awaitRotations();
        Texts texts = Texts.load().in(RotationTab.BUNDLE);
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
        RotationTabViewModel vm = new RotationTabViewModel(shown, new SimpleBooleanProperty(false), secrets, rotations, mutations,
                new FxUiExecutor(background), new RecordingDialogs(), texts, store.clock(), () -> { });
        SecretSummary described = secrets.describe(scope, other);
        RotationTabView view = Snapshots.onFx(() -> {
            RotationTabView v = new RotationTabView(vm, texts, ZoneId.of("Europe/Berlin"), store.clock());
            v.setPrefWidth(860);
            show(v);
            shown.set(described);
            return v;
        });
        await("the state", () -> !vm.loadingProperty().get() && vm.header().stateProperty().get() != null);
        Files.createFile(fail);
        try {
            Snapshots.onFx(() -> {
                vm.rotateNow();
                return null;
            });
            await("the failure", () -> vm.progress().stateProperty().get().outcome() == RotationProgressState.Outcome.FAILED);
        } finally {
            Files.delete(fail);
        }
        store.store().audit().flush();
        Snapshots.onFx(() -> {
            vm.refresh();
            vm.schedule().cronDaysProperty().set(ScheduleModel.CronDays.DAYS_OF_WEEK);
            vm.schedule().cronWeekdayProperty(java.time.DayOfWeek.WEDNESDAY).set(true);
            vm.schedule().windowProperty().set("2h");
            return null;
        });
        await("the failure in the state", () -> !vm.loadingProperty().get()
                && vm.header().stateProperty().get().status() == io.strongroom.domain.RotationState.Status.STUCK);
        assertEquals(ScheduleModel.Mode.CRON, vm.schedule().modeProperty().get());
        Snapshots.settle();
        write(view, "rotation-tab-failed.png");
    }

    /** In a window, so layout runs on every pulse as in the console (a scene alone is laid out only when snapshotted). */
    private static void show(RotationTabView v) {
        Stage stage = new Stage();
        stage.setScene(new Scene(new Group(v), 860, 960));     // within Monocle's headless screen (1600x1000): a taller window overflows its painter
        stage.show();
        windows.add(stage);
    }

    private static void write(RotationTabView v, String file) throws Exception {
        Path png = Snapshots.write(v, file);
        assertTrue(Files.size(png) > 10_000);
    }

    /** Waits up to 30 seconds for {@code condition}, read on the FX thread. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Snapshots.onFx(condition)) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s for " + what);
            Thread.sleep(100);
        }
    }
}
