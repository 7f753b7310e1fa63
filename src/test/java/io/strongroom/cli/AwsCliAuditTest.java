package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.AwsCli;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CloudTrail's event history through the AWS CLI against {@code strongroom serve}: lookup-events
 * by ResourceName finds a secret's GetSecretValue calls with the caller's ARN, source IP and
 * request ID (those of the SDK calls that made them); by Username; by time range; and 120 events
 * paged, by the CLI on its own and with --max-items/--starting-token. Skipped without the CLI,
 * unless {@code strongroom.requireAwsCli=true}.
 */
class AwsCliAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static ServeProcess serve;
    static AwsCli cli;
    static AccessKey admin;
    static String account;

    @BeforeAll
    static void startServe() {
        AwsCli.requireOrSkip();
        serve = new ServeProcess(ServeProcess.tempDir());
        cli = new AwsCli(serve.endpoint());
        admin = new AccessKey(null, null, serve.environment().get("AWS_ACCESS_KEY_ID"), serve.environment().get("AWS_SECRET_ACCESS_KEY"));
        account = aws("sts", "get-caller-identity").path("Account").asText();
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            serve.stop();
        }
    }

    static JsonNode aws(String... args) {
        return cli.ok(AwsCli.credentials(admin.accessKeyId(), admin.secretAccessKey(), null), args);
    }

    static SecretsManagerClient sdk() {
        return RunningStore.client(SecretsManagerClient.builder(), URI.create(serve.endpoint()), admin, Region.US_EAST_1);
    }

    static JsonNode record(JsonNode event) {
        try {
            return JSON.readTree(event.path("CloudTrailEvent").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> events(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.path("Events").forEach(out::add);
        return out;
    }

    @Test
    void byResourceNameTheSecretsGetSecretValueCallsComeWithTheCallersArnSourceIpAndRequestId() {
        String arn;
        Set<String> requestIds = new HashSet<>();
        try (SecretsManagerClient sm = sdk()) {
            arn = sm.createSecret(b -> b.name("cli/audited").secretString("never-on-the-trail")).arn();
            sm.createSecret(b -> b.name("cli/other").secretString("x"));
            for (int i = 0; i < 3; i++) {
                requestIds.add(sm.getSecretValue(b -> b.secretId("cli/audited")).responseMetadata().requestId());
            }
            sm.getSecretValue(b -> b.secretId("cli/other"));
        }

        JsonNode found = aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=" + arn);

        List<JsonNode> reads = events(found).stream().filter(e -> e.path("EventName").asText().equals("GetSecretValue")).toList();
        assertEquals(3, reads.size(), found.toString());
        Set<String> recordedIds = new HashSet<>();
        for (JsonNode e : reads) {
            JsonNode record = record(e);
            assertEquals("arn:aws:iam::" + account + ":user/admin", record.path("userIdentity").path("arn").asText());
            assertEquals("127.0.0.1", record.path("sourceIPAddress").asText());
            assertEquals(arn, e.path("Resources").get(0).path("ResourceName").asText());
            recordedIds.add(record.path("requestID").asText());
        }
        assertEquals(requestIds, recordedIds, "each event carries the request ID its call was answered with");
        assertTrue(events(found).stream().anyMatch(e -> e.path("EventName").asText().equals("CreateSecret")));
        assertFalse(found.toString().contains("never-on-the-trail"));
    }

    @Test
    void byUsernameOnlyThatUsersCallsAreFound() {
        aws("iam", "create-user", "--user-name", "cli-auditor");
        JsonNode key = aws("iam", "create-access-key", "--user-name", "cli-auditor").path("AccessKey");
        Map<String, String> auditor = AwsCli.credentials(key.path("AccessKeyId").asText(), key.path("SecretAccessKey").asText(), null);
        cli.ok(auditor, "sts", "get-caller-identity");
        cli.run(auditor, "secretsmanager", "list-secrets");       // denied (no policy), recorded all the same

        JsonNode found = aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=Username,AttributeValue=cli-auditor");

        Set<String> names = new LinkedHashSet<>();
        for (JsonNode e : events(found)) {
            assertEquals("cli-auditor", e.path("Username").asText());
            assertEquals("arn:aws:iam::" + account + ":user/cli-auditor", record(e).path("userIdentity").path("arn").asText());
            names.add(e.path("EventName").asText());
        }
        assertEquals(Set.of("ListSecrets", "GetCallerIdentity"), names, found.toString());
        JsonNode denied = events(found).stream().filter(e -> e.path("EventName").asText().equals("ListSecrets")).findFirst().orElseThrow();
        assertEquals("AccessDeniedException", record(denied).path("errorCode").asText());
    }

    @Test
    void byTimeRangeOnlyTheEventsBetweenStartAndEndAreFound() throws Exception {
        String arn;
        Instant start;
        Instant end;
        try (SecretsManagerClient sm = sdk()) {
            arn = sm.createSecret(b -> b.name("cli/timed").secretString("x")).arn();
            sm.describeSecret(b -> b.secretId("cli/timed"));
            // CloudTrail's times are whole seconds: start at the next whole second, past the calls above.
            start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Thread.sleep(start.toEpochMilli() - System.currentTimeMillis() + 50);
            sm.getSecretValue(b -> b.secretId("cli/timed"));
            sm.getSecretValue(b -> b.secretId("cli/timed"));
            end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Thread.sleep(end.plusSeconds(1).toEpochMilli() - System.currentTimeMillis() + 50);
            sm.describeSecret(b -> b.secretId("cli/timed"));
        }

        JsonNode found = aws("cloudtrail", "lookup-events", "--start-time", start.toString(), "--end-time", end.toString(),
                "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=" + arn);
        JsonNode everything = aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=" + arn);

        assertEquals(List.of("GetSecretValue", "GetSecretValue"), events(found).stream().map(e -> e.path("EventName").asText()).toList(),
                found.toString());
        for (JsonNode e : events(found)) {
            Instant at = eventTime(e);
            assertFalse(at.isBefore(start) || at.isAfter(end), at + " outside " + start + ".." + end);
        }
        assertEquals(List.of("DescribeSecret", "GetSecretValue", "GetSecretValue", "DescribeSecret", "CreateSecret"),
                events(everything).stream().map(e -> e.path("EventName").asText()).toList(), "newest first, the range's neighbours included");
    }

    /** EventTime as the CLI prints it: ISO 8601 (CLI v2's default), or epoch seconds (v1's). */
    private static Instant eventTime(JsonNode event) {
        JsonNode t = event.path("EventTime");
        return t.isNumber() ? Instant.ofEpochMilli((long) (t.asDouble() * 1000)) : java.time.OffsetDateTime.parse(t.asText()).toInstant();
    }

    @Test
    void oneHundredTwentyEventsArePagedByTheCliAndWithMaxItemsAndStartingToken() {
        String arn;
        try (SecretsManagerClient sm = sdk()) {
            arn = sm.createSecret(b -> b.name("cli/paged").secretString("x")).arn();
            for (int i = 0; i < 119; i++) {
                sm.getSecretValue(b -> b.secretId("cli/paged"));
            }
        }
        String[] byArn = {"cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=" + arn};

        JsonNode all = aws(byArn);
        assertEquals(120, events(all).size(), "the CLI follows NextToken over the 50-event pages");
        assertEquals(120, ids(all).size(), "no event twice");

        Set<String> paged = new LinkedHashSet<>();
        String token = null;
        int pages = 0;
        do {
            List<String> args = new ArrayList<>(List.of(byArn));
            args.addAll(List.of("--max-items", "50"));
            if (token != null) {
                args.addAll(List.of("--starting-token", token));
            }
            JsonNode page = aws(args.toArray(String[]::new));
            assertTrue(events(page).size() <= 50);
            Set<String> ids = ids(page);
            assertTrue(paged.addAll(ids) && ids.size() == events(page).size(), "pages do not overlap");
            token = page.path("NextToken").isMissingNode() ? null : page.path("NextToken").asText();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(ids(all), paged, "the same events, newest first, in the same order");
        assertEquals(new ArrayList<>(ids(all)), new ArrayList<>(paged));
    }

    private static Set<String> ids(JsonNode answer) {
        Set<String> ids = new LinkedHashSet<>();
        answer.path("Events").forEach(e -> ids.add(e.path("EventId").asText()));
        return ids;
    }
}
