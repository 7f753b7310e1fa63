package io.strongroom.domain;

/**
 * How to delete a secret: schedule it with a recovery window of 7 to 30 days (restorable until
 * then), or force immediate deletion without recovery.
 */
public record DeletionMode(int recoveryWindowDays, boolean force) {

    public static final int MIN_RECOVERY_DAYS = 7;
    public static final int MAX_RECOVERY_DAYS = 30;

    public DeletionMode {
        if (force && recoveryWindowDays != 0) {
            throw new IllegalArgumentException("a forced deletion has no recovery window");
        }
        if (!force && (recoveryWindowDays < MIN_RECOVERY_DAYS || recoveryWindowDays > MAX_RECOVERY_DAYS)) {
            throw new IllegalArgumentException("the recovery window is 7 to 30 days");
        }
    }

    public static DeletionMode withRecovery(int days) {
        return new DeletionMode(days, false);
    }

    /** AWS's default: 30 days to change one's mind. */
    public static DeletionMode defaultRecovery() {
        return withRecovery(MAX_RECOVERY_DAYS);
    }

    public static DeletionMode forceWithoutRecovery() {
        return new DeletionMode(0, true);
    }
}
