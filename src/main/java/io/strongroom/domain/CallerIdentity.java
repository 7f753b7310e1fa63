package io.strongroom.domain;

/** Who a scope's credentials sign as (STS GetCallerIdentity): used to test an account and to learn a profile's account ID. */
public record CallerIdentity(String accountId, String arn, String userId) {}
