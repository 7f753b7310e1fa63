package io.strongroom.local.sts;

import io.strongroom.local.http.RequestContext;
import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Accounts;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.iam.IamRole;
import io.strongroom.local.iam.MfaDevices;
import io.strongroom.local.iam.PolicyCache;
import io.strongroom.local.iam.Sessions;
import io.strongroom.local.wire.AwsException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Temporary credentials: AssumeRole and GetSessionToken, as STS issues them.
 *
 * <p>AssumeRole needs both sides, as AWS documents it: the role's trust policy (evaluated as the
 * role's resource-based policy) and, unless the trust policy names the caller itself in the same
 * account, the caller's identity policy allowing {@code sts:AssumeRole} on the role; session tags
 * also need {@code sts:TagSession}. Condition keys {@code sts:ExternalId},
 * {@code sts:RoleSessionName}, {@code aws:RequestTag/*} and {@code aws:TagKeys} are given to both.
 * A role that does not exist is refused exactly as one that does not trust the caller. A role
 * session assuming a role (role chaining) gets at most one hour.
 *
 * <p>MFA ({@code SerialNumber}, {@code TokenCode}): an IAM user names one of its enabled
 * virtual MFA devices and a current code (each code is good once); the request is then made
 * with {@code aws:MultiFactorAuthPresent} true and {@code aws:MultiFactorAuthAge} 0, so a trust
 * policy that requires MFA is met, and the session it gets is an MFA session. A wrong, reused or
 * missing half is refused with STS's AccessDenied messages.
 *
 * <p>Session policies ({@code Policy}, {@code PolicyArns}) are refused with
 * {@code InvalidParameterValue} until the store can evaluate them: accepting a session policy
 * and ignoring it would grant more than was asked.
 */
final class RoleSessions {

    static final int MIN_DURATION = 900;
    static final int MAX_ROLE_DURATION = 43_200;
    static final int CHAINED_MAX_DURATION = 3600;
    static final int SESSION_TOKEN_DEFAULT = 43_200;
    static final int SESSION_TOKEN_MAX = 129_600;
    static final int MAX_SESSION_TAGS = 50;

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\x{21}-\\x{7E}]*/)?([\\w+=,.@-]+)");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    private static final String EXTERNAL_ID_TEXT = "[\\w+=,.@:\\/-]*";
    private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]*");
    private static final String SERIAL_TEXT = "[\\w+=/:,.@-]*";
    private static final Pattern TOKEN_CODE = Pattern.compile("\\d*");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

    private final Accounts accounts;
    private final PolicyCache policies = new PolicyCache();

    RoleSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    String assumeRole(RequestContext ctx, Map<String, String> params) {
        StsValidation check = new StsValidation(params);
        String roleArn = check.string("RoleArn", true, 20, 2048, StsValidation.ARN_PATTERN, StsValidation.ARN_PATTERN_TEXT);
        String sessionName = check.string("RoleSessionName", true, 2, 64, StsValidation.SESSION_NAME_PATTERN,
                StsValidation.SESSION_NAME_PATTERN_TEXT);
        Integer duration = check.integer("DurationSeconds", MIN_DURATION, MAX_ROLE_DURATION);
        String externalId = check.string("ExternalId", false, 2, 1224, EXTERNAL_ID, EXTERNAL_ID_TEXT);
        check.string("Policy", false, 1, 2048, StsValidation.POLICY_PATTERN, StsValidation.POLICY_PATTERN_TEXT);
        String serial = check.string("SerialNumber", false, 9, 256, SERIAL, SERIAL_TEXT);
        String tokenCode = tokenCode(check);
        check.done();
        refuseUnsupported(params);
        Map<String, String> tags = sessionTags(params);
        boolean withMfa = mfa(ctx, serial, tokenCode);

        Caller caller = ctx.caller();
        Optional<IamRole> role = ROLE_ARN.matcher(roleArn).matches() ? accounts.iam().roleByArn(roleArn) : Optional.empty();
        String roleAccount = role.map(IamRole::accountId).orElseGet(() -> accountOf(roleArn));
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        conditions.put("sts:RoleSessionName", List.of(sessionName));
        if (externalId != null) {
            conditions.put("sts:ExternalId", List.of(externalId));
        }
        if (withMfa) {
            conditions.put("aws:MultiFactorAuthPresent", List.of("true"));
            conditions.put("aws:MultiFactorAuthAge", List.of("0"));
        }
        if (!tags.isEmpty()) {
            tags.forEach((k, v) -> conditions.put("aws:RequestTag/" + k, List.of(v)));
            conditions.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        AccessTarget target = AccessTarget.role(roleArn, roleAccount,
                role.map(r -> policies.trustPolicy(r.arn(), r.trustPolicy())).orElse(null), conditions);
        if (role.isEmpty()) {
            // No role, no trust policy: refused as a role that does not trust the caller, never "no such role".
            throw AwsException.accessDenied("User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        ctx.authorize("sts:AssumeRole", target);
        if (!tags.isEmpty()) {
            ctx.authorize("sts:TagSession", target);
        }
        IamRole r = role.get();
        boolean chained = caller.roleSession();
        int seconds = duration == null ? CHAINED_MAX_DURATION : duration;
        if (chained && seconds > CHAINED_MAX_DURATION) {
            throw new AwsException("ValidationError", 400,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (seconds > r.maxSessionSeconds()) {
            throw new AwsException("ValidationError", 400, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String sessionArn = "arn:aws:sts::" + r.accountId() + ":assumed-role/" + r.roleName() + "/" + sessionName;
        String assumedRoleId = r.roleId() + ":" + sessionName;
        Instant expiration = ctx.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofSeconds(seconds));
        Sessions.Issued issued = accounts.issueSession(new Sessions.Grant(r.accountId(), sessionArn, assumedRoleId, r.arn(), sessionName,
                caller.arn(), tags, Boolean.TRUE.equals(caller.mfa()) || withMfa, chained), expiration);
        String result = credentials(issued)
                + "<AssumedRoleUser>" + Xml.element("AssumedRoleId", assumedRoleId) + Xml.element("Arn", sessionArn) + "</AssumedRoleUser>";
        if (!tags.isEmpty()) {
            result += Xml.element("PackedPolicySize", Integer.toString(packedSize(tags)));
        }
        return result;
    }

    String getSessionToken(RequestContext ctx, Map<String, String> params) {
        StsValidation check = new StsValidation(params);
        Integer duration = check.integer("DurationSeconds", MIN_DURATION, SESSION_TOKEN_MAX);
        String serial = check.string("SerialNumber", false, 9, 256, SERIAL, SERIAL_TEXT);
        String tokenCode = tokenCode(check);
        check.done();
        refuseUnsupported(params);
        Caller caller = ctx.caller();
        if (caller.temporary()) {
            throw AwsException.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        boolean withMfa = mfa(ctx, serial, tokenCode);
        int seconds = duration == null ? SESSION_TOKEN_DEFAULT : duration;
        Instant expiration = ctx.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofSeconds(seconds));
        Sessions.Issued issued = accounts.issueSession(new Sessions.Grant(caller.accountId(), caller.arn(), caller.userId(),
                caller.entityArn(), null, caller.arn(), Map.of(), withMfa, false), expiration);
        return credentials(issued);
    }

    private static void refuseUnsupported(Map<String, String> params) {
        for (String member : List.of("Policy", "PolicyArns.member.1.arn", "ProvidedContexts.member.1.ProviderArn")) {
            if (params.containsKey(member)) {
                String what = member.startsWith("Policy") ? "Session policies" : "Provided contexts";
                throw new AwsException("InvalidParameterValue", 400, what + " are not supported by the Strongroom embedded store yet.");
            }
        }
    }

    /** {@code Tags.member.N.Key} / {@code .Value}, in order; at most 50, keys unique regardless of case. */
    private static Map<String, String> sessionTags(Map<String, String> params) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> lowerKeys = new ArrayList<>();
        for (int i = 1; params.containsKey("Tags.member." + i + ".Key"); i++) {
            String key = params.get("Tags.member." + i + ".Key");
            String value = params.getOrDefault("Tags.member." + i + ".Value", "");
            if (key.isEmpty() || key.length() > 128 || !TAG_KEY.matcher(key).matches() || value.length() > 256) {
                throw new AwsException("ValidationError", 400, "Value at 'tags." + i + ".member' failed to satisfy constraint: "
                        + "a tag key is 1 to 128 characters and a value at most 256, of letters, digits, spaces and _.:/=+-@");
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lowerKeys.contains(lower)) {
                throw new AwsException("InvalidParameterValue", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            lowerKeys.add(lower);
            tags.put(key, value);
        }
        if (tags.size() > MAX_SESSION_TAGS) {
            throw new AwsException("ValidationError", 400, "1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_SESSION_TAGS);
        }
        return tags;
    }

    /** How full the packed session policies and tags are, in percent of the limit (AWS's PackedPolicySize). */
    private static int packedSize(Map<String, String> tags) {
        int bytes = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            bytes += tag.getKey().length() + tag.getValue().length();
        }
        return Math.max(1, Math.min(100, bytes * 100 / 2048));
    }

    /** TokenCode, checked without ever echoing it (a one-time code is a credential for its 30 seconds). */
    private static String tokenCode(StsValidation check) {
        String code = check.withheld("TokenCode", false, 6, 6);
        if (code != null && !TOKEN_CODE.matcher(code).matches()) {
            throw new AwsException("ValidationError", 400, "1 validation error detected: Value at 'tokenCode' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: [\\d]*");
        }
        return code;
    }

    /**
     * Whether the request proves MFA: false when it names no device; true when the caller, an IAM
     * user, gave a current unused code of one of its enabled devices; else refused as STS refuses.
     */
    private boolean mfa(RequestContext ctx, String serial, String tokenCode) {
        if (serial == null && tokenCode == null) {
            return false;
        }
        if (serial == null || tokenCode == null) {
            throw AwsException.accessDenied("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }
        Caller caller = ctx.caller();
        MfaDevices.Check check = caller.temporary() || caller.kind() != Caller.Kind.IAM_USER ? MfaDevices.Check.NOT_THE_USERS_DEVICE
                : accounts.mfa().verify(caller.entityArn(), serial, tokenCode, ctx.now());
        return switch (check) {
            case VALID -> true;
            case INVALID_CODE -> throw AwsException.accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");
            case NOT_THE_USERS_DEVICE -> throw AwsException.accessDenied("MultiFactorAuthentication failed, unable to validate MFA code.  "
                    + "Please verify your MFA serial number is valid and associated with this user.");
        };
    }

    private static String credentials(Sessions.Issued issued) {
        return "<Credentials>" + Xml.element("AccessKeyId", issued.accessKeyId())
                + Xml.element("SecretAccessKey", issued.secretAccessKey())
                + Xml.element("SessionToken", issued.sessionToken())
                + Xml.element("Expiration", DateTimeFormatter.ISO_INSTANT.format(issued.expiration())) + "</Credentials>";
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : "000000000000";
    }
}
