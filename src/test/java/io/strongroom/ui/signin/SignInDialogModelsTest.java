package io.strongroom.ui.signin;

import io.strongroom.service.signin.DevicePrompt;
import io.strongroom.ui.common.Texts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialogs' models on their own: the countdown, Cancel, and the MFA code's validation. */
class SignInDialogModelsTest {

    static final Texts TEXTS = Texts.load();
    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void theDeviceCodeCountsDownAndCancelIsSeenByTheSigningInThread() {
        List<URI> opened = new ArrayList<>();
        DeviceCodeViewModel vm = new DeviceCodeViewModel(new DevicePrompt.DeviceCode("sso-dev", "ABCD-EFGH",
                URI.create("https://device.sso.us-east-1.amazonaws.com/"),
                URI.create("https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH"), NOW.plusSeconds(599)),
                TEXTS, Clock.fixed(NOW, ZoneOffset.UTC), opened::add);

        assertThat(vm.countdownProperty().get()).isEqualTo("The code expires in 9:59");
        assertThat(vm.messageProperty().get()).isEqualTo("Waiting for the approval in your browser…");
        vm.openBrowser();
        assertThat(opened).containsExactly(URI.create("https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH"));
        assertThat(vm.isCancelled()).isFalse();

        vm.cancel();
        assertThat(vm.isCancelled()).isTrue();
        assertThat(vm.state()).isEqualTo(DeviceCodeViewModel.State.CANCELLED);
        vm.finished(false);
        assertThat(vm.state()).as("the service's end of a cancelled flow keeps it cancelled").isEqualTo(DeviceCodeViewModel.State.CANCELLED);
    }

    @Test
    void anExpiredCodeSaysSo() {
        DeviceCodeViewModel vm = new DeviceCodeViewModel(new DevicePrompt.DeviceCode("sso-dev", "ABCD-EFGH",
                URI.create("https://example/"), null, NOW.minusSeconds(1)), TEXTS, Clock.fixed(NOW, ZoneOffset.UTC), u -> {});
        assertThat(vm.countdownProperty().get()).isEqualTo("The code has expired");
        assertThat(vm.pageToOpen()).isEqualTo(URI.create("https://example/"));
    }

    @Test
    void theMfaCodeIsSixDigitsAndTheAnswerIsGivenOnce() throws Exception {
        MfaCodeViewModel vm = new MfaCodeViewModel("mfa-reader", "arn:aws:iam::111122223333:mfa/admin", TEXTS);
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.codeProperty().set("12345");
        assertThat(vm.problemProperty().get()).isEqualTo("The code is six digits.");
        assertThat(vm.ok()).isFalse();
        assertThat(vm.answer()).isNotDone();
        vm.codeProperty().set("123 456");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.ok()).isTrue();
        vm.cancel();
        assertThat(vm.answer().get()).isEqualTo(Optional.of("123456"));
    }

    @Test
    void withoutDialogsOrOnTheUiThreadNoCodeIsAskedFor() {
        SignInPrompts prompts = new SignInPrompts(new io.strongroom.ui.common.DirectUiExecutor(), TEXTS, Clock.systemUTC(),
                u -> {}, () -> true);
        assertThat(prompts.code("mfa-reader", "serial")).isEmpty();
        prompts.useDialogs(new SignInPrompts.Dialogs() {
            @Override
            public void showDeviceCode(DeviceCodeViewModel model) {}

            @Override
            public void showMfa(MfaCodeViewModel model) {
                throw new AssertionError("never on the UI thread: it would wait for itself");
            }
        });
        assertThat(prompts.code("mfa-reader", "serial")).isEmpty();
    }
}
