package io.strongroom.app.settings;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The user's preferences, as kept in {@code settings.json}. Immutable; change one with a
 * {@code with…} method and save the result through {@link SettingsStore#update}.
 *
 * @param readOnly             the user's read-only preference; the effective mode (which the
 *                             {@code --read-only} flag can force) is {@link ReadOnlyMode}
 * @param inventoryColumns     IDs of the inventory's visible columns, in order; empty means the
 *                             inventory's own default set
 * @param clipboardClearDelay  how long a copied secret value stays on the clipboard
 */
public record Settings(Theme theme, boolean readOnly, ScopeSelection scopes, List<String> inventoryColumns,
                       Duration clipboardClearDelay) {

    public static final Duration DEFAULT_CLIPBOARD_CLEAR = Duration.ofSeconds(30);
    /** Shorter than this and a paste rarely makes it; longer and "clears after a delay" means little. */
    public static final Duration MIN_CLIPBOARD_CLEAR = Duration.ofSeconds(5);
    public static final Duration MAX_CLIPBOARD_CLEAR = Duration.ofMinutes(10);

    public Settings {
        Objects.requireNonNull(theme, "theme");
        scopes = scopes == null ? ScopeSelection.NONE : scopes;
        inventoryColumns = inventoryColumns == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(inventoryColumns.stream().filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        Objects.requireNonNull(clipboardClearDelay, "clipboardClearDelay");
        if (clipboardClearDelay.compareTo(MIN_CLIPBOARD_CLEAR) < 0 || clipboardClearDelay.compareTo(MAX_CLIPBOARD_CLEAR) > 0) {
            throw new IllegalArgumentException("the clipboard clear delay is " + MIN_CLIPBOARD_CLEAR.toSeconds()
                    + " to " + MAX_CLIPBOARD_CLEAR.toSeconds() + " seconds");
        }
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, false, ScopeSelection.NONE, List.of(), DEFAULT_CLIPBOARD_CLEAR);
    }

    public Settings withTheme(Theme theme) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay);
    }

    public Settings withReadOnly(boolean readOnly) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay);
    }

    public Settings withScopes(ScopeSelection scopes) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay);
    }

    public Settings withInventoryColumns(List<String> inventoryColumns) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay);
    }

    public Settings withClipboardClearDelay(Duration clipboardClearDelay) {
        return new Settings(theme, readOnly, scopes, inventoryColumns, clipboardClearDelay);
    }
}
