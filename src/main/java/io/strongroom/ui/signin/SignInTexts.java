package io.strongroom.ui.signin;

import io.strongroom.ui.common.Texts;

/** The sign-in dialogs' bundle, falling back to the console's shared strings. */
final class SignInTexts {

    static final String BUNDLE = "io.strongroom.ui.signin.signin";

    private SignInTexts() {}

    static Texts of(Texts shared) {
        return shared.in(BUNDLE);
    }
}
