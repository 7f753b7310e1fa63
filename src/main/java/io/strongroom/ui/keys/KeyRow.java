package io.strongroom.ui.keys;

import io.strongroom.domain.KeyInfo;

import java.util.Objects;

/** One row of the Keys view: a key and how many of the listed secrets it encrypts. */
public record KeyRow(KeyInfo key, int secretsUsing) {

    public KeyRow {
        Objects.requireNonNull(key, "key");
    }

    /** The cell state of the key's state: danger when pending deletion, warning when disabled. */
    public String stateStyle() {
        if (key.keyState() == null) {
            return io.strongroom.ui.common.Styles.CELL_MUTED;
        }
        return switch (key.keyState()) {
            case KeyInfo.ENABLED -> io.strongroom.ui.common.Styles.CELL_SUCCESS;
            case KeyInfo.DISABLED -> io.strongroom.ui.common.Styles.CELL_WARNING;
            case KeyInfo.PENDING_DELETION -> io.strongroom.ui.common.Styles.CELL_DANGER;
            default -> io.strongroom.ui.common.Styles.CELL_MUTED;
        };
    }
}
