package io.strongroom.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a scope's requests are signed, as plain values: the service layer turns this into an SDK
 * credentials provider. Two scopes with equal references share one SDK client per region.
 *
 * <p>{@link #id()} is a stable, printable identity that never contains secret material.
 */
public sealed interface CredentialsRef {

    /** A printable identity for this reference, safe for logs and labels. */
    String id();

    /**
     * A static access key pair (the embedded store's per-account keys, a custom endpoint's keys,
     * or keys typed in by the user). {@code sessionToken} is null for long-term keys.
     *
     * <p>A class, not a record, on purpose: records expose every component to reflective
     * serializers (Jackson writes record components), and a {@link Scope} travels inside every
     * {@link SecretSummary}. With no bean getters here, serializing a summary by reflection fails
     * loudly instead of writing the secret key into an export.
     */
    final class StaticKeys implements CredentialsRef {
        private final String accessKeyId;
        private final String secretAccessKey;
        private final String sessionToken;

        public StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
            this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
            this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            this.sessionToken = sessionToken;
        }

        public StaticKeys(String accessKeyId, String secretAccessKey) {
            this(accessKeyId, secretAccessKey, null);
        }

        public String accessKeyId() {
            return accessKeyId;
        }

        public String secretAccessKey() {
            return secretAccessKey;
        }

        public String sessionToken() {
            return sessionToken;
        }

        @Override
        public String id() {
            return "keys:" + accessKeyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StaticKeys k && accessKeyId.equals(k.accessKeyId)
                    && secretAccessKey.equals(k.secretAccessKey) && Objects.equals(sessionToken, k.sessionToken);
        }

        @Override
        public int hashCode() {
            // the key ID alone: a hash of the secret half is a leak if it is ever printed
            return accessKeyId.hashCode();
        }

        @Override
        public String toString() {
            return "StaticKeys[" + accessKeyId + ", secret ****" + (sessionToken == null ? "" : ", session token ****") + "]";
        }
    }

    /**
     * A named profile from the AWS shared config and credentials files, read with the SDK's own
     * parser and resolved by the service layer's sign-in (static keys, assume-role chains with
     * {@code source_profile} and MFA, SSO, {@code credential_process}). Null paths mean the SDK's defaults ({@code ~/.aws/config},
     * {@code ~/.aws/credentials}, or the {@code AWS_CONFIG_FILE} / {@code aws.configFile}
     * overrides).
     */
    record Profile(String profileName, Path configFile, Path credentialsFile) implements CredentialsRef {
        public Profile {
            Objects.requireNonNull(profileName, "profileName");
        }

        public Profile(String profileName) {
            this(profileName, null, null);
        }

        @Override
        public String id() {
            return "profile:" + profileName;
        }
    }

    /**
     * A role assumed with another reference's credentials (STS AssumeRole): how an organization's
     * member accounts are reached from the management account. {@code stsEndpoint} is where STS
     * is called (the embedded store, a custom endpoint), or null for AWS's own.
     */
    record AssumedRole(CredentialsRef source, String roleArn, String sessionName, java.net.URI stsEndpoint)
            implements CredentialsRef {
        public AssumedRole {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(sessionName, "sessionName");
        }

        @Override
        public String id() {
            return "role:" + roleArn + " via " + source.id();
        }

        @Override
        public String toString() {
            return "AssumedRole[" + roleArn + " via " + source.id() + "]";
        }
    }
}
