package io.strongroom.local.iam;

/** A local account: a 12-digit ID and the alias people know it by. */
public record LocalAccount(String accountId, String alias) {}
