package io.strongroom.ui.secret;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Retired: the detail's views and view models read their words through the injected
 * {@code Texts} ({@code texts.in(SecretDetailViewModel.BUNDLE)}). Kept only because the shell's
 * lifecycle flow test (owned elsewhere) still compares a dialog header with it; delete it with
 * that line.
 */
@Deprecated(forRemoval = true)
public final class SecretText {

    private SecretText() {}

    /** The text for {@code key}, formatted with {@link MessageFormat} (quotes are doubled in the bundle). */
    public static String get(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle(SecretDetailViewModel.BUNDLE).getString(key), Locale.getDefault()).format(args);
    }
}
