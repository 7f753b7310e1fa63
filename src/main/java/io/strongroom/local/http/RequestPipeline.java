package io.strongroom.local.http;

import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.audit.UnverifiedRefusal;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Authorizer;
import io.strongroom.local.iam.Caller;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.core.SdkPojo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one path every request takes: parse → authenticate (SigV4) → authorize → execute →
 * audit → respond. Whatever goes wrong leaves as an AWS-shaped error in the protocol the
 * client spoke; an unexpected exception is answered as a 500 and is a bug.
 */
public final class RequestPipeline {

    /** Request members never written to the audit trail, whatever the operation. */
    static final Set<String> WITHHELD = Set.of("SecretString", "SecretBinary", "Plaintext", "RandomPassword",
            "SecretAccessKey", "SessionToken", "Password",
            // IAM Identity Center: the OIDC client's secret, device code, tokens and PKCE verifier, the portal's bearer token
            "clientSecret", "deviceCode", "code", "codeVerifier", "refreshToken", "accessToken", "x-amz-sso_bearer_token",
            "clientAssertion", "subjectToken");

    private static final System.Logger LOG = System.getLogger(RequestPipeline.class.getName());
    /** Event names taken from what a client sent (unknown operations) are cut to this length. */
    private static final int MAX_CLAIMED_NAME = 128;
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The XML namespace of a query error whose service is not known (STS's, as before IAM was served). */
    private static final String DEFAULT_QUERY_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** Where an unsigned STS call is served and recorded: it names no region, and STS's global endpoint is us-east-1. */
    private static final String UNSIGNED_REGION = "us-east-1";

    private final SigV4Verifier verifier;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final Clock clock;
    private final Quotas quotas;
    private final Map<String, Duration> latencyByRegion;
    private final Map<String, JsonService> jsonByTargetPrefix = new HashMap<>();
    private final Map<String, QueryService> queryBySigningName = new HashMap<>();
    private final Map<String, RestJsonService> restBySigningName = new HashMap<>();
    private final List<RestJsonService> unsignedRest = new ArrayList<>();
    private final List<LocalPage> pages = new ArrayList<>();

    public RequestPipeline(SigV4Verifier verifier, Authorizer authorizer, AuditLog audit, Clock clock,
                           Quotas quotas, Map<String, Duration> latencyByRegion) {
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.audit = audit;
        this.clock = clock;
        this.quotas = quotas;
        this.latencyByRegion = Map.copyOf(latencyByRegion);
    }

    public RequestPipeline register(JsonService service) {
        jsonByTargetPrefix.put(service.targetPrefix(), service);
        return this;
    }

    public RequestPipeline register(QueryService service) {
        queryBySigningName.put(service.signingName(), service);
        return this;
    }

    public RequestPipeline register(RestJsonService service) {
        if (service.unsigned()) {
            unsignedRest.add(service);
        } else {
            restBySigningName.put(service.signingName(), service);
        }
        return this;
    }

    public RequestPipeline register(LocalPage page) {
        pages.add(page);
        return this;
    }

    public RawResponse handle(RawRequest request) {
        String requestId = RequestIds.next();
        if (unsigned(request) && request.header("x-amz-target") == null) {
            // Only exact routes of services AWS serves unsigned; anything else goes on to SigV4.
            for (LocalPage page : pages) {
                if (page.serves(request.method(), request.rawPath())) {
                    return servePage(page, request, requestId);
                }
            }
            for (RestJsonService service : unsignedRest) {
                Optional<RestJsonService.Match> match = service.match(request.method(), request.rawPath());
                if (match.isPresent()) {
                    return serveUnsignedRest(service, match.get(), request, requestId);
                }
            }
        }
        boolean query = request.header("x-amz-target") == null && isForm(request);
        try {
            if (query) {
                return handleQuery(request, requestId);
            }
            RestJsonService rest = request.header("x-amz-target") == null ? restBySigningName.get(claimedService(request)) : null;
            return rest != null ? handleRest(rest, request, requestId) : handleJson(request, requestId);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed unexpectedly: " + bug.getClass().getName());
            AwsException internal = AwsException.internal();
            return query ? queryError(internal, requestId, namespaceOf(queryBySigningName.get(claimedService(request))))
                    : jsonError(internal, requestId);
        }
    }

    // ---- Unsigned REST-JSON and pages (IAM Identity Center) ------------------------------------

    private RawResponse servePage(LocalPage page, RawRequest request, String requestId) {
        try {
            return page.handle(request);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed unexpectedly: " + bug.getClass().getName());
            return new RawResponse(500, "text/plain; charset=utf-8", Map.of("x-amzn-RequestId", requestId),
                    "The request processing has failed.\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * An operation AWS serves without a signature (the SDK models IAM Identity Center's portal and
     * OIDC APIs with no auth): no caller is proven, so the handler runs as nobody and proves
     * who is calling itself, by a client secret or a bearer token, naming the identity and the
     * trail for the event with {@link RequestContext#recordAs}. The event is recorded as
     * unsigned STS calls are: at most at the unverified refusals' rate; an error with no
     * identity goes to the unverified refusals. The region is us-east-1, where the local
     * Identity Center instance lives.
     */
    private RawResponse serveUnsignedRest(RestJsonService service, RestJsonService.Match match, RawRequest request, String requestId) {
        JsonOperation<?> operation = match.operation();
        RequestContext context = new RequestContext(Caller.anonymous(null), UNSIGNED_REGION, requestId, clock.instant(),
                request.sourceIp(), userAgent(request));
        String parameters = null;
        try {
            Map<String, String> query = request.rawQuery() == null ? Map.of() : parseForm(request.rawQuery().getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            SdkPojo parsed = operation.parseRest(request.body(), match.pathParameters(), query, headers);
            parameters = JsonCodec.auditJson(parsed, WITHHELD);
            SdkPojo result = operation.execute(context, parsed);
            byte[] body = JsonCodec.write(result);
            recordUnsignedRest(context, service, operation, parameters, null);
            return new RawResponse(200, "application/json", Map.of("x-amzn-RequestId", requestId), body);
        } catch (AwsException e) {
            recordUnsignedRest(context, service, operation, parameters, e);
            return restError(service, e, requestId);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " (" + operation.name() + ") failed unexpectedly: "
                    + bug.getClass().getName());
            recordUnsignedRest(context, service, operation, parameters, AwsException.internal());
            return restError(service, AwsException.internal(), requestId);
        }
    }

    private void recordUnsignedRest(RequestContext context, RestJsonService service, JsonOperation<?> operation,
                                    String parameters, AwsException error) {
        Caller who = context.trailIdentity();
        if (who.accountId() != null) {
            // A call whose handler proved who made it (a signed-in user's bearer token or device grant) is
            // recorded like a signed call; only anonymous ones share the flood gate of unauthenticated requests.
            if (who.userName() != null || audit.admitUnauthenticated(context.now())) {
                record(context, operation.name(), service.eventSource(), operation.readOnly(), parameters, error, null);
            }
        } else if (error != null) {
            audit.recordRefusal(UnverifiedRefusal.of(context.now(), context.requestId(), error.code(), error.getMessage(), null, null,
                    context.region(), operation.name(), service.eventSource(), context.sourceIp(), context.userAgent()));
        }
    }

    /** A REST-JSON error in the body the service writes ({@link RestJsonService.ErrorBody}), its code in {@code x-amzn-ErrorType}. */
    private static RawResponse restError(RestJsonService service, AwsException e, String requestId) {
        String body = service.errorBody() == RestJsonService.ErrorBody.OAUTH
                ? "{\"error\":" + jsonString(oauthError(e.code())) + ",\"error_description\":" + jsonString(e.getMessage()) + "}"
                : "{\"message\":" + jsonString(e.getMessage()) + "}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("x-amzn-ErrorType", e.code());
        return new RawResponse(e.status(), "application/json", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code AuthorizationPendingException} → {@code authorization_pending}, the OAuth 2.0 error names. */
    static String oauthError(String code) {
        String name = code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(ch));
        }
        return out.toString();
    }

    // ---- JSON 1.1 ----------------------------------------------------------------------------

    private RawResponse handleJson(RawRequest request, String requestId) {
        if (!"POST".equals(request.method())) {
            return jsonError(new AwsException("UnknownOperationException", 404, "Only POST requests are served here."), requestId);
        }
        String target = request.header("x-amz-target");
        JsonService service = null;
        JsonOperation<?> operation = null;
        if (target != null) {
            int dot = target.lastIndexOf('.');
            if (dot > 0) {
                service = jsonByTargetPrefix.get(target.substring(0, dot));
                operation = service == null ? null : service.operation(target.substring(dot + 1));
            }
        }
        String eventName = operation != null ? operation.name() : target == null ? "Unknown" : claimedName(target.substring(target.lastIndexOf('.') + 1));
        JsonOperation<?> known = operation;
        return serveJson(request, requestId, service == null ? null : service.signingName(), service == null ? "unknown" : service.eventSource(),
                operation, eventName, () -> AwsException.unknownOperation(target), () -> known.parse(request.body()));
    }

    // ---- REST-JSON ---------------------------------------------------------------------------

    private RawResponse handleRest(RestJsonService service, RawRequest request, String requestId) {
        Optional<RestJsonService.Match> match = service.match(request.method(), request.rawPath());
        JsonOperation<?> operation = match.map(RestJsonService.Match::operation).orElse(null);
        String eventName = operation != null ? operation.name() : "Unknown";
        Map<String, String> query = request.rawQuery() == null ? Map.of() : parseForm(request.rawQuery().getBytes(StandardCharsets.UTF_8));
        return serveJson(request, requestId, service.signingName(), service.eventSource(), operation, eventName,
                () -> new AwsException("UnknownOperationException", 404, "No operation is served at " + request.method() + " "
                        + claimedName(request.rawPath()) + "."),
                () -> match.orElseThrow().operation().parseRest(request.body(), match.get().pathParameters(), query));
    }

    /**
     * What JSON 1.1 and REST-JSON requests share once their operation is found (or not): SigV4,
     * the service the signature is scoped to, latency, quotas, parsing, authorization, the
     * handler, the audit event and the JSON answer.
     */
    private RawResponse serveJson(RawRequest request, String requestId, String signingName, String eventSource,
                                  JsonOperation<?> operation, String eventName, Supplier<AwsException> unknown,
                                  Supplier<SdkPojo> parse) {
        SigV4Verifier.Verified who;
        try {
            who = verifier.verify(request.method(), request.rawPath(), request.rawQuery(), request.headers(), request.body());
        } catch (SigV4Verifier.AuthException e) {
            AwsException error = jsonAuthError(e);
            recordRefusal(e, request, requestId, eventName, eventSource, error);
            return jsonError(error, requestId);
        }
        RequestContext context = new RequestContext(who.caller(), who.region(), requestId, clock.instant(),
                request.sourceIp(), userAgent(request)).authorizedBy(authorizer);
        String parameters = null;
        try {
            if (operation == null) {
                throw unknown.get();
            }
            if (!signingName.equals(who.service())) {
                throw new AwsException("InvalidSignatureException", 400, "Credential should be scoped to correct service: '"
                        + signingName + "'.");
            }
            simulateLatency(who.region());
            quotas.acquire(who.caller().accountId(), who.region(), operation.quotaClass(), System.nanoTime());
            // Parsed before authorization so that a denied call's event still says what was asked for.
            SdkPojo parsed = parse.get();
            parameters = JsonCodec.auditJson(parsed, WITHHELD);
            if (!operation.onResource()) {
                context.authorize(signingName + ":" + operation.name(), AccessTarget.anyResourceOf(who.caller().accountId()));
            }
            SdkPojo result = operation.execute(context, parsed);
            if (!context.authorized()) {
                // An operation on a resource that never asked the evaluator: a bug, refused whatever it did.
                throw new IllegalStateException(eventName + " ran without authorization");
            }
            byte[] body = JsonCodec.write(result);
            record(context, eventName, eventSource, operation.readOnly(), parameters, null,
                    operation.readOnly() ? null : ResponseElements.of(signingName, result));
            return new RawResponse(200, JSON_CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId), body);
        } catch (AwsException e) {
            if (!e.senderFault()) {
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " (" + eventName + ") failed: " + e.code());
            }
            record(context, eventName, eventSource, operation == null || operation.readOnly(), parameters, e, null);
            return jsonError(e, requestId);
        } catch (RuntimeException bug) {
            // Answered as InternalFailure by handle(); the call is still on the audit trail.
            record(context, eventName, eventSource, operation == null || operation.readOnly(), parameters, AwsException.internal(), null);
            throw bug;
        }
    }

    private static AwsException jsonAuthError(SigV4Verifier.AuthException e) {
        return switch (e.failure()) {
            case MISSING -> new AwsException("MissingAuthenticationTokenException", 403, e.getMessage());
            case INCOMPLETE -> new AwsException("IncompleteSignatureException", 400, e.getMessage());
            case UNKNOWN_KEY -> new AwsException("UnrecognizedClientException", 400, e.getMessage());
            case BAD_SIGNATURE, EXPIRED -> new AwsException("InvalidSignatureException", 400, e.getMessage());
            case EXPIRED_TOKEN -> new AwsException("ExpiredTokenException", 400, e.getMessage());
        };
    }

    private static RawResponse jsonError(AwsException e, String requestId) {
        String body = "{\"__type\":\"" + e.code() + "\",\"message\":" + jsonString(e.getMessage()) + "}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("x-amzn-ErrorType", e.code());
        return new RawResponse(e.status(), JSON_CONTENT_TYPE, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String s) {
        return JsonCodec.mapper().getNodeFactory().textNode(s == null ? "" : s).toString();
    }

    // ---- Query protocol (STS, IAM) ----------------------------------------------------------------

    private RawResponse handleQuery(RawRequest request, String requestId) {
        Map<String, String> params = parseForm(request.body());
        if (request.rawQuery() != null) {
            params.putAll(parseForm(request.rawQuery().getBytes(StandardCharsets.UTF_8)));
        }
        String actionName = claimedName(params.getOrDefault("Action", "Unknown"));
        if (unsigned(request)) {
            for (QueryService service : queryBySigningName.values()) {
                QueryService.Action action = service.actions().get(actionName);
                if (action != null && action.servedUnsigned()) {
                    return handleUnsignedQuery(request, requestId, params, service, action);
                }
            }
        }
        SigV4Verifier.Verified who;
        try {
            who = verifier.verify(request.method(), request.rawPath(), request.rawQuery(), request.headers(), request.body());
        } catch (SigV4Verifier.AuthException e) {
            QueryService claimed = queryBySigningName.get(claimedService(request));
            AwsException error = queryAuthError(e);
            recordRefusal(e, request, requestId, actionName, claimed == null ? "unknown" : claimed.eventSource(), error);
            return queryError(error, requestId, namespaceOf(claimed));
        }
        RequestContext context = new RequestContext(who.caller(), who.region(), requestId, clock.instant(),
                request.sourceIp(), userAgent(request)).authorizedBy(authorizer);
        QueryService service = queryBySigningName.get(who.service());
        String eventSource = service == null ? who.service() + ".amazonaws.com" : service.eventSource();
        QueryService.Action action = service == null ? null : service.actions().get(actionName);
        try {
            if (action == null) {
                throw new AwsException("InvalidAction", 400, "Could not find operation " + actionName + " for version "
                        + params.getOrDefault("Version", "NO_VERSION_SPECIFIED"));
            }
            simulateLatency(who.region());
            quotas.acquire(who.caller().accountId(), who.region(), service.signingName() + ":identity", System.nanoTime());
            if (action.check() == QueryService.Check.PIPELINE) {
                String arn = action.resource() == null ? null : action.resource().arn(who.caller().accountId(), params);
                context.authorize(service.signingName() + ":" + actionName, arn == null
                        ? AccessTarget.anyResourceOf(who.caller().accountId())
                        : AccessTarget.resource(arn, who.caller().accountId(), null, Map.of()));
            }
            RawResponse answer = queryResult(service, actionName, action.handler().handle(context, params), requestId);
            record(context, actionName, eventSource, action.readOnly(), null, null, null);
            return answer;
        } catch (AwsException e) {
            record(context, actionName, eventSource, action == null || action.readOnly(), null, e, null);
            return queryError(e, requestId, namespaceOf(service));
        } catch (RuntimeException bug) {
            record(context, actionName, eventSource, action == null || action.readOnly(), null, AwsException.internal(), null);
            throw bug;
        }
    }

    /**
     * An action AWS serves without a signature, called without one. No caller is proven, so
     * the handler runs as nobody; the call is recorded in the trail of the local account that
     * owns the role it names, as AWS records it in the role's account (there is no credential
     * scope, so the region is STS's global one, us-east-1, where AWS records global STS calls),
     * or with the unverified refusals when it names no local account. Either way at most the
     * refusals' rate (20 a second) is recorded; the rest is counted in their summary rows.
     *
     * <p>The trail's userIdentity says {@code Unknown} with that account: AWS says
     * {@code WebIdentityUser} or {@code SAMLUser}, which needs an identity type on AuditEvent
     * (a later change to local/audit).
     */
    private RawResponse handleUnsignedQuery(RawRequest request, String requestId, Map<String, String> params,
                                            QueryService service, QueryService.Action action) {
        String account = action.unsigned().trailAccount(params);
        Caller nobody = Caller.anonymous(account);
        RequestContext context = new RequestContext(nobody, UNSIGNED_REGION, requestId, clock.instant(),
                request.sourceIp(), userAgent(request));
        try {
            simulateLatency(UNSIGNED_REGION);
            if (account != null) {
                quotas.acquire(account, UNSIGNED_REGION, service.signingName() + ":identity", System.nanoTime());
            }
            RawResponse answer = queryResult(service, action.name(), action.handler().handle(context, params), requestId);
            recordUnsigned(context, service, action, params, null);
            return answer;
        } catch (AwsException e) {
            recordUnsigned(context, service, action, params, e);
            return queryError(e, requestId, service.xmlNamespace());
        } catch (RuntimeException bug) {
            recordUnsigned(context, service, action, params, AwsException.internal());
            throw bug;
        }
    }

    private void recordUnsigned(RequestContext context, QueryService service, QueryService.Action action,
                                Map<String, String> params, AwsException error) {
        if (context.caller().accountId() != null) {
            // Rate-limited like the refusals: an unsigned caller must not be able to grow a trail at will.
            if (audit.admitUnauthenticated(context.now())) {
                record(context, action.name(), service.eventSource(), action.readOnly(),
                        action.unsigned().auditParameters(params), error, null);
            }
        } else if (error != null) {
            audit.recordRefusal(UnverifiedRefusal.of(context.now(), context.requestId(), error.code(), error.getMessage(), null, null,
                    context.region(), action.name(), service.eventSource(), context.sourceIp(), context.userAgent()));
        }
    }

    /** No SigV4 in the Authorization header: such a request can only be served if its action needs none. */
    private static boolean unsigned(RawRequest request) {
        String authorization = request.header("authorization");
        return authorization == null || authorization.isBlank();
    }

    /** The answer to an action; a null result (an action with no output, such as IAM's DeleteUser) has no Result element, as AWS's has none. */
    private static RawResponse queryResult(QueryService service, String actionName, String result, String requestId) {
        String xml = "<" + actionName + "Response xmlns=\"" + service.xmlNamespace() + "\">"
                + (result == null ? "" : "<" + actionName + "Result>" + result + "</" + actionName + "Result>")
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                + "</" + actionName + "Response>";
        return new RawResponse(200, "text/xml", Map.of("x-amzn-RequestId", requestId), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static AwsException queryAuthError(SigV4Verifier.AuthException e) {
        return switch (e.failure()) {
            case MISSING -> new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case INCOMPLETE -> new AwsException("IncompleteSignature", 400, e.getMessage());
            case UNKNOWN_KEY -> new AwsException("InvalidClientTokenId", 403, e.getMessage());
            case BAD_SIGNATURE, EXPIRED -> new AwsException("SignatureDoesNotMatch", 403, e.getMessage());
            case EXPIRED_TOKEN -> new AwsException("ExpiredToken", 403, e.getMessage());
        };
    }

    private static String namespaceOf(QueryService service) {
        return service == null ? DEFAULT_QUERY_NAMESPACE : service.xmlNamespace();
    }

    /** A query error in the namespace of the service that answers it (IAM's differs from STS's). */
    private static RawResponse queryError(AwsException e, String requestId, String namespace) {
        if ("AccessDeniedException".equals(e.code())) {
            // The query-protocol services (STS, IAM) name the refusal AccessDenied, with HTTP 403.
            e = new AwsException("AccessDenied", 403, e.getMessage());
        }
        String xml = "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>"
                + (e.senderFault() ? "Sender" : "Receiver") + "</Type>" + Xml.element("Code", e.code())
                + Xml.element("Message", e.getMessage() == null ? "" : e.getMessage()) + "</Error>"
                + Xml.element("RequestId", requestId) + "</ErrorResponse>";
        return new RawResponse(e.status(), "text/xml", Map.of("x-amzn-RequestId", requestId), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(RawRequest request) {
        String type = request.header("content-type");
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    static Map<String, String> parseForm(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.length == 0) {
            return params;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(k, v);
            } catch (IllegalArgumentException malformed) {
                // a malformed pair is skipped; the action then fails on what is missing
            }
        }
        return params;
    }

    // ---- Shared ------------------------------------------------------------------------------

    private void simulateLatency(String region) {
        Duration latency = latencyByRegion.getOrDefault(region, latencyByRegion.get("*"));
        if (latency != null && !latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Records the request's own event, then (if it succeeded) the further events its handler asked
     * for, and returns once they are committed, so before the response is sent: an acknowledged
     * call is never missing from the trail. A mutating call's events are synced to disk, as its
     * data was ({@link AuditLog#recordDurably}); a read-only call's are committed without a sync
     * ({@link AuditLog#recordCommitted}: in WAL mode that survives the process being killed, not
     * necessarily a power cut). Concurrent calls share commits.
     *
     * <p>When a call's event cannot be stored, the client still gets the call's own answer: a
     * change was committed before its event was written and cannot be taken back, and reporting a
     * failure would invite a retry that repeats it (AWS has no error for this). The loss is not
     * silent: AuditLog logs it at ERROR with the event and request IDs and counts it in
     * {@link AuditLog#lostEvents()}, and the pipeline logs which request went unaudited.
     *
     * @param responseElements CloudTrail's responseElements JSON for a change that succeeded, else null
     */
    private void record(RequestContext context, String eventName, String eventSource, boolean readOnly,
                        String parameters, AwsException error, String responseElements) {
        Caller caller = context.trailIdentity();
        List<AuditEvent.Resource> resources = new ArrayList<>();
        for (RequestContext.Resource r : context.resources()) {
            resources.add(new AuditEvent.Resource(r.type(), r.name()));
        }
        String identityType = caller.kind().trailName();
        String issuer = caller.roleSession() ? caller.entityArn() : null;
        java.time.Instant sessionCreated = caller.temporary() ? caller.sessionCreated() : null;
        Boolean sessionMfa = caller.temporary() ? caller.mfa() : null;
        List<AuditEvent> events = new ArrayList<>(1 + (error == null ? context.additionalEvents().size() : 0));
        events.add(new AuditEvent(RequestIds.nextTimeOrdered(context.now().toEpochMilli()), caller.accountId(), context.region(), context.now(),
                eventName, eventSource, caller.userName(), caller.arn(), caller.userId(), caller.accessKeyId(), readOnly,
                error == null ? null : error.code(), error == null ? null : error.getMessage(),
                context.sourceIp(), context.userAgent(), context.requestId(), parameters, resources,
                identityType, issuer, sessionCreated, sessionMfa, error == null ? responseElements : null));
        if (error == null) {
            for (RequestContext.AdditionalEvent extra : context.additionalEvents()) {
                events.add(new AuditEvent(RequestIds.nextTimeOrdered(context.now().toEpochMilli()), caller.accountId(), context.region(), context.now(),
                        extra.eventName(), eventSource, caller.userName(), caller.arn(), caller.userId(), caller.accessKeyId(),
                        extra.readOnly(), null, null, context.sourceIp(), context.userAgent(), context.requestId(), null,
                        List.of(new AuditEvent.Resource(extra.resource().type(), extra.resource().name())),
                        identityType, issuer, sessionCreated, sessionMfa, null));
            }
        }
        boolean stored = readOnly ? audit.recordCommitted(events) : audit.recordDurably(events);
        if (!stored) {
            LOG.log(System.Logger.Level.ERROR, "request " + context.requestId() + " (" + eventName
                    + ") was answered without a stored audit event");
        }
    }

    /**
     * A request refused before authentication is nobody's event: its signature proved no
     * identity, so it goes to the unverified refusals (rate limited, every claimed field cut),
     * never to the trail of the account whose key it names.
     */
    private void recordRefusal(SigV4Verifier.AuthException e, RawRequest request, String requestId, String eventName,
                               String eventSource, AwsException error) {
        String keyId = e.accessKeyId();
        String keyAccount = null;
        if (keyId != null && e.failure() != SigV4Verifier.Failure.UNKNOWN_KEY) {      // a malformed key id is UNKNOWN_KEY
            keyAccount = verifier.accountOf(keyId);
        }
        audit.recordRefusal(UnverifiedRefusal.of(clock.instant(), requestId, error.code(), error.getMessage(), keyId, keyAccount,
                e.region(), eventName, eventSource, request.sourceIp(), userAgent(request)));
    }

    private static String claimedName(String name) {
        return name.length() > MAX_CLAIMED_NAME ? name.substring(0, MAX_CLAIMED_NAME) : name;
    }

    /** The service named in the Authorization header's credential scope, read without trusting it. */
    private static String claimedService(RawRequest request) {
        String authorization = request.header("authorization");
        int at = authorization == null ? -1 : authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = authorization.indexOf(',', at);
        String[] scope = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end).trim().split("/");
        return scope.length == 5 ? scope[3] : null;
    }

    private static String userAgent(RawRequest request) {
        String ua = request.header("user-agent");
        return ua == null ? "" : ua.length() > 512 ? ua.substring(0, 512) : ua;
    }
}
