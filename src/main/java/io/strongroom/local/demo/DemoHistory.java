package io.strongroom.local.demo;

import io.strongroom.local.LocalStore;
import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.local.wire.AwsException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ninety days of audit history for the demo estate, so that a newcomer's Audit view has a
 * timeline, a who-read-what matrix and anomalies to show, and the incident planted in it
 * ({@link DemoIncident}: the story, and what the anomalies find) to discover.
 *
 * <p><b>Clock-shifted and labelled.</b> The events are written into the store's audit trail at
 * past times (over the {@link #SPAN} before the seeding, by the store's clock; nothing after it),
 * once, when the demo estate is seeded on a store without history. They never pretend to be
 * calls the store served: every caller's user agent starts with {@value #USER_AGENT}, and the
 * rotation events Secrets Manager itself records (whose user agent is the service) carry
 * {@code "}{@value #SERVICE_EVENT_LABEL}{@code ": "}{@value #LABEL}{@code "} in their
 * {@code additionalEventData}.
 *
 * <p><b>What is in it.</b> Real demo principals on real demo secrets (their ARNs as the store
 * lists them): the services' task roles reading their own secrets ({@link DemoRoutine}), the deploy
 * pipeline ({@link DemoPipeline}), the weekly security review, the admin user's changes and
 * rotations ({@link DemoOperators}). Each principal keeps its hours, addresses and rates, so the
 * anomaly detector, once past its learning days, finds the incident and nothing else. Some
 * 26,000 events, made in a few hundred milliseconds and handed to the trail's writer, which stores
 * them in the background (a second or two more; a lookup waits for them). No event holds a value:
 * request parameters are made from the SDK's request shapes by the store's own codec, and no
 * request built here carries one. Every call is one the demo's IAM answers as planted (a role
 * reads only what its policies allow; a refusal is worded as the store words it).
 *
 * <p><b>Agreeing with the estate.</b> A secret's reads end at its LastAccessedDate when it was
 * retired (now scheduled for deletion); every other secret read in the history gets the day of
 * its last read there as its LastAccessedDate, by one real read (as the account's admin, at that
 * moment, of the version then current) through the store's in-process path, which records no
 * event. A secret last read before the span, or never, is not read in it.
 *
 * <p><b>Not removable.</b> {@link DemoEstate#remove} leaves the history in the trail: an audit
 * trail is not edited (the store's chain of event hashes would rightly report it), so the demo's
 * events age out with the 90-day retention as any other. A store seeded again after a removal
 * gets no second history while the first is still there ({@link #present}).
 */
public final class DemoHistory {

    /** What marks the history as seeded rather than served. */
    public static final String LABEL = "clock-shifted seed";
    /** The start of every seeded caller's user agent. */
    public static final String USER_AGENT = "strongroom-demo-history/1.0 (" + LABEL + ")";
    /** The member of a seeded service event's {@code additionalEventData} that carries {@link #LABEL}. */
    public static final String SERVICE_EVENT_LABEL = "strongroomDemoHistory";
    /** How far back the history goes: CloudTrail's (and the store's) retention. */
    public static final Duration SPAN = AuditLog.RETENTION;
    /** Kept clear of the retention's edge, so the oldest events do not expire at once. */
    private static final Duration MARGIN = Duration.ofMinutes(10);
    private static final long SEED = 0x4155_4449_54L;      // "AUDIT"

    private static final System.Logger LOG = System.getLogger(DemoHistory.class.getName());

    /**
     * What seeding wrote: {@code events} in the trail from {@code from} to {@code to}, of which
     * {@code incidentEvents} are the incident's; {@code lastAccessedMoved} secrets whose
     * LastAccessedDate now shows their last read; how long it took, and the seeding thread's CPU
     * time in it (the trail's writer then stores the events on its own thread).
     */
    public record Seeded(int events, int incidentEvents, Instant from, Instant to, int lastAccessedMoved, Duration elapsed,
                         Duration cpu) {}

    private DemoHistory() {}

    /** Whether a caller's user agent marks the event as part of the demo's seeded history. */
    public static boolean seeded(String userAgent) {
        return userAgent != null && userAgent.startsWith(USER_AGENT);
    }

    /**
     * Whether the trail still holds demo history: the weekly review's session, which nothing else
     * uses, in any of the accounts' demo regions within the span.
     */
    public static boolean present(LocalStore store, Iterable<LocalAccount> accounts) {
        Instant now = store.clock().instant();
        for (LocalAccount account : accounts) {
            for (String region : DemoEstate.REGIONS) {
                AuditLog.Page page = store.audit().lookup(new AuditLog.Query(account.accountId(), region, "Username",
                        DemoOperators.REVIEW_SESSION, now.minus(SPAN), now, 1, null));
                if (!page.events().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Writes the history of the estate just seeded at {@code now} in {@code accounts} (by alias)
     * from {@code plans}; null when the trail already holds demo history.
     */
    static Seeded seed(LocalStore store, Map<String, LocalAccount> accounts, List<DemoCatalog.ScopePlan> plans, Instant now) {
        long started = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        if (present(store, accounts.values())) {
            return null;
        }
        Instant from = now.minus(SPAN).plus(MARGIN);
        DemoHistoryEstate estate = DemoHistoryEstate.read(store, accounts, plans, now);
        DemoTrail trail = new DemoTrail(new Random(SEED));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(now.atZone(ZoneOffset.UTC).toLocalDate()); d = d.plusDays(1)) {
            days.add(d);
        }
        new DemoRoutine(estate, trail, days, from).write();
        new DemoOperators(estate, trail, days, from).write();
        int incident = DemoPipeline.of(estate, days, trail.random()).map(pipeline -> {
            pipeline.write(trail);
            return DemoIncident.plant(trail, pipeline, now);
        }).orElse(0);

        List<AuditEvent> events = new ArrayList<>(trail.events().size());
        for (AuditEvent e : trail.events()) {
            if (!e.eventTime().isBefore(from) && e.eventTime().isBefore(now)) {
                events.add(e);
            }
        }
        // Oldest first (a stable sort: a batch stays ahead of the reads it returned), so the
        // trail's order of storage is the order of time.
        events.sort(Comparator.comparing(AuditEvent::eventTime));
        // Before the events go to the writer: these reads' own writes need not wait behind them.
        int moved = store.bulk(() -> lastAccessed(store, estate, events));
        record(store.audit(), events);
        Seeded seeded = new Seeded(events.size(), incident, from, now, moved, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() - cpu : 0));
        LOG.log(System.Logger.Level.DEBUG, () -> "demo audit history: " + seeded.events() + " events over " + SPAN.toDays()
                + " days in " + seeded.elapsed().toMillis() + " ms");
        return seeded;
    }

    /**
     * Hands every event to the trail's writer, which stores them in the background, in order, as
     * it stores read-only calls' events (committed moments later, without a sync each): seeding
     * does not wait for them, and a lookup does, since the trail flushes before every lookup.
     */
    private static void record(AuditLog audit, List<AuditEvent> events) {
        for (AuditEvent e : events) {
            audit.record(e);
        }
    }

    /**
     * Brings each secret read in the history to the LastAccessedDate of its last successful read,
     * where that is later than the one it has; returns how many it moved.
     */
    private static int lastAccessed(LocalStore store, DemoHistoryEstate estate, List<AuditEvent> events) {
        Map<String, Instant> lastRead = new HashMap<>();
        for (AuditEvent e : events) {
            if (e.eventName().equals("GetSecretValue") && e.errorCode() == null && !e.resources().isEmpty()) {
                lastRead.merge(e.resources().get(0).name(), e.eventTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        int moved = 0;
        for (DemoHistoryEstate.Account account : estate.accounts()) {
            for (DemoHistoryEstate.Secret s : account.secrets()) {
                Instant read = lastRead.get(s.arn());
                if (read == null || s.deleted() != null || (s.lastAccessed() != null
                        && !read.truncatedTo(ChronoUnit.DAYS).isAfter(s.lastAccessed().truncatedTo(ChronoUnit.DAYS)))) {
                    continue;
                }
                // The version that was current then: the newest the catalog made before that read.
                String versionId = null;
                for (DemoHistoryEstate.Version v : s.versions()) {
                    if (!v.created().isAfter(read)) {
                        versionId = v.versionId();
                    }
                }
                try {
                    store.invoke(s.accountId(), s.region(), read, "secretsmanager", "GetSecretValue",
                            GetSecretValueRequest.builder().secretId(s.arn()).versionId(versionId).build());
                    moved++;
                } catch (AwsException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "LastAccessedDate of a demo secret not moved: " + e.code());
                }
            }
        }
        return moved;
    }
}
