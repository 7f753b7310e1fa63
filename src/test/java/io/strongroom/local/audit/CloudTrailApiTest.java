package io.strongroom.local.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventCategory;
import software.amazon.awssdk.services.cloudtrail.model.InvalidEventCategoryException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LookupEvents on a running store through the real SDK. The store is shared; tests that count
 * events keep apart by working in a region of their own, since a lookup sees one region.
 */
class CloudTrailApiTest {

    @RegisterExtension
    static final RunningStore store = RunningStore.perClass();

    private static AccessKey forged(AccessKey key) {
        return new AccessKey(key.accountId(), key.principalArn(), key.accessKeyId(), key.secretAccessKey() + "x");
    }

    @Nested
    class Recording {

        @Test
        void stsCallIsRecordedWithItsCallerSourceAndUserAgent() {
            Region region = Region.US_EAST_2;
            AccessKey key = store.adminKey(0);
            Instant before = store.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            GetCallerIdentityResponse who = store.sts(key, region).getCallerIdentity();
            Instant after = store.clock().instant();

            Event event = Lookups.only(store.cloudTrail(key, region), "GetCallerIdentity");
            assertEquals("sts.amazonaws.com", event.eventSource());
            assertEquals("admin", event.username());
            assertEquals(key.accessKeyId(), event.accessKeyId());
            assertEquals("true", event.readOnly());
            assertEquals(List.of(), event.resources());
            assertFalse(event.eventTime().isBefore(before) || event.eventTime().isAfter(after), event.eventTime().toString());
            JsonNode record = Lookups.record(event);
            assertEquals(event.eventId(), record.path("eventID").asText());
            assertEquals(who.responseMetadata().requestId(), record.path("requestID").asText());
            assertEquals("127.0.0.1", record.path("sourceIPAddress").asText());
            assertTrue(record.path("userAgent").asText().startsWith("aws-sdk-java/"), record.path("userAgent").asText());
            assertEquals(region.id(), record.path("awsRegion").asText());
            assertEquals("IAMUser", record.path("userIdentity").path("type").asText());
            assertEquals(key.principalArn(), record.path("userIdentity").path("arn").asText());
            assertEquals(key.accountId(), record.path("recipientAccountId").asText());
            assertEquals(event.eventTime().toString(), record.path("eventTime").asText());
            assertFalse(record.has("errorCode"));
        }

        @Test
        void refusedSignatureIsKeptOutOfTheKeyOwnersTrailAsAnUnverifiedRefusal() {
            Region region = Region.US_WEST_1;
            AccessKey owner = store.adminKey(0);
            StsException refused = assertThrows(StsException.class, () -> store.sts(forged(owner), region).getCallerIdentity());
            assertEquals("SignatureDoesNotMatch", refused.awsErrorDetails().errorCode());

            for (int account = 0; account < 3; account++) {
                assertEquals(List.of(), Lookups.byName(store.cloudTrail(store.adminKey(account), region), "GetCallerIdentity"),
                        "a signature that proves nothing puts nothing in account " + account + "'s trail");
            }
            UnverifiedRefusal kept = refusal(refused.requestId());
            assertEquals(owner.accessKeyId(), kept.claimedAccessKeyId());
            assertEquals(owner.accountId(), kept.claimedKeyAccountId());
            assertEquals(region.id(), kept.claimedRegion());
            assertEquals("GetCallerIdentity", kept.claimedEventName());
            assertEquals("sts.amazonaws.com", kept.eventSource());
            assertEquals("SignatureDoesNotMatch", kept.errorCode());
            assertEquals("127.0.0.1", kept.sourceIp());
            assertTrue(kept.userAgent().startsWith("aws-sdk-java/"), kept.userAgent());
            assertFalse(kept.isSummary());
        }

        @Test
        void unknownAccessKeyIsRecordedWhereNoAccountCanSeeIt() {
            Region region = Region.CA_CENTRAL_1;
            AccessKey unknown = new AccessKey("000000000000", "arn:aws:iam::000000000000:user/x", "AKIAUNKNOWNUNKNOWN00", "secret");
            StsException refused = assertThrows(StsException.class, () -> store.sts(unknown, region).getCallerIdentity());

            for (int account = 0; account < 3; account++) {
                assertEquals(List.of(), Lookups.byName(store.cloudTrail(store.adminKey(account), region), "GetCallerIdentity"));
            }
            UnverifiedRefusal kept = refusal(refused.requestId());
            assertEquals("AKIAUNKNOWNUNKNOWN00", kept.claimedAccessKeyId());
            assertNull(kept.claimedKeyAccountId());
            assertEquals("InvalidClientTokenId", kept.errorCode());
        }

        private UnverifiedRefusal refusal(String requestId) {
            return store.store().audit().unverifiedRefusals(10_000).stream().filter(r -> requestId.equals(r.requestId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no unverified refusal for request " + requestId));
        }

        @Test
        void unknownOperationIsRecordedWithUnknownOperationException() {
            Region region = Region.SA_EAST_1;
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), region);
            CloudTrailException e = assertThrows(CloudTrailException.class, () -> cloudTrail.describeTrails());
            assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());

            Event event = Lookups.only(cloudTrail, "DescribeTrails");
            assertEquals("cloudtrail.amazonaws.com", event.eventSource());
            assertEquals("admin", event.username());
            assertEquals("UnknownOperationException", Lookups.record(event).path("errorCode").asText());
        }
    }

    @Nested
    class Scope {

        @Test
        void anotherAccountsEventsAreInvisible() {
            Region region = Region.EU_WEST_1;
            AccessKey mine = store.adminKey(0);
            AccessKey theirs = store.adminKey(1);
            store.sts(mine, region).getCallerIdentity();
            StsClient other = store.sts(theirs, region);
            for (int i = 0; i < 3; i++) {
                other.getCallerIdentity();
            }

            List<Event> seen = Lookups.byName(store.cloudTrail(mine, region), "GetCallerIdentity");
            assertEquals(List.of(mine.accessKeyId()), seen.stream().map(Event::accessKeyId).toList());
            assertEquals(3, Lookups.byName(store.cloudTrail(theirs, region), "GetCallerIdentity").size());
        }

        @Test
        void anotherRegionsEventsAreInvisible() {
            AccessKey key = store.adminKey(0);
            store.sts(key, Region.EU_WEST_2).getCallerIdentity();

            assertEquals(List.of(), Lookups.byName(store.cloudTrail(key, Region.EU_WEST_3), "GetCallerIdentity"));
            assertEquals(1, Lookups.byName(store.cloudTrail(key, Region.EU_WEST_2), "GetCallerIdentity").size());
        }

        @Test
        void insightCategoryFindsNothingBecauseOnlyManagementEventsAreRecorded() {
            Region region = Region.EU_NORTH_1;
            AccessKey key = store.adminKey(0);
            store.sts(key, region).getCallerIdentity();
            CloudTrailClient cloudTrail = store.cloudTrail(key, region);

            LookupEventsResponse insights = cloudTrail.lookupEvents(b -> b.eventCategory(EventCategory.INSIGHT));
            assertEquals(List.of(), insights.events());
            assertNull(insights.nextToken());
            assertEquals(1, Lookups.byName(cloudTrail, "GetCallerIdentity").size());
        }
    }

    @Nested
    class Paging {

        /** 120 calls in a region of their own, so pages of 50 come out 50, 50, 20. */
        private static final Region REGION = Region.AP_NORTHEAST_1;
        private static final int CALLS = 120;
        private static List<String> callIds;

        @BeforeAll
        static void makeCalls() {
            AccessKey key = store.adminKey(0);
            StsClient sts = store.sts(key, REGION);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                ids.add(sts.getCallerIdentity().responseMetadata().requestId());
            }
            callIds = ids;
        }

        private LookupEventsRequest.Builder calls() {
            return LookupEventsRequest.builder()
                    .lookupAttributes(Lookups.attribute(LookupAttributeKey.EVENT_NAME, "GetCallerIdentity"));
        }

        @Test
        void nextTokenWalksEveryEventOnceNewestFirst() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            List<Event> all = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String token = null;
            do {
                LookupEventsResponse page = cloudTrail.lookupEvents(calls().maxResults(50).nextToken(token).build());
                pageSizes.add(page.events().size());
                all.addAll(page.events());
                token = page.nextToken();
                // A call made between pages is newer than every page still to come: no shift, no duplicate.
                store.sts(store.adminKey(0), REGION).getCallerIdentity();
            } while (token != null);

            assertEquals(List.of(50, 50, 20), pageSizes);
            List<String> requestIds = all.stream().map(e -> Lookups.record(e).path("requestID").asText()).toList();
            assertEquals(new HashSet<>(callIds), new HashSet<>(requestIds), "every call found");
            assertEquals(CALLS, new HashSet<>(all.stream().map(Event::eventId).toList()).size(), "no event twice");
            List<String> oldestFirst = new ArrayList<>(requestIds);
            Collections.reverse(oldestFirst);
            assertEquals(callIds, oldestFirst, "newest first");
        }

        @Test
        void defaultPageSizeIsFifty() {
            LookupEventsResponse first = store.cloudTrail(store.adminKey(0), REGION).lookupEvents(calls().build());

            assertEquals(50, first.events().size());
            assertNotNull(first.nextToken());
        }

        @Test
        void pageSizeMayChangeBetweenPages() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            LookupEventsResponse first = cloudTrail.lookupEvents(calls().maxResults(7).build());
            LookupEventsResponse second = cloudTrail.lookupEvents(calls().maxResults(3).nextToken(first.nextToken()).build());
            LookupEventsResponse firstTen = cloudTrail.lookupEvents(calls().maxResults(10).build());

            List<String> walked = Stream.concat(first.events().stream(), second.events().stream()).map(Event::eventId).toList();
            assertEquals(firstTen.events().stream().map(Event::eventId).toList(), walked);
        }

        @Test
        void sdkPaginatorFindsEveryCall() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            Set<String> found = new HashSet<>();
            cloudTrail.lookupEventsPaginator(calls().maxResults(13).build()).events()
                    .forEach(e -> found.add(Lookups.record(e).path("requestID").asText()));

            assertTrue(found.containsAll(callIds), "every call found");
        }

        @Test
        void lastPageHasNoNextToken() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            String newest = cloudTrail.lookupEvents(calls().maxResults(1).build()).events().get(0).eventId();
            LookupEventsResponse one = cloudTrail.lookupEvents(calls().maxResults(1)
                    .lookupAttributes(Lookups.attribute(LookupAttributeKey.EVENT_ID, newest))
                    .build());

            assertEquals(1, one.events().size());
            assertNull(one.nextToken());
        }

        @Test
        void tokenIsRefusedWithADifferentQuery() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            String token = cloudTrail.lookupEvents(calls().maxResults(5).build()).nextToken();

            assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(b -> b.maxResults(5).nextToken(token)));
            assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(b -> b.nextToken(token)
                    .lookupAttributes(Lookups.attribute(LookupAttributeKey.EVENT_NAME, "LookupEvents"))));
            assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(calls().nextToken(token)
                    .startTime(Instant.now().minus(1, ChronoUnit.DAYS)).build()));
            assertThrows(InvalidNextTokenException.class, () -> store.cloudTrail(store.adminKey(1), REGION)
                    .lookupEvents(calls().nextToken(token).build()));
            assertThrows(InvalidNextTokenException.class, () -> store.cloudTrail(store.adminKey(0), Region.AP_NORTHEAST_2)
                    .lookupEvents(calls().nextToken(token).build()));
            assertEquals(5, cloudTrail.lookupEvents(calls().maxResults(5).nextToken(token).build()).events().size(), "the right query still works");
        }

        @Test
        void alteredTokenIsRefused() {
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), REGION);
            String token = cloudTrail.lookupEvents(calls().maxResults(5).build()).nextToken();
            char[] chars = token.toCharArray();
            chars[3] = chars[3] == 'A' ? 'B' : 'A';
            String altered = new String(chars);

            InvalidNextTokenException e = assertThrows(InvalidNextTokenException.class,
                    () -> cloudTrail.lookupEvents(calls().nextToken(altered).build()));
            assertEquals(400, e.statusCode());
        }
    }

    @Nested
    class BadInput {

        static Stream<Arguments> refusals() {
            return Stream.of(
                    refusal("two lookup attributes", InvalidLookupAttributesException.class, b -> b.lookupAttributes(
                            Lookups.attribute(LookupAttributeKey.EVENT_NAME, "GetCallerIdentity"),
                            Lookups.attribute(LookupAttributeKey.USERNAME, "admin"))),
                    refusal("unknown attribute key", InvalidLookupAttributesException.class,
                            b -> b.lookupAttributes(Lookups.attribute("UserAgent", "aws-cli"))),
                    refusal("empty attribute value", InvalidLookupAttributesException.class,
                            b -> b.lookupAttributes(Lookups.attribute(LookupAttributeKey.USERNAME, ""))),
                    refusal("attribute value over 2000 characters", InvalidLookupAttributesException.class,
                            b -> b.lookupAttributes(Lookups.attribute(LookupAttributeKey.RESOURCE_NAME, "x".repeat(2001)))),
                    refusal("ReadOnly neither true nor false", InvalidLookupAttributesException.class,
                            b -> b.lookupAttributes(Lookups.attribute(LookupAttributeKey.READ_ONLY, "yes"))),
                    refusal("insight lookup by user name", InvalidLookupAttributesException.class, b -> b.eventCategory(EventCategory.INSIGHT)
                            .lookupAttributes(Lookups.attribute(LookupAttributeKey.USERNAME, "admin"))),
                    refusal("start after end", InvalidTimeRangeException.class,
                            b -> b.startTime(Instant.parse("2025-06-02T00:00:00Z")).endTime(Instant.parse("2025-06-01T00:00:00Z"))),
                    refusal("MaxResults 0", InvalidMaxResultsException.class, b -> b.maxResults(0)),
                    refusal("MaxResults 51", InvalidMaxResultsException.class, b -> b.maxResults(51)),
                    refusal("MaxResults -1", InvalidMaxResultsException.class, b -> b.maxResults(-1)),
                    refusal("EventCategory management", InvalidEventCategoryException.class, b -> b.eventCategory("management")),
                    refusal("EventCategory Insight", InvalidEventCategoryException.class, b -> b.eventCategory("Insight")),
                    refusal("made-up NextToken", InvalidNextTokenException.class, b -> b.nextToken("bm90LWEtdG9rZW4")),
                    refusal("NextToken not base64", InvalidNextTokenException.class, b -> b.nextToken("%%%")));
        }

        private static Arguments refusal(String what, Class<? extends CloudTrailException> expected, Consumer<LookupEventsRequest.Builder> request) {
            return Arguments.of(what, expected, request);
        }

        @ParameterizedTest(name = "{0} is refused with {1}")
        @MethodSource("refusals")
        void badLookupIsRefusedWithTheModeledError(String what, Class<? extends CloudTrailException> expected,
                                                   Consumer<LookupEventsRequest.Builder> request) {
            CloudTrailException e = assertThrows(expected, () -> store.cloudTrail().lookupEvents(request));

            assertEquals(400, e.statusCode());
            assertEquals(expected.getSimpleName(), e.awsErrorDetails().errorCode());
        }

        @Test
        void readOnlyValueIgnoresCase() {
            Region region = Region.AP_SOUTHEAST_1;
            store.sts(store.adminKey(0), region).getCallerIdentity();

            List<Event> found = Lookups.all(store.cloudTrail(store.adminKey(0), region), LookupAttributeKey.READ_ONLY, "TRUE");
            assertEquals(List.of("GetCallerIdentity"), found.stream().map(Event::eventName).toList());
        }

        @Test
        void refusedLookupIsRecordedWithItsErrorCode() {
            Region region = Region.AP_SOUTHEAST_2;
            CloudTrailClient cloudTrail = store.cloudTrail(store.adminKey(0), region);
            assertThrows(InvalidMaxResultsException.class, () -> cloudTrail.lookupEvents(b -> b.maxResults(99)));

            Event refused = Lookups.only(cloudTrail, "LookupEvents");
            assertEquals("InvalidMaxResultsException", Lookups.record(refused).path("errorCode").asText());
            assertEquals(99, Lookups.record(refused).path("requestParameters").path("maxResults").asInt());
        }
    }
}
