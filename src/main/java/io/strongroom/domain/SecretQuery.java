package io.strongroom.domain;

import java.util.List;

/**
 * What to list: server-side filters (all must match) and whether secrets scheduled for
 * deletion are included (AWS leaves them out unless asked).
 */
public record SecretQuery(List<SecretFilter> filters, boolean includePlannedDeletion) {

    public SecretQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** Every secret that is not scheduled for deletion. */
    public static SecretQuery all() {
        return new SecretQuery(List.of(), false);
    }

    public SecretQuery withFilter(SecretFilter filter) {
        List<SecretFilter> more = new java.util.ArrayList<>(filters);
        more.add(filter);
        return new SecretQuery(more, includePlannedDeletion);
    }

    public SecretQuery withPlannedDeletion(boolean include) {
        return new SecretQuery(filters, include);
    }
}
