package io.strongroom.domain;

/**
 * Which version of a secret to read: by version ID, by staging label, or (both null) the
 * current one. AWS accepts both together only when they name the same version.
 */
public record VersionSelector(String versionId, String stage) {

    public static final String AWSCURRENT = "AWSCURRENT";
    public static final String AWSPREVIOUS = "AWSPREVIOUS";
    public static final String AWSPENDING = "AWSPENDING";

    public static VersionSelector current() {
        return new VersionSelector(null, null);
    }

    public static VersionSelector stage(String stage) {
        return new VersionSelector(null, stage);
    }

    public static VersionSelector version(String versionId) {
        return new VersionSelector(versionId, null);
    }
}
