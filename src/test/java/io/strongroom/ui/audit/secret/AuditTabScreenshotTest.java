package io.strongroom.ui.audit.secret;

import io.strongroom.domain.AuditRecord;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.SecretsService;
import io.strongroom.service.audit.AuditService;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.audit.timeline.StackBy;
import io.strongroom.ui.audit.timeline.SyntheticTrail;
import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.RecordingClipboard;
import io.strongroom.ui.editor.ScriptedDialogs;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.editor.StoreFixture;
import io.strongroom.ui.secret.SecretDetailView;
import io.strongroom.ui.secret.SecretDetailViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders a secret's detail pane on its Audit tab to {@link Snapshots#SCREENSHOTS}, light and dark,
 * under headless Monocle, on an embedded store whose audit log holds 90 days of the secret's
 * events (clock-shifted, see {@link ClockShiftedTrail}) with the incident three days ago, read
 * back through LookupEvents by the console's background executor: the pane with "Last read by" in
 * its header and the timeline ({@code secret-audit-tab-*.png}), and the same scrolled to the events
 * of the incident's day with one event's CloudTrail record ({@code secret-audit-tab-events-*.png}).
 */
class AuditTabScreenshotTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static StoreFixture fx;
    static ExecutorService background;
    static SecretSummary secret;
    static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        fx = new StoreFixture(1, "eu-west-1");
        background = Executors.newFixedThreadPool(2);
        Snapshots.startFx();
        Snapshots.theme(false);
        String arn = fx.secrets.create(fx.scope, new NewSecret("payments-prod/db", "Payments database, application user (demo)", null,
                SecretPayload.ofText("FAKE-demo-password"), Map.of("team", "payments-core"), SecretsService.newRequestToken())).arn();
        Instant now = fx.store.clock().instant();
        List<AuditRecord> trail = SyntheticTrail.history(now.minusSeconds(60), 3_000, 42);
        assertTrue(ClockShiftedTrail.seed(fx.store, fx.scope, arn, trail, SyntheticTrail.PAYMENTS_DB) > 500);
        secret = fx.secrets.describe(fx.scope, arn);
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.onFx(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
        Snapshots.theme(false);
        background.shutdownNow();
        fx.close();
    }

    @Test
    void theDetailOnItsAuditTabLightAndDark() throws Exception {
        Texts texts = Texts.load();
        Formats formats = new Formats(ZONE);
        Clock clock = fx.store.clock().withZone(ZONE);
        AuditService audit = new AuditService(fx.clients, fx.fanOut);
        AuditTabViewModel[] tabVm = new AuditTabViewModel[1];
        DetailTab.Factory factory = host -> {
            AuditTabViewModel vm = new AuditTabViewModel(host.secretProperty(), audit, new FxUiExecutor(background), clock);
            tabVm[0] = vm;
            Texts parts = texts.in(AuditTab.BUNDLE);
            return new AuditTab(parts.get("tab.audit"), () -> new AuditTabView(vm, parts, formats), () -> new LastReadLine(vm, parts, formats));
        };
        StoreFixture.Fakes fakes = fx.fakes(false);
        SecretDetailView view = Snapshots.onFx(() -> {
            SecretDetailViewModel vm = new SecretDetailViewModel(fx.secrets, SecretMutations.of(fx.secrets), new FxUiExecutor(background),
                    new ScriptedDialogs(), new RecordingClipboard(), texts);
            SecretDetailView v = new SecretDetailView(vm, new SecretDialogs(fakes.ctx()), List.of(factory));
            stage = new Stage();
            stage.setScene(new Scene(v, 1180, 980));
            stage.show();
            vm.secretProperty().set(secret);
            return v;
        });
        await("the tabs", () -> view.showTab(AuditTab.ID));
        await("the 90 days", () -> tabVm[0].loadedCountProperty().get() > 500 && !tabVm[0].loadingProperty().get());
        await("the header line", () -> view.lookup("#" + LastReadLine.ID) instanceof Label l && l.isVisible() && l.getText() != null);
        shoot(view, "secret-audit-tab");

        Instant incident = SyntheticTrail.incidentStart(fx.store.clock().instant().minusSeconds(60));
        Snapshots.onFx(() -> {
            AuditTabViewModel vm = tabVm[0];
            vm.timeline().stackByProperty().set(StackBy.OUTCOME);
            vm.timeline().zoomTo(incident.minus(Duration.ofHours(12)), incident.plus(Duration.ofHours(12)));
            vm.timeline().select(incident, incident.plus(Duration.ofMinutes(59)));
            return null;
        });
        Snapshots.settle();
        Snapshots.onFx(() -> {
            AuditTabViewModel vm = tabVm[0];
            vm.selectedEventProperty().set(vm.events().get(1));
            ScrollPane scroll = (ScrollPane) view.lookup(".sr-detail-scroll");
            for (javafx.scene.Node n : view.lookupAll(".sr-detail-scroll")) {
                if (n.isVisible() && ((ScrollPane) n).getContent().lookup("#" + AuditTabView.EVENTS_ID) != null) {
                    scroll = (ScrollPane) n;
                }
            }
            view.applyCss();
            view.layout();
            scroll.setVvalue(1);
            return null;
        });
        shoot(view, "secret-audit-tab-events");
    }

    private static void shoot(SecretDetailView view, String name) throws Exception {
        Snapshots.theme(false);
        Snapshots.settle();
        Path light = Snapshots.write(view, name + "-light.png");
        Snapshots.theme(true);
        Snapshots.settle();
        Path dark = Snapshots.write(view, name + "-dark.png");
        assertTrue(Files.size(light) > 10_000 && Files.size(dark) > 10_000);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Snapshots.onFx(condition)) {
            assertTrue(System.nanoTime() < deadline, "waited 60 s for " + what);
            Thread.sleep(100);
        }
    }
}
