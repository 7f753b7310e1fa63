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
     */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialsRef {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        public StaticKeys(String accessKeyId, String secretAccessKey) {
            this(accessKeyId, secretAccessKey, null);
        }

        @Override
        public String id() {
            return "keys:" + accessKeyId;
        }

        @Override
        public String toString() {
            return "StaticKeys[" + accessKeyId + ", secret ****" + (sessionToken == null ? "" : ", session token ****") + "]";
        }
    }

    /**
     * A named profile from the AWS shared config and credentials files, resolved by the SDK's own
     * profile support (static keys, assume-role with {@code source_profile}, SSO,
     * {@code credential_process}). Null paths mean the SDK's defaults ({@code ~/.aws/config},
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
}
