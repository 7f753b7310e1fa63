package io.strongroom.local.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import java.util.Map;

/**
 * CloudTrail's {@code responseElements} for a call that changed something: what AWS records of
 * Secrets Manager's answers, the secret's ARN, name and version ({@code arn}, {@code name},
 * {@code versionId}), taken from the response by an allow-list of members, so that no value can
 * ever reach the trail this way. Read-only calls and failures record none (null), as AWS does;
 * other services' answers are not recorded here.
 */
final class ResponseElements {

    /** Response member (wire name) to the key CloudTrail records it under. */
    private static final Map<String, String> SECRETS_MANAGER = Map.of("ARN", "arn", "Name", "name", "VersionId", "versionId");

    private ResponseElements() {}

    /** The JSON object for {@code result} of a mutating call on {@code signingName}, or null when there is nothing to record. */
    static String of(String signingName, SdkPojo result) {
        if (!"secretsmanager".equals(signingName) || result == null) {
            return null;
        }
        ObjectNode out = null;
        for (SdkField<?> field : result.sdkFields()) {
            String key = SECRETS_MANAGER.get(field.locationName());
            if (key != null && field.getValueOrDefault(result) instanceof String value) {
                if (out == null) {
                    out = JsonCodec.mapper().createObjectNode();
                }
                out.put(key, value);
            }
        }
        return out == null ? null : out.toString();
    }
}
