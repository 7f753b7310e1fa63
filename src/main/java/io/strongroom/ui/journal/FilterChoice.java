package io.strongroom.ui.journal;

/**
 * One entry of a filter drop-down: a value (null for "all") and what the user reads. A choice
 * box shows {@link #toString()}.
 */
public record FilterChoice<T>(T value, String label) {

    public boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
