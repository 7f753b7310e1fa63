package io.strongroom.local.kms;

import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The paging of KMS's listings: pages of sorted items after the position an opaque marker names,
 * and the limit and marker members every listing checks.
 */
final class KmsPaging {

    private static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");

    private final BoundTokens markers = new BoundTokens(KmsPaging::invalidMarker);

    /** Collects, in {@code v}, what is wrong with a listing's {@code Limit} and {@code Marker}. */
    static Validator validPage(Validator v, Integer limit, String marker) {
        return v.range("limit", limit, 1, 1000).length("marker", marker, 1, 1024).pattern("marker", marker, MARKER);
    }

    /** The position a marker names, for a listing that never hands out markers but must refuse a bad one. */
    String open(RequestContext ctx, String operation, List<String> binding, String marker) {
        return markers.open(ctx, operation, binding, marker);
    }

    record Page<T>(List<T> items, String nextMarker) {}

    /**
     * One page of {@code sorted} items after the position a marker names. A marker is opaque to
     * callers; it names the last item returned, so paging survives items added or removed
     * between pages. It is good only for {@code operation}, the caller's account and Region, and
     * {@code binding} (the key a per-key listing is of); not for the page size, which may change.
     */
    <T> Page<T> page(RequestContext ctx, String operation, List<String> binding, List<T> sorted,
                     Function<T, String> position, String marker, int limit) {
        List<T> rest = sorted;
        if (marker != null) {
            String after = markers.open(ctx, operation, binding, marker);
            rest = sorted.stream().filter(item -> position.apply(item).compareTo(after) > 0).toList();
        }
        if (rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, limit);
        String last = position.apply(items.get(items.size() - 1));
        return new Page<>(items, markers.issue(ctx, operation, binding, last));
    }

    private static AwsException invalidMarker() {
        return KmsErrors.invalidMarker("The marker is not valid. Use the NextMarker value of the previous response.");
    }
}
