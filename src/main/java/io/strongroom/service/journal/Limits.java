package io.strongroom.service.journal;

import java.util.List;
import java.util.function.UnaryOperator;

/** AWS's own bounds on the identifiers the journal keeps. */
final class Limits {
    /** A key ID, alias or ARN (an alias ARN is the longest form). */
    static final int KMS_KEY_ID = 2048;
    /** Staging labels: 1 to 256 characters, at most 20 per version. */
    static final int STAGE = 256;
    static final int STAGES = 20;
    /** Version IDs are the client request token: 32 to 64 characters. */
    static final int VERSION_ID = 64;
    /** Tag keys: 1 to 128 characters, at most 50 per resource. */
    static final int TAG_KEY = 128;
    static final int TAG_KEYS = 50;
    /** Region names ("ap-southeast-2"): the longest AWS has is under 32; ReplicateSecretToRegions takes a few dozen. */
    static final int REGION = 32;
    static final int REGIONS = 64;

    private Limits() {}

    static String kmsKey(String s) {
        return bounded("KMS key ID", s, KMS_KEY_ID);
    }

    static String stage(String s) {
        return bounded("staging label", s, STAGE);
    }

    static String versionId(String s) {
        return bounded("version ID", s, VERSION_ID);
    }

    static List<String> stages(List<String> stages) {
        return boundedList("staging labels", stages, STAGES, Limits::stage);
    }

    /** Tag keys, sorted and distinct: a tag set has no order, and a sorted one reads and compares the same every time. */
    static List<String> tagKeys(List<String> keys) {
        return boundedList("tag keys", keys, TAG_KEYS, k -> bounded("tag key", k, TAG_KEY)).stream()
                .sorted().distinct().toList();
    }

    static List<String> regions(List<String> regions) {
        return boundedList("regions", regions, REGIONS, r -> bounded("region", r, REGION));
    }

    static String region(String region) {
        return bounded("region", region, REGION);
    }

    private static List<String> boundedList(String what, List<String> items, int max,
                                            UnaryOperator<String> each) {
        if (items == null) {
            return List.of();
        }
        if (items.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what);
        }
        return items.stream().map(each).toList();
    }

    private static String bounded(String what, String s, int max) {
        if (s == null) {
            return null;
        }
        if (s.isEmpty() || s.length() > max) {
            // the length only: the text itself is not repeated into an exception message
            throw new IllegalArgumentException(what + " must be 1 to " + max + " characters, was " + s.length());
        }
        return s;
    }
}
