package io.strongroom.bench;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.audit.AuditEvent;
import io.strongroom.local.audit.AuditLog;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.Quietly;
import io.strongroom.testing.RunningStore;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * LookupEvents of one secret's last 50 events (ResourceName attribute, MaxResults 50) through the
 * real SDK over HTTP, against an embedded store whose trail holds 1,000,000 events, run by hand
 * (not in the test suite):
 * <pre>
 *   mvn -q -o test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.AuditBenchmark"
 * </pre>
 * The trail is filled through {@link AuditLog#record} in time order (as a live store fills it),
 * spread over the 90 days of retention with a weekday/business-hours rhythm, across 3,000 secrets
 * in 3 accounts x 4 regions, read by 300 principals: mostly GetSecretValue, some DescribeSecret,
 * ListSecrets, PutSecretValue, BatchGetSecretValue (five secrets each, so the second resource table
 * is used) and AccessDenied. Baseline in the same run and JVM: the same lookup on a store of
 * 10,000 events made the same way over 40 secrets (so a secret has about as many events to return).
 * Both stores are measured in alternating rounds of 200 lookups of different secrets each; the
 * query plan SQLite uses for the lookup is printed, and other forms of the statement with and
 * without one more index are timed on a copy of the database. Prints a Markdown section.
 * {@code AuditBenchmark 100000} fills a smaller trail; {@code AuditBenchmark seed} measures the demo
 * history's seeding instead ({@link DemoHistorySeeding}).
 */
public final class AuditBenchmark {

    static final int BIG = 1_000_000;
    static final int SMALL = 10_000;
    static final int BIG_SECRETS = 3_000;
    static final int SMALL_SECRETS = 40;
    static final int LOOKUPS = 200;
    static final int WARMUP = 50;
    static final int ROUNDS = 3;
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
    static final long SEED = 42;

    /** A store filled with a trail, and what the trail names. */
    record Filled(LocalStore store, Path dir, List<Secret> secrets, long fillMillis, long events) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            Quietly.deleteTree(dir);
        }
    }

    record Secret(String accountId, String region, String arn, double weight) {}

    record Latencies(double p50, double p99, double mean, int returned) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("seed")) {
            DemoHistorySeeding.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int big = args.length > 0 ? Integer.parseInt(args[0]) : BIG;
        System.err.printf(Locale.ROOT, "filling %,d events (baseline %,d)...%n", big, SMALL);
        try (Filled small = fill(SMALL, SMALL_SECRETS); Filled large = fill(big, BIG_SECRETS)) {
            System.err.printf(Locale.ROOT, "filled: %,d events in %,d ms; %,d in %,d ms%n", large.events(), large.fillMillis(),
                    small.events(), small.fillMillis());
            Random pick = new Random(SEED + 1);
            List<Latencies> byResource = new ArrayList<>();
            List<Latencies> byResourceBase = new ArrayList<>();
            List<Latencies> newest = new ArrayList<>();
            List<Latencies> newestBase = new ArrayList<>();
            measure(small, pick, WARMUP, true);
            measure(large, pick, WARMUP, true);
            for (int round = 0; round < ROUNDS; round++) {
                byResourceBase.add(measure(small, pick, LOOKUPS, true));
                byResource.add(measure(large, pick, LOOKUPS, true));
                newestBase.add(measure(small, pick, LOOKUPS, false));
                newest.add(measure(large, pick, LOOKUPS, false));
                System.err.printf(Locale.ROOT, "round %d: by resource p50 %.2f / %.2f ms, p99 %.2f / %.2f ms (1M / 10k)%n", round + 1,
                        byResource.get(round).p50(), byResourceBase.get(round).p50(), byResource.get(round).p99(),
                        byResourceBase.get(round).p99());
            }
            Latencies r = median(byResource);
            Latencies rb = median(byResourceBase);
            Latencies n = median(newest);
            Latencies nb = median(newestBase);
            String plan = plan(large, large.dir().resolve("strongroom.db"), SHIPPED);
            Latencies sql = sqlOnly(large, large.dir().resolve("strongroom.db"), SHIPPED, pick);
            Latencies process = inProcess(large, pick);
            Latencies processBase = inProcess(small, pick);
            String indexes = indexExperiment(large, pick);
            String paging = "| statement | plan | p50 | same events |\n|---|---|---|---|\n" + paging(large, 1_000) + paging(large, 20_000);
            long dbBytes = Files.size(large.dir().resolve("strongroom.db")) + sizeOrZero(large.dir().resolve("strongroom.db-wal"));
            System.out.printf(Locale.ROOT, """

                    ### LookupEvents with %,d events in the trail (%d cores, load %.1f)

                    Filled through `AuditLog.record` in time order, over 90 days, %,d secrets in 12 scopes: %,d ms (%,.0f events/s;
                    database %.0f MB). Baseline store: %,d events over %d secrets, filled in %,d ms.

                    | lookup through the SDK over HTTP (%d different secrets a round, median of %d rounds) | p50 | p99 | mean | events returned | p50 ratio | p99 ratio |
                    |---|---|---|---|---|---|---|
                    | one secret's last 50 events (ResourceName, MaxResults 50), %,d events | %.2f ms | %.2f ms | %.2f ms | %d | %.2f× | %.2f× |
                    | baseline: the same, %,d events | %.2f ms | %.2f ms | %.2f ms | %d | 1.00× | 1.00× |
                    | a scope's newest 50 events (no attribute), %,d events | %.2f ms | %.2f ms | %.2f ms | %d | %.2f× | %.2f× |
                    | baseline: the same, %,d events | %.2f ms | %.2f ms | %.2f ms | %d | 1.00× | 1.00× |

                    Where the time goes, same kind of lookup, %d secrets: `AuditLog.lookup` in process (the statement, each row's
                    further resources, the records' JSON) p50 %.2f ms, p99 %.2f ms (baseline store: %.2f ms, %.2f ms); the statement
                    alone through JDBC p50 %.2f ms, p99 %.2f ms.

                    SQLite's plan for the ResourceName lookup:
                    ```
                    %s```

                    The statement in other forms, without and with one more index, on a copy of the same database (`VACUUM INTO`),
                    the statement alone over the same %d secrets:

                    %s
                    Paging deep into a scope (no attribute), the statement alone:

                    %s
                    """, large.events(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), BIG_SECRETS, large.fillMillis(),
                    large.events() * 1000.0 / large.fillMillis(), dbBytes / 1e6, small.events(), SMALL_SECRETS, small.fillMillis(),
                    LOOKUPS, ROUNDS,
                    large.events(), r.p50(), r.p99(), r.mean(), r.returned(), r.p50() / rb.p50(), r.p99() / rb.p99(),
                    small.events(), rb.p50(), rb.p99(), rb.mean(), rb.returned(),
                    large.events(), n.p50(), n.p99(), n.mean(), n.returned(), n.p50() / nb.p50(), n.p99() / nb.p99(),
                    small.events(), nb.p50(), nb.p99(), nb.mean(), nb.returned(),
                    LOOKUPS, process.p50(), process.p99(), processBase.p50(), processBase.p99(), sql.p50(), sql.p99(), plan, LOOKUPS,
                    indexes, paging);
        }
    }

    // ---- Filling ------------------------------------------------------------------------------

    /** A fresh store whose trail holds {@code events} events over {@code secretCount} secrets. */
    static Filled fill(int events, int secretCount) throws Exception {
        Path dir = Files.createTempDirectory("strongroom-bench-audit-");
        LocalStore store = LocalStore.start(LocalStoreConfig.defaults(dir).withQuotas(false));
        Random r = new Random(SEED + events);
        List<LocalAccount> accounts = store.accounts().list().subList(0, 3);
        List<Secret> secrets = new ArrayList<>();
        double totalWeight = 0;
        for (int i = 0; i < secretCount; i++) {
            LocalAccount a = accounts.get(i % accounts.size());
            String region = REGIONS.get((i / accounts.size()) % REGIONS.size());
            // Some secrets are read far more than others: a log-normal spread of rates.
            double weight = Math.exp(r.nextGaussian() * 0.8);
            totalWeight += weight;
            secrets.add(new Secret(a.accountId(), region, "arn:aws:secretsmanager:" + region + ":" + a.accountId() + ":secret:app"
                    + (i % 97) + "/svc" + i + "/db-credentials-" + suffix(r), weight));
        }
        double[] cumulative = new double[secretCount];
        double sum = 0;
        for (int i = 0; i < secretCount; i++) {
            sum += secrets.get(i).weight() / totalWeight;
            cumulative[i] = sum;
        }
        java.util.Map<String, List<String[]>> principals = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            String account = accounts.get(i % accounts.size()).accountId();
            principals.computeIfAbsent(account, k -> new ArrayList<>()).add(new String[] {account,
                    "arn:aws:sts::" + account + ":assumed-role/app-" + i + "/svc" + i, "svc" + i,
                    "AROA" + suffix(r).toUpperCase(Locale.ROOT) + "EXAMPLE:svc" + i, "10." + (i % 250) + ".1." + (i % 7 + 10)});
        }

        // Hour by hour over the span, as many calls as the hour's weight: business hours and
        // weekdays busier; within an hour, in time order.
        Instant now = store.clock().instant();
        Instant from = now.minus(Duration.ofDays(90)).plus(Duration.ofHours(1));
        int hours = (int) Duration.between(from, now).toHours();
        double[] weight = new double[hours];
        double total = 0;
        for (int h = 0; h < hours; h++) {
            var at = from.plus(Duration.ofHours(h)).atZone(ZoneOffset.UTC);
            weight[h] = (at.getHour() >= 8 && at.getHour() < 20 ? 1.6 : 0.5) * (at.getDayOfWeek().getValue() >= 6 ? 0.5 : 1.2);
            total += weight[h];
        }
        long calls = Math.round(events / 1.08);       // a BatchGetSecretValue (2% of calls) records six events
        AuditLog audit = store.audit();
        long started = System.nanoTime();
        long made = 0;
        long callsMade = 0;
        double cumulativeWeight = 0;
        long sinceFlush = 0;
        for (int h = 0; h < hours; h++) {
            cumulativeWeight += weight[h];
            long due = Math.round(calls * cumulativeWeight / total) - callsMade;
            long[] offsets = new long[(int) due];
            for (int i = 0; i < due; i++) {
                offsets[i] = (long) (r.nextDouble() * 3_600_000);
            }
            java.util.Arrays.sort(offsets);
            long hourStart = from.toEpochMilli() + h * 3_600_000L;
            for (long offset : offsets) {
                made += record(audit, r, Instant.ofEpochMilli(hourStart + offset), secrets, cumulative, principals);
                if (++sinceFlush == 20_000) {
                    audit.flush();      // bounded memory: the writer catches up every 20,000 calls
                    sinceFlush = 0;
                }
            }
            callsMade += due;
        }
        audit.flush();
        return new Filled(store, dir, secrets, (System.nanoTime() - started) / 1_000_000, made);
    }

    private static final String UA = "aws-sdk-java/2.25.16 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.10 Java/17.0.10 io/sync http/Apache";

    /** One call's events (one, or six for a BatchGetSecretValue); returns how many. */
    static int record(AuditLog audit, Random r, Instant at, List<Secret> secrets, double[] cumulative,
                      java.util.Map<String, List<String[]>> principals) {
        Secret s = secrets.get(pick(cumulative, r.nextDouble()));
        List<String[]> callers = principals.get(s.accountId());
        String[] p = callers.get(r.nextInt(callers.size()));
        String name = s.arn().substring(s.arn().indexOf(":secret:") + 8, s.arn().length() - 7);
        double kind = r.nextDouble();
        String eventName;
        boolean readOnly = true;
        String error = null;
        String params = "{\"secretId\":\"" + name + "\"}";
        List<AuditEvent.Resource> resources = List.of(new AuditEvent.Resource("AWS::SecretsManager::Secret", s.arn()));
        if (kind < 0.78) {
            eventName = "GetSecretValue";
        } else if (kind < 0.88) {
            eventName = "DescribeSecret";
        } else if (kind < 0.93) {
            eventName = "ListSecrets";
            params = "{\"maxResults\":100}";
            resources = List.of();
        } else if (kind < 0.96) {
            eventName = "PutSecretValue";
            readOnly = false;
            params = "{\"secretId\":\"" + s.arn() + "\",\"clientRequestToken\":\"" + UUID.randomUUID() + "\"}";
        } else if (kind < 0.98) {
            eventName = "GetSecretValue";
            error = "AccessDeniedException";
        } else {
            eventName = "BatchGetSecretValue";
            // Five secrets of the same account and region (a batch is one region's call).
            List<AuditEvent.Resource> batch = new ArrayList<>(List.of(resources.get(0)));
            for (int tries = 0; batch.size() < 5 && tries < 200; tries++) {
                Secret other = secrets.get(pick(cumulative, r.nextDouble()));
                if (other.accountId().equals(s.accountId()) && other.region().equals(s.region())
                        && batch.stream().noneMatch(b -> b.name().equals(other.arn()))) {
                    batch.add(new AuditEvent.Resource("AWS::SecretsManager::Secret", other.arn()));
                }
            }
            resources = batch;
            params = "{\"secretIdList\":[\"" + String.join("\",\"", batch.stream().map(AuditEvent.Resource::name).toList()) + "\"]}";
        }
        String requestId = UUID.randomUUID().toString();
        String key = "ASIA" + Long.toString(Math.abs((long) p[1].hashCode() * 31 + at.toEpochMilli() / 86_400_000L), 36).toUpperCase(Locale.ROOT);
        audit.record(new AuditEvent(eventId(r, at), p[0], s.region(), at, eventName, "secretsmanager.amazonaws.com", p[2], p[1], p[3], key,
                readOnly, error, error == null ? null : "User: " + p[1] + " is not authorized to perform: secretsmanager:" + eventName
                + " on resource: " + s.arn() + " because no identity-based policy allows the secretsmanager:" + eventName + " action",
                p[4], UA, requestId, params, resources));
        if (!eventName.equals("BatchGetSecretValue")) {
            return 1;
        }
        for (AuditEvent.Resource read : resources) {
            audit.record(new AuditEvent(eventId(r, at), p[0], s.region(), at, "GetSecretValue", "secretsmanager.amazonaws.com", p[2], p[1],
                    p[3], key, true, null, null, p[4], UA, requestId, null, List.of(read)));
        }
        return 1 + resources.size();
    }

    private static int pick(double[] cumulative, double x) {
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static String eventId(Random r, Instant at) {
        long hi = (at.toEpochMilli() << 16) | 0x7000L | (r.nextInt() & 0x0FFF);
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static String suffix(Random r) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    // ---- Measuring ----------------------------------------------------------------------------

    /** {@code count} lookups of different secrets (by resource) or of the newest events of a scope; client-side latency. */
    static Latencies measure(Filled f, Random pick, int count, boolean byResource) {
        List<Secret> order = new ArrayList<>(f.secrets());
        Collections.shuffle(order, pick);
        List<Double> ms = new ArrayList<>(count);
        long returned = 0;
        java.util.Map<String, CloudTrailClient> clients = new java.util.HashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                Secret s = order.get(i % order.size());
                CloudTrailClient client = clients.computeIfAbsent(s.accountId() + " " + s.region(), k -> {
                    AccessKey admin = f.store().accounts().adminKey(s.accountId()).orElseThrow();
                    return RunningStore.client(CloudTrailClient.builder(), f.store().endpoint(), admin, Region.of(s.region()));
                });
                long t0 = System.nanoTime();
                LookupEventsResponse answer = byResource
                        ? client.lookupEvents(b -> b.maxResults(50).lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME)
                        .attributeValue(s.arn())))
                        : client.lookupEvents(b -> b.maxResults(50));
                ms.add((System.nanoTime() - t0) / 1e6);
                returned += answer.events().size();
            }
        } finally {
            clients.values().forEach(CloudTrailClient::close);
        }
        return latencies(ms, (int) (returned / count));
    }

    static Latencies median(List<Latencies> rounds) {
        List<Latencies> byP50 = new ArrayList<>(rounds);
        byP50.sort((a, b) -> Double.compare(a.p50(), b.p50()));
        List<Double> p99 = new ArrayList<>(rounds.stream().map(Latencies::p99).sorted().toList());
        List<Double> mean = new ArrayList<>(rounds.stream().map(Latencies::mean).sorted().toList());
        return new Latencies(byP50.get(rounds.size() / 2).p50(), p99.get(rounds.size() / 2), mean.get(rounds.size() / 2),
                byP50.get(rounds.size() / 2).returned());
    }

    // ---- The query itself -----------------------------------------------------------------------

    static final String COLUMNS = "e.seq, e.event_id, e.account_id, e.region, e.event_time, e.event_name, e.event_source, "
            + "e.username, e.principal_arn, e.principal_id, e.access_key_id, e.read_only, e.error_code, e.error_message, "
            + "e.source_ip, e.user_agent, e.request_id, e.request_parameters, e.resource_type, e.resource_name";

    /** A form of the ResourceName lookup's first page, and how its parameters are bound (secret, now). */
    record Statement(String label, String sql, List<java.util.function.BiFunction<Secret, Instant, Object>> parameters) {}

    private static Object start(Secret s, Instant now) {
        return now.minus(AuditLog.RETENTION).toEpochMilli();
    }

    private static Object end(Secret s, Instant now) {
        return now.plusSeconds(1).toEpochMilli();
    }

    /** The ResourceName lookup's statement as AuditLog built it before it used one IN over both resource indexes. */
    static final Statement SHIPPED = new Statement("with an OR (as AuditLog built it before)",
            "SELECT " + COLUMNS + " FROM audit_events e"
            + " WHERE e.account_id = ? AND e.region = ? AND e.event_time >= ? AND e.event_time < ?"
            + " AND (e.resource_name = ? OR e.seq IN (SELECT seq FROM audit_event_resources WHERE resource_name = ?))"
            + " ORDER BY e.event_time DESC, e.seq DESC LIMIT ?",
            List.of((s, n) -> s.accountId(), (s, n) -> s.region(), AuditBenchmark::start, AuditBenchmark::end, (s, n) -> s.arn(),
                    (s, n) -> s.arn(), (s, n) -> 51));

    /** The OR turned into one IN over the union of both resource columns' matches. */
    static final Statement SEQ_IN_UNION = new Statement("`e.seq IN (SELECT seq FROM audit_events WHERE resource_name = ? UNION ALL "
            + "SELECT seq FROM audit_event_resources WHERE resource_name = ?)` instead of the OR",
            "SELECT " + COLUMNS + " FROM audit_events e"
            + " WHERE e.account_id = ? AND e.region = ? AND e.event_time >= ? AND e.event_time < ?"
            + " AND e.seq IN (SELECT seq FROM audit_events WHERE resource_name = ? UNION ALL"
            + " SELECT seq FROM audit_event_resources WHERE resource_name = ?)"
            + " ORDER BY e.event_time DESC, e.seq DESC LIMIT ?",
            SHIPPED.parameters());

    /** Each resource column's newest matches on their own (each ordered and limited), merged. */
    static final Statement UNION_OF_LIMITED = new Statement("UNION ALL of the two columns' newest matches, each ordered and limited, then merged",
            "SELECT * FROM (SELECT " + COLUMNS + " FROM audit_events e"
            + " WHERE e.account_id = ? AND e.region = ? AND e.resource_name = ? AND e.event_time >= ? AND e.event_time < ?"
            + " ORDER BY e.event_time DESC, e.seq DESC LIMIT ?)"
            + " UNION ALL SELECT * FROM (SELECT " + COLUMNS + " FROM audit_event_resources r JOIN audit_events e ON e.seq = r.seq"
            + " WHERE r.resource_name = ? AND e.account_id = ? AND e.region = ? AND e.event_time >= ? AND e.event_time < ?"
            + " ORDER BY e.event_time DESC, e.seq DESC LIMIT ?)"
            + " ORDER BY event_time DESC, seq DESC LIMIT ?",
            List.of((s, n) -> s.accountId(), (s, n) -> s.region(), (s, n) -> s.arn(), AuditBenchmark::start, AuditBenchmark::end,
                    (s, n) -> 51, (s, n) -> s.arn(), (s, n) -> s.accountId(), (s, n) -> s.region(), AuditBenchmark::start,
                    AuditBenchmark::end, (s, n) -> 51, (s, n) -> 51));

    /** The same, with the second branch driven from the secret's rows in the resources table (CROSS JOIN fixes the order). */
    static final Statement UNION_OF_LIMITED_CROSS = new Statement(UNION_OF_LIMITED.label()
            + ", the second from `audit_event_resources r CROSS JOIN audit_events e`",
            UNION_OF_LIMITED.sql().replace("FROM audit_event_resources r JOIN audit_events e", "FROM audit_event_resources r CROSS JOIN audit_events e"),
            UNION_OF_LIMITED.parameters());

    static String plan(Filled f, Path db, Statement statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + statement.sql())) {
            bind(ps, statement, f.secrets().get(0), f.store().clock().instant());
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getInt(2) == 0 ? "" : "  ").append(rs.getString(4)).append('\n');
                }
            }
            return out.toString();
        }
    }

    /** The index that, with a statement that can use it, serves the lookup from the secret's own rows. */
    static final String CANDIDATE_INDEX = "CREATE INDEX audit_scope_resource_time ON audit_events(account_id, region, resource_name, event_time)";

    /**
     * On a copy of the database: each statement as it is, and with the candidate index; the plan
     * SQLite chooses (without ANALYZE, as the store runs) and the statement's mean time (the
     * same secrets for each), checking that each returns the same events as the shipped one.
     */
    static String indexExperiment(Filled f, Random pick) throws Exception {
        Path copy = f.dir().resolve("experiment.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + f.dir().resolve("strongroom.db") + "?mode=ro");
             java.sql.Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + copy + "'");
        }
        StringBuilder out = new StringBuilder("| statement | indexes | plan | p50 | p99 | same events |\n|---|---|---|---|---|---|\n");
        for (boolean indexed : new boolean[] {false, true}) {
            if (indexed) {
                long t0 = System.nanoTime();
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + copy); java.sql.Statement st = c.createStatement()) {
                    st.execute(CANDIDATE_INDEX);
                }
                out.append(String.format(Locale.ROOT, "| (creating `%s` on %,d events: %,d ms) | | | | | |%n", CANDIDATE_INDEX, f.events(),
                        (System.nanoTime() - t0) / 1_000_000));
            }
            for (Statement statement : List.of(SHIPPED, SEQ_IN_UNION, UNION_OF_LIMITED, UNION_OF_LIMITED_CROSS)) {
                Latencies ms = sqlOnly(f, copy, statement, new Random(SEED + 7));
                boolean same = sameEvents(f, copy, statement);
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f ms | %.2f ms | %s |%n", statement.label(),
                        indexed ? "as shipped + `audit_scope_resource_time`" : "as shipped",
                        plan(f, copy, statement).strip().replace("\n", "; "), ms.p50(), ms.p99(), same ? "yes" : "NO"));
            }
        }
        Files.deleteIfExists(copy);
        return out.toString();
    }

    /** A later page of a scope's events (no attribute): after the cursor as AuditLog words it, and with an upper bound on the time. */
    static final String NEXT_PAGE = "SELECT " + COLUMNS + " FROM audit_events e"
            + " WHERE e.account_id = ? AND e.region = ? AND e.event_time >= ? AND e.event_time < ? AND %s"
            + " ORDER BY e.event_time DESC, e.seq DESC LIMIT 51";
    static final String CURSOR_SHIPPED = "(e.event_time < ? OR (e.event_time = ? AND e.seq < ?))";
    static final String CURSOR_BOUNDED = "e.event_time <= ? AND (e.event_time < ? OR e.seq < ?)";

    /**
     * Paging deep into a scope: the page after {@code depth} events, with the cursor as AuditLog
     * words it and with an upper bound on the time; plan and time of each (same rows checked).
     */
    static String paging(Filled f, int depth) throws Exception {
        Secret scope = f.secrets().get(0);
        Instant now = f.store().clock().instant();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + f.dir().resolve("strongroom.db") + "?mode=ro")) {
            long time;
            long seq;
            try (PreparedStatement at = c.prepareStatement("SELECT event_time, seq FROM audit_events WHERE account_id = ? AND region = ?"
                    + " ORDER BY event_time DESC, seq DESC LIMIT 1 OFFSET ?")) {
                at.setString(1, scope.accountId());
                at.setString(2, scope.region());
                at.setInt(3, depth);
                try (ResultSet rs = at.executeQuery()) {
                    if (!rs.next()) {
                        return "| page after " + depth + " events | (the scope has fewer events) | | |\n";
                    }
                    time = rs.getLong(1);
                    seq = rs.getLong(2);
                }
            }
            StringBuilder out = new StringBuilder();
            List<Long> first = null;
            for (String[] cursor : new String[][] {{"as AuditLog words it", CURSOR_SHIPPED}, {"with an upper bound", CURSOR_BOUNDED}}) {
                String sql = String.format(NEXT_PAGE, cursor[1]);
                Object[] args = {scope.accountId(), scope.region(), now.minus(AuditLog.RETENTION).toEpochMilli(),
                        now.plusSeconds(1).toEpochMilli(), time, time, seq};
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(plan.isEmpty() ? "" : "; ").append(rs.getString(4));
                        }
                    }
                }
                List<Double> ms = new ArrayList<>();
                List<Long> rows = null;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    for (int run = 0; run < 40; run++) {
                        long t0 = System.nanoTime();
                        rows = seqs(ps);
                        if (run >= 10) {
                            ms.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                }
                first = first == null ? rows : first;
                out.append(String.format(Locale.ROOT, "| page after %,d events, cursor %s | %s | %.2f ms | %s |%n", depth, cursor[0], plan,
                        latencies(ms, rows.size()).p50(), rows.equals(first) ? "yes" : "NO"));
            }
            return out.toString();
        }
    }

    /** Whether {@code statement} returns the shipped statement's events, in its order, for 50 secrets. */
    static boolean sameEvents(Filled f, Path db, Statement statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             PreparedStatement shipped = c.prepareStatement(SHIPPED.sql()); PreparedStatement other = c.prepareStatement(statement.sql())) {
            for (Secret s : f.secrets().subList(0, 50)) {
                bind(shipped, SHIPPED, s, f.store().clock().instant());
                bind(other, statement, s, f.store().clock().instant());
                if (!seqs(shipped).equals(seqs(other))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static List<Long> seqs(PreparedStatement ps) throws Exception {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The time of {@code statement} alone over {@link #LOOKUPS} secrets (after a warm-up), every row read. */
    static Latencies sqlOnly(Filled f, Path db, Statement statement, Random pick) throws Exception {
        List<Secret> order = new ArrayList<>(f.secrets());
        Collections.shuffle(order, pick);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             PreparedStatement ps = c.prepareStatement(statement.sql())) {
            List<Double> ms = new ArrayList<>();
            long rows = 0;
            for (int i = 0; i < LOOKUPS + WARMUP; i++) {
                bind(ps, statement, order.get(i % order.size()), f.store().clock().instant());
                long t0 = System.nanoTime();
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(18);
                        n++;
                    }
                }
                if (i >= WARMUP) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                    rows += n;
                }
            }
            return latencies(ms, (int) (rows / LOOKUPS));
        }
    }

    /** The same lookups through {@link AuditLog#lookup} in process: the statement, each row's further resources, the records' JSON. */
    static Latencies inProcess(Filled f, Random pick) {
        List<Secret> order = new ArrayList<>(f.secrets());
        Collections.shuffle(order, pick);
        List<Double> ms = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < LOOKUPS + WARMUP; i++) {
            Secret s = order.get(i % order.size());
            Instant now = f.store().clock().instant();
            long t0 = System.nanoTime();
            AuditLog.Page page = f.store().audit().lookup(new AuditLog.Query(s.accountId(), s.region(), "ResourceName", s.arn(),
                    now.minus(AuditLog.RETENTION), now, 50, null));
            if (i >= WARMUP) {
                ms.add((System.nanoTime() - t0) / 1e6);
                rows += page.events().size();
            }
        }
        return latencies(ms, (int) (rows / LOOKUPS));
    }

    static Latencies latencies(List<Double> ms, int returned) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return new Latencies(sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0), returned);
    }

    private static void bind(PreparedStatement ps, Statement statement, Secret s, Instant now) throws Exception {
        for (int i = 0; i < statement.parameters().size(); i++) {
            ps.setObject(i + 1, statement.parameters().get(i).apply(s, now));
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
