package io.strongroom.local.secrets;

/**
 * What every class of the Secrets Manager API works with: the store, the lookup of the secret a
 * SecretId names (and authorizes the caller on it), and the listings' page tokens. One of each is shared by all operations, so a token
 * one listing issued is opened by the same {@link PageTokens}; writes that take a rotation's place
 * report it to {@link Rotations}; a primary's replicas are {@link ReplicationPort}'s.
 */
record SecretParts(SecretStore store, SecretFinder finder, PageTokens tokens, Rotations rotations, ReplicationPort replication) {}
