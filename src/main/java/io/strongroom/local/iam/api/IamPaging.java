package io.strongroom.local.iam.api;

import io.strongroom.local.http.BoundTokens;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.wire.AwsException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's {@code Marker}/{@code MaxItems} paging over a listing the store computes whole. A marker
 * is opaque and good only for the listing that issued it (the action, the caller's account and
 * region, and what was listed: the user, role or filters); it carries the position after the last
 * item returned and that item's key, so a page after a deletion continues where it left off.
 */
final class IamPaging {

    /** One page: its items and the marker of the next page (null when this is the last). */
    record Page<T>(List<T> items, String nextMarker) {
        /** {@code <IsTruncated>} and, when truncated, {@code <Marker>}: what follows a page's list. */
        String trailer() {
            return "<IsTruncated>" + (nextMarker != null) + "</IsTruncated>"
                    + (nextMarker == null ? "" : "<Marker>" + nextMarker + "</Marker>");
        }
    }

    private final BoundTokens markers = new BoundTokens(
            () -> new AwsException("InvalidInput", 400, "Invalid Marker."));

    /**
     * The page of {@code all} that {@code marker} asks for (the first when null), at most
     * {@code maxItems} long.
     *
     * @param binding what defines the listing besides the action, account and region
     * @param key     a stable key of an item (its name or ID)
     */
    <T> Page<T> page(RequestContext ctx, String action, List<String> binding, String marker, int maxItems,
                     List<T> all, Function<T, String> key) {
        int start = 0;
        if (marker != null) {
            String position = markers.open(ctx, action, binding, marker);
            int colon = position.indexOf(':');
            int offset = Integer.parseInt(position.substring(0, colon));
            start = resume(all, key, offset, position.substring(colon + 1));
        }
        int end = Math.min(all.size(), start + maxItems);
        List<T> items = new ArrayList<>(all.subList(start, end));
        String next = null;
        if (end < all.size()) {
            next = markers.issue(ctx, action, binding, end + ":" + fingerprint(key.apply(all.get(end - 1))));
        }
        return new Page<>(items, next);
    }

    /** Where to continue: after the last item returned, found by its key if the listing shifted, else at the same offset. */
    private static <T> int resume(List<T> all, Function<T, String> key, int offset, String lastKey) {
        if (offset > 0 && offset <= all.size() && fingerprint(key.apply(all.get(offset - 1))).equals(lastKey)) {
            return offset;
        }
        for (int i = 0; i < all.size(); i++) {
            if (fingerprint(key.apply(all.get(i))).equals(lastKey)) {
                return i + 1;
            }
        }
        return Math.min(Math.max(offset, 0), all.size());
    }

    /** A short stand-in for a key (an ARN may be long; the marker must stay under the model's 320 characters). */
    private static String fingerprint(String key) {
        return Integer.toHexString(key.hashCode());
    }
}
