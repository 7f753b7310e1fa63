package io.strongroom.local.demo;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's audit history, seeded with the demo estate into a real store and read back through
 * the real SDK's LookupEvents over HTTP, as the console reads it. Messages name events by time,
 * name and principal, never by what they carry.
 */
class DemoHistoryTest {

    static RunningStore running;
    static Instant seededAt;
    static DemoEstate.Summary seeded;
    static long storedMillis;
    static String auditAccount;
    /** Every event of every account and region, oldest first. */
    static List<TrailFacts.Seen> trail;
    static long lookupMillis;
    /** Every secret as ListSecrets showed it right after seeding (before any test reads one), by "alias region name". */
    static final Map<String, SecretListEntry> listed = new HashMap<>();

    @BeforeAll
    static void seed() {
        running = new RunningStore();
        seededAt = running.clock().instant();
        seeded = DemoEstate.seed(running.store());
        long started = System.nanoTime();
        running.store().audit().flush();
        storedMillis = seeded.history().elapsed().toMillis() + (System.nanoTime() - started) / 1_000_000;
        auditAccount = id("security-audit");
        started = System.nanoTime();
        List<TrailFacts.Seen> all = new ArrayList<>();
        for (LocalAccount account : running.store().accounts().list()) {
            for (String region : DemoEstate.REGIONS) {
                all.addAll(TrailFacts.stored(running.store().audit(), account.accountId(), region));
            }
        }
        all.sort(Comparator.comparing(TrailFacts.Seen::time));
        trail = List.copyOf(all);
        lookupMillis = (System.nanoTime() - started) / 1_000_000;
        for (LocalAccount account : running.store().accounts().list()) {
            for (String region : DemoEstate.REGIONS) {
                adminSecrets(account.alias(), region).listSecretsPaginator(b -> b.maxResults(100)).forEach(page ->
                        page.secretList().forEach(e -> listed.put(account.alias() + " " + region + " " + e.name(), e)));
            }
        }
        System.out.printf(Locale.ROOT, "demo history: %d events (%d of the incident), generated and queued in %d ms, stored after %d ms;"
                        + " %d LastAccessedDates moved; estate and history seeded in %d ms; read back in %d ms%n",
                seeded.history().events(), seeded.history().incidentEvents(), seeded.history().elapsed().toMillis(), storedMillis,
                seeded.history().lastAccessedMoved(), seeded.elapsed().toMillis(), lookupMillis);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    // ---- Helpers ------------------------------------------------------------------------------

    static String id(String alias) {
        return running.store().accounts().find(alias).map(LocalAccount::accountId).orElseThrow();
    }

    static AccessKey admin(String alias) {
        return running.store().accounts().adminKey(id(alias)).orElseThrow();
    }

    static CloudTrailClient cloudTrail(String alias, String region) {
        return running.cloudTrail(admin(alias), Region.of(region));
    }

    static SecretsManagerClient adminSecrets(String alias, String region) {
        return running.secrets(admin(alias), Region.of(region));
    }

    /** Secrets Manager as a session named {@code session} of the demo role {@code role} of {@code alias}, assumed by its admin. */
    static SecretsManagerClient as(String alias, String role, String session, String region) {
        Credentials c = running.sts(admin(alias), Region.US_EAST_1)
                .assumeRole(r -> r.roleArn(DemoPrincipals.roleArn(id(alias), role)).roleSessionName(session)).credentials();
        return SecretsManagerClient.builder().endpointOverride(running.store().endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    static List<TrailFacts.Seen> seededEvents() {
        return trail.stream().filter(TrailFacts.Seen::seeded).toList();
    }

    static String ciPrincipal() {
        return DemoIncident.principalArn(auditAccount);
    }

    static Instant incidentStart() {
        return DemoIncident.start(seededAt);
    }

    /** The incident: the CI principal's events from its new address. */
    static List<TrailFacts.Seen> incident() {
        return seededEvents().stream().filter(e -> ciPrincipal().equals(e.principal()) && DemoIncident.SOURCE_IP.equals(e.sourceIp()))
                .toList();
    }

    static Map<String, List<TrailFacts.Seen>> byPrincipal(List<TrailFacts.Seen> events) {
        Map<String, List<TrailFacts.Seen>> out = new LinkedHashMap<>();
        for (TrailFacts.Seen e : events) {
            if (e.principal() != null) {
                out.computeIfAbsent(e.principal(), k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    /** The planted event of {@code name} on {@code resource} (null for none) that was refused. */
    static TrailFacts.Seen planted(List<TrailFacts.Seen> events, String name, String resource) {
        return events.stream().filter(e -> e.name().equals(name) && e.denied() && java.util.Objects.equals(resource, e.secret()))
                .findFirst().orElseThrow(() -> new AssertionError("no refused " + name + " planted on " + resource));
    }

    static String refusal(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        return e.awsErrorDetails().errorMessage();
    }

    // ---- The history --------------------------------------------------------------------------

    @Test
    void lookupEventsThroughTheSdkServesTheHistoryOverNinetyDaysWithoutAValueAndNothingInTheFuture() {
        // The incident's account and region in full, page by page, as the console reads it.
        Instant now = running.clock().instant();
        List<TrailFacts.Seen> served = TrailFacts.lookUp(cloudTrail("security-audit", "us-east-1"), auditAccount, "us-east-1",
                now.minus(Duration.ofDays(90)), now);
        List<TrailFacts.Seen> stored = trail.stream().filter(e -> e.accountId().equals(auditAccount) && e.region().equals("us-east-1")
                && e.seeded()).toList();
        assertEquals(stored.stream().map(TrailFacts.Seen::eventId).collect(Collectors.toSet()),
                served.stream().filter(TrailFacts.Seen::seeded).map(TrailFacts.Seen::eventId).collect(Collectors.toSet()),
                "LookupEvents serves every seeded event of the scope");
        Instant oldest = served.get(served.size() - 1).time();
        assertTrue(oldest.isBefore(seededAt.minus(Duration.ofDays(89))), "about 90 days back: " + oldest);
        assertTrue(served.stream().noneMatch(e -> e.time().isAfter(now)), "nothing in the future");
        assertTrue(served.stream().anyMatch(e -> DemoIncident.SOURCE_IP.equals(e.sourceIp())), "the incident is among them");
        Set<String> values = valueTokens();
        for (TrailFacts.Seen e : served) {
            assertNoValue(e, values);
        }
    }

    @Test
    void historySpansNinetyDaysAndNothingIsInTheFuture() {
        List<TrailFacts.Seen> history = seededEvents();
        assertEquals(seeded.history().events(), history.size(), "LookupEvents returns every seeded event");
        assertTrue(history.size() >= 15_000 && history.size() <= 40_000, history.size() + " events");
        Instant first = history.get(0).time();
        Instant last = history.get(history.size() - 1).time();
        assertTrue(first.isAfter(seededAt.minus(Duration.ofDays(90))), "within the retention: " + first);
        assertTrue(first.isBefore(seededAt.minus(Duration.ofDays(89))), "starts about 90 days back: " + first);
        assertFalse(last.isAfter(seededAt), "the newest is not after the seeding: " + last);
        assertTrue(last.isAfter(seededAt.minus(Duration.ofDays(1))), "reaches the last day: " + last);
        Set<LocalDate> days = history.stream().map(e -> e.time().atZone(ZoneOffset.UTC).toLocalDate()).collect(Collectors.toSet());
        assertTrue(days.size() >= 90, "every day has events: " + days.size());
        Instant now = running.clock().instant();
        assertTrue(trail.stream().noneMatch(e -> e.time().isAfter(now)), "no event of the trail is in the future");
    }

    @Test
    void everyCallerSaysTheEventIsSeededAndEveryAccountAndRegionHasHistory() {
        List<TrailFacts.Seen> history = seededEvents();
        for (TrailFacts.Seen e : history) {
            if (e.principal() != null) {
                assertTrue(e.userAgent().startsWith(DemoHistory.USER_AGENT), e.time() + " " + e.name());
            }
        }
        Set<String> scopes = history.stream().map(e -> e.accountId() + " " + e.region()).collect(Collectors.toSet());
        assertEquals(12, scopes.size(), "3 accounts x 4 regions: " + scopes);
    }

    @Test
    void weekdaysAreBusierThanWeekendsAndBusinessHoursThanNights() {
        Map<Boolean, Long> byWeekend = seededEvents().stream()
                .collect(Collectors.partitioningBy(e -> DemoRoutine.weekend(e.time().atZone(ZoneOffset.UTC).toLocalDate()),
                        Collectors.counting()));
        double weekday = byWeekend.get(false) / 5.0;
        double weekend = byWeekend.get(true) / 2.0;
        assertTrue(weekday > 1.5 * weekend, "per weekday " + weekday + ", per weekend day " + weekend);
        long[] byHour = new long[24];
        seededEvents().forEach(e -> byHour[e.hourOfDay()]++);
        long max = java.util.Arrays.stream(byHour).max().orElseThrow();
        long min = java.util.Arrays.stream(byHour).min().orElseThrow();
        assertTrue(max > 3 * min, "hours differ: " + java.util.Arrays.toString(byHour));
    }

    @Test
    void noEventHoldsASecretValue() {
        Set<String> values = valueTokens();
        for (TrailFacts.Seen e : trail) {
            assertNoValue(e, values);
        }
    }

    /** Every demo value, and every long run of letters and digits in one. */
    static Set<String> valueTokens() {
        Set<String> valueTokens = new HashSet<>();
        for (DemoCatalog.ScopePlan p : DemoCatalog.plan()) {
            for (DemoCatalog.SecretPlan s : p.secrets()) {
                for (DemoCatalog.VersionPlan v : s.versions()) {
                    if (v.string() != null) {
                        valueTokens.addAll(tokens(v.string()));
                        valueTokens.add(v.string());
                    }
                }
            }
        }
        assertTrue(valueTokens.size() > 500, "the check has values to look for");
        return valueTokens;
    }

    static void assertNoValue(TrailFacts.Seen e, Set<String> valueTokens) {
        String where = e.time() + " " + e.name();
        assertFalse(e.json().contains("EXAMPLE"), "no demo value marker in " + where);
        assertFalse(e.json().contains("secretString") || e.json().contains("secretBinary") || e.json().contains("SecretString"), where);
        for (String token : tokens(e.json())) {
            assertFalse(valueTokens.contains(token), "no part of a value in " + where);
        }
    }

    /** The long runs of letters, digits and base64 or password punctuation in {@code text}. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.split("[\\s\"',:{}\\[\\]]+")) {
            if (t.length() >= 16 && t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter)) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void lastAccessedDatesAgreeWithTheTrail() {
        Map<String, Instant> lastRead = new HashMap<>();
        for (TrailFacts.Seen e : seededEvents()) {
            if (e.read() && e.name().equals("GetSecretValue")) {
                lastRead.merge(e.secret(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, DemoCatalog.SecretPlan> plans = new HashMap<>();
        DemoCatalog.plan().forEach(p -> p.secrets().forEach(s -> plans.put(p.accountAlias() + " " + p.region() + " " + s.name(), s)));
        int checked = 0;
        for (Map.Entry<String, SecretListEntry> listing : listed.entrySet()) {
            SecretListEntry s = listing.getValue();
            Instant read = lastRead.get(s.arn());
            DemoCatalog.SecretPlan plan = plans.get(listing.getKey());
            if (read == null || plan == null) {
                continue;
            }
            Instant catalog = plan.lastAccessedAgo() == null ? Instant.EPOCH : seededAt.minus(plan.lastAccessedAgo());
            Instant expected = (read.isAfter(catalog) ? read : catalog).truncatedTo(ChronoUnit.DAYS);
            assertEquals(expected, s.lastAccessedDate(), listing.getKey());
            checked++;
        }
        assertTrue(checked > 100, checked + " secrets checked");
    }

    // ---- The incident -------------------------------------------------------------------------

    @Test
    void theIncidentIsTheCiDeployersFromTheNewAddressAtThreeInTheMorningThreeDaysAgo() {
        Instant start = incidentStart();
        assertEquals(seededAt.atZone(ZoneOffset.UTC).toLocalDate().minusDays(3), start.atZone(ZoneOffset.UTC).toLocalDate());
        // As the console asks: by user name, within the hour, through the SDK.
        List<Event> found = new ArrayList<>();
        cloudTrail("security-audit", "us-east-1").lookupEventsPaginator(b -> b.maxResults(50)
                .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue(DemoPipeline.SESSION))
                .startTime(start.truncatedTo(ChronoUnit.HOURS)).endTime(start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))))
                .events().forEach(found::add);
        assertTrue(found.size() >= 40, found.size() + " events of the CI deployer in that hour");
        for (Event e : found) {
            assertTrue(e.cloudTrailEvent().contains("\"sourceIPAddress\":\"" + DemoIncident.SOURCE_IP + "\""), e.eventName());
            assertTrue(e.cloudTrailEvent().contains("\"arn\":\"" + ciPrincipal() + "\""), e.eventName());
            assertEquals(3, e.eventTime().atZone(ZoneOffset.UTC).getHour());
        }
        List<TrailFacts.Seen> incident = incident();
        assertEquals(seeded.history().incidentEvents(), incident.size());
        assertTrue(incident.stream().allMatch(e -> !e.time().isBefore(start) && e.time().isBefore(start.plus(Duration.ofMinutes(15)))));
        // The key was the previous evening's run's: LookupEvents by that key shows both.
        String key = incident.get(0).accessKeyId();
        assertTrue(key.startsWith("ASIA"), key);
        assertTrue(incident.stream().allMatch(e -> key.equals(e.accessKeyId())));
        List<Event> byKey = cloudTrail("security-audit", "us-east-1").lookupEventsPaginator(b -> b.maxResults(50)
                .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(key))).events().stream().toList();
        assertTrue(byKey.stream().anyMatch(e -> e.eventTime().isBefore(start.minus(Duration.ofHours(5)))
                && !e.cloudTrailEvent().contains(DemoIncident.SOURCE_IP)), "the same key at the pipeline's run the evening before");
    }

    @Test
    void theIncidentRaisesEveryKindOfAnomalyWithTheDefaultThresholds() {
        List<TrailFacts.Seen> ci = byPrincipal(seededEvents()).get(ciPrincipal());
        Map<String, List<String>> raised = TrailFacts.anomalies(ci, AnomalyThresholds.DEFAULT, seededEvents().get(0).time());
        for (String kind : List.of("FIRST_READ", "RATE_SPIKE", "ACCESS_DENIED_BURST", "OFF_HOURS", "SWEEP", "NEW_SOURCE_IP")) {
            assertTrue(raised.containsKey(kind), kind + " is raised: " + raised.keySet());
        }
        // ... at the incident and nowhere else.
        Instant start = incidentStart();
        for (Map.Entry<String, List<String>> kind : raised.entrySet()) {
            for (String where : kind.getValue()) {
                Instant at = Instant.parse(where.substring(0, where.indexOf(' ')));
                assertTrue(!at.isBefore(start.truncatedTo(ChronoUnit.HOURS)) && at.isBefore(start.plus(Duration.ofMinutes(15))),
                        kind.getKey() + " only at the incident: " + where);
            }
        }
        // The thresholds with room to spare, as planted.
        List<TrailFacts.Seen> incident = incident();
        long reads = incident.stream().filter(e -> e.read() && e.name().equals("GetSecretValue") && e.region().equals("us-east-1")).count();
        assertTrue(reads >= 24, reads + " values read in the hour, in us-east-1 alone");
        List<Instant> denied = incident.stream().filter(e -> e.denied() && e.name().equals("GetSecretValue")).map(TrailFacts.Seen::time).toList();
        boolean burst = false;
        for (int i = 0; i + 7 < denied.size(); i++) {
            burst |= Duration.between(denied.get(i), denied.get(i + 7)).compareTo(Duration.ofMinutes(2)) <= 0;
        }
        assertTrue(burst, "eight refused reads within two minutes among " + denied);
        List<Instant> listings = incident.stream().filter(e -> e.name().equals("ListSecrets") && e.region().equals("us-east-1"))
                .map(TrailFacts.Seen::time).toList();
        assertTrue(listings.size() >= 10 && Duration.between(listings.get(0), listings.get(listings.size() - 1)).toMinutes() < 10,
                listings.size() + " listings in us-east-1 within ten minutes");
        long asked = incident.stream().filter(e -> e.name().equals("GetSecretValue") && e.secret() != null
                && e.time().isBefore(incident.get(0).time().plus(Duration.ofMinutes(10)))).map(TrailFacts.Seen::secret).distinct().count();
        assertTrue(asked >= 20, asked + " distinct secrets asked for within ten minutes");
        long before = ci.stream().filter(e -> e.read() && e.time().isBefore(start)).count();
        assertTrue(before >= 50, before + " reads before");
    }

    @Test
    void ordinaryPrincipalsRaiseNothingAfterTheLearningDays() {
        Instant windowStart = seededEvents().get(0).time();
        Map<String, List<TrailFacts.Seen>> principals = byPrincipal(seededEvents());
        principals.remove(ciPrincipal());
        assertTrue(principals.size() >= 30, principals.size() + " principals");
        Map<String, Map<String, List<String>>> raised = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrailFacts.Seen>> p : principals.entrySet()) {
            Map<String, List<String>> found = TrailFacts.anomalies(p.getValue(), AnomalyThresholds.DEFAULT, windowStart);
            if (!found.isEmpty()) {
                raised.put(p.getKey(), found);
            }
        }
        assertTrue(raised.isEmpty(), "ordinary principals raise nothing: " + raised);
        // Nor does the pipeline before the incident.
        List<TrailFacts.Seen> before = byPrincipal(seededEvents()).get(ciPrincipal()).stream()
                .filter(e -> e.time().isBefore(incidentStart())).toList();
        assertEquals(Map.of(), TrailFacts.anomalies(before, AnomalyThresholds.DEFAULT, windowStart));
    }

    // ---- As the store itself records them --------------------------------------------------------

    /** Real calls of the same principals on the same secrets: the planted events must read as these do. */
    @Nested
    class RealCalls {

        @Test
        void theIncidentsRefusalsAreWordedAsTheStoreWordsThem() {
            List<TrailFacts.Seen> incident = incident();
            SecretsManagerClient ci = as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1");
            TrailFacts.Seen deniedRead = incident.stream().filter(e -> e.denied() && e.name().equals("GetSecretValue")).findFirst().orElseThrow();
            assertEquals(deniedRead.errorCode(), "AccessDeniedException");
            assertEquals(deniedRead.record().path("errorMessage").asText(), refusal(() -> ci.getSecretValue(b -> b.secretId(deniedRead.secret()))));
            TrailFacts.Seen deniedList = planted(incident, "ListSecrets", null);
            assertEquals(deniedList.record().path("errorMessage").asText(), refusal(() -> ci.listSecrets(b -> b.maxResults(100))));
            TrailFacts.Seen breakGlass = incident.get(incident.size() - 1);
            assertEquals(breakGlass.record().path("errorMessage").asText(),
                    refusal(() -> ci.getSecretValue(b -> b.secretId(DemoGrants.LOCKED_DOWN_SECRET))));
        }

        @Test
        void theBackgroundsRefusalsAndFailuresAreWordedAsTheStoreWordsThem() {
            List<TrailFacts.Seen> history = seededEvents();
            SecretsManagerClient auditor = as("security-audit", DemoPrincipals.SECURITY_AUDITOR, DemoOperators.REVIEW_SESSION, "us-east-1");
            TrailFacts.Seen review = history.stream().filter(e -> e.denied() && e.name().equals("DescribeSecret") && e.region().equals("us-east-1")
                    && e.principal().contains(auditAccount)).findFirst().orElseThrow();
            assertEquals(review.record().path("errorMessage").asText(),
                    refusal(() -> auditor.describeSecret(b -> b.secretId(review.secret()))));

            SecretsManagerClient reporting = as("analytics-dev", "app-" + DemoRoutine.REFUSED_SERVICE, DemoRoutine.REFUSED_SERVICE, "us-east-1");
            TrailFacts.Seen weekly = history.stream().filter(e -> e.denied() && e.name().equals("GetSecretValue")
                    && e.principal().endsWith("/" + DemoRoutine.REFUSED_SERVICE)).findFirst().orElseThrow();
            assertEquals(weekly.record().path("errorMessage").asText(),
                    refusal(() -> reporting.getSecretValue(b -> b.secretId(DemoRoutine.REFUSED_SECRET))));

            TrailFacts.Seen missing = history.stream().filter(e -> "ResourceNotFoundException".equals(e.errorCode())).findFirst().orElseThrow();
            String session = missing.principal().substring(missing.principal().lastIndexOf('/') + 1);
            SecretsManagerClient app = as("analytics-dev", "app-" + session, session, missing.region());
            AwsServiceException notFound = assertThrows(AwsServiceException.class,
                    () -> app.getSecretValue(b -> b.secretId(missing.record().path("requestParameters").path("secretId").asText())));
            assertEquals(missing.errorCode(), notFound.awsErrorDetails().errorCode());
            assertEquals(missing.record().path("errorMessage").asText(), notFound.awsErrorDetails().errorMessage());
        }

        @Test
        void aSeededReadHasTheShapeOfARealOne() {
            as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1")
                    .getSecretValue(b -> b.secretId(DemoPipeline.OWN_TOKEN));
            running.store().audit().flush();
            Event real = cloudTrail("security-audit", "us-east-1").lookupEvents(b -> b.maxResults(50)
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("GetSecretValue"))).events().stream()
                    .filter(e -> !e.cloudTrailEvent().contains(DemoHistory.USER_AGENT)).findFirst().orElseThrow();
            TrailFacts.Seen planted = seededEvents().stream().filter(e -> ciPrincipal().equals(e.principal()) && e.read()
                    && DemoPipeline.OWN_TOKEN.equals(e.record().path("requestParameters").path("secretId").asText(null))).findFirst().orElseThrow();
            com.fasterxml.jackson.databind.JsonNode realRecord = TrailFacts.parse(real.cloudTrailEvent());
            assertEquals(fieldNames(realRecord), fieldNames(planted.record()));
            assertEquals(fieldNames(realRecord.path("userIdentity")), fieldNames(planted.record().path("userIdentity")));
            assertEquals(realRecord.path("requestParameters"), planted.record().path("requestParameters"));
            assertEquals(realRecord.path("resources"), planted.record().path("resources"));
            assertEquals(realRecord.path("userIdentity").path("arn"), planted.record().path("userIdentity").path("arn"));
            assertEquals(real.username(), planted.username());
            assertEquals(realRecord.path("readOnly"), planted.record().path("readOnly"));
        }

        @Test
        void theRefusedBatchIsWordedAndShapedAsTheStoreRecordsOne() {
            TrailFacts.Seen batch = incident().stream().filter(e -> e.name().equals("BatchGetSecretValue")).findFirst().orElseThrow();
            List<String> ids = new ArrayList<>();
            batch.record().path("requestParameters").path("secretIdList").forEach(n -> ids.add(n.asText()));
            assertEquals(20, ids.size());
            SecretsManagerClient ci = as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1");
            assertEquals(batch.record().path("errorMessage").asText(), refusal(() -> ci.batchGetSecretValue(b -> b.secretIdList(ids))));
            running.store().audit().flush();
            Event real = cloudTrail("security-audit", "us-east-1").lookupEvents(b -> b.maxResults(1)
                    .lookupAttributes(a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("BatchGetSecretValue"))).events().get(0);
            assertFalse(real.cloudTrailEvent().contains(DemoHistory.USER_AGENT));
            com.fasterxml.jackson.databind.JsonNode record = TrailFacts.parse(real.cloudTrailEvent());
            assertEquals(record.path("requestParameters"), batch.record().path("requestParameters"));
            assertEquals(record.path("errorCode"), batch.record().path("errorCode"));
            assertEquals(real.resources().size(), batch.resources().size());
        }

        private static Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
            Set<String> names = new java.util.TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    // ---- Once -----------------------------------------------------------------------------------

    @Test
    void removingTheDemoLeavesItsHistoryAndSeedingAgainAddsNoSecondOne() {
        try (RunningStore other = new RunningStore()) {
            DemoEstate.Summary first = DemoEstate.seed(other.store());
            assertNotNull(first.history());
            assertTrue(DemoHistory.present(other.store(), other.store().accounts().list()));
            DemoEstate.Summary removed = DemoEstate.remove(other.store());
            assertEquals(DemoEstate.Outcome.REMOVED, removed.outcome());
            assertTrue(DemoHistory.present(other.store(), other.store().accounts().list()), "the trail keeps the history");
            DemoEstate.Summary again = DemoEstate.seed(other.store());
            assertEquals(DemoEstate.Outcome.SEEDED, again.outcome());
            assertNull(again.history(), "no second history");
        }
    }
}
