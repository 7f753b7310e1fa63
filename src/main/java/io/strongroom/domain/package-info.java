/**
 * Immutable values shared by every layer: scopes, secret and key summaries, secret values
 * (always masked in {@code toString}), filters and per-scope errors.
 *
 * <p>Nothing here depends on the AWS SDK, so view models, the CLI and exports can use these
 * types without pulling SDK classes into their signatures; the service layer maps SDK shapes
 * onto them.
 */
package io.strongroom.domain;
