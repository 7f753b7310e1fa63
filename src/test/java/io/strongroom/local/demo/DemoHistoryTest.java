package io.strongroom.local.demo;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.local.iam.LocalAccount;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The demo's audit history, h.seeded() with the demo estate into a real store and read back through
 * the real SDK's LookupEvents over HTTP, as the console reads it. Messages name events by time,
 * name and principal, never by what they carry.
 */
class DemoHistoryTest {

    static SeededHistory h;

    @BeforeAll
    static void seed() {
        h = new SeededHistory();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static List<TrailFacts.Seen> seededEvents() {
        return h.trail().stream().filter(TrailFacts.Seen::seeded).toList();
    }

    static String ciPrincipal() {
        return DemoIncident.principalArn(h.auditAccount());
    }

    static Instant incidentStart() {
        return DemoIncident.start(h.seededAt());
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


    // ---- The history --------------------------------------------------------------------------

    @Test
    void lookupEventsThroughTheSdkServesTheHistoryOverNinetyDaysWithoutAValueAndNothingInTheFuture() {
        // The scope with the fewest events in full, page by page, as the console reads it over 90 days.
        Instant now = h.running().clock().instant();
        Map<String, Long> sizes = seededEvents().stream().collect(Collectors.groupingBy(e -> e.accountId() + " " + e.region(),
                Collectors.counting()));
        String smallest = sizes.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String accountId = smallest.split(" ")[0];
        String region = smallest.split(" ")[1];
        String alias = h.running().store().accounts().find(accountId).orElseThrow().alias();
        List<TrailFacts.Seen> served = TrailFacts.lookUp(h.cloudTrail(alias, region), accountId, region, now.minus(Duration.ofDays(90)), now);
        assertEquals(seededEvents().stream().filter(e -> (e.accountId() + " " + e.region()).equals(smallest))
                        .map(TrailFacts.Seen::eventId).collect(Collectors.toSet()),
                served.stream().filter(TrailFacts.Seen::seeded).map(TrailFacts.Seen::eventId).collect(Collectors.toSet()),
                "LookupEvents serves every seeded event of " + alias + " " + region);
        Instant oldest = served.get(served.size() - 1).time();
        assertTrue(oldest.isBefore(h.seededAt().minus(Duration.ofDays(89))), "about 90 days back: " + oldest);
        // And the incident's scope on the incident's day.
        Instant day = incidentStart().truncatedTo(ChronoUnit.DAYS);
        List<TrailFacts.Seen> thatDay = TrailFacts.lookUp(h.cloudTrail("security-audit", "us-east-1"), h.auditAccount(), "us-east-1",
                day, day.plus(Duration.ofDays(1)).minusSeconds(1));
        assertTrue(thatDay.stream().filter(e -> DemoIncident.SOURCE_IP.equals(e.sourceIp())).count() >= 40, "the incident is there");
        Set<String> values = valueTokens();
        for (TrailFacts.Seen e : served) {
            assertFalse(e.time().isAfter(now), "nothing in the future: " + e.time());
            assertNoValue(e, values);
        }
        for (TrailFacts.Seen e : thatDay) {
            assertNoValue(e, values);
        }
    }

    @Test
    void historySpansNinetyDaysAndNothingIsInTheFuture() {
        List<TrailFacts.Seen> history = seededEvents();
        assertEquals(h.seeded().history().events(), history.size(), "LookupEvents returns every seeded event");
        assertTrue(history.size() >= 15_000 && history.size() <= 40_000, history.size() + " events");
        Instant first = history.get(0).time();
        Instant last = history.get(history.size() - 1).time();
        assertTrue(first.isAfter(h.seededAt().minus(Duration.ofDays(90))), "within the retention: " + first);
        assertTrue(first.isBefore(h.seededAt().minus(Duration.ofDays(89))), "starts about 90 days back: " + first);
        assertFalse(last.isAfter(h.seededAt()), "the newest is not after the seeding: " + last);
        assertTrue(last.isAfter(h.seededAt().minus(Duration.ofDays(1))), "reaches the last day: " + last);
        Set<LocalDate> days = history.stream().map(e -> e.time().atZone(ZoneOffset.UTC).toLocalDate()).collect(Collectors.toSet());
        assertTrue(days.size() >= 90, "every day has events: " + days.size());
        Instant now = h.running().clock().instant();
        assertTrue(h.trail().stream().noneMatch(e -> e.time().isAfter(now)), "no event of the trail is in the future");
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
        for (TrailFacts.Seen e : h.trail()) {
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
        for (Map.Entry<String, SecretListEntry> listing : h.listed().entrySet()) {
            SecretListEntry s = listing.getValue();
            Instant read = lastRead.get(s.arn());
            DemoCatalog.SecretPlan plan = plans.get(listing.getKey());
            if (read == null || plan == null) {
                continue;
            }
            Instant catalog = plan.lastAccessedAgo() == null ? Instant.EPOCH : h.seededAt().minus(plan.lastAccessedAgo());
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
        assertEquals(h.seededAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(3), start.atZone(ZoneOffset.UTC).toLocalDate());
        // As the console asks: by user name, within the hour, through the SDK.
        List<Event> found = new ArrayList<>();
        h.cloudTrail("security-audit", "us-east-1").lookupEventsPaginator(b -> b.maxResults(50)
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
        assertEquals(h.seeded().history().incidentEvents(), incident.size());
        assertTrue(incident.stream().allMatch(e -> !e.time().isBefore(start) && e.time().isBefore(start.plus(Duration.ofMinutes(15)))));
        // The key was the previous evening's run's: LookupEvents by that key shows both.
        String key = incident.get(0).accessKeyId();
        assertTrue(key.startsWith("ASIA"), key);
        assertTrue(incident.stream().allMatch(e -> key.equals(e.accessKeyId())));
        List<Event> byKey = h.cloudTrail("security-audit", "us-east-1").lookupEventsPaginator(b -> b.maxResults(50)
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
            SecretsManagerClient ci = h.as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1");
            TrailFacts.Seen deniedRead = incident.stream().filter(e -> e.denied() && e.name().equals("GetSecretValue")).findFirst().orElseThrow();
            assertEquals(deniedRead.errorCode(), "AccessDeniedException");
            assertEquals(deniedRead.record().path("errorMessage").asText(), SeededHistory.refusal(() -> ci.getSecretValue(b -> b.secretId(deniedRead.secret()))));
            TrailFacts.Seen deniedList = planted(incident, "ListSecrets", null);
            assertEquals(deniedList.record().path("errorMessage").asText(), SeededHistory.refusal(() -> ci.listSecrets(b -> b.maxResults(100))));
            TrailFacts.Seen breakGlass = incident.get(incident.size() - 1);
            assertEquals(breakGlass.record().path("errorMessage").asText(),
                    SeededHistory.refusal(() -> ci.getSecretValue(b -> b.secretId(DemoGrants.LOCKED_DOWN_SECRET))));
        }

        @Test
        void theBackgroundsRefusalsAndFailuresAreWordedAsTheStoreWordsThem() {
            List<TrailFacts.Seen> history = seededEvents();
            SecretsManagerClient auditor = h.as("security-audit", DemoPrincipals.SECURITY_AUDITOR, DemoOperators.REVIEW_SESSION, "us-east-1");
            TrailFacts.Seen review = history.stream().filter(e -> e.denied() && e.name().equals("DescribeSecret") && e.region().equals("us-east-1")
                    && e.principal().contains(h.auditAccount())).findFirst().orElseThrow();
            assertEquals(review.record().path("errorMessage").asText(),
                    SeededHistory.refusal(() -> auditor.describeSecret(b -> b.secretId(review.secret()))));

            SecretsManagerClient reporting = h.as("analytics-dev", "app-" + DemoRoutine.REFUSED_SERVICE, DemoRoutine.REFUSED_SERVICE, "us-east-1");
            TrailFacts.Seen weekly = history.stream().filter(e -> e.denied() && e.name().equals("GetSecretValue")
                    && e.principal().endsWith("/" + DemoRoutine.REFUSED_SERVICE)).findFirst().orElseThrow();
            assertEquals(weekly.record().path("errorMessage").asText(),
                    SeededHistory.refusal(() -> reporting.getSecretValue(b -> b.secretId(DemoRoutine.REFUSED_SECRET))));

            TrailFacts.Seen missing = history.stream().filter(e -> "ResourceNotFoundException".equals(e.errorCode())).findFirst().orElseThrow();
            String session = missing.principal().substring(missing.principal().lastIndexOf('/') + 1);
            SecretsManagerClient app = h.as("analytics-dev", "app-" + session, session, missing.region());
            AwsServiceException notFound = assertThrows(AwsServiceException.class,
                    () -> app.getSecretValue(b -> b.secretId(missing.record().path("requestParameters").path("secretId").asText())));
            assertEquals(missing.errorCode(), notFound.awsErrorDetails().errorCode());
            assertEquals(missing.record().path("errorMessage").asText(), notFound.awsErrorDetails().errorMessage());
        }

        @Test
        void aSeededReadHasTheShapeOfARealOne() {
            h.as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1")
                    .getSecretValue(b -> b.secretId(DemoPipeline.OWN_TOKEN));
            h.running().store().audit().flush();
            Event real = h.cloudTrail("security-audit", "us-east-1").lookupEvents(b -> b.maxResults(50)
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
            SecretsManagerClient ci = h.as("security-audit", DemoPrincipals.CI_DEPLOYER, DemoPipeline.SESSION, "us-east-1");
            assertEquals(batch.record().path("errorMessage").asText(), SeededHistory.refusal(() -> ci.batchGetSecretValue(b -> b.secretIdList(ids))));
            h.running().store().audit().flush();
            Event real = h.cloudTrail("security-audit", "us-east-1").lookupEvents(b -> b.maxResults(1)
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
