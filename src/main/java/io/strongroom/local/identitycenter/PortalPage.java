package io.strongroom.local.identitycenter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of a portal listing: {@code max_result} items (1 to 100, default 100) after {@code next_token}. */
record PortalPage<T>(List<T> items, String nextToken) {

    static final int MAX = 100;

    static <T> PortalPage<T> of(List<T> all, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX)) {
            throw PortalErrors.invalidRequest("max_result must be between 1 and " + MAX);
        }
        int from = start(nextToken, all.size());
        int to = Math.min(all.size(), from + (maxResults == null ? MAX : maxResults));
        return new PortalPage<>(all.subList(from, to), to < all.size() ? token(to) : null);
    }

    private static int start(String nextToken, int size) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            int from = text.startsWith("portal:") ? Integer.parseInt(text.substring("portal:".length())) : -1;
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw PortalErrors.invalidRequest("Invalid next_token");
    }

    private static String token(int from) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("portal:" + from).getBytes(StandardCharsets.UTF_8));
    }
}
