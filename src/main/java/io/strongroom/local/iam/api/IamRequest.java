package io.strongroom.local.iam.api;

import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One IAM request's parameters, read and checked against the botocore IAM model's constraints
 * (lengths, patterns, ranges, enums). Every broken constraint is collected and {@link #done()}
 * reports them together as IAM does: one {@code ValidationError} (HTTP 400) reading
 * {@code "N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: ..."}.
 *
 * <p>Choices where AWS was not observed: a member's length is reported before its pattern; a
 * policy document is never echoed; a number or boolean that does not parse is AWS's common
 * {@code InvalidParameterValue}.
 */
final class IamRequest {

    /** A string member's constraints as the model states them; the pattern is quoted as written there. */
    record Spec(int min, int max, String patternText, Pattern pattern) {
        static Spec of(int min, int max, String patternText) {
            return new Spec(min, max, patternText, patternText == null ? null : Pattern.compile(patternText));
        }
    }

    private static final String NAME_PATTERN = "[\\w+=,.@-]+";
    static final Spec USER_NAME = Spec.of(1, 64, NAME_PATTERN);
    /** {@code existingUserNameType}: the model allows longer names where a user is only looked up. */
    static final Spec EXISTING_USER_NAME = Spec.of(1, 128, NAME_PATTERN);
    static final Spec ROLE_NAME = Spec.of(1, 64, NAME_PATTERN);
    static final Spec POLICY_NAME = Spec.of(1, 128, NAME_PATTERN);
    static final Spec PATH = Spec.of(1, 512, "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)");
    static final Spec PATH_PREFIX = Spec.of(1, 512, "\\u002F[\\u0021-\\u007F]*");
    static final Spec POLICY_PATH = Spec.of(1, 512, "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
    static final Spec ARN = Spec.of(20, 2048, null);
    static final Spec ACCESS_KEY_ID = Spec.of(16, 128, "[\\w]+");
    static final Spec ROLE_DESCRIPTION = Spec.of(0, 1000, "[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*");
    static final Spec POLICY_DESCRIPTION = Spec.of(0, 1000, null);
    static final Spec VERSION_ID = Spec.of(0, Integer.MAX_VALUE, "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    static final Spec MARKER = Spec.of(1, 320, "[\\u0020-\\u00FF]+");
    private static final Spec DOCUMENT = Spec.of(1, 131_072, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final Spec TAG_KEY = Spec.of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final Spec TAG_VALUE = Spec.of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    static final int MAX_TAGS = 50;
    static final int DEFAULT_MAX_ITEMS = 100;

    private final Map<String, String> parameters;
    private final Validator problems = Validator.check();

    IamRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** A string member; its value, or null when absent. */
    String string(String member, boolean required, Spec spec) {
        return check(member, parameters.get(member), required, spec, true);
    }

    /** A policy document member (required): checked, never echoed in a message. */
    String document(String member) {
        return check(member, parameters.get(member), true, DOCUMENT, false);
    }

    /** An optional policy document member: checked when present, never echoed. */
    String optionalDocument(String member) {
        return check(member, parameters.get(member), false, DOCUMENT, false);
    }

    /**
     * A list member ({@code Member.member.1}, {@code .2}...), each entry checked against
     * {@code spec} (named {@code member.N.member} in messages, as AWS names list entries);
     * {@code shown} is whether an entry may be repeated in a message (never a document). An
     * empty list ({@code Member=} alone, as the SDK sends one) is no list.
     */
    List<String> list(String member, boolean required, Spec spec, boolean shown) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 1; parameters.containsKey(member + ".member." + i); i++) {
            values.add(check(member + "." + i + ".member", parameters.get(member + ".member." + i), true, spec, shown));
        }
        if (required && values.isEmpty()) {
            problems.notNull(memberName(member), null);
        }
        return values;
    }

    /** A list of policy documents (never echoed). */
    List<String> documents(String member, boolean required) {
        return list(member, required, DOCUMENT, false);
    }

    /**
     * A member of a structure in a list, read from {@code parameter} ({@code Entries.member.1.Name})
     * and named {@code messageName} in messages ({@code entries.1.member.name}).
     */
    String nested(String parameter, String messageName, Spec spec) {
        String value = parameters.get(parameter);
        if (value != null) {
            problems.lengthOf(Validator.shown(messageName, value), value.codePointCount(0, value.length()), spec.min(), spec.max());
        }
        return value;
    }

    /** An enum member of a structure in a list, as {@link #nested}; null when absent. */
    String nestedOneOf(String parameter, String messageName, List<String> allowed) {
        String value = parameters.get(parameter);
        problems.oneOf(messageName, value, allowed);
        return value;
    }

    /** A parameter as given (a value the caller checks itself), or null. */
    String raw(String name) {
        return parameters.get(name);
    }

    /** Whether any parameter starts with {@code prefix}. */
    boolean has(String prefix) {
        return parameters.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** An enum member; its value, or {@code absent} when not given (a problem if it is required). */
    String oneOf(String member, boolean required, List<String> allowed, String absent) {
        String value = parameters.get(member);
        if (required) {
            problems.notNull(memberName(member), value);
        }
        problems.oneOf(memberName(member), value, allowed);
        return value == null ? absent : value;
    }

    /** An integer member within {@code min..max}, or null when absent. */
    Integer integer(String member, int min, int max) {
        return problems.queryInteger(member, parameters.get(member), min, max);
    }

    /** A boolean member ({@code true} or {@code false}); {@code absent} when not given. */
    boolean bool(String member, boolean absent) {
        String text = parameters.get(member);
        if (text == null) {
            return absent;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalidParameterValue();
        };
    }

    /** {@code MaxItems} (1..1000, default 100). */
    int maxItems() {
        Integer max = integer("MaxItems", 1, 1000);
        return max == null ? DEFAULT_MAX_ITEMS : max;
    }

    /** {@code Marker}, or null. */
    String marker() {
        return string("Marker", false, MARKER);
    }

    /**
     * {@code Tags.member.N.Key} / {@code .Value}, in order, at most 50; a key given twice (IAM's
     * keys ignore case) is {@code InvalidInput}.
     */
    Map<String, String> tags(boolean required) {
        Map<String, String> tags = new LinkedHashMap<>();
        java.util.Set<String> lowerKeys = new java.util.HashSet<>();
        for (int i = 1; parameters.containsKey("Tags.member." + i + ".Key") || parameters.containsKey("Tags.member." + i + ".Value"); i++) {
            String key = check("tags." + i + ".member.key", parameters.get("Tags.member." + i + ".Key"), true, TAG_KEY, true);
            String value = check("tags." + i + ".member.value", parameters.get("Tags.member." + i + ".Value"), true, TAG_VALUE, true);
            if (key != null && !lowerKeys.add(key.toLowerCase(Locale.ROOT))) {
                throw new AwsException("InvalidInput", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            if (key != null && value != null) {
                tags.put(key, value);
            }
        }
        if (tags.size() > MAX_TAGS) {
            problems.fails(Validator.unshown("tags"), "Member must have length less than or equal to " + MAX_TAGS);
        }
        if (required && tags.isEmpty() && !parameters.containsKey("Tags")) {
            problems.notNull("tags", null);
        }
        return tags;
    }

    /** Throws the ValidationError naming every broken constraint, if any was. */
    void done() {
        problems.orThrow(message -> new AwsException("ValidationError", 400, message));
    }

    private String check(String member, String value, boolean required, Spec spec, boolean shown) {
        String name = memberName(member);
        if (value == null) {
            if (required) {
                problems.notNull(name, null);
            }
            return null;
        }
        String subject = shown ? Validator.shown(name, value) : Validator.unshown(name);
        problems.lengthOf(subject, value.codePointCount(0, value.length()), spec.min(), spec.max());
        if (spec.pattern() != null) {
            problems.patternOf(subject, value, spec.pattern(), spec.patternText());
        }
        return value;
    }

    private static AwsException invalidParameterValue() {
        return new AwsException("InvalidParameterValue", 400, "An invalid or out-of-range value was supplied for the input parameter.");
    }

    /** AWS names members in messages with the first letter lowered: UserName → userName. */
    static String memberName(String member) {
        return Validator.queryMemberName(member);
    }
}
