package io.strongroom.ui.journal;

import io.strongroom.testing.RecordingClipboard;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.local.AdjustableClock;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.JournalFixtures;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ValueKind;
import io.strongroom.ui.common.DirectUiExecutor;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal view headless under Monocle, driven by TestFX: filtering through the real
 * controls, then a snapshot of the whole view for {@code assets/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class JournalViewRenderTest {

    static final Path SCREENSHOTS = io.strongroom.ui.editor.Snapshots.SCREENSHOTS;
    static final int SNAPSHOT_WIDTH = 1680;
    static final int SNAPSHOT_HEIGHT = 640;
    static final URI STORE = URI.create("http://127.0.0.1:4566");

    static final Account SECURITY = new Account("210987654321", "security-audit", STORE,
            new CredentialsRef.StaticKeys("AKIASECURITYAUDIT001", "x"), "embedded store");
    static final Account PAYMENTS = new Account("310987654322", "payments-prod", STORE,
            new CredentialsRef.StaticKeys("AKIAPAYMENTSPROD0001", "x"), "embedded store");
    static final Account ANALYTICS = new Account("410987654323", "analytics-dev", STORE,
            new CredentialsRef.StaticKeys("AKIAANALYTICSDEV0001", "x"), "embedded store");

    Path dir;
    ActionJournal journal;
    JournalViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("journal-view-");
        AdjustableClock clock = JournalFixtures.clock();
        journal = JournalFixtures.open(dir, clock);
        estate(journal, clock);
        vm = new JournalViewModel(journal, new DirectUiExecutor(), new RecordingClipboard(), ZoneOffset.UTC,
                50, io.strongroom.ui.common.Texts.load());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Monocle's headless screen is 1280x800: a larger window overflows its framebuffer
        stage.setScene(new Scene(new JournalView(vm), 1280, 720));
        stage.show();
    }

    @AfterEach
    void closeJournal() throws Exception {
        vm.close();
        journal.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A morning of work across three accounts, with every kind of result. */
    static void estate(ActionJournal journal, AdjustableClock clock) {
        String ops = "arn:aws:iam::310987654322:user/admin";
        Object[][] actions = {
                {PAYMENTS.in("eu-west-1"), "prod/payments/stripe-api-key", new ActionDetails.PutValue(ValueKind.TEXT, List.of()), null},
                {PAYMENTS.in("eu-west-1"), "prod/payments/stripe-api-key", new ActionDetails.Tag(List.of("owner", "rotated-by")), null},
                {PAYMENTS.in("us-east-1"), "prod/payments/adyen-hmac", new ActionDetails.Rollback("7c1e2a90-5f3d-4b8e-9a6c-2d4f8e1b3a57"), null},
                {ANALYTICS.in("us-west-2"), "analytics/redshift/etl-user", new ActionDetails.Delete(7, false), null},
                {ANALYTICS.in("us-west-2"), "analytics/redshift/etl-user", new ActionDetails.Restore(), null},
                {SECURITY.in("eu-central-1"), "security/siem/splunk-hec-token", new ActionDetails.Create("alias/security-audit",
                        List.of("owner", "env", "cost-center"), ValueKind.TEXT, true), null},
                {PAYMENTS.in("eu-west-1"), "prod/payments/legacy-paypal", new ActionDetails.Delete(30, false), "ResourceNotFoundException"},
                {SECURITY.in("us-east-1"), "security/pagerduty/api-key", new ActionDetails.Update(true, null, ValueKind.NONE), null},
                {ANALYTICS.in("eu-west-1"), "analytics/looker/client-secret", new ActionDetails.PutValue(ValueKind.BINARY, List.of("AWSPENDING")), "AccessDeniedException"},
                {PAYMENTS.in("ap-southeast-2"), "prod/payments/braintree-merchant", new ActionDetails.Untag(List.of("temp")), null},
                {SECURITY.in("eu-central-1"), "security/siem/splunk-hec-token", new ActionDetails.Tag(List.of("data-class")), ReadOnlyGuard.READ_ONLY},
                {PAYMENTS.in("us-east-1"), "prod/payments/adyen-hmac", new ActionDetails.MoveStage("AWSPENDING", null, "0b9d3c7e-1a2f-4e6d-8c5b-9f7a3e2d1c04"), null},
                {ANALYTICS.in("us-west-2"), "analytics/kafka/sasl-scram", new ActionDetails.Delete(0, true), null},
        };
        int n = 0;
        for (Object[] a : actions) {
            Scope scope = (Scope) a[0];
            ActionJournal.Recording r = journal.begin(scope, (String) a[1], (ActionDetails) a[2]);
            clock.advance(Duration.ofMillis(180 + 37L * n));
            String code = (String) a[3];
            String identity = "arn:aws:iam::" + scope.accountId() + ":user/admin";
            if (code == null) {
                r.succeeded(identity, "arn:aws:secretsmanager:" + scope.region() + ":" + scope.accountId() + ":secret:" + a[1] + "-Q7fT2a", null);
            } else if (code.equals(ReadOnlyGuard.READ_ONLY)) {
                r.failed(null, code, null, 0);
            } else {
                r.failed(identity, code, String.format("%08x-%04x-4%03x-a%03x-%012x", 0x5e1a2b3cL + n, 0x7d00 + n, n, n * 7, 0x1f2e3d4c5b6aL + n), 400);
            }
            clock.advance(Duration.ofMinutes(4 + (n * 7L) % 19));
            n++;
        }
        journal.begin(PAYMENTS.in("eu-west-1"), "prod/payments/stripe-webhook-secret", new ActionDetails.PutValue(ValueKind.TEXT, List.of()));
        assertTrue(ops.contains("310987654322"));
    }

    @Test
    void filteringThroughTheControlsThenASnapshotOfEachTheme(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#" + JournalView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, table.getItems().size());

        robot.clickOn(robot.lookup(".text-field").queryAs(TextField.class)).write("NotFound");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size());
        assertEquals("prod/payments/legacy-paypal", ((JournalRow) table.getItems().get(0)).target());

        WaitForAsyncUtils.asyncFx(vm::clearFilters).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, table.getItems().size());

        snapshot("journal.png");
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("journal-dark.png");
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()))
                .get(10, TimeUnit.SECONDS);
    }

    /** A fresh view in a scene of its own, wider than the headless screen allows a window to be. */
    private void snapshot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            JournalView view = new JournalView(vm);
            Scene scene = new Scene(view, SNAPSHOT_WIDTH, SNAPSHOT_HEIGHT);
            vm.refresh();
            view.applyCss();
            view.layout();
            return scene.snapshot(null);
        }).get(20, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, "a real picture, not a blank");
    }
}
