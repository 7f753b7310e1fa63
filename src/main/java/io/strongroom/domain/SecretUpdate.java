package io.strongroom.domain;

/**
 * The changes of one UpdateSecret call; null fields are left as they are. A new value creates a
 * new version labelled AWSCURRENT, made idempotent by {@code clientRequestToken} (required with
 * a value, so a retried or double-clicked save cannot create two versions).
 */
public record SecretUpdate(String description, String kmsKeyId, SecretPayload value, String clientRequestToken) {

    public SecretUpdate {
        if (value != null && clientRequestToken == null) {
            throw new IllegalArgumentException("a new value needs a client request token");
        }
        if (description == null && kmsKeyId == null && value == null) {
            throw new IllegalArgumentException("an update changes at least one of description, KMS key, value");
        }
    }

    public static SecretUpdate description(String description) {
        return new SecretUpdate(description, null, null, null);
    }

    public static SecretUpdate kmsKey(String kmsKeyId) {
        return new SecretUpdate(null, kmsKeyId, null, null);
    }

    public static SecretUpdate value(SecretPayload value, String clientRequestToken) {
        return new SecretUpdate(null, null, value, clientRequestToken);
    }

    @Override
    public String toString() {
        return "SecretUpdate[description=" + description + ", kmsKeyId=" + kmsKeyId
                + (value == null ? "" : ", value ****") + "]";
    }
}
