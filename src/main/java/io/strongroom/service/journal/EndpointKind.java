package io.strongroom.service.journal;

import io.strongroom.domain.Scope;

/** Which kind of backend an action went to: AWS itself, the embedded store, or a custom endpoint. */
public enum EndpointKind {
    AWS, EMBEDDED_STORE, CUSTOM_ENDPOINT;

    /** The origin {@link io.strongroom.service.AccountSource#embeddedStore} gives its accounts. */
    static final String EMBEDDED_ORIGIN = "embedded store";

    public static EndpointKind of(Scope scope) {
        if (scope.endpoint() == null) {
            return AWS;
        }
        return EMBEDDED_ORIGIN.equals(scope.account().origin()) ? EMBEDDED_STORE : CUSTOM_ENDPOINT;
    }
}
