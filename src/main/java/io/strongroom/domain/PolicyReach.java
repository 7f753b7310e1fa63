package io.strongroom.domain;

/**
 * How far a secret's resource policy reaches, as the inventory's Policy column shows it, from
 * least to most exposed: no policy; Allow statements naming only principals of the secret's own
 * account (or services, or none: a policy of Deny statements only); one naming another account
 * (or everyone under a condition such as aws:PrincipalOrgID); one allowing everyone without a
 * condition, which BlockPublicPolicy would refuse.
 */
public enum PolicyReach {
    NONE, OWN_ACCOUNT, CROSS_ACCOUNT, PUBLIC
}
