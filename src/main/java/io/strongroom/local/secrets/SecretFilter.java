package io.strongroom.local.secrets;

import io.strongroom.local.http.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ListSecrets / BatchGetSecretValue filters with Secrets Manager's semantics: values within one
 * filter are alternatives, filters together must all hold; a leading {@code !} negates a value;
 * {@code name}, {@code tag-key}, {@code tag-value}, {@code primary-region} and
 * {@code owning-service} match by case-sensitive prefix; {@code description} by case-insensitive
 * prefix; {@code all} splits its value into words and matches each word, case-insensitively, as
 * a prefix of any word of any attribute.
 */
final class SecretFilter {

    static final Set<String> KEYS = Set.of("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");
    private static final Pattern VALUE = Pattern.compile("^!?[a-zA-Z0-9 :_@/+=.\\-!]*$");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What a filter looks at of one secret. */
    record Subject(String name, String description, List<SecretStore.Tag> tags, String primaryRegion, String owningService) {}

    private record Clause(String key, List<String> positive, List<String> negative) {}

    private final List<Clause> clauses;

    private SecretFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static SecretFilter of(List<Filter> filters) {
        List<Clause> clauses = new ArrayList<>();
        if (filters != null && filters.size() > 10) {
            throw AwsException.validation("1 validation error detected: Value at 'filters' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 10");
        }
        if (filters != null) {
            for (Filter f : filters) {
                String key = f.keyAsString();
                if (key == null || !KEYS.contains(key)) {
                    throw AwsException.validation("1 validation error detected: Value '" + key + "' at 'filters.member.key' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]");
                }
                List<String> values = f.values();
                if (values == null || values.isEmpty() || values.size() > 10) {
                    throw AwsException.invalidParameter("Each filter needs 1 to 10 values; filter '" + key + "' has "
                            + (values == null ? 0 : values.size()) + ".");
                }
                List<String> positive = new ArrayList<>();
                List<String> negative = new ArrayList<>();
                for (String v : values) {
                    if (v == null || v.isEmpty() || v.length() > 512 || !VALUE.matcher(v).matches()) {
                        throw AwsException.invalidParameter("Invalid filter value for '" + key
                                + "': values are 1 to 512 characters of letters, digits, spaces and :_@/+=.-! (a leading ! negates).");
                    }
                    if (v.startsWith("!")) {
                        negative.add(v.substring(1));
                    } else {
                        positive.add(v);
                    }
                }
                clauses.add(new Clause(key, positive, negative));
            }
        }
        return new SecretFilter(clauses);
    }

    /**
     * These filters in a canonical form, for binding a paging token to the result set they
     * select. Filters all must hold and the values of one are alternatives, so neither the order
     * of the filters nor that of the values (nor repeating one) changes the selection and neither
     * counts here; every other difference does. Each part is length-prefixed, so no two different
     * sets of filters give the same text.
     */
    String canonical() {
        java.util.TreeSet<String> parts = new java.util.TreeSet<>();
        for (Clause c : clauses) {
            java.util.TreeSet<String> values = new java.util.TreeSet<>();
            c.positive().forEach(v -> values.add("+" + v));
            c.negative().forEach(v -> values.add("!" + v));
            StringBuilder clause = new StringBuilder();
            field(clause, c.key());
            values.forEach(v -> field(clause, v));
            parts.add(clause.toString());
        }
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> field(out, p));
        return out.toString();
    }

    private static void field(StringBuilder into, String value) {
        into.append(value.length()).append(':').append(value).append(',');
    }

    boolean isEmpty() {
        return clauses.isEmpty();
    }

    boolean needsTags() {
        return clauses.stream().anyMatch(c -> c.key().startsWith("tag-") || c.key().equals("all"));
    }

    boolean matches(Subject s) {
        for (Clause clause : clauses) {
            if (!clause.positive().isEmpty() && clause.positive().stream().noneMatch(v -> matches(clause.key(), v, s))) {
                return false;
            }
            if (clause.negative().stream().anyMatch(v -> matches(clause.key(), v, s))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String key, String value, Subject s) {
        return switch (key) {
            case "name" -> s.name().startsWith(value);
            case "description" -> s.description() != null
                    && s.description().toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT));
            case "tag-key" -> s.tags().stream().anyMatch(t -> t.key().startsWith(value));
            case "tag-value" -> s.tags().stream().anyMatch(t -> t.value().startsWith(value));
            case "primary-region" -> s.primaryRegion() != null && s.primaryRegion().startsWith(value);
            case "owning-service" -> s.owningService() != null && s.owningService().startsWith(value);
            case "all" -> matchesAll(value, s);
            default -> false;
        };
    }

    private static boolean matchesAll(String value, Subject s) {
        List<String> words = new ArrayList<>();
        addWords(words, s.name());
        addWords(words, s.description());
        addWords(words, s.primaryRegion());
        addWords(words, s.owningService());
        for (SecretStore.Tag t : s.tags()) {
            addWords(words, t.key());
            addWords(words, t.value());
        }
        for (String wanted : WORD_SPLIT.split(value.toLowerCase(Locale.ROOT))) {
            if (wanted.isEmpty()) {
                continue;
            }
            if (words.stream().noneMatch(w -> w.startsWith(wanted))) {
                return false;
            }
        }
        return true;
    }

    private static void addWords(List<String> into, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        into.add(lower);
        for (String w : WORD_SPLIT.split(lower)) {
            if (!w.isEmpty()) {
                into.add(w);
            }
        }
    }
}
