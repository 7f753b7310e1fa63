package io.strongroom.ui.rotation;

import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.rotation.PostgresSingleUserFunction;
import io.strongroom.testing.TestPostgres;
import io.strongroom.ui.editor.Snapshots;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the repair view and the manual rotation wizard to {@link Snapshots#SCREENSHOTS} under
 * headless Monocle, light and dark, on the embedded store: a secret whose PostgreSQL rotation
 * failed in setSecret (explained, with the plans of calls and a failed test of the pending value),
 * and the wizard at its test step after a real login with the new password passed.
 */
class RepairScreenshotTest {

    static RepairFixture fx;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        fx = new RepairFixture();
        fx.openJournal(dir);
        Snapshots.startFx();
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        fx.closeJournal();
        fx.close();
    }

    /** 5432 when nothing listens there (the usual port reads best), else a port that was free a moment ago. */
    static int closedPort() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
        } catch (IOException nothingThere) {
            return 5432;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 4);
    }

    private static void write(Region view, String file) throws Exception {
        Path png = Snapshots.write(view, file);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void repairLight() throws Exception {
        repair(false, "rotation-repair-light.png");
    }

    @Test
    void repairDark() throws Exception {
        repair(true, "rotation-repair-dark.png");
    }

    private void repair(boolean dark, String file) throws Exception {
        String name = name("prod/billing/orders-db-");
        int closed = closedPortOnce();
        String arn = fx.sm.createSecret(b -> b.name(name).description("Orders database, application user")
                .secretString(RepairFixture.credential("127.0.0.1", closed, "orders_app", "demo-only-old"))).arn();
        fx.rotateAndWait(arn, PostgresSingleUserFunction.NAME);
        Snapshots.theme(dark);
        RepairView view = Snapshots.onFx(() -> {
            RepairViewModel vm = new RepairViewModel(fx.context(), fx.describe(arn));
            RepairView v = new RepairView(vm);
            new Scene(v, RepairDialog.WIDTH, 1300);
            vm.load();
            vm.testPending();
            return v;
        });
        Snapshots.settle();
        RepairViewModel vm = view.viewModel();
        assertEquals(io.strongroom.domain.RotationState.Status.STUCK, vm.stateProperty().get().status());
        assertEquals(RepairTargetCheck.Outcome.FAILED, vm.check().outcomeProperty().get());
        assertFalse(vm.canRunProperty(RepairPlan.Repair.PROMOTE).get());
        write(view, file);
    }

    private static Integer port;

    private static synchronized int closedPortOnce() throws IOException {
        if (port == null) {
            port = closedPort();
        }
        return port;
    }

    @Test
    void manualLight() throws Exception {
        manual(false, "rotation-manual-light.png");
    }

    @Test
    void manualDark() throws Exception {
        manual(true, "rotation-manual-dark.png");
    }

    /** Steps 1 and 4 of the wizard (light only, not in the README): a typed password, then the calls of a promotion. */
    @Test
    void manualNewValueAndPromoteSteps() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = TestPostgres.uniqueName("ledger");
        pg.createLoginRole(role, "demo-only-first");
        String arn = fx.sm.createSecret(b -> b.name(name("prod/ledger/ledger-db-"))
                .secretString(RepairFixture.credential(pg.host(), pg.port(), role, "demo-only-first"))).arn();
        Snapshots.theme(false);
        ManualRotationView view = Snapshots.onFx(() -> {
            ManualRotationViewModel vm = new ManualRotationViewModel(fx.context(), fx.describe(arn));
            ManualRotationView v = new ManualRotationView(vm);
            new Scene(v, RepairDialog.WIDTH, 640);
            vm.load();
            vm.value().passwordProperty().set("typed-by-hand-demo");
            return v;
        });
        Snapshots.settle();
        write(view, "rotation-manual-new-value.png");
        ManualRotationViewModel vm = view.viewModel();
        Snapshots.onFx(() -> {
            vm.writePending();
            return null;
        });
        ManualRotationViewModelTest.alterRole(pg, role, "typed-by-hand-demo");
        Snapshots.onFx(() -> {
            vm.targetChanged();
            vm.test();
            vm.next();
            return null;
        });
        Snapshots.settle();
        assertEquals(ManualRotationStep.PROMOTE, vm.stepProperty().get());
        write(view, "rotation-manual-promote.png");
    }

    /** The wizard at step 3: the new password is pending, the operator changed the role, the login test passed. */
    private void manual(boolean dark, String file) throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = TestPostgres.uniqueName("reporting");
        pg.createLoginRole(role, "demo-only-first");
        String arn = fx.sm.createSecret(b -> b.name(name("prod/analytics/reporting-db-")).description("Reporting replica, read-only user")
                .secretString(RepairFixture.credential(pg.host(), pg.port(), role, "demo-only-first"))).arn();
        Snapshots.theme(dark);
        ManualRotationView view = Snapshots.onFx(() -> {
            ManualRotationViewModel vm = new ManualRotationViewModel(fx.context(), fx.describe(arn));
            ManualRotationView v = new ManualRotationView(vm);
            new Scene(v, RepairDialog.WIDTH, 640);
            vm.load();
            vm.value().generate();
            vm.writePending();
            return v;
        });
        ManualRotationViewModel vm = view.viewModel();
        String pending = vm.pendingVersionProperty().get();
        ManualRotationViewModelTest.alterRole(pg, role, RepairFixture.password(fx.valueOf(arn, pending)));
        Snapshots.onFx(() -> {
            vm.targetChanged();
            vm.test();
            return null;
        });
        Snapshots.settle();
        assertEquals(ManualRotationStep.TEST, vm.stepProperty().get());
        assertEquals(RepairTargetCheck.Outcome.PASSED, vm.check().outcomeProperty().get(), vm.check().messageProperty().get());
        write(view, file);
    }
}
