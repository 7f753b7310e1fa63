package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.ServiceStack;
import io.strongroom.testing.StackBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code strongroom replication}: the replicas of the store's multi-region secrets, failures first, exit 1 when one failed. */
class ReplicationCommandTest {

    static ServiceStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(2);
        SecretsManagerClient east = stack.store().secrets();
        try (SecretsManagerClient eu = stack.store().secrets(stack.store().adminKey(0), Region.EU_WEST_1)) {
            eu.createSecret(b -> b.name("cli/replicated").secretString("already here"));
        }
        east.createSecret(b -> b.name("cli/replicated").secretString("v").addReplicaRegions(
                r -> r.region("us-west-2"), r -> r.region("eu-west-1")));
        east.createSecret(b -> b.name("cli/single").secretString("v"));
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (east.describeSecret(b -> b.secretId("cli/replicated")).replicationStatus().stream()
                .anyMatch(r -> r.status() == StatusType.IN_PROGRESS)) {
            assertTrue(Instant.now().isBefore(until), "replication settles within 30 s");
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    record Run(int exit, String out, String err) {}

    static Run replication(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("replication"));
        all.addAll(List.of(args));
        int exit = StrongroomCommand.run(new StackBackends(stack), new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theFailedReplicaComesFirstWithAwsMessageAndTheExitCodeIsOne() {
        Run r = replication("--local", "--regions", "us-east-1");
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).startsWith("Failed") && lines.get(1).contains("cli/replicated") && lines.get(1).contains("eu-west-1"),
                r.out());
        assertTrue(lines.get(2).startsWith("InSync") && lines.get(2).contains("us-west-2"), r.out());
        assertFalse(r.out().contains("cli/single"), "a secret without replicas is not listed");
        assertFalse(r.out().contains("already here") || r.out().contains("\"v\""), "no value is printed");
    }

    @Test
    void jsonNamesEachReplicaWithItsPrimaryAndOnlyFailedNarrowsToFailures() throws Exception {
        Run r = replication("--local", "--regions", "us-east-1", "--only", "failed", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(1, rows.size(), r.out());
        assertEquals("eu-west-1", rows.get(0).path("replicaRegion").asText());
        assertEquals("us-east-1", rows.get(0).path("primaryRegion").asText());
        assertEquals("Failed", rows.get(0).path("status").asText());
        assertFalse(rows.get(0).path("statusMessage").asText().isEmpty());
        assertEquals(1, r.exit());
    }

    @Test
    void aReplicaSeenInItsOwnRegionFindsItsPrimaryInAnUnchosenRegion() {
        Run r = replication("--local", "--regions", "us-west-2", "--only", "progress");
        assertEquals(0, r.exit(), "nothing failed among the lines shown; " + r.err());
        assertTrue(r.out().contains("1 multi-region secrets"), r.out());
    }
}
