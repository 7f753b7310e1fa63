package io.strongroom.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationFunctionInfo;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.Scope;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rotation of secrets, the same on AWS and on the embedded store: the functions a scope offers
 * (Lambda ListFunctions), RotateSecret and CancelRotateSecret (written through the journal by
 * {@link io.strongroom.service.journal.SecretMutation.Rotate} and {@code CancelRotation}, never
 * called directly by the console), and what happened, from Secrets Manager's rotation events in
 * CloudTrail (RotationStarted, RotationSucceeded, RotationFailed, RotationAbandoned).
 *
 * <p>CloudTrail's LookupEvents allows 2 calls per second per account and region; the event
 * queries here are paced by {@link QuotaClass#CLOUDTRAIL_LOOKUP} and bounded in pages. On AWS,
 * events reach LookupEvents minutes after they happen; a rotation's labels are seen at once.
 */
public final class RotationService {

    /** Pages of 50 events read at most per query, so one look never costs more than this many LookupEvents calls. */
    static final int MAX_EVENT_PAGES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientRegistry clients;
    private final FanOut fanOut;
    private final RateLimiters limiters;

    public RotationService(ClientRegistry clients, FanOut fanOut) {
        this.clients = Objects.requireNonNull(clients);
        this.fanOut = Objects.requireNonNull(fanOut);
        this.limiters = fanOut.rateLimiters();
    }

    /** The functions a secret of {@code scope} can rotate with: the scope's Lambda functions, by name. */
    public List<RotationFunctionInfo> functions(Scope scope) {
        LambdaClient lambda = clients.lambda(scope);
        List<RotationFunctionInfo> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListFunctionsResponse page = Calls.call(limiters, scope, QuotaClass.LAMBDA, () -> lambda.listFunctions(b -> b.marker(m)));
            for (FunctionConfiguration f : page.functions()) {
                out.add(new RotationFunctionInfo(scope, f.functionName(), f.functionArn(), f.description()));
            }
            marker = page.nextMarker();
        } while (marker != null);
        out.sort(Comparator.comparing(RotationFunctionInfo::name));
        return out;
    }

    /**
     * RotateSecret with {@code settings}; the new version's ID when a rotation started. Only the
     * journal's mutation calls this (see the class comment). Throws {@link ScopeException}.
     */
    public String rotate(Scope scope, String secretId, RotationSettings settings) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        RotateSecretRequest.Builder b = RotateSecretRequest.builder().secretId(secretId)
                .clientRequestToken(SecretsService.newRequestToken())
                .rotateImmediately(settings.rotateImmediately());
        if (settings.lambdaArn() != null) {
            b.rotationLambdaARN(settings.lambdaArn());
        }
        if (settings.changesSchedule()) {
            b.rotationRules(RotationRulesType.builder().automaticallyAfterDays(settings.automaticallyAfterDays())
                    .scheduleExpression(settings.scheduleExpression()).duration(settings.window()).build());
        }
        RotateSecretRequest request = b.build();
        return Calls.call(limiters, scope, QuotaClass.SECRETS_ROTATE, () -> sm.rotateSecret(request).versionId());
    }

    /** CancelRotateSecret; the unfinished rotation's version ID, if any. Only the journal's mutation calls this. */
    public String cancel(Scope scope, String secretId) {
        SecretsManagerClient sm = clients.secretsManager(scope);
        return Calls.call(limiters, scope, QuotaClass.SECRETS_ROTATE, () -> sm.cancelRotateSecret(b -> b.secretId(secretId)).versionId());
    }

    /**
     * The rotation events of one secret since {@code since}, newest first, looked up by its ARN
     * (at most {@link #MAX_EVENT_PAGES} pages of its events of any kind are read).
     */
    public List<RotationEvent> events(Scope scope, String secretArn, Instant since) {
        CloudTrailClient trail = clients.cloudTrail(scope);
        List<RotationEvent> out = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            LookupEventsResponse page = Calls.call(limiters, scope, QuotaClass.CLOUDTRAIL_LOOKUP, () -> trail.lookupEvents(b -> b
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue(secretArn))
                    .startTime(since).nextToken(t)));
            for (Event e : page.events()) {
                RotationEvent r = parse(scope, e);
                if (r != null && secretArn.equals(r.secretArn())) {
                    out.add(r);
                }
            }
            token = page.nextToken();
        } while (token != null && ++pages < MAX_EVENT_PAGES);
        out.sort(Comparator.comparing(RotationEvent::time).reversed());
        return out;
    }

    /**
     * The latest rotation event of every secret that had one since {@code since}, per scope, by
     * secret ARN: one query per event kind and scope (four LookupEvents calls at least), paced.
     */
    public FanOut.Handle latestEvents(Collection<Scope> scopes, Instant since, FanOut.Listener<RotationEvent> listener) {
        return fanOut.run(scopes, (scope, pages) -> {
            CloudTrailClient trail = clients.cloudTrail(scope);
            Map<String, RotationEvent> latest = new HashMap<>();
            for (RotationEvent.Kind kind : RotationEvent.Kind.values()) {
                String token = null;
                int read = 0;
                do {
                    pages.acquire(QuotaClass.CLOUDTRAIL_LOOKUP);
                    String t = token;
                    LookupEventsResponse page = trail.lookupEvents(b -> b
                            .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(kind.eventName()))
                            .startTime(since).nextToken(t));
                    for (Event e : page.events()) {
                        RotationEvent r = parse(scope, e);
                        if (r != null && r.secretArn() != null) {
                            latest.merge(r.secretArn(), r, (a, b) -> a.time().isAfter(b.time()) ? a : b);
                        }
                    }
                    token = page.nextToken();
                } while (token != null && ++read < MAX_EVENT_PAGES);
            }
            pages.emit(new ArrayList<>(latest.values()));
        }, listener);
    }

    /** A CloudTrail event as a rotation event, or null when it is not one. */
    static RotationEvent parse(Scope scope, Event e) {
        RotationEvent.Kind kind = RotationEvent.Kind.ofEventName(e.eventName());
        if (kind == null) {
            return null;
        }
        String arn = null;
        String requestId = null;
        String message = null;
        try {
            JsonNode record = e.cloudTrailEvent() == null ? null : JSON.readTree(e.cloudTrailEvent());
            if (record != null) {
                JsonNode data = record.get("additionalEventData");
                if (data != null && data.hasNonNull("SecretId")) {
                    arn = data.get("SecretId").asText();
                }
                requestId = record.hasNonNull("requestID") ? record.get("requestID").asText() : null;
                message = record.hasNonNull("errorMessage") ? record.get("errorMessage").asText() : null;
            }
        } catch (IOException notJson) {
            // the event's own fields below still say what it was
        }
        if (arn == null && e.hasResources() && !e.resources().isEmpty()) {
            arn = e.resources().get(0).resourceName();
        }
        Instant time = e.eventTime() != null ? e.eventTime() : Instant.EPOCH;
        return new RotationEvent(scope, arn, time, kind, RotationEvent.tokenIn(requestId, arn), RotationEvent.stepIn(message),
                message, e.eventId());
    }
}
