package io.strongroom.ui.editor;

import io.strongroom.ui.editor.ValueEditorModel.Kind;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders the create and delete dialogs to {@link Snapshots#SCREENSHOTS} under headless Monocle, with fake demo input only. */
class CreateSecretScreenshotTest {

    static StoreFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new StoreFixture(1, "eu-west-1");
        Snapshots.startFx();
        fx.customerKey("payments-prod secrets", "alias/payments-prod-secrets");
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        fx.close();
    }

    private Path render(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        StoreFixture.Fakes fakes = fx.fakes(false);
        javafx.scene.Node pane = Snapshots.onFx(() -> {
            CreateSecretViewModel vm = new CreateSecretViewModel(fakes.ctx(), fx.scope);
            CreateSecretDialog dialog = new CreateSecretDialog(vm);
            vm.nameProperty().set("prod/payments/stripe-webhook");
            vm.descriptionProperty().set("Signing secret for Stripe webhooks (payments-api)");
            vm.loadKeys();
            vm.kmsKey().choices().stream().filter(c -> c.label().equals("payments-prod-secrets")).findFirst()
                    .ifPresent(vm.kmsKey().selectedProperty()::set);
            vm.value().kindProperty().set(Kind.KEY_VALUE);
            vm.value().rows().get(0).keyProperty().set("signing_secret");
            vm.value().rows().get(0).valueProperty().set("FAKE-whsec-demo-only");
            KeyValueRow endpoint = vm.value().addRow();
            endpoint.keyProperty().set("endpoint_id");
            endpoint.valueProperty().set("FAKE-we_demo");
            vm.tags().add("owner", "payments-platform");
            vm.tags().add("env", "prod");
            return detached(dialog, 720, 890);
        });
        Snapshots.settle();
        return Snapshots.write(pane, file);
    }

    /**
     * The dialog's pane in a scene of its own (Monocle's headless screen is smaller than the
     * dialog); the dialog gets an empty pane instead, or it keeps sizing this one to its window.
     */
    static javafx.scene.Node detached(javafx.scene.control.Dialog<?> dialog, int width, int height) {
        DialogPane p = dialog.getDialogPane();
        dialog.setDialogPane(new DialogPane());
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(p);
        new javafx.scene.Scene(root, width, height);
        p.setStyle("-fx-pref-width: " + width + "px; -fx-max-width: " + width + "px; -fx-min-height: " + height + "px;");
        return root;
    }

    @Test
    void deleteDialog() throws Exception {
        Snapshots.theme(false);
        StoreFixture.Fakes fakes = fx.fakes(false);
        String name = "prod/payments/legacy-paypal-key";
        io.strongroom.domain.SecretSummary s = fx.createDescribed(name, "FAKE-demo-only");
        javafx.scene.Node pane = Snapshots.onFx(() -> {
            DeleteSecretViewModel vm = new DeleteSecretViewModel(fakes.ctx(), s);
            vm.recoveryDaysProperty().set(14);
            return detached(new DeleteSecretDialog(vm), 600, 470);
        });
        Snapshots.settle();
        assertTrue(Files.size(Snapshots.write(pane, "delete-secret.png")) > 5_000);
    }

    @Test
    void createDialog() throws Exception {
        assertTrue(Files.size(render(false, "create-secret.png")) > 10_000);
    }

    @Test
    void createDialogDark() throws Exception {
        assertTrue(Files.size(render(true, "create-secret-dark.png")) > 10_000);
    }
}
