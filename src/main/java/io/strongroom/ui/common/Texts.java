package io.strongroom.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The console's user-facing text, from {@code io/strongroom/ui/strings.properties}. Loaded once
 * by the composition root and handed to views by constructor; view models return data, not text,
 * except where an error message from a backend is passed through.
 */
public final class Texts {

    public static final String BUNDLE = "io.strongroom.ui.strings";

    private final ResourceBundle bundle;

    public Texts(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle);
    }

    public static Texts load() {
        return load(Locale.getDefault());
    }

    public static Texts load(Locale locale) {
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} rather than failing a view. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** {@link MessageFormat} over the text for {@code key} (quote characters in patterns are typographic, not {@code '}). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
