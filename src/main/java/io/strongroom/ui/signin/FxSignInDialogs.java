package io.strongroom.ui.signin;

import io.strongroom.ui.common.Texts;
import javafx.stage.Window;

import java.util.Objects;
import java.util.function.Supplier;

/** The sign-in dialogs as JavaFX windows over the console's main window. FX thread. */
public final class FxSignInDialogs implements SignInPrompts.Dialogs {

    private final Supplier<Window> owner;
    private final Texts texts;

    public FxSignInDialogs(Supplier<Window> owner, Texts texts) {
        this.owner = Objects.requireNonNull(owner);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public void showDeviceCode(DeviceCodeViewModel model) {
        DeviceCodeDialog.open(owner.get(), model, texts);
    }

    @Override
    public void showMfa(MfaCodeViewModel model) {
        MfaCodeDialog.open(owner.get(), model, texts);
    }
}
