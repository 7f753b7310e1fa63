package io.strongroom.ui.signin;

import io.strongroom.service.signin.DevicePrompt;
import io.strongroom.service.signin.MfaPrompt;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.UiExecutor;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The console's sign-in prompts, installed on the client registry's sign-in: the service layer
 * calls them on the thread that signs in, and they show the device code dialog and the MFA
 * dialog on the UI thread. The device flow never blocks the UI thread (the dialog is shown and
 * the signing-in thread goes on polling); an MFA code is waited for on the signing-in thread,
 * and is never asked for on the UI thread itself (that would freeze the window): there the
 * answer is "no code", which the service reports as a sign-in needed.
 */
public final class SignInPrompts implements DevicePrompt, MfaPrompt {

    /** Shows the dialogs (JavaFX in the console; tests answer through the models). UI thread. */
    public interface Dialogs {
        void showDeviceCode(DeviceCodeViewModel model);

        void showMfa(MfaCodeViewModel model);
    }

    private final UiExecutor ui;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<URI> browser;
    private final BooleanSupplier onUiThread;
    private volatile Dialogs dialogs;
    /** The device code shown for the sign-in running on this thread. */
    private final ThreadLocal<DeviceCodeViewModel> current = new ThreadLocal<>();

    /**
     * @param texts      the console's texts ({@code signin} bundle read from them)
     * @param browser    opens a page in the user's browser
     * @param onUiThread whether the calling thread is the UI thread
     */
    public SignInPrompts(UiExecutor ui, Texts texts, Clock clock, Consumer<URI> browser, BooleanSupplier onUiThread) {
        this.ui = Objects.requireNonNull(ui);
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.browser = Objects.requireNonNull(browser);
        this.onUiThread = Objects.requireNonNull(onUiThread);
    }

    /** Where the dialogs are shown; until set, sign-ins that need the user report "sign-in needed". */
    public void useDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public void show(DeviceCode code) {
        Dialogs d = dialogs;
        DeviceCodeViewModel model = new DeviceCodeViewModel(code, texts, clock, browser);
        current.set(model);
        if (d == null) {
            model.cancel();
            return;
        }
        ui.onUiThread(() -> {
            d.showDeviceCode(model);
            model.openBrowser();
        });
    }

    @Override
    public boolean cancelled() {
        DeviceCodeViewModel model = current.get();
        return model != null && model.isCancelled();
    }

    @Override
    public void finished(boolean signedIn) {
        DeviceCodeViewModel model = current.get();
        current.remove();
        if (model != null) {
            ui.onUiThread(() -> model.finished(signedIn));
        }
    }

    @Override
    public Optional<String> code(String profileName, String mfaSerial) {
        Dialogs d = dialogs;
        if (d == null || onUiThread.getAsBoolean()) {
            return Optional.empty();
        }
        MfaCodeViewModel model = new MfaCodeViewModel(profileName, mfaSerial, texts);
        ui.onUiThread(() -> d.showMfa(model));
        try {
            return model.answer().get();
        } catch (InterruptedException e) {
            model.cancel();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
