package io.strongroom.ui.rotation;

import java.util.function.Predicate;

/**
 * The Rotation view's quick filters. Failed and Stuck overlap on purpose: a rotation that failed
 * after createSecret leaves AWSPENDING behind and is both (its next RotateSecret is refused), and
 * an operator looking for failures must find it under Failed.
 */
public enum RotationFilter implements Predicate<RotationRow> {
    ALL {
        @Override
        public boolean test(RotationRow row) {
            return true;
        }
    },
    /** Never rotated (no LastRotatedDate), whether or not rotation is configured. */
    NEVER_ROTATED {
        @Override
        public boolean test(RotationRow row) {
            return row.neverRotated();
        }
    },
    /** Rotation is on and its next rotation date has passed. */
    OVERDUE {
        @Override
        public boolean test(RotationRow row) {
            return row.overdue();
        }
    },
    /** The latest rotation failed. */
    FAILED {
        @Override
        public boolean test(RotationRow row) {
            return row.failed();
        }
    },
    /** A rotation is unfinished (AWSPENDING is not on AWSCURRENT). */
    STUCK {
        @Override
        public boolean test(RotationRow row) {
            return row.stuck();
        }
    }
}
