package io.strongroom.local.secrets;

import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ListSecrets / BatchGetSecretValue filters with Secrets Manager's semantics.
 *
 * <p>Sources: the API reference's Filter type
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Filter.html) and the user
 * guide's "Find secrets in AWS Secrets Manager"
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_search-secret.html).
 * <ul>
 *   <li>{@code name}, {@code tag-key}, {@code tag-value}, {@code primary-region} and
 *       {@code owning-service}: case-sensitive prefix of the attribute (of any tag key / value).
 *   <li>{@code description}: the words of the value, each a case-insensitive prefix of a word of
 *       the description, in any order. The API reference says "prefix match"; the user guide
 *       says "matches the words in secret descriptions" with the example that
 *       {@code My Description} matches "Description of my secret", and AWS answers as the user
 *       guide says, so the words rule is the one kept.
 *   <li>{@code all}: the value is broken into words and a secret matches when one of its
 *       attributes (name, description, each tag key, each tag value, primary region, owning
 *       service) holds every word as a case-insensitive word prefix: the words have to meet in
 *       the same attribute (AWS's launch post for the search: "includes both 'secrets' and
 *       'for' in the same field").
 *   <li>Words: letters and digits only (space, {@code /}, {@code _}, {@code =}, {@code #} ...
 *       separate words), and a word also ends where lowercase changes to uppercase or a letter
 *       to a digit and back ({@code credsDatabase#892} is {@code creds}, {@code Database},
 *       {@code 892}, as the user guide shows). A value with no word in it ({@code ""},
 *       {@code "/"}) matches no description and nothing under {@code all}; AWS does not say.
 *   <li>Several values in one filter are alternatives; several filters, the same key given
 *       twice included, must all hold. A leading {@code !} negates a value: a secret that a
 *       negated value matches is left out.
 * </ul>
 *
 * <p>Validation follows the service model: a key outside the enum, more than 10 filters, an
 * empty or over-long values list, or a value over 512 characters or outside
 * {@code ^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$} is a {@code ValidationException} in the model
 * validator's wording; every violation is reported, in request order. Key and Values are both
 * optional members in the model, so a filter without one of them passes model validation and
 * the service refuses it with {@code InvalidParameterException}.
 */
final class SecretFilter {

    /** The key enum as the service model lists it; ValidationException messages print it in this order. */
    static final List<String> KEY_ENUM = List.of("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");
    static final Set<String> KEYS = Set.copyOf(KEY_ENUM);
    static final int MAX_FILTERS = 10;
    static final int MAX_VALUES = 10;
    static final int MAX_VALUE_LENGTH = 512;
    private static final String VALUE_PATTERN_TEXT = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";
    private static final Pattern VALUE_PATTERN = Pattern.compile(VALUE_PATTERN_TEXT);

    /** What a filter looks at of one secret. */
    record Subject(String name, String description, List<SecretStore.Tag> tags, String primaryRegion, String owningService) {}

    private record Clause(String key, List<String> positive, List<String> negative) {}

    private final List<Clause> clauses;

    private SecretFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static SecretFilter of(List<Filter> filters) {
        if (filters == null || filters.isEmpty()) {
            return new SecretFilter(List.of());
        }
        validateAgainstModel(filters);
        List<Clause> clauses = new ArrayList<>();
        for (Filter f : filters) {
            // Unverified wording: moto and other tests against AWS report these two messages; the
            // AWS documentation does not give them.
            if (f.keyAsString() == null) {
                throw AwsException.invalidParameter("Invalid filter key");
            }
            if (!f.hasValues()) {
                throw AwsException.invalidParameter("Invalid filter values for key: " + f.keyAsString());
            }
            List<String> positive = new ArrayList<>();
            List<String> negative = new ArrayList<>();
            for (String v : f.values()) {
                if (v.startsWith("!")) {
                    negative.add(v.substring(1));
                } else {
                    positive.add(v);
                }
            }
            clauses.add(new Clause(f.keyAsString(), positive, negative));
        }
        return new SecretFilter(clauses);
    }

    /**
     * The model validator's checks, worded as AWS's validator words them: "N validation
     * error(s) detected: " and each violation ("Value 'v' at 'path' failed to satisfy
     * constraint: ...") joined by "; ". Paths number the filters from 1.
     */
    private static void validateAgainstModel(List<Filter> filters) {
        Validator v = Validator.check();
        if (filters.size() > MAX_FILTERS) {
            v.fails(Validator.shown("filters", filters), "Member must have length less than or equal to " + MAX_FILTERS);
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter f = filters.get(i);
            String at = "filters." + (i + 1) + ".member";
            String key = f.keyAsString();
            if (key != null && !KEYS.contains(key)) {
                v.fails(Validator.shown(at + ".key", key), "Member must satisfy enum value set: " + KEY_ENUM);
            }
            if (!f.hasValues()) {
                continue;
            }
            List<String> values = f.values();
            String shown = Validator.shown(at + ".values", values);
            v.lengthOf(shown, values.size(), 1, MAX_VALUES);
            Set<String> memberFailures = new java.util.LinkedHashSet<>();
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                if (value.length() > MAX_VALUE_LENGTH) {
                    memberFailures.add("Member must have length less than or equal to " + MAX_VALUE_LENGTH);
                }
                if (!VALUE_PATTERN.matcher(value).matches()) {
                    memberFailures.add("Member must satisfy regular expression pattern: " + VALUE_PATTERN_TEXT);
                }
            }
            if (!memberFailures.isEmpty()) {
                v.fails(shown, "Member must satisfy constraint: [" + String.join(", ", memberFailures) + "]");
            }
        }
        v.orThrow();
    }

    /**
     * These filters in a canonical form, for binding a paging token to the result set they
     * select. Filters all must hold and the values of one are alternatives, so neither the order
     * of the filters nor that of the values (nor repeating one) changes the selection and neither
     * counts here; every other difference does. Each part is length-prefixed, so no two different
     * sets of filters give the same text.
     */
    String canonical() {
        TreeSet<String> parts = new TreeSet<>();
        for (Clause c : clauses) {
            TreeSet<String> values = new TreeSet<>();
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
            case "description" -> wordsMatch(words(value), s.description());
            case "tag-key" -> s.tags().stream().anyMatch(t -> t.key().startsWith(value));
            case "tag-value" -> s.tags().stream().anyMatch(t -> t.value().startsWith(value));
            case "primary-region" -> s.primaryRegion() != null && s.primaryRegion().startsWith(value);
            case "owning-service" -> s.owningService() != null && s.owningService().startsWith(value);
            case "all" -> matchesAll(value, s);
            default -> false;
        };
    }

    private static boolean matchesAll(String value, Subject s) {
        List<String> wanted = words(value);
        if (wordsMatch(wanted, s.name()) || wordsMatch(wanted, s.description())
                || wordsMatch(wanted, s.primaryRegion()) || wordsMatch(wanted, s.owningService())) {
            return true;
        }
        for (SecretStore.Tag t : s.tags()) {
            if (wordsMatch(wanted, t.key()) || wordsMatch(wanted, t.value())) {
                return true;
            }
        }
        return false;
    }

    /** Whether every wanted word is a prefix of some word of {@code text}. No wanted word: no match. */
    private static boolean wordsMatch(List<String> wanted, String text) {
        if (wanted.isEmpty() || text == null) {
            return false;
        }
        List<String> have = words(text);
        return wanted.stream().allMatch(w -> have.stream().anyMatch(h -> h.startsWith(w)));
    }

    /**
     * The lowercased words of a text: runs of letters and digits, cut again where a lowercase
     * letter is followed by an uppercase one and where letters and digits meet.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetterOrDigit(c)) {
                flush(out, word);
                previous = -1;
                continue;
            }
            if (previous != -1 && startsNewWord(previous, c)) {
                flush(out, word);
            }
            word.appendCodePoint(c);
            previous = c;
        }
        flush(out, word);
        return out;
    }

    private static boolean startsNewWord(int previous, int c) {
        if (Character.isLowerCase(previous) && Character.isUpperCase(c)) {
            return true;
        }
        return Character.isDigit(previous) != Character.isDigit(c);
    }

    private static void flush(List<String> out, StringBuilder word) {
        if (word.length() > 0) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
