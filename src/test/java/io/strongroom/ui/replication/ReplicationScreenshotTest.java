package io.strongroom.ui.replication;

import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the Replication view (replication-view-light/dark.png) and the Replication tab of a
 * secret with a failed replica (replication-failed-replica-light/dark.png) under headless Monocle,
 * on the embedded store with the console's background executor: primaries in us-east-1 replicated
 * to us-west-2 and eu-west-1, two of them failed in eu-west-1 because a secret of the same name
 * was already there.
 */
class ReplicationScreenshotTest {

    static ReplicationFixture f;
    static ExecutorService background;
    static String failed;
    static final List<Stage> windows = new ArrayList<>();
    static final Texts TEXTS = Texts.load().in(ReplicationFeature.BUNDLE);
    static final Formats FORMATS = new Formats(ZoneId.of("Europe/Berlin"));

    @BeforeAll
    static void start() throws Exception {
        f = new ReplicationFixture();
        background = Executors.newFixedThreadPool(3);
        failed = f.primary("prod/payments/db-app-user", "Payments database, application user", true, "us-west-2", "eu-west-1");
        f.primary("prod/payments/stripe-webhook", "Stripe webhook signing secret", true, "eu-west-1");
        f.primary("prod/orders/api-key", "Orders API key", false, "us-west-2", "eu-west-1");
        f.primary("prod/identity/jwt-signing", "JWT signing key", false, "us-west-2");
        f.primary("prod/search/opensearch", "OpenSearch master user", false, "eu-west-1", "ap-southeast-2");
        f.primary("prod/standalone/not-replicated", "Not replicated", false);
        f.awaitReplication();
        Snapshots.startFx();
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.onFx(() -> {
            windows.forEach(Stage::close);
            return null;
        });
        Snapshots.theme(false);
        background.shutdownNow();
        f.close();
    }

    @Test
    void theMapWithAFailedReplicaLightAndDark() throws Exception {
        Snapshots.theme(false);
        ReplicationViewModel vm = new ReplicationViewModel(f.replication, f.mutations, new FxUiExecutor(background), f::scopes,
                new SimpleBooleanProperty(false), TEXTS, new ReplicationStates(f.replication, new FxUiExecutor(background)),
                Duration.ofSeconds(1), 3);
        ReplicationView view = Snapshots.onFx(() -> {
            ReplicationView v = new ReplicationView(vm, TEXTS, FORMATS);
            show(v, 1280, 640);
            return v;
        });
        await("the map", () -> !vm.loadingProperty().get() && vm.rows().size() == 5);
        Snapshots.onFx(() -> {
            view.tableView().getSelectionModel().select(0);
            view.tableView().getSelectionModel().select(2);
            return null;
        });
        assertEquals("Failed", vm.rows().get(0).cell("eu-west-1").status());
        Snapshots.settle();
        Snapshots.write(view, "replication-view-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Snapshots.write(view, "replication-view-dark.png");
        Snapshots.theme(false);
    }

    @Test
    void theTabOfASecretWithAFailedReplicaLightAndDark() throws Exception {
        Snapshots.theme(false);
        SecretSummary described = f.secrets.describe(f.east, failed);
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>(described);
        ReplicationTabViewModel vm = new ReplicationTabViewModel(shown, new SimpleBooleanProperty(false), f.replication, f.mutations,
                new FxUiExecutor(background), new ReplicationFixture.Dialogs(), TEXTS,
                new ReplicationStates(f.replication, new FxUiExecutor(background)), () -> { }, Duration.ofSeconds(1), 3);
        ReplicationTabView view = Snapshots.onFx(() -> {
            ReplicationTabView v = new ReplicationTabView(vm, TEXTS, FORMATS);
            v.setPrefWidth(1000);
            show(v, 1000, 640);
            vm.add().regionProperty().set("ap-southeast-2");
            vm.add().kmsKeyIdProperty().set("alias/payments-apse2");
            vm.add().addTarget();
            return v;
        });
        assertEquals("Failed", vm.replicas().get(0).status());
        Snapshots.settle();
        Snapshots.write(view, "replication-failed-replica-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Snapshots.write(view, "replication-failed-replica-dark.png");
        Snapshots.theme(false);
    }

    private static void show(javafx.scene.Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, width, height));
        stage.show();
        windows.add(stage);
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        Instant end = Instant.now().plusSeconds(30);
        while (!Snapshots.onFx(condition)) {
            assertTrue(Instant.now().isBefore(end), "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
