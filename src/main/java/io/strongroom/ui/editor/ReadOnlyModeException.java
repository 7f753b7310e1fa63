package io.strongroom.ui.editor;

/** A change was attempted while the console is in read-only mode; nothing was sent. */
public final class ReadOnlyModeException extends RuntimeException {

    public ReadOnlyModeException(Mutation<?> refused) {
        super(EditorText.get("readOnly.refused", refused.action(), refused.secretId()));
    }

    public ReadOnlyModeException(String action) {
        super(EditorText.get("readOnly.refused", action, ""));
    }
}
