package io.strongroom.local.cloudtrail;

import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.http.JsonService;
import io.strongroom.local.http.RequestContext;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CloudTrail's event history: LookupEvents over the store's audit trail, with CloudTrail's
 * rules. A caller sees the events of its own account in the region it signed for, newest first,
 * from the last 90 days on the store's clock; at most one lookup attribute; pages of 1 to 50
 * events continued with a NextToken that is only good for the query that issued it.
 *
 * <p>The store records management events only. {@code EventCategory=insight} is accepted and
 * finds nothing, as in an account without CloudTrail Insights; any other category is refused.
 */
public final class CloudTrailApi {

    static final int MAX_RESULTS = 50;
    static final String INSIGHT = "insight";
    /** AttributeValue's length limits in the CloudTrail service model. */
    private static final int MAX_ATTRIBUTE_VALUE = 2000;
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username",
            "ResourceType", "ResourceName", "EventSource", "AccessKeyId");
    /** Insights events can only be looked up by these. */
    private static final Set<String> INSIGHT_ATTRIBUTE_KEYS = Set.of("EventId", "EventName", "EventSource");

    private final AuditLog audit;
    private final LookupTokens tokens = new LookupTokens();

    public CloudTrailApi(AuditLog audit) {
        this.audit = audit;
    }

    public JsonService service() {
        return JsonService.builder("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "cloudtrail.amazonaws.com")
                .quota("cloudtrail:lookup")
                .read("LookupEvents", LookupEventsRequest::builder, this::lookupEvents)
                .build();
    }

    private LookupEventsResponse lookupEvents(RequestContext ctx, LookupEventsRequest req) {
        int maxResults = maxResults(req.maxResults());
        boolean insight = insightCategory(req.eventCategoryAsString());
        LookupAttribute attribute = lookupAttribute(req, insight);
        Instant start = req.startTime();
        Instant end = req.endTime();
        if (start != null && end != null && start.isAfter(end)) {
            throw new AwsException("InvalidTimeRangeException", 400, "The StartTime " + start + " is after the EndTime " + end + ".");
        }
        String key = attribute == null ? null : attribute.attributeKeyAsString();
        String value = attribute == null ? null : "ReadOnly".equals(key) ? attribute.attributeValue().toLowerCase(Locale.ROOT)
                : attribute.attributeValue();
        // What makes two requests the same query: a token from one is refused by any other.
        List<String> binding = Arrays.asList(ctx.accountId(), ctx.region(), key, value,
                start == null ? null : start.toString(), end == null ? null : end.toString(), req.eventCategoryAsString());
        String token = req.nextToken();
        AuditLog.Cursor after = token == null || token.isEmpty() ? null : tokens.open(token, binding);
        if (insight) {
            return LookupEventsResponse.builder().events(List.of()).build();
        }

        // Events past retention are never returned, whether or not maintenance has purged them yet.
        Instant now = ctx.now();
        Instant oldest = now.minus(AuditLog.RETENTION);
        AuditLog.Page page = audit.lookup(new AuditLog.Query(ctx.accountId(), ctx.region(), key, value,
                start == null || start.isBefore(oldest) ? oldest : start, end == null ? now : end, maxResults, after));
        List<Event> events = new ArrayList<>(page.events().size());
        for (AuditLog.StoredEvent stored : page.events()) {
            events.add(toEvent(stored));
        }
        return LookupEventsResponse.builder()
                .events(events)
                .nextToken(page.next() == null ? null : tokens.issue(page.next(), binding))
                .build();
    }

    private static int maxResults(Integer requested) {
        if (requested == null) {
            return MAX_RESULTS;
        }
        if (requested < 1 || requested > MAX_RESULTS) {
            throw new AwsException("InvalidMaxResultsException", 400,
                    "MaxResults " + requested + " is not valid; it must be from 1 to " + MAX_RESULTS + ".");
        }
        return requested;
    }

    private static boolean insightCategory(String category) {
        if (category == null) {
            return false;
        }
        if (!INSIGHT.equals(category)) {
            throw new AwsException("InvalidEventCategoryException", 400,
                    "The event category is not valid; the only event category is '" + INSIGHT + "'.");
        }
        return true;
    }

    private static LookupAttribute lookupAttribute(LookupEventsRequest req, boolean insight) {
        List<LookupAttribute> attributes = req.lookupAttributes();
        if (attributes.isEmpty()) {
            return null;
        }
        if (attributes.size() > 1) {
            throw invalidAttributes("You can specify at most one lookup attribute.");
        }
        LookupAttribute a = attributes.get(0);
        String key = a.attributeKeyAsString();
        if (key == null || !ATTRIBUTE_KEYS.contains(key)) {
            throw invalidAttributes("The lookup attribute key is not valid; valid keys are " + String.join(", ", sorted(ATTRIBUTE_KEYS)) + ".");
        }
        if (insight && !INSIGHT_ATTRIBUTE_KEYS.contains(key)) {
            throw invalidAttributes("Insights events can be looked up only by " + String.join(", ", sorted(INSIGHT_ATTRIBUTE_KEYS)) + ".");
        }
        String value = a.attributeValue();
        if (value == null || value.isEmpty() || value.length() > MAX_ATTRIBUTE_VALUE) {
            throw invalidAttributes("The value of lookup attribute " + key + " must be 1 to " + MAX_ATTRIBUTE_VALUE + " characters long.");
        }
        if ("ReadOnly".equals(key) && !"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw invalidAttributes("The value of lookup attribute ReadOnly must be true or false.");
        }
        return a;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static AwsException invalidAttributes(String message) {
        return new AwsException("InvalidLookupAttributesException", 400, message);
    }

    private static Event toEvent(AuditLog.StoredEvent stored) {
        AuditEvent e = stored.event();
        List<Resource> resources = new ArrayList<>(e.resources().size());
        for (AuditEvent.Resource r : e.resources()) {
            resources.add(Resource.builder().resourceType(r.type()).resourceName(r.name()).build());
        }
        return Event.builder()
                .eventId(e.eventId())
                .eventName(e.eventName())
                .readOnly(Boolean.toString(e.readOnly()))
                .accessKeyId(e.accessKeyId())
                .eventTime(e.eventTime())
                .eventSource(e.eventSource())
                .username(e.userName())
                .resources(resources)
                .cloudTrailEvent(stored.cloudTrailJson())
                .build();
    }
}
