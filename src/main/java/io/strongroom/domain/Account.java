package io.strongroom.domain;

import java.net.URI;
import java.util.Objects;

/**
 * One account an account source offers: who it is, where its API lives and how to sign for it.
 * Combined with a region it becomes a {@link Scope}.
 *
 * @param accountId   the 12-digit account ID, or null when only the backend can tell (a profile
 *                    whose config does not name its account; ask STS GetCallerIdentity)
 * @param alias       the name people know it by (an account alias, a profile name)
 * @param endpoint    the endpoint every service is reached at (the embedded store, a custom
 *                    endpoint), or null for AWS's own regional endpoints
 * @param credentials how requests are signed
 * @param origin      where this account came from, for display ("embedded store", "profile")
 * @param source      the kind of source, for grouping (embedded, custom endpoint, profile, SSO, organization)
 */
public record Account(String accountId, String alias, URI endpoint, CredentialsRef credentials, String origin,
                      SourceKind source) {

    public Account {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
    }

    /** An account whose source kind follows from its origin label ({@link SourceKind#ofOrigin}). */
    public Account(String accountId, String alias, URI endpoint, CredentialsRef credentials, String origin) {
        this(accountId, alias, endpoint, credentials, origin, SourceKind.ofOrigin(Objects.requireNonNull(origin, "origin")));
    }

    /** This account in one region. */
    public Scope in(String region) {
        return new Scope(this, region);
    }

    /**
     * What identifies the account for quota purposes and in scope IDs: the account ID when known,
     * otherwise the credentials' identity (one profile is one account).
     */
    public String key() {
        return accountId != null ? accountId : credentials.id();
    }
}
