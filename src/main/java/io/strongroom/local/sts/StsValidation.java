package io.strongroom.local.sts;

import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS's parameter checks over the store's one {@link Validator}, reported as AWS reports them: every constraint a request breaks,
 * in one {@code ValidationError} (HTTP 400) whose message reads
 * {@code "N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: ..."},
 * the constraints being those of the botocore STS model (lengths, patterns, ranges).
 *
 * <p>Choices where AWS was not observed: constraints are reported in the model's member order,
 * a member's length before its pattern; a token or assertion is never echoed (AWS leaves the
 * value out for sensitive members: {@code "Value at 'webIdentityToken' ..."}); an integer that
 * is not a number is AWS's common {@code InvalidParameterValue} error with its documented text.
 */
final class StsValidation {

    /** The model's {@code arnType} pattern, as the message quotes it. */
    static final String ARN_PATTERN_TEXT = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+";
    static final Pattern ARN_PATTERN = Pattern.compile("[\\t\\n\\r\\x{20}-\\x{7E}\\x{85}\\x{A0}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]+");
    /** {@code roleSessionNameType} and {@code sourceIdentityType}. */
    static final String SESSION_NAME_PATTERN_TEXT = "[\\w+=,.@-]*";
    static final Pattern SESSION_NAME_PATTERN = Pattern.compile("[\\w+=,.@-]*");
    /** {@code sessionPolicyDocumentType}. */
    static final String POLICY_PATTERN_TEXT = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    static final Pattern POLICY_PATTERN = Pattern.compile("[\\t\\n\\r\\x{20}-\\x{FF}]+");
    /** {@code accessKeyIdType}. */
    static final String ACCESS_KEY_ID_PATTERN_TEXT = "[\\w]*";
    static final Pattern ACCESS_KEY_ID_PATTERN = Pattern.compile("[\\w]*");

    private final Map<String, String> parameters;
    private final Validator problems = Validator.check();

    StsValidation(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** Checks a string member; returns its value (null when absent). */
    String string(String member, boolean required, int min, int max, Pattern pattern, String patternText) {
        return check(member, required, min, max, pattern, patternText, false);
    }

    /** As {@link #string}, for a member whose value a message must never show (a token, an assertion). */
    String withheld(String member, boolean required, int min, int max) {
        return check(member, required, min, max, null, null, true);
    }

    /** Checks an integer member within {@code min..max}; returns it, or null when absent. */
    Integer integer(String member, int min, int max) {
        return problems.queryInteger(member, parameters.get(member), min, max);
    }

    /** Throws the ValidationError naming every broken constraint, if any was. */
    void done() {
        problems.orThrow(StsValidation::validationError);
    }

    private static AwsException validationError(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    private String check(String member, boolean required, int min, int max, Pattern pattern, String patternText, boolean withheld) {
        String value = parameters.get(member);
        String name = memberName(member);
        if (value == null) {
            if (required) {
                problems.notNull(name, null);
            }
            return null;
        }
        String subject = withheld ? Validator.unshown(name) : Validator.shown(name, value);
        problems.lengthOf(subject, value.codePointCount(0, value.length()), min, max);
        if (pattern != null) {
            problems.patternOf(subject, value, pattern, patternText);
        }
        return value;
    }

    /** AWS names members in messages with the first letter lowered: RoleArn → roleArn, SAMLAssertion → sAMLAssertion. */
    static String memberName(String member) {
        return Validator.queryMemberName(member);
    }
}
