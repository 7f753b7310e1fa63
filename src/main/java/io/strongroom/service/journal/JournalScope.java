package io.strongroom.service.journal;

import io.strongroom.domain.Scope;

import java.util.Objects;

/**
 * Where an action went, as the journal keeps it: the account (ID and alias), the region and the
 * kind of endpoint. Not a {@link Scope}: a journal entry outlives the credentials and the
 * ephemeral port of the session that wrote it.
 *
 * @param accountId null when the account's ID was not known (a profile that does not state it)
 * @param endpoint  the endpoint override, null for AWS's own endpoints
 */
public record JournalScope(String accountId, String accountAlias, String region, EndpointKind endpointKind, String endpoint) {

    public JournalScope {
        Objects.requireNonNull(accountAlias, "accountAlias");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpointKind, "endpointKind");
    }

    public static JournalScope of(Scope scope) {
        return new JournalScope(scope.accountId(), scope.accountAlias(), scope.region(), EndpointKind.of(scope),
                scope.endpoint() == null ? null : scope.endpoint().toString());
    }

    /** What a person reads, as {@link Scope#label()} does: {@code "alias / region"}. */
    public String label() {
        return accountAlias + " / " + region;
    }
}
