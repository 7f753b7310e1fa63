package io.strongroom.domain;

/**
 * The kind of source an {@link Account} came from, so the scope picker can group accounts:
 * the embedded store, a custom endpoint, an AWS profile (static keys, assume role, credential
 * process), an IAM Identity Center (SSO) profile, or an AWS Organizations member.
 */
public enum SourceKind {
    EMBEDDED, CUSTOM_ENDPOINT, PROFILE, SSO, ORGANIZATION;

    /** The kind an origin label names, for accounts built before the kind was recorded. */
    public static SourceKind ofOrigin(String origin) {
        if (origin.equals("embedded store")) {
            return EMBEDDED;
        }
        if (origin.startsWith("custom endpoint")) {
            return CUSTOM_ENDPOINT;
        }
        if (origin.startsWith("organization")) {
            return ORGANIZATION;
        }
        if (origin.equals("profile (SSO)")) {
            return SSO;
        }
        return PROFILE;
    }
}
