package io.strongroom.ui.audit.secret;

import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.TimeSource;
import io.strongroom.service.audit.AuditService;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Audit tab's view on the FX thread: the secret's 90 days are read only once its tab is
 * selected (the detail pane builds every tab up front, and CloudTrail allows two lookups a
 * second), while "last read by" is known at once.
 */
class AuditTabViewFxTest {

    static ServiceStack stack;
    static Scope scope;
    static ExecutorService pool;
    static AuditService audit;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, RunningStore.REGION.id());
        pool = Executors.newFixedThreadPool(2);
        audit = new AuditService(stack.clients(), new FanOut(pool, 2, new RateLimiters(TimeSource.system())));
        Snapshots.startFx();
        Snapshots.theme(false);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        stack.close();
    }

    @Test
    void theNinetyDaysAreReadOnlyOnceTheTabIsSelected() throws Exception {
        String arn = stack.store().secrets().createSecret(b -> b.name("app/audit-view-" + UUID.randomUUID().toString().substring(0, 8))
                .secretString("FAKE")).arn();
        stack.store().secrets().getSecretValue(b -> b.secretId(arn));
        stack.store().store().audit().flush();
        SecretSummary secret = stack.secrets().describe(scope, arn);
        SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
        AuditTabViewModel vm = new AuditTabViewModel(shown, audit, new DirectUiExecutor(), stack.store().clock());
        Texts texts = Texts.load();
        TabPane tabs = Snapshots.onFx(() -> {
            TabPane t = new TabPane(new Tab("Overview", new Label("overview")),
                    new Tab("Audit", new AuditTabView(vm, texts, new Formats(ZoneOffset.UTC))));
            new Scene(t, 1000, 900);
            t.applyCss();
            t.layout();
            shown.set(secret);
            return t;
        });
        Snapshots.settle();
        assertEquals(0, (int) Snapshots.onFx(() -> vm.timeline().recordCountProperty().get()), "not read while another tab is shown");
        assertTrue(Snapshots.onFx(() -> vm.readersKnownProperty().get() && vm.lastReaders().size() == 1), "last read by: at once");

        Snapshots.onFx(() -> {
            tabs.getSelectionModel().select(1);
            tabs.layout();
            return null;
        });
        Snapshots.settle();
        assertEquals(3, (int) Snapshots.onFx(() -> vm.timeline().recordCountProperty().get()), "created, read, described: once shown");
        assertEquals(3, (int) Snapshots.onFx(() -> vm.events().size()));
    }
}
