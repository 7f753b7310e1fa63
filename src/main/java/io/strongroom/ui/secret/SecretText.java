package io.strongroom.ui.secret;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing strings of the secret detail pane, from {@code io/strongroom/ui/secret/messages.properties}. */
public final class SecretText {

    private static final String BUNDLE = "io.strongroom.ui.secret.messages";

    private SecretText() {}

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} (quotes are doubled in the bundle). */
    public static String get(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), Locale.getDefault()).format(args);
    }
}
