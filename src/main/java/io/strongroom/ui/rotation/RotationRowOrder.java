package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;

import java.util.Comparator;

/**
 * The Rotation view's default order, for triage: what needs a person first (stuck, then failed,
 * then overdue, then running), then rotation off, never configured, and healthy rows last; by name
 * within each. A column sort the user picks comes first, this breaks its ties.
 */
final class RotationRowOrder {

    private RotationRowOrder() {}

    /** Most urgent first. */
    static final Comparator<RotationRow> URGENCY = Comparator.comparingInt(RotationRowOrder::rank);

    static final Comparator<RotationRow> DEFAULT = URGENCY
            .thenComparing(RotationRow::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.scope().label());

    /** 0 for the most urgent row. */
    static int rank(RotationRow r) {
        RotationState.Status s = r.status();
        if (s == RotationState.Status.STUCK) {
            return 0;
        }
        if (r.failed()) {
            return 1;
        }
        if (r.overdue()) {
            return 2;
        }
        return switch (s) {
            case ROTATING -> 3;
            case DISABLED -> 4;
            case NOT_CONFIGURED -> 5;
            default -> 6;
        };
    }
}
