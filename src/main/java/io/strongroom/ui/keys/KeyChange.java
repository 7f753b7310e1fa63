package io.strongroom.ui.keys;

/** The changes to a key that can make the secrets it encrypts unreadable, and so ask first. */
public enum KeyChange {
    DISABLE, SCHEDULE_DELETION, POLICY;

    /** The suffix of this change's texts ({@code impact.title.disable}…). */
    String textKey() {
        return switch (this) {
            case DISABLE -> "disable";
            case SCHEDULE_DELETION -> "delete";
            case POLICY -> "policy";
        };
    }
}
