package io.strongroom.ui.keys;

import io.strongroom.service.keys.KeyEstateLoader;
import io.strongroom.service.keys.KeyImpact;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.ui.common.Formats;
import io.strongroom.ui.common.FxUiExecutor;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.policy.PolicyFeature;
import io.strongroom.ui.policy.PolicyView;
import io.strongroom.ui.policy.PolicyViewModel;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the Keys view (a key pending deletion, a disabled key, the payments key with its rotation
 * and the secrets using it) at 1600x1000 and 1280x800, its Secrets and Key policy tabs, and the
 * key-disable impact dialog, light and dark.
 */
class KeysScreenshotTest {

    static KeysFixture fx;
    static ExecutorService background;

    @BeforeAll
    static void estate() throws Exception {
        fx = new KeysFixture();
        background = Executors.newFixedThreadPool(2);
        Snapshots.startFx();
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        background.shutdownNow();
        fx.close();
    }

    static void waitFor(Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!Snapshots.onFx(done)) {
            assertTrue(System.nanoTime() < until, "timed out");
            Thread.sleep(100);
        }
    }

    private void renderView(boolean dark, String file) throws Exception {
        renderView(dark, file, 1600, 1000, KeyDetailView.TAB_OVERVIEW);
    }

    /** The view at {@code width} x {@code height} with the payments key selected and its tab {@code tab} in front. */
    private void renderView(boolean dark, String file, int width, int height, String tab) throws Exception {
        Snapshots.theme(dark);
        FxUiExecutor ui = new FxUiExecutor(background);
        Texts texts = KeysFixture.texts();
        Texts policyTexts = Texts.load(Locale.ROOT).in(PolicyFeature.BUNDLE);
        KeysViewModel vm = Snapshots.onFx(() -> new KeysViewModel(fx.keys, new KeyEstateLoader(fx.keys, fx.stack.secrets()), ui,
                () -> List.of(fx.east, fx.west), texts));
        KeyDetailView[] details = new KeyDetailView[1];
        KeysView view = Snapshots.onFx(() -> {
            KeyActionsModel actions = fx.actions(vm, ui);
            PolicyViewModel policy = new PolicyViewModel(vm.policyTargetProperty(), fx.readOnly, fx.stack.policies(),
                    io.strongroom.service.journal.SecretMutations.of(fx.stack.secrets(), fx.stack.policies()), ui,
                    new RecordingDialogs(), policyTexts, () -> { });
            KeyDetailView detail = new KeyDetailView(vm, actions, texts, new Formats(ZoneOffset.UTC), new PolicyView(policy, policyTexts));
            details[0] = detail;
            KeysView v = new KeysView(vm, texts, new Formats(ZoneOffset.UTC), detail);
            StackPane root = new StackPane(v);
            root.getStylesheets().add(Objects.requireNonNull(KeysView.class.getResource(Styles.STYLESHEET)).toExternalForm());
            new Scene(root, width, height);
            return v;
        });
        waitFor(() -> !vm.loadingProperty().get() && !vm.rows().isEmpty());
        Snapshots.onFx(() -> {
            vm.selectedProperty().set(vm.rows().stream().filter(r -> r.key().keyId().equals(fx.paymentsKeyId)).findFirst().orElseThrow());
            details[0].showTab(tab);
            return null;
        });
        Snapshots.settle();
        Thread.sleep(1500);
        Snapshots.settle();
        Path png = Snapshots.write(view.getParent(), file);
        assertTrue(Files.size(png) > 20_000);
    }

    private void renderImpact(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        var estate = new KeyEstateLoader(fx.keys, fx.stack.secrets()).load(List.of(fx.east, fx.west));
        var key = estate.keys().stream().filter(k -> k.keyId().equals(fx.paymentsKeyId)).findFirst().orElseThrow();
        KeyImpact impact = estate.impactOf(key);
        KeyImpactDialog dialog = Snapshots.onFx(() -> {
            KeyImpactViewModel vm = new KeyImpactViewModel(impact, KeyChange.DISABLE, KeysFixture.texts());
            vm.typedProperty().set("alias/pay");
            KeyImpactDialog d = new KeyImpactDialog(vm, KeysFixture.texts());
            if (d.getDialogPane().getScene() == null) {
                new Scene(d.getDialogPane());
            }
            return d;
        });
        Snapshots.settle();
        Path png = Snapshots.write(dialog.getDialogPane(), file);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void keysViewLight() throws Exception {
        renderView(false, "keys-view-light.png");
    }

    @Test
    void keysViewDark() throws Exception {
        renderView(true, "keys-view-dark.png");
    }

    @Test
    void keysViewSmallScreenLight() throws Exception {
        renderView(false, "keys-view-1280-light.png", 1280, 800, KeyDetailView.TAB_OVERVIEW);
    }

    @Test
    void keyPolicyTabLight() throws Exception {
        renderView(false, "keys-policy-light.png", 1600, 1000, KeyDetailView.TAB_POLICY);
    }

    @Test
    void keyPolicyTabDark() throws Exception {
        renderView(true, "keys-policy-dark.png", 1600, 1000, KeyDetailView.TAB_POLICY);
    }

    @Test
    void keySecretsTabSmallScreenDark() throws Exception {
        renderView(true, "keys-secrets-1280-dark.png", 1280, 800, KeyDetailView.TAB_SECRETS);
    }

    @Test
    void impactDialogLight() throws Exception {
        renderImpact(false, "key-impact-dialog-light.png");
    }

    @Test
    void impactDialogDark() throws Exception {
        renderImpact(true, "key-impact-dialog-dark.png");
    }
}
