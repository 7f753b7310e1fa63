package io.strongroom.local.kms;

import io.strongroom.local.wire.AwsException;

/** KMS's own error codes. */
public final class KmsErrors {
    private KmsErrors() {}

    public static AwsException notFound(String message) {
        return new AwsException("NotFoundException", 400, message);
    }

    public static AwsException disabled(String message) {
        return new AwsException("DisabledException", 400, message);
    }

    public static AwsException invalidState(String message) {
        return new AwsException("KMSInvalidStateException", 400, message);
    }

    public static AwsException invalidCiphertext(String message) {
        return new AwsException("InvalidCiphertextException", 400, message);
    }

    public static AwsException incorrectKey(String message) {
        return new AwsException("IncorrectKeyException", 400, message);
    }

    public static AwsException alreadyExists(String message) {
        return new AwsException("AlreadyExistsException", 400, message);
    }

    public static AwsException invalidAliasName(String message) {
        return new AwsException("InvalidAliasNameException", 400, message);
    }

    public static AwsException invalidArn(String message) {
        return new AwsException("InvalidArnException", 400, message);
    }

    public static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocumentException", 400, message);
    }

    public static AwsException tag(String message) {
        return new AwsException("TagException", 400, message);
    }

    public static AwsException unsupported(String message) {
        return new AwsException("UnsupportedOperationException", 400, message);
    }

    public static AwsException invalidMarker(String message) {
        return new AwsException("InvalidMarkerException", 400, message);
    }

    public static AwsException invalidKeyUsage(String message) {
        return new AwsException("InvalidKeyUsageException", 400, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", 400, message);
    }

    /** What KMS answers when an alias under the reserved {@code alias/aws/} prefix is created, changed or deleted. */
    public static AwsException notAuthorized(String message) {
        return new AwsException("NotAuthorizedException", 400, message);
    }

    /** A request that passed every check but asked not to be carried out ({@code DryRun}); HTTP 412 as in KMS. */
    public static AwsException dryRun() {
        return new AwsException("DryRunOperationException", 412, "The request would have succeeded, but the DryRun option is set.");
    }

    public static AwsException customKeyStoreNotFound(String customKeyStoreId) {
        return new AwsException("CustomKeyStoreNotFoundException", 400, "Custom key store '" + customKeyStoreId + "' does not exist.");
    }

    public static AwsException invalidSignature(String message) {
        return new AwsException("KMSInvalidSignatureException", 400, message);
    }

    public static AwsException invalidMac(String message) {
        return new AwsException("KMSInvalidMacException", 400, message);
    }

    public static AwsException dependencyTimeout(String message) {
        return new AwsException("DependencyTimeoutException", 503, message);
    }
}
