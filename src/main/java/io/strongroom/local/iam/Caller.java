package io.strongroom.local.iam;

import java.util.Map;

/**
 * An authenticated principal: the identity every request acts as once its signature checks
 * out.
 *
 * @param accountId   the account the caller belongs to
 * @param arn         the ARN the caller is known by: a user's ARN, or an assumed-role session's
 *                    ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION})
 * @param userName    the user's name, or the role session's name
 * @param userId      the user's unique ID, or {@code ROLEID:SESSION} for a role session
 * @param accessKeyId the access key the request was signed with
 * @param entityArn   the IAM user or role whose policies apply (a role session's role)
 * @param kind        what sort of identity this is
 * @param sessionTags the session tags of temporary credentials (they override the entity's own tags)
 * @param mfa         for temporary credentials, whether MFA was used to get them; null for a
 *                    long-term key, where AWS leaves {@code aws:MultiFactorAuthPresent} out
 * @param sessionCreated for temporary credentials, when STS issued them (CloudTrail's
 *                    {@code sessionContext.attributes.creationDate}); null for a long-term key
 */
public record Caller(String accountId, String arn, String userName, String userId, String accessKeyId,
                     String entityArn, Kind kind, Map<String, String> sessionTags, Boolean mfa, java.time.Instant sessionCreated) {

    /** The identity types CloudTrail names in {@code userIdentity.type}. */
    public enum Kind {
        IAM_USER("IAMUser"), ASSUMED_ROLE("AssumedRole"), ANONYMOUS("Unknown");

        private final String trailName;

        Kind(String trailName) {
            this.trailName = trailName;
        }

        public String trailName() {
            return trailName;
        }
    }

    public Caller {
        sessionTags = sessionTags == null ? Map.of() : Map.copyOf(sessionTags);
    }

    /** A caller whose credentials' issue time is not known. */
    public Caller(String accountId, String arn, String userName, String userId, String accessKeyId,
                  String entityArn, Kind kind, Map<String, String> sessionTags, Boolean mfa) {
        this(accountId, arn, userName, userId, accessKeyId, entityArn, kind, sessionTags, mfa, null);
    }

    /** A user signing with one of its long-term access keys. */
    public static Caller user(String accountId, String arn, String userName, String userId, String accessKeyId) {
        return new Caller(accountId, arn, userName, userId, accessKeyId, arn, Kind.IAM_USER, Map.of(), null);
    }

    /** No proven identity: an action AWS serves unsigned, recorded in {@code accountId}'s trail (or nobody's when null). */
    public static Caller anonymous(String accountId) {
        return new Caller(accountId, null, null, null, null, null, Kind.ANONYMOUS, Map.of(), null);
    }

    /** Whether the caller holds temporary credentials (from STS). */
    public boolean temporary() {
        return mfa != null;
    }

    public boolean roleSession() {
        return kind == Kind.ASSUMED_ROLE;
    }
}
