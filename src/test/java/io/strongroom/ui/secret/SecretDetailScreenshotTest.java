package io.strongroom.ui.secret;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.SecretsService;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.ui.editor.RecordingClipboard;
import io.strongroom.ui.editor.ScriptedDialogs;
import io.strongroom.ui.editor.SecretDialogs;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.editor.StoreFixture;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the detail pane to {@link Snapshots#SCREENSHOTS} under headless Monocle, on an embedded
 * store holding obviously fake demo values: the Overview tab (shown first), the value
 * revealed on the Value tab, the Versions tab, and in the dark theme.
 */
class SecretDetailScreenshotTest {

    /** Demo credentials: fake by construction, and labelled so. */
    static final String FAKE_DB_CREDENTIALS = "{\"engine\":\"postgres\",\"host\":\"orders-db.demo.internal\",\"port\":5432,"
            + "\"username\":\"orders_app\",\"password\":\"FAKE-demo-only-0000\",\"dbname\":\"orders\"}";

    static StoreFixture fx;
    static SummaryHolder holder = new SummaryHolder();

    static final class SummaryHolder {
        SecretSummary summary;
    }

    @BeforeAll
    static void start() throws Exception {
        fx = new StoreFixture(1, "eu-west-1");
        Snapshots.startFx();
        String keyId = fx.kms().createKey(b -> b.description("payments-prod secrets")).keyMetadata().keyId();
        fx.kms().createAlias(b -> b.aliasName("alias/payments-prod-secrets").targetKeyId(keyId));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("owner", "payments-platform");
        tags.put("env", "prod");
        tags.put("cost-center", "cc-1042");
        String name = "prod/payments/orders-db";
        fx.secrets.create(fx.scope, new NewSecret(name, "Orders database, application user (read/write)",
                "alias/payments-prod-secrets", SecretPayload.ofText(FAKE_DB_CREDENTIALS.replace("0000", "0001")), tags,
                SecretsService.newRequestToken()));
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText(FAKE_DB_CREDENTIALS.replace("0000", "0002")), SecretsService.newRequestToken());
        fx.secrets.putValue(fx.scope, name, SecretPayload.ofText(FAKE_DB_CREDENTIALS), SecretsService.newRequestToken());
        fx.secrets.getValue(fx.scope, name, io.strongroom.domain.VersionSelector.current());    // as the application would
        holder.summary = fx.secrets.describe(fx.scope, name);
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        fx.close();
    }

    private SecretDetailView view(boolean dark, double height) throws Exception {
        Snapshots.theme(dark);
        StoreFixture.Fakes fakes = fx.fakes(false);
        return Snapshots.onFx(() -> {
            SecretDetailViewModel vm = new SecretDetailViewModel(fx.secrets, SecretMutations.of(fx.secrets), new DirectUiExecutor(),
                    new ScriptedDialogs(), new RecordingClipboard(), Texts.load());
            SecretDetailView v = new SecretDetailView(vm, new SecretDialogs(fakes.ctx()));
            new Scene(v, 780, height);      // not shown: a window taller than Monocle's screen cannot be painted
            vm.secretProperty().set(holder.summary);
            return v;
        });
    }

    /** Renders the pane on tab {@code tab} ({@code reveal}: with the value revealed) to {@code file} and checks it has content. */
    private void render(boolean dark, double height, String tab, boolean reveal, String file) throws Exception {
        SecretDetailView v = view(dark, height);
        Snapshots.settle();
        assertTrue(Snapshots.onFx(() -> v.showTab(tab)), tab);
        if (reveal) {
            Snapshots.onFx(() -> v.viewModel().value().reveal());
        }
        Snapshots.settle();
        Path png = Snapshots.write(v, file);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void maskedByDefault() throws Exception {
        render(false, 880, "overview", false, "secret-detail.png");
    }

    @Test
    void revealedWithAFakeValue() throws Exception {
        render(false, 760, "value", true, "secret-detail-revealed.png");
    }

    @Test
    void versions() throws Exception {
        render(false, 640, "versions", false, "secret-detail-versions.png");
    }

    @Test
    void darkTheme() throws Exception {
        render(true, 760, "value", true, "secret-detail-dark.png");
    }
}
