package io.strongroom.ui.editor;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing strings of the editor dialogs, from {@code io/strongroom/ui/editor/messages.properties}. */
public final class EditorText {

    private static final String BUNDLE = "io.strongroom.ui.editor.messages";

    private EditorText() {}

    /** The bundle, for views that look strings up themselves. */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} (so quotes are doubled in the bundle). */
    public static String get(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), Locale.getDefault()).format(args);
    }
}
