package io.strongroom.local.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request's condition keys and their values. Key names are case-insensitive, as in AWS;
 * values are kept as given. A key may carry several values ({@code aws:TagKeys}); a key that is
 * not here is absent from the request, which is what {@code Null} and {@code ...IfExists} test.
 */
public final class ConditionContext {

    private static final ConditionContext EMPTY = new ConditionContext(Map.of());

    private final Map<String, List<String>> values;

    private ConditionContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ConditionContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of {@code key}, or null when the request does not carry it. */
    public List<String> values(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /** As {@link #values} for a key already in lower case (the evaluator's path). */
    List<String> valuesOfLowerCaseKey(String lowerCaseKey) {
        return values.get(lowerCaseKey);
    }

    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            return put(key, List.of(value));
        }

        public Builder put(String key, List<String> keyValues) {
            values.put(key.toLowerCase(Locale.ROOT), List.copyOf(keyValues));
            return this;
        }

        public ConditionContext build() {
            return new ConditionContext(Map.copyOf(values));
        }
    }
}
