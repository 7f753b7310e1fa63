package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;
import io.strongroom.domain.SecretSummary;
import io.strongroom.ui.common.ErrorText;
import io.strongroom.ui.common.InventoryColumn;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The inventory's "Key state" column: the state of the KMS key each secret is encrypted with
 * (Enabled; Disabled and PendingDeletion, which make the secret unreadable, coloured), its values
 * arriving once the scope's keys are listed. Filterable by state.
 */
final class KeyStateColumn implements InventoryColumn<String> {

    private static final List<String> STATES = List.of(KeyInfo.ENABLED, KeyInfo.DISABLED, KeyInfo.PENDING_DELETION);

    private final KeyStateCache cache;
    private final Texts texts;

    KeyStateColumn(KeyStateCache cache, Texts texts) {
        this.cache = Objects.requireNonNull(cache);
        this.texts = Objects.requireNonNull(texts);
    }

    @Override
    public String id() {
        return "key-state";
    }

    @Override
    public String title(Texts consoleTexts) {
        return texts.get("column.keyState");
    }

    @Override
    public String value(SecretSummary secret) {
        return secret == null ? null : cache.stateOf(secret);
    }

    @Override
    public String text(String value, SecretSummary secret, Words words) {
        return KeysText.state(texts, value);
    }

    @Override
    public String emptyText(Words words) {
        return texts.get("state.unknown");
    }

    @Override
    public String state(String value, SecretSummary secret) {
        if (value == null) {
            return Styles.CELL_MUTED;
        }
        return switch (value) {
            case KeyInfo.ENABLED -> null;
            case KeyInfo.DISABLED -> Styles.CELL_WARNING;
            case KeyInfo.PENDING_DELETION -> Styles.CELL_DANGER;
            default -> Styles.CELL_MUTED;
        };
    }

    @Override
    public String tooltip(String value, SecretSummary secret, Words words) {
        if (value == null) {
            return secret == null || cache.errorOf(secret.scope()) == null ? null : ErrorText.of(cache.errorOf(secret.scope()));
        }
        return KeyInfo.ENABLED.equals(value) ? null : texts.get("column.keyState.unreadable");
    }

    @Override
    public Comparator<String> comparator() {
        return Comparator.comparingInt(STATES::indexOf);
    }

    @Override
    public List<String> filterChoices() {
        return STATES;
    }

    @Override
    public double preferredWidth() {
        return 130;
    }

    @Override
    public void whenChanged(Runnable redraw) {
        cache.addListener(redraw);
    }
}
