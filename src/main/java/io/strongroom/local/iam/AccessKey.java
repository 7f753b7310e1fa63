package io.strongroom.local.iam;

/**
 * A local access key pair as handed to a user who needs it (the {@code serve} banner, the
 * console's own clients). {@link #toString()} never shows the secret half.
 */
public record AccessKey(String accountId, String principalArn, String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + " for " + principalArn + "]";
    }
}
