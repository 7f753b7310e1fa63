package io.strongroom.local.demo;

import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.http.JsonCodec;
import io.strongroom.local.iam.IamRole;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the history's events as the store itself records calls (see {@code RequestPipeline}):
 * the caller's account and region, the session or user ARN, the request parameters made by the
 * same codec from the same SDK request shapes (never a value: the requests built here carry none,
 * and the codec withholds value members anyway), the secret's ARN as the resource, readOnly as
 * the operation is, and a refusal worded as the store's policy evaluator words it. Every caller's
 * user agent starts with {@link DemoHistory#USER_AGENT}.
 *
 * <p>IDs come from one seeded {@link Random}, so the same estate gets the same history: event IDs
 * are time-ordered UUIDs (version 7, as the store makes them), request IDs random ones.
 */
final class DemoTrail {

    static final String SECRETS_MANAGER = "secretsmanager.amazonaws.com";
    static final String SECRET = "AWS::SecretsManager::Secret";
    /** What the store leaves out of request parameters (RequestPipeline's list): none of it is ever set here. */
    private static final Set<String> WITHHELD = Set.of("SecretString", "SecretBinary", "Plaintext", "RandomPassword",
            "SecretAccessKey", "SessionToken", "Password");
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** A caller as CloudTrail names it: a role session ({@code assumed-role/ROLE/SESSION}) or an IAM user. */
    record Actor(String accountId, String arn, String userName, String principalId, String userAgent) {

        static Actor session(IamRole role, String sessionName, String client) {
            return new Actor(role.accountId(), "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.roleName() + "/" + sessionName,
                    sessionName, role.roleId() + ":" + sessionName, DemoHistory.USER_AGENT + " " + client);
        }

        static Actor user(DemoHistoryEstate.Account account, String client) {
            String name = account.adminArn().substring(account.adminArn().lastIndexOf('/') + 1);
            return new Actor(account.accountId(), account.adminArn(), name, account.adminUserId(), DemoHistory.USER_AGENT + " " + client);
        }
    }

    /** One call's circumstances: who, in which region (the one signed for), when, from where, with which key. */
    record Call(Actor actor, String region, Instant at, String sourceIp, String accessKeyId) {

        Call at(Instant t) {
            return new Call(actor, region, t, sourceIp, accessKeyId);
        }

        Call in(String otherRegion) {
            return new Call(actor, otherRegion, at, sourceIp, accessKeyId);
        }
    }

    private final Random random;
    private final List<AuditEvent> events = new ArrayList<>();
    private final Map<String, String> readParameters = new HashMap<>();

    DemoTrail(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    List<AuditEvent> events() {
        return events;
    }

    // ---- Calls -------------------------------------------------------------------------------

    /** A call that succeeded; {@code resource} is the secret it acted on (null for none). */
    void ok(Call c, String eventName, boolean readOnly, SdkPojo request, DemoHistoryEstate.Secret resource) {
        add(c, eventName, readOnly, params(request), resource == null ? null : resource.arn(), null, null, requestId());
    }

    /** A call that failed with {@code errorCode}; {@code resourceArn} is the secret it got as far as (null for none). */
    void failed(Call c, String eventName, boolean readOnly, SdkPojo request, String resourceArn, String errorCode, String message) {
        add(c, eventName, readOnly, params(request), resourceArn, errorCode, message, requestId());
    }

    /** A read-only call refused for want of permission, worded as the store's policy evaluator words it. */
    void denied(Call c, String eventName, SdkPojo request, String resourceArn, String action, String because) {
        String message = "User: " + c.actor().arn() + " is not authorized to perform: " + action
                + (resourceArn == null ? "" : " on resource: " + resourceArn) + " " + because;
        failed(c, eventName, true, request, resourceArn, "AccessDeniedException", message);
    }

    /** A GetSecretValue of {@code s} by the ID the caller used (its name in its own account, its ARN across accounts). */
    void read(Call c, DemoHistoryEstate.Secret s, String secretId, String versionStage) {
        // Most of the history: the parameters of each (secret, stage) are made once.
        String params = readParameters.computeIfAbsent(versionStage == null ? secretId : secretId + " " + versionStage,
                k -> params(GetSecretValueRequest.builder().secretId(secretId).versionStage(versionStage).build()));
        add(c, "GetSecretValue", true, params, s.arn(), null, null, requestId());
    }

    /**
     * A rotation step the service itself recorded (CloudTrail's AwsServiceEvent), as the store
     * records one, with the history's label in its {@code additionalEventData}: a service event
     * has the service as its user agent, so the label cannot go there.
     */
    void rotation(DemoHistoryEstate.Secret s, Instant at, String eventName, String token, String errorMessage) {
        String data = "{\"SecretId\":\"" + s.arn() + "\",\"" + DemoHistory.SERVICE_EVENT_LABEL + "\":\"" + DemoHistory.LABEL + "\"}";
        events.add(AuditEvent.serviceEvent(eventId(at), "Rotation-" + s.arn() + "-" + token, s.accountId(), s.region(), at,
                eventName, SECRETS_MANAGER, errorMessage, data, List.of(new AuditEvent.Resource(SECRET, s.arn()))));
    }

    private void add(Call c, String eventName, boolean readOnly, String params, String resourceArn, String errorCode, String message,
                     String requestId) {
        List<AuditEvent.Resource> resources = resourceArn == null ? List.of() : List.of(new AuditEvent.Resource(SECRET, resourceArn));
        events.add(event(c, eventName, readOnly, params, resources, errorCode, message, requestId));
    }

    private AuditEvent event(Call c, String eventName, boolean readOnly, String params, List<AuditEvent.Resource> resources,
                             String errorCode, String message, String requestId) {
        Actor a = c.actor();
        return new AuditEvent(eventId(c.at()), a.accountId(), c.region(), c.at(), eventName, SECRETS_MANAGER, a.userName(), a.arn(),
                a.principalId(), c.accessKeyId(), readOnly, errorCode, message, c.sourceIp(), a.userAgent(), requestId, params, resources);
    }

    /** The request's parameters as the store writes them. */
    private static String params(SdkPojo request) {
        return request == null ? null : JsonCodec.auditJson(request, WITHHELD);
    }

    // ---- IDs ---------------------------------------------------------------------------------

    /** A version 7 UUID of {@code at}, as the store makes event IDs. */
    String eventId(Instant at) {
        long hi = (at.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0FFF);
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** A version 4 UUID. */
    String requestId() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /**
     * Temporary credentials' key ID ({@code ASIA...}), the same for the same {@code seed}: a role
     * session's key changes as its credentials are renewed.
     */
    static String sessionKeyId(String seed) {
        Random r = new Random(seed.hashCode() * 31L + seed.length());
        StringBuilder sb = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            sb.append(KEY_CHARS.charAt(r.nextInt(KEY_CHARS.length())));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
