package io.strongroom.ui.shell;

import io.strongroom.service.signin.DevicePrompt;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.editor.Snapshots;
import io.strongroom.ui.signin.DeviceCodeDialog;
import io.strongroom.ui.signin.DeviceCodeViewModel;
import io.strongroom.ui.signin.MfaCodeDialog;
import io.strongroom.ui.signin.MfaCodeViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope picker with the embedded store, AWS profiles, an IAM Identity Center profile signed
 * in through the device flow, an MFA profile still to sign in and a discovered organization, in
 * light and dark; the device code and MFA dialogs. Rendered headless to {@link Snapshots#SCREENSHOTS}.
 */
class SignInScreenshotTest {

    static SignInPickerFixture fixture;

    @BeforeAll
    static void estate() throws Exception {
        fixture = new SignInPickerFixture();
        Snapshots.startFx();
        fixture.sessions.signIn(fixture.account("sso-dev"));
        fixture.organizations.prepare(fixture.candidates());
        fixture.organizations.discover();
        fixture.picker.opened();
        assertThat(fixture.account("sso-dev").status()).isEqualTo(AccountChoice.SessionStatus.ACTIVE);
        assertThat(fixture.account("mfa-reader").status()).as(fixture.account("mfa-reader").sessionText() + " " + fixture.mfaDialogs.size()).isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN);
    }

    @AfterAll
    static void stop() throws Exception {
        Snapshots.theme(false);
        fixture.close();
    }

    private static Path render(Parent content, double width, double height, String file) throws Exception {
        Parent root = Snapshots.onFx(() -> {
            StackPane pane = new StackPane(content);
            pane.setStyle("-fx-background-color: -color-bg-default; -fx-padding: 12;");
            Scene scene = new Scene(pane, width, height);
            scene.getStylesheets().add(SignInScreenshotTest.class.getResource(Styles.STYLESHEET).toExternalForm());
            return pane;
        });
        Snapshots.settle();
        Path png = Snapshots.write(root, file);
        assertThat(Files.size(png)).isGreaterThan(10_000);
        return png;
    }

    private void picker(boolean dark, String file) throws Exception {
        Snapshots.theme(dark);
        ScopePickerView view = Snapshots.onFx(() -> {
            ScopePickerView v = new ScopePickerView(fixture.picker, fixture.texts);
            v.setExtras(new io.strongroom.ui.signin.OrganizationPickerLink(fixture.organizations, fixture::candidates,
                    fixture.texts, () -> {}, () -> {}));
            return v;
        });
        render(view, 900, 660, file);
    }

    @Test
    void theScopePickerWithSsoAndOrganizationSources() throws Exception {
        picker(false, "scope-picker-sources-light.png");
        picker(true, "scope-picker-sources-dark.png");
    }

    @Test
    void theDeviceCodeDialog() throws Exception {
        Instant now = Instant.now();
        for (boolean dark : new boolean[] {false, true}) {
            Snapshots.theme(dark);
            DeviceCodeViewModel vm = new DeviceCodeViewModel(new DevicePrompt.DeviceCode("sso-dev", "WDKX-QRTB",
                    URI.create("https://device.sso.us-east-1.amazonaws.com/"),
                    URI.create("https://device.sso.us-east-1.amazonaws.com/?user_code=WDKX-QRTB"), now.plusSeconds(482)),
                    fixture.texts, Clock.fixed(now, ZoneOffset.UTC), u -> {});
            DeviceCodeDialog dialog = Snapshots.onFx(() -> new DeviceCodeDialog(vm, fixture.texts));
            render(dialog, 520, 330, dark ? "signin-device-code-dark.png" : "signin-device-code-light.png");
        }
    }

    @Test
    void theMfaDialog() throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            Snapshots.theme(dark);
            MfaCodeViewModel vm = new MfaCodeViewModel("mfa-reader", fixture.device.serial(), fixture.texts);
            MfaCodeDialog dialog = Snapshots.onFx(() -> {
                MfaCodeDialog d = new MfaCodeDialog(vm, fixture.texts);
                vm.codeProperty().set(dark ? "49203" : "492031");
                return d;
            });
            render(dialog, 500, 250, dark ? "signin-mfa-dark.png" : "signin-mfa-light.png");
        }
    }
}
