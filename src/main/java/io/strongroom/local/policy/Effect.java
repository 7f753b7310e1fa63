package io.strongroom.local.policy;

/** A statement's effect; the policy grammar spells it exactly {@code Allow} or {@code Deny}. */
public enum Effect {
    ALLOW, DENY
}
