package io.strongroom.ui.signin;

import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The MFA code dialog: which profile and device ask, a six-digit code, OK and Cancel. The
 * thread that needs the credentials waits on {@link #answer()}; the dialog completes it on the
 * UI thread (the code, or empty when cancelled or closed).
 */
public final class MfaCodeViewModel {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final String profileName;
    private final String mfaSerial;
    private final Texts texts;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final CompletableFuture<Optional<String>> answer = new CompletableFuture<>();

    public MfaCodeViewModel(String profileName, String mfaSerial, Texts texts) {
        this.profileName = Objects.requireNonNull(profileName);
        this.mfaSerial = Objects.requireNonNull(mfaSerial);
        this.texts = SignInTexts.of(Objects.requireNonNull(texts));
        code.addListener((o, was, now) -> validate());
        validate();
    }

    public String profileName() {
        return profileName;
    }

    /** The device's ARN or a hardware token's serial number. */
    public String mfaSerial() {
        return mfaSerial;
    }

    /** What the user typed (spaces ignored). */
    public StringProperty codeProperty() {
        return code;
    }

    /** Six digits typed: OK is enabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Why the code is not accepted yet ("" while empty or valid). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Completed once: the code, or empty when the user cancelled. */
    public CompletableFuture<Optional<String>> answer() {
        return answer;
    }

    /** Answers with the code if it is six digits; returns whether it was accepted. */
    public boolean ok() {
        if (!valid.get()) {
            return false;
        }
        return answer.complete(Optional.of(typed()));
    }

    /** Answers "no code" (Cancel, or the dialog closed); a no-op once answered. */
    public void cancel() {
        answer.complete(Optional.empty());
    }

    private String typed() {
        return code.get() == null ? "" : code.get().replace(" ", "").strip();
    }

    private void validate() {
        String c = typed();
        boolean ok = SIX_DIGITS.matcher(c).matches();
        valid.set(ok);
        problem.set(ok || c.isEmpty() ? "" : texts.get("mfa.sixDigits"));
    }
}
