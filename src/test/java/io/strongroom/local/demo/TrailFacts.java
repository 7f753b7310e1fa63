package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.audit.AuditLog;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail as LookupEvents returns it, and the facts each anomaly of
 * {@link io.strongroom.domain.AuditAnomaly.Kind} rests on, worked out here from the events
 * alone with the thresholds' documented meaning, so a test can tell whether a principal's events
 * would raise one: a reference for the history, not the console's detector.
 */
final class TrailFacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event as LookupEvents returns it: its summary members and its CloudTrail record (the
     * {@code CloudTrailEvent} string, {@code json}, and parsed, {@code record}).
     */
    record Seen(String accountId, String region, String eventId, Instant time, String name, String username, String accessKeyId,
                List<String> resources, String json, JsonNode record) {

        /** From the SDK's answer. */
        static Seen of(String accountId, String region, Event e) {
            return new Seen(accountId, region, e.eventId(), e.eventTime(), e.eventName(), e.username(), e.accessKeyId(),
                    e.resources().stream().map(Resource::resourceName).toList(), e.cloudTrailEvent(), parse(e.cloudTrailEvent()));
        }

        /** From the store's trail, which LookupEvents answers from: the same record, the same resources. */
        static Seen of(AuditLog.StoredEvent stored) {
            AuditEvent e = stored.event();
            return new Seen(e.accountId(), e.region(), e.eventId(), e.eventTime(), e.eventName(), e.userName(), e.accessKeyId(),
                    e.resources().stream().map(AuditEvent.Resource::name).toList(), stored.cloudTrailJson(), parse(stored.cloudTrailJson()));
        }

        String principal() {
            return record.path("userIdentity").path("arn").asText(null);
        }

        String sourceIp() {
            return record.path("sourceIPAddress").asText(null);
        }

        String userAgent() {
            return record.path("userAgent").asText("");
        }

        String errorCode() {
            return record.path("errorCode").asText(null);
        }

        String errorMessage() {
            return record.path("errorMessage").asText(null);
        }

        boolean seeded() {
            return DemoHistory.seeded(userAgent()) || record.path("additionalEventData").has(DemoHistory.SERVICE_EVENT_LABEL);
        }

        boolean denied() {
            return "AccessDeniedException".equals(errorCode());
        }

        /** A successful GetSecretValue or BatchGetSecretValue: a value read. */
        boolean read() {
            return errorCode() == null && (name.equals("GetSecretValue") || name.equals("BatchGetSecretValue"));
        }

        String secret() {
            return resources.isEmpty() ? null : resources.get(0);
        }

        int hourOfDay() {
            return time.atZone(ZoneOffset.UTC).getHour();
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrailFacts() {}

    /** Every event of one account and region within the times, newest first, through LookupEvents' pages of 50. */
    static List<Seen> lookUp(CloudTrailClient cloudTrail, String accountId, String region, Instant start, Instant end) {
        List<Seen> out = new ArrayList<>();
        cloudTrail.lookupEventsPaginator(b -> b.startTime(start).endTime(end).maxResults(50)).events()
                .forEach(e -> out.add(Seen.of(accountId, region, e)));
        return out;
    }

    /** Every event of one account and region, newest first, read from the store's trail in large pages. */
    static List<Seen> stored(AuditLog audit, String accountId, String region) {
        List<Seen> out = new ArrayList<>();
        AuditLog.Cursor next = null;
        do {
            AuditLog.Page page = audit.lookup(new AuditLog.Query(accountId, region, null, null, null, null, 5000, next));
            page.events().forEach(e -> out.add(Seen.of(e)));
            next = page.next();
        } while (next != null);
        return out;
    }

    /** What one principal's events (oldest first) would raise, kind by kind, with where. */
    static Map<String, List<String>> anomalies(List<Seen> events, AnomalyThresholds t, Instant windowStart) {
        Map<String, List<String>> found = new HashMap<>();
        Instant learned = windowStart.plus(Duration.ofDays(t.learningDays()));
        Set<String> secretsRead = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        int[] readsByHour = new int[24];
        int reads = 0;
        Map<Instant, Integer> readsPerHour = new HashMap<>();
        for (Seen e : events) {
            if (e.read()) {
                boolean late = !e.time().isBefore(learned);
                if (late && e.secret() != null && !secretsRead.contains(e.secret()) && e.name().equals("GetSecretValue")) {
                    add(found, "FIRST_READ", e.time() + " " + e.secret());
                }
                if (late && !addresses.contains(e.sourceIp())) {
                    add(found, "NEW_SOURCE_IP", e.time() + " " + e.sourceIp());
                }
                if (late && reads >= t.offHoursMinimum() && readsByHour[e.hourOfDay()] * 100 < reads) {
                    add(found, "OFF_HOURS", e.time() + " at " + e.hourOfDay() + ":00 after " + reads + " reads");
                }
                if (e.secret() != null) {
                    secretsRead.add(e.secret());
                }
                readsByHour[e.hourOfDay()]++;
                reads++;
                readsPerHour.merge(e.time().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
            }
            addresses.add(e.sourceIp());
        }
        // The spike against the strictest mean: reads per hour that had any.
        double mean = readsPerHour.isEmpty() ? 0 : readsPerHour.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        readsPerHour.forEach((hour, n) -> {
            if (n >= t.spikeMinimum() && n > t.spikeFactor() * mean) {
                add(found, "RATE_SPIKE", hour + " " + n + " reads against a mean of " + mean);
            }
        });
        bursts(events.stream().filter(Seen::denied).toList(), t.deniedBurst(), t.deniedWindow(), found, "ACCESS_DENIED_BURST");
        sweeps(events, t, found);
        return found;
    }

    /** Runs of at least {@code size} events within {@code window}. */
    private static void bursts(List<Seen> events, int size, Duration window, Map<String, List<String>> found, String kind) {
        Deque<Seen> run = new ArrayDeque<>();
        for (Seen e : events) {
            run.addLast(e);
            while (run.getFirst().time().isBefore(e.time().minus(window))) {
                run.removeFirst();
            }
            if (run.size() >= size) {
                add(found, kind, e.time() + " " + run.size() + " within " + window);
            }
        }
    }

    /** BatchGetSecretValue touching many distinct secrets, or ListSecrets called many times, within the window. */
    private static void sweeps(List<Seen> events, AnomalyThresholds t, Map<String, List<String>> found) {
        bursts(events.stream().filter(e -> e.name().equals("ListSecrets")).toList(), t.sweepSecrets(), t.sweepWindow(), found, "SWEEP");
        List<Seen> batches = events.stream().filter(e -> e.name().equals("BatchGetSecretValue")).toList();
        for (Seen e : batches) {
            Set<String> touched = new HashSet<>();
            for (Seen other : batches) {
                if (!other.time().isAfter(e.time()) && !other.time().isBefore(e.time().minus(t.sweepWindow()))) {
                    touched.addAll(other.resources());
                }
            }
            if (touched.size() >= t.sweepSecrets()) {
                add(found, "SWEEP", e.time() + " " + touched.size() + " secrets");
            }
        }
    }

    private static void add(Map<String, List<String>> found, String kind, String where) {
        found.computeIfAbsent(kind, k -> new ArrayList<>()).add(where);
    }
}
