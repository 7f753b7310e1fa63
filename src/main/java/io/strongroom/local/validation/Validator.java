package io.strongroom.local.validation;

import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The constraints of a service model (required members, lengths, ranges, enums, patterns),
 * checked the way AWS checks them: every violation of one request is collected, then reported
 * in one message ("1 validation error detected: Value null at 'keyId' failed to satisfy
 * constraint: Member must not be null"; "2 validation errors detected: ...; ...").
 *
 * <p>A problem is told of a <em>subject</em>, the value and the member it is at: {@link #shown}
 * repeats the value, {@link #unshown} does not (blobs, policies, tokens, and anything that may be
 * long or secret). Members are named as the caller gives them, in AWS's lower camel case.
 */
public final class Validator {

    private static final String FAILED = " failed to satisfy constraint: ";

    private final List<String> problems = new ArrayList<>(2);

    private Validator() {}

    /** A validator for one request, with no problem yet. */
    public static Validator check() {
        return new Validator();
    }

    /** The subject "Value 'v' at 'member'", which repeats the value. */
    public static String shown(String member, Object value) {
        return "Value '" + value + "' at '" + member + "'";
    }

    /** The subject "Value at 'member'", which does not. */
    public static String unshown(String member) {
        return "Value at '" + member + "'";
    }

    // ---- Constraints --------------------------------------------------------------------------

    public Validator notNull(String member, Object value) {
        if (value == null) {
            fails("Value null at '" + member + "'", "Member must not be null");
        }
        return this;
    }

    /** A length check that repeats the value. */
    public Validator length(String member, String value, int min, int max) {
        return value == null ? this : lengthOf(shown(member, value), value.length(), min, max);
    }

    /** A length check that does not repeat the value (policies, long documents). */
    public Validator unshownLength(String member, String value, int min, int max) {
        return value == null ? this : lengthOf(unshown(member), value.length(), min, max);
    }

    /** A length check that repeats a value too short but never one too long, whose text may be long. */
    public Validator boundedLength(String member, String value, int min, int max) {
        return value == null ? this
                : lengthOf(value.length() < min ? shown(member, value) : unshown(member), value.length(), min, max);
    }

    /** A blob's length in bytes; a blob is never repeated. */
    public Validator length(String member, SdkBytes value, int min, int max) {
        return value == null ? this : lengthOf(unshown(member), value.asByteArrayUnsafe().length, min, max);
    }

    /** A list of at most {@code max} members. */
    public Validator size(String member, List<?> value, int max) {
        if (value != null && value.size() > max) {
            fails(unshown(member), "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A length (of text, bytes, code points or members) within {@code min..max}, told of {@code subject}. */
    public Validator lengthOf(String subject, int length, int min, int max) {
        return within(subject, "length", length, min, max);
    }

    public Validator range(String member, Number value, long min, long max) {
        return value == null ? this : rangeOf(shown(member, value), value.longValue(), min, max);
    }

    /**
     * A query-protocol member (STS, IAM) sent as text: its integer, checked within
     * {@code min..max}; null when absent. Text that is not a number is AWS's common
     * {@code InvalidParameterValue} error, thrown at once.
     */
    public Integer queryInteger(String member, String text, int min, int max) {
        if (text == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new AwsException("InvalidParameterValue", 400, "An invalid or out-of-range value was supplied for the input parameter.");
        }
        rangeOf(shown(queryMemberName(member), text), value, min, max);
        return value;
    }

    /** How AWS names a query-protocol member in messages: the first letter lowered (RoleArn → roleArn, SAMLAssertion → sAMLAssertion). */
    public static String queryMemberName(String member) {
        return member.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + member.substring(1);
    }

    /** A number within {@code min..max}, told of {@code subject}. */
    public Validator rangeOf(String subject, long value, long min, long max) {
        return within(subject, "value", value, min, max);
    }

    /** {@code measured} (a length or a value) within {@code min..max}, in AWS's words for {@code measure}. */
    private Validator within(String subject, String measure, long measured, long min, long max) {
        if (measured < min) {
            fails(subject, "Member must have " + measure + " greater than or equal to " + min);
        } else if (measured > max) {
            fails(subject, "Member must have " + measure + " less than or equal to " + max);
        }
        return this;
    }

    public Validator oneOf(String member, String value, Collection<?> allowed) {
        if (value != null && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
            fails(shown(member, value), "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public Validator pattern(String member, String value, Pattern pattern) {
        return value == null ? this : patternOf(shown(member, value), value, pattern, pattern.pattern());
    }

    /** A pattern check that does not repeat the value. */
    public Validator unshownPattern(String member, String value, Pattern pattern) {
        return value == null ? this : patternOf(unshown(member), value, pattern, pattern.pattern());
    }

    /** A pattern check told of {@code subject}, the message quoting the pattern as {@code patternText}. */
    public Validator patternOf(String subject, String value, Pattern pattern, String patternText) {
        if (!pattern.matcher(value).matches()) {
            fails(subject, "Member must satisfy regular expression pattern: " + patternText);
        }
        return this;
    }

    /** Any other constraint {@code subject} breaks, worded by the caller ("Member must ..."). */
    public Validator fails(String subject, String constraint) {
        problems.add(subject + FAILED + constraint);
        return this;
    }

    // ---- Outcome ------------------------------------------------------------------------------

    public boolean failed() {
        return !problems.isEmpty();
    }

    /** Throws a {@code ValidationException} naming every problem, if there is one. */
    public void orThrow() {
        orThrow(AwsException::validation);
    }

    /** Throws the error {@code answer} makes of the message naming every problem, if there is one. */
    public void orThrow(Function<String, AwsException> answer) {
        if (!problems.isEmpty()) {
            throw answer.apply(message());
        }
    }

    /** "1 validation error detected: p" or "N validation errors detected: p1; p2; ...". */
    private String message() {
        String count = problems.size() == 1 ? "1 validation error detected: " : problems.size() + " validation errors detected: ";
        return count + String.join("; ", problems);
    }
}
