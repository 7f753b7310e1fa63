package io.strongroom.local.http;

import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.policy.Decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything an operation may know about the request it serves: who is calling, in which
 * region, when (on the store's clock), and where from. Handlers add the resources they
 * touched so that the audit event can name them, and may ask for further audit events when
 * one call stands for several (BatchGetSecretValue: one GetSecretValue event per secret).
 */
public final class RequestContext {

    /** A resource an audit event refers to, as CloudTrail's {@code Resources} entries do. */
    public record Resource(String type, String name) {}

    /** A further audit event for this request: same caller, request ID and time, its own name and resource. */
    public record AdditionalEvent(String eventName, boolean readOnly, Resource resource) {}

    private final Caller caller;
    private final String region;
    private final String requestId;
    private final Instant now;
    private final String sourceIp;
    private final String userAgent;
    private final List<Resource> resources = new ArrayList<>(2);
    private final List<AdditionalEvent> additionalEvents = new ArrayList<>(0);
    private Authorizer authorizer;
    private boolean authorized;
    private Caller recordedAs;

    public RequestContext(Caller caller, String region, String requestId, Instant now, String sourceIp, String userAgent) {
        this.caller = caller;
        this.region = region;
        this.requestId = requestId;
        this.now = now;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
    }

    /** The authorizer this request's {@link #authorize} checks with; set once by whoever serves the request. */
    public RequestContext authorizedBy(Authorizer requestAuthorizer) {
        if (this.authorizer != null) {
            throw new IllegalStateException("the request's authorizer is set already");
        }
        this.authorizer = requestAuthorizer;
        return this;
    }

    /**
     * Refuses the request with AccessDeniedException unless the caller may perform {@code action}
     * on {@code target}: identity policies, the target's resource policy and the request's
     * condition keys, as the one policy evaluator decides.
     */
    public void authorize(String action, AccessTarget target) {
        authorizer().authorize(caller, facts(), action, target);
        authorized = true;
    }

    /** The evaluator's decision, for a check whose refusal is not AccessDenied for the whole request. */
    public Decision decide(String action, AccessTarget target) {
        return authorizer().decide(caller, facts(), action, target);
    }

    /** Whether this request's authorization may test the tags of a resource with this policy (see {@link Authorizer#needsResourceTags}). */
    public boolean needsResourceTags(boolean resourcePolicyTestsTags) {
        return authorizer().needsResourceTags(caller, resourcePolicyTestsTags);
    }

    /** Whether {@link #authorize} allowed something on this request (the pipeline checks that a resource operation did). */
    public boolean authorized() {
        return authorized;
    }

    private Authorizer authorizer() {
        if (authorizer == null) {
            throw new IllegalStateException("no authorizer for this request");
        }
        return authorizer;
    }

    private Authorizer.Facts facts() {
        return new Authorizer.Facts(sourceIp, now, region);
    }

    public Caller caller() {
        return caller;
    }

    /**
     * For a request served without a signature: the identity its audit event names, once the
     * handler has proven one some other way (IAM Identity Center's bearer token names the
     * signed-in user), and the account whose trail records it. Unset, the event names the
     * request's caller.
     */
    public void recordAs(Caller identity) {
        this.recordedAs = identity;
    }

    /** Who the audit event names: {@link #recordAs}'s identity if a handler set one, else the caller. */
    public Caller trailIdentity() {
        return recordedAs == null ? caller : recordedAs;
    }

    public String accountId() {
        return caller.accountId();
    }

    public String region() {
        return region;
    }

    public String requestId() {
        return requestId;
    }

    /** The store's time for this request; every timestamp an operation writes comes from here. */
    public Instant now() {
        return now;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public void touched(String type, String name) {
        Resource r = new Resource(type, name);
        if (!resources.contains(r)) {
            resources.add(r);
        }
    }

    public List<Resource> resources() {
        return Collections.unmodifiableList(resources);
    }

    /**
     * Asks for one more audit event after this request's own, e.g. a {@code GetSecretValue} for
     * each secret a {@code BatchGetSecretValue} returned. They are written only if the request
     * succeeds: a failed request delivered nothing they could stand for.
     */
    public void alsoRecord(String eventName, boolean readOnly, String resourceType, String resourceName) {
        additionalEvents.add(new AdditionalEvent(eventName, readOnly, new Resource(resourceType, resourceName)));
    }

    public List<AdditionalEvent> additionalEvents() {
        return Collections.unmodifiableList(additionalEvents);
    }
}
