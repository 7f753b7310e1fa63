package io.strongroom.ui.rotation;

/** Where the manual rotation wizard stands. The first four are its numbered steps. */
public enum ManualRotationStep {
    /** 1: a new value is written as AWSPENDING. */
    NEW_VALUE,
    /** 2: the operator changes the target system by hand. */
    CHANGE_TARGET,
    /** 3: the pending value is tested against the target. */
    TEST,
    /** 4: AWSCURRENT moves to the pending version, AWSPENDING comes off. */
    PROMOTE,
    /** The rotation is complete. */
    DONE,
    /** AWSPENDING is held by something else (an unfinished automatic rotation): the repair view deals with it. */
    BLOCKED;

    /** 1 to 4 for the numbered steps, 0 otherwise. */
    public int number() {
        return ordinal() < 4 ? ordinal() + 1 : 0;
    }
}
