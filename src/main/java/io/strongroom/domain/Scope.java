package io.strongroom.domain;

import java.net.URI;
import java.util.Objects;

/**
 * One account in one region at one endpoint with one set of credentials: the unit every
 * multi-account operation fans out over. AWS quotas, errors and results are all per scope.
 *
 * <p>{@link #id()} is stable across runs (usable as a settings or cache key); {@link #label()}
 * is what a person reads, e.g. {@code "payments-prod / eu-west-1"}.
 */
public record Scope(Account account, String region) {

    public Scope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public String accountId() {
        return account.accountId();
    }

    public String accountAlias() {
        return account.alias();
    }

    /** The endpoint override, or null for AWS's own endpoints. */
    public URI endpoint() {
        return account.endpoint();
    }

    public CredentialsRef credentials() {
        return account.credentials();
    }

    /** A stable identity: account (or credentials) key, region and, when not AWS, the endpoint. */
    public String id() {
        return account.key() + "/" + region + (account.endpoint() == null ? "" : "@" + account.endpoint());
    }

    /** What a person reads: {@code "alias / region"}. */
    public String label() {
        return account.alias() + " / " + region;
    }

    @Override
    public String toString() {
        return "Scope[" + label() + ", " + id() + "]";
    }
}
