package io.strongroom.local.secrets;

import io.strongroom.local.validation.Validator;
import io.strongroom.local.wire.AwsException;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Shape constraints from the Secrets Manager model, checked before anything is touched with the
 * store's one {@link Validator}. Secrets Manager answers with the first problem it finds, so each
 * check reports at once ("1 validation error detected: …"); values of sensitive members, and
 * values too long, are never echoed.
 */
final class Validation {

    static final int MAX_VALUE_BYTES = 65_536;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@\\-]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-]+");

    private Validation() {}

    static <T> T required(T value, String member) {
        Validator.check().notNull(member, value).orThrow();
        return value;
    }

    static void length(String value, String member, int min, int max) {
        Validator.check().boundedLength(member, value, min, max).orThrow();
    }

    static void range(Number value, String member, long min, long max) {
        Validator.check().range(member, value, min, max).orThrow();
    }

    static void secretName(String name) {
        required(name, "name");
        length(name, "name", 1, 512);
        if (!NAME.matcher(name).matches()) {
            throw AwsException.invalidParameter("Invalid name. Must be a valid name containing alphanumeric characters, "
                    + "or any of the following: -/_+=.@!");
        }
    }

    static void secretId(String id) {
        required(id, "secretId");
        length(id, "secretId", 1, 2048);
    }

    static void clientRequestToken(String token) {
        if (token == null) {
            return;
        }
        length(token, "clientRequestToken", 32, 64);
        if (!TOKEN.matcher(token).matches()) {
            throw AwsException.invalidParameter("ClientRequestToken must contain only letters, digits and hyphens.");
        }
    }

    static void description(String d) {
        length(d, "description", 0, 2048);
    }

    static void kmsKeyId(String k) {
        length(k, "kmsKeyId", 0, 2048);
    }

    /** Exactly the value limits of AWS: 1 to 65,536 bytes, never both string and binary. */
    static SecretValue value(String string, software.amazon.awssdk.core.SdkBytes binary, boolean required) {
        if (string != null && binary != null) {
            throw AwsException.invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (string != null) {
            bytes("secretString", string.getBytes(StandardCharsets.UTF_8).length);
            return SecretValue.ofString(string);
        }
        if (binary != null) {
            byte[] b = binary.asByteArray();
            bytes("secretBinary", b.length);
            return SecretValue.ofBinary(b);
        }
        if (required) {
            throw AwsException.invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        return null;
    }

    private static void bytes(String member, int bytes) {
        Validator.check().lengthOf(Validator.unshown(member), bytes, 1, MAX_VALUE_BYTES).orThrow();
    }

    static void stage(String stage, String member) {
        required(stage, member);
        length(stage, member, 1, 256);
    }

    static void versionId(String id, String member) {
        length(id, member, 32, 64);
    }
}
