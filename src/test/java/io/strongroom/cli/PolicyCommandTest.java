package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.service.AccountSource;
import io.strongroom.service.PolicyService;
import io.strongroom.service.SecretsService;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code strongroom policy check|validate} in process, over the real service layer and a real store. */
class PolicyCommandTest {

    static ServiceStack stack;
    static PolicyService policies;
    /** How often a command asked for a temporary store (the default) rather than a data directory. */
    static final AtomicInteger temporaryStores = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        policies = stack.policies();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run policy(String... args) {
        Backends backends = new Backends() {
            @Override
            public AccountSource embeddedStore(Path dataDir) {
                throw new AssertionError("a policy check must not open a data directory it was not given");
            }

            @Override
            public AccountSource temporaryStore() {
                temporaryStores.incrementAndGet();
                return stack.source();
            }

            @Override
            public AccountSource awsProfiles() {
                return AccountSource.awsProfiles(Path.of("/nonexistent/config"), Path.of("/nonexistent/credentials"));
            }

            @Override
            public SecretsService secrets() {
                return stack.secrets();
            }

            @Override
            public PolicyService policies() {
                return policies;
            }

            @Override
            public io.strongroom.service.RotationService rotations() {
                return stack.rotations(2);
            }

            @Override
            public io.strongroom.service.ReplicationService replication() {
                return stack.replication(2);
            }

            @Override
            public void close() {
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("policy"));
        all.addAll(List.of(args));
        int exit = StrongroomCommand.run(backends, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    static String readers(String principals, String actions) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "Readers",
                      "Effect": "Allow",
                      "Principal": {"AWS": %s},
                      "Action": %s,
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(principals, actions);
    }

    static final String APP = "\"arn:aws:iam::111122223333:role/orders-app\"";
    static final String READ = "[\"secretsmanager:GetSecretValue\", \"secretsmanager:DescribeSecret\"]";

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aValidPolicyPassesWithExitCode0OnATemporaryStore() throws IOException {
        int before = temporaryStores.get();
        Run run = policy("validate", file("ok.json", readers(APP, READ)).toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertEquals("", run.out());
        assertTrue(temporaryStores.get() > before, "the default is a temporary store");
    }

    @Test
    void anErrorFindingIsATextLineWithFileLineAndColumnAndExitCode1() throws IOException {
        Path bad = file("bad.json", readers(APP, READ).replace("\"Allow\"", "\"Permit\""));
        Run run = policy("validate", bad.toString(), "--type", "secret");
        assertEquals(1, run.exit(), run.err());
        // "Effect": "Permit" is on line 6, its value at column 17 (1-based)
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith(bad + ":6:17: ERROR INVALID_EFFECT ")), run.out());
    }

    @Test
    void textThatIsNotJsonIsAFindingNotBadInput() throws IOException {
        Run run = policy("validate", file("notjson.json", "{\"Version\": ").toString(), "--type", "key");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("ERROR JSON_SYNTAX_ERROR"), run.out());
        Run empty = policy("validate", file("empty.json", "  \n").toString());
        assertEquals(1, empty.exit());
        assertTrue(empty.out().contains("JSON_SYNTAX_ERROR"), empty.out());
    }

    @Test
    void aMissingFileOrABadOptionIsBadInputWithExitCode2() {
        Run missing = policy("validate", dir.resolve("nowhere.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nowhere.json") && missing.err().contains("cannot read"), missing.err());
        assertEquals(2, policy("check", "--existing", dir.resolve("a.json").toString(), "--new", dir.resolve("b.json").toString()).exit());
        assertEquals(2, policy("validate", "x.json", "--type", "bucket").exit());
        Run profile = policy("validate", "x.json", "--profile", "does-not-exist");
        assertEquals(2, profile.exit(), "the file is read first: " + profile.err());
    }

    @Test
    void anUnknownProfileIsAUsageError() throws IOException {
        Run run = policy("validate", file("p.json", readers(APP, READ)).toString(), "--profile", "does-not-exist");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no AWS profile named 'does-not-exist'"), run.err());
    }

    @Test
    void aWarningFailsOnlyWhenTheThresholdReachesIt() throws IOException {
        Path noVersion = file("noversion.json", readers(APP, READ).replace("\"Version\": \"2012-10-17\",", ""));
        Run strict = policy("validate", noVersion.toString(), "--fail-on", "warning");
        assertEquals(1, strict.exit(), strict.out());
        assertTrue(strict.out().contains("WARNING MISSING_VERSION"), strict.out());
        Run lenient = policy("validate", noVersion.toString());
        assertEquals(0, lenient.exit(), "security warnings and errors fail by default, warnings do not");
        assertTrue(lenient.out().contains("WARNING MISSING_VERSION"), "still reported");
    }

    @Test
    void checkPassesWhenNarrowedAndFailsOnTheStatementThatAddsAPrincipal() throws IOException {
        Path existing = file("old.json", readers(APP, READ));
        Path narrowed = file("narrow.json", readers(APP, "\"secretsmanager:DescribeSecret\""));
        Run pass = policy("check", "--existing", existing.toString(), "--new", narrowed.toString());
        assertEquals(0, pass.exit(), pass.out() + pass.err());
        assertTrue(pass.out().startsWith(narrowed + ": PASS NO_NEW_ACCESS "), pass.out());

        Path widened = file("wide.json", readers("[" + APP + ", \"444455556666\"]", READ));
        Run fail = policy("check", "--existing", existing.toString(), "--new", widened.toString(), "--type", "secret");
        assertEquals(1, fail.exit(), fail.out() + fail.err());
        assertTrue(fail.out().lines().anyMatch(l -> l.equals(widened + ":4:5: FAIL NO_NEW_ACCESS New access in the statement with index: 0.")),
                fail.out());
    }

    @Test
    void checkRefusesANewDocumentWithErrorsAndCanRequireNoPublicAccess() throws IOException {
        Path existing = file("old.json", readers(APP, READ));
        Path broken = file("broken.json", readers(APP, READ).replace("\"Allow\"", "\"Permit\""));
        Run run = policy("check", "--existing", existing.toString(), "--new", broken.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("ERROR INVALID_EFFECT") && !run.out().contains("NO_NEW_ACCESS"), run.out());

        Path everyone = file("everyone.json", readers("\"*\"", READ));
        Run publicRun = policy("check", "--existing", everyone.toString(), "--new", everyone.toString(), "--no-public-access");
        assertEquals(1, publicRun.exit(), publicRun.out());
        assertTrue(publicRun.out().contains("PASS NO_NEW_ACCESS") && publicRun.out().contains("FAIL NO_PUBLIC_ACCESS"), publicRun.out());
    }

    @Test
    void sarifIsOneRunOfTheStrongroomDriverWithLocatedResults() throws IOException {
        Path bad = file("bad.json", readers(APP, READ).replace("\"Allow\"", "\"Permit\""));
        Run run = policy("validate", bad.toString(), "--format", "sarif");
        assertEquals(1, run.exit());
        JsonNode sarif = run.json();
        assertEquals("2.1.0", sarif.path("version").asText());
        assertEquals(1, sarif.path("runs").size());
        JsonNode sarifRun = sarif.path("runs").get(0);
        assertEquals("strongroom", sarifRun.path("tool").path("driver").path("name").asText());
        JsonNode result = sarifRun.path("results").get(0);
        assertEquals("INVALID_EFFECT", result.path("ruleId").asText());
        assertEquals("error", result.path("level").asText());
        assertEquals("INVALID_EFFECT", sarifRun.path("tool").path("driver").path("rules").get(result.path("ruleIndex").asInt()).path("id").asText());
        JsonNode location = result.path("locations").get(0);
        assertEquals(bad.toUri().toString(), location.path("physicalLocation").path("artifactLocation").path("uri").asText());
        JsonNode region = location.path("physicalLocation").path("region");
        assertEquals(6, region.path("startLine").asInt());
        assertEquals(17, region.path("startColumn").asInt());
        assertEquals(6, region.path("endLine").asInt());
        assertEquals(25, region.path("endColumn").asInt(), "the end is exclusive: \"Permit\" is 8 characters");
        assertEquals("Statement[0].Effect", location.path("logicalLocations").get(0).path("fullyQualifiedName").asText());
        assertTrue(result.path("message").path("text").asText().length() > 0);
    }

    @Test
    void jsonReportsTheResultAndEveryItem() throws IOException {
        Path existing = file("old.json", readers(APP, READ));
        Path widened = file("wide.json", readers("[" + APP + ", \"444455556666\"]", READ));
        Run run = policy("check", "--existing", existing.toString(), "--new", widened.toString(), "--format", "json");
        assertEquals(1, run.exit());
        JsonNode report = run.json();
        assertEquals("FAIL", report.path("result").asText());
        JsonNode item = report.path("items").get(0);
        assertEquals("NO_NEW_ACCESS", item.path("code").asText());
        assertEquals(4, item.path("line").asInt());
        assertEquals("Statement[0]", item.path("path").asText());
        assertTrue(item.path("failing").asBoolean());
    }
}
