package io.strongroom.local.kms;

import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkBytes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of KMS's service model (required members, lengths, ranges, enums, patterns),
 * checked the way AWS checks them: every violation of a request is collected and reported in one
 * {@code ValidationException}, worded as AWS words it ("1 validation error detected: Value null
 * at 'keyId' failed to satisfy constraint: Member must not be null").
 *
 * <p>Members are named in lower camel case, as on the wire of AWS's own validator. Blob values
 * (plaintexts, ciphertexts) and policies are never repeated in a message.
 */
final class KmsValidation {

    private final List<String> errors = new ArrayList<>(2);

    static KmsValidation check() {
        return new KmsValidation();
    }

    KmsValidation notNull(String member, Object value) {
        if (value == null) {
            errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    KmsValidation length(String member, String value, int min, int max) {
        if (value != null) {
            lengthOf(shown(value) + " at '" + member + "'", value.length(), min, max);
        }
        return this;
    }

    /** A length check that does not repeat the value (policies, long documents). */
    KmsValidation unshownLength(String member, String value, int min, int max) {
        if (value != null) {
            lengthOf("Value at '" + member + "'", value.length(), min, max);
        }
        return this;
    }

    KmsValidation length(String member, SdkBytes value, int min, int max) {
        if (value != null) {
            lengthOf("Value at '" + member + "'", value.asByteArrayUnsafe().length, min, max);
        }
        return this;
    }

    KmsValidation size(String member, List<?> value, int max) {
        if (value != null && value.size() > max) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return this;
    }

    private void lengthOf(String subject, int length, int min, int max) {
        if (length < min) {
            errors.add(subject + " failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            errors.add(subject + " failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    KmsValidation range(String member, Integer value, int min, int max) {
        if (value != null) {
            if (value < min) {
                errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
            } else if (value > max) {
                errors.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
            }
        }
        return this;
    }

    KmsValidation oneOf(String member, String value, Collection<?> allowed) {
        if (value != null && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
            errors.add(shown(value) + " at '" + member + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    KmsValidation pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(shown(value) + " at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return this;
    }

    /** A pattern check that does not repeat the value. */
    KmsValidation unshownPattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add("Value at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return this;
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    void orThrow() {
        if (!errors.isEmpty()) {
            String count = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
            throw AwsException.validation(count + String.join("; ", errors));
        }
    }

    private static String shown(String value) {
        return "Value '" + value + "'";
    }
}
