package io.strongroom.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's one way to user-facing text: resource bundles behind this injected object.
 * The shared strings are {@code io/strongroom/ui/strings.properties}; a feature keeps its own
 * bundle next to its package and reads it through {@link #in(String)}, which falls back to the
 * shared strings for keys it does not define (so two features may use the same key for different
 * text). Loaded once by the composition root and handed to views and view models by constructor.
 * View models return data, not sentences, except notices and problems that a view shows as they are.
 */
public final class Texts {

    public static final String BUNDLE = "io.strongroom.ui.strings";

    private final ResourceBundle bundle;
    /** The locale asked for (a bundle's own locale may be a parent of it), for the feature bundles. */
    private final Locale locale;
    /** Where a key this bundle lacks is looked up; null for the shared strings. */
    private final Texts fallback;
    private final Map<String, Texts> features;

    public Texts(ResourceBundle bundle) {
        this(bundle, bundle.getLocale(), null);
    }

    private Texts(ResourceBundle bundle, Locale locale, Texts fallback) {
        this.bundle = Objects.requireNonNull(bundle);
        this.locale = Objects.requireNonNull(locale);
        this.fallback = fallback;
        this.features = fallback == null ? new ConcurrentHashMap<>() : fallback.features;
    }

    public static Texts load() {
        return load(Locale.getDefault());
    }

    public static Texts load(Locale locale) {
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale), locale, null);
    }

    /**
     * A feature's text: {@code bundleName} (for example {@code io.strongroom.ui.editor.messages})
     * first, then the shared strings. Loaded once per name, in the locale the shared strings were asked for.
     */
    public Texts in(String bundleName) {
        Objects.requireNonNull(bundleName, "bundleName");
        Texts shared = fallback == null ? this : fallback;
        return features.computeIfAbsent(bundleName,
                n -> new Texts(ResourceBundle.getBundle(n, shared.locale), shared.locale, shared));
    }

    /** The bundle itself (a feature's own, without the fallback): for FXML-style lookups. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** Whether {@code key} has a text here (or in the shared strings). */
    public boolean has(String key) {
        return bundle.containsKey(key) || (fallback != null && fallback.has(key));
    }

    /**
     * The text for {@code key} as written in the bundle (no {@link MessageFormat} processing: use
     * {@link #format} for patterns, and for texts whose quotes are doubled). A missing key shows
     * as {@code !key!} rather than failing a view.
     */
    public String get(String key) {
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        if (fallback != null) {
            return fallback.get(key);
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** {@link MessageFormat} over the text for {@code key}. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
