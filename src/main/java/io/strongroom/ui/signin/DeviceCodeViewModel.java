package io.strongroom.ui.signin;

import io.strongroom.service.signin.DevicePrompt;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The IAM Identity Center device sign-in dialog: the user code (big), the verification page, a
 * countdown to the code's expiry, "Open browser" and Cancel. The signing-in thread asks
 * {@link #isCancelled()} between polls; {@link #finished} ends it with a message, and the dialog
 * closes itself. Everything but {@link #isCancelled()} runs on the UI thread.
 */
public final class DeviceCodeViewModel {

    /** Where the dialog is in the flow. */
    public enum State { WAITING, SIGNED_IN, FAILED, CANCELLED }

    private final DevicePrompt.DeviceCode code;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<URI> browser;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** @param browser opens a page in the user's browser (the application's host services; tests record) */
    public DeviceCodeViewModel(DevicePrompt.DeviceCode code, Texts texts, Clock clock, Consumer<URI> browser) {
        this.code = Objects.requireNonNull(code);
        this.texts = SignInTexts.of(Objects.requireNonNull(texts));
        this.clock = Objects.requireNonNull(clock);
        this.browser = Objects.requireNonNull(browser);
        message.set(this.texts.get("device.waiting"));
        tick();
    }

    public String profileName() {
        return code.profileName();
    }

    /** The code the user confirms on the verification page. */
    public String userCode() {
        return code.userCode();
    }

    /** The page where the code is entered, as shown. */
    public String verificationUri() {
        return String.valueOf(code.verificationUri());
    }

    /** What "Open browser" opens: the page with the code filled in, when the service gave one. */
    public URI pageToOpen() {
        return code.verificationUriComplete() != null ? code.verificationUriComplete() : code.verificationUri();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** "Code expires in 9:42", or that it has expired. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** What the dialog says under the code: waiting, signed in, failed, cancelled. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Thread-safe: whether the user gave up (the signing-in thread polls it). */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Opens the verification page in the browser. */
    public void openBrowser() {
        browser.accept(pageToOpen());
    }

    /** Works the countdown out again from the clock (the dialog calls it every second). */
    public void tick() {
        if (state.get() != State.WAITING) {
            countdown.set("");
            return;
        }
        Duration left = code.expiresAt() == null ? null : Duration.between(clock.instant(), code.expiresAt());
        if (left == null) {
            countdown.set("");
        } else if (left.isNegative() || left.isZero()) {
            countdown.set(texts.get("device.expired"));
        } else {
            countdown.set(texts.format("device.expiresIn", left.toMinutes(), left.toSecondsPart()));
        }
    }

    /** The user gave up: the signing-in thread stops at its next poll. */
    public void cancel() {
        cancelled.set(true);
        if (state.get() == State.WAITING) {
            state.set(State.CANCELLED);
            message.set(texts.get("device.cancelled"));
            countdown.set("");
        }
    }

    /** The authorization ended (from the signing-in thread, handed to the UI thread). */
    public void finished(boolean signedIn) {
        if (state.get() == State.CANCELLED) {
            return;
        }
        state.set(signedIn ? State.SIGNED_IN : State.FAILED);
        message.set(texts.format(signedIn ? "device.signedIn" : "device.failed", code.profileName()));
        countdown.set("");
    }
}
