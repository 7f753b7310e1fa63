package io.strongroom.local.secrets;

import io.strongroom.local.iam.Authorizer;

/**
 * What every class of the Secrets Manager API works with: the store, the lookup of the secret a
 * SecretId names, the listings' page tokens and the authorizer for the permissions an operation
 * needs beyond the one the pipeline checked. One of each is shared by all operations, so a token
 * one listing issued is opened by the same {@link PageTokens}.
 */
record SecretParts(SecretStore store, SecretFinder finder, PageTokens tokens, Authorizer authorizer) {}
