package io.strongroom.domain;

import java.util.List;
import java.util.Objects;

/**
 * One server-side ListSecrets filter. Matching is done by Secrets Manager: {@code name},
 * {@code tag-key}, {@code tag-value}, {@code primary-region}, {@code owning-service} match by
 * case-sensitive prefix; {@code description} matches words (each value word starts a word of the
 * description, any case, any order), and {@code all} matches words within one attribute (name,
 * description, a tag key or value, primary region or owning service). A negated filter excludes matches (AWS: a leading {@code !} on each
 * value). Passing filters to the server instead of filtering locally keeps listing a large
 * estate cheap (fewer pages, fewer billed calls).
 */
public record SecretFilter(Key key, List<String> values, boolean negated) {

    /** The most values AWS accepts in one filter. */
    public static final int MAX_VALUES = 10;

    /** Secrets Manager's filter keys, with their wire names. */
    public enum Key {
        NAME("name"), DESCRIPTION("description"), TAG_KEY("tag-key"), TAG_VALUE("tag-value"),
        PRIMARY_REGION("primary-region"), OWNING_SERVICE("owning-service"), ALL("all");

        private final String wireName;

        Key(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public SecretFilter {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("a filter takes 1 to " + MAX_VALUES + " values");
        }
        for (String v : values) {
            if (v.isEmpty() || v.startsWith("!")) {
                throw new IllegalArgumentException("filter values are non-empty; negate with negate(), not a leading '!'");
            }
        }
    }

    public static SecretFilter of(Key key, String... values) {
        return new SecretFilter(key, List.of(values), false);
    }

    /** The same filter, excluding what it matched. */
    public SecretFilter negate() {
        return new SecretFilter(key, values, !negated);
    }

    /** Values as sent on the wire: prefixed with {@code !} when negated. */
    public List<String> wireValues() {
        return negated ? values.stream().map(v -> "!" + v).toList() : values;
    }
}
