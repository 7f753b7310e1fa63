package io.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.testing.ServiceStack;
import io.strongroom.testing.StackBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code strongroom rotation}: rotation state across the store's accounts, failures first, with exit codes for pipelines. */
class RotationCommandTest {

    static ServiceStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(2);
        SecretsManagerClient sm = stack.store().secrets();
        String account = stack.store().adminKey(0).accountId();
        String fn = "arn:aws:lambda:us-east-1:" + account + ":function:";
        sm.createSecret(b -> b.name("cli/never").secretString("v"));
        sm.createSecret(b -> b.name("cli/rotated").secretString("v"));
        sm.rotateSecret(b -> b.secretId("cli/rotated").rotationLambdaARN(fn + "strongroom-random-value")
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        sm.createSecret(b -> b.name("cli/db").secretString(
                "{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":1,\"username\":\"u\",\"password\":\"p\"}"));
        sm.rotateSecret(b -> b.secretId("cli/db").rotationLambdaARN(fn + "strongroom-postgres-single-user"));
        assertTrue(stack.store().store().rotations().awaitIdle(Duration.ofSeconds(30)));
        stack.store().store().audit().flush();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    record Run(int exit, String out, String err) {}

    static Run rotation(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("rotation"));
        all.addAll(List.of(args));
        int exit = StrongroomCommand.run(new StackBackends(stack), new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theTableListsTheStuckRotationFirstWithItsStepAndReasonAndExitsOne() {
        Run r = rotation("--local");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).startsWith("stuck") && lines.get(1).contains("cli/db"), r.out());
        assertTrue(lines.get(1).contains("failed in setSecret: could not connect to PostgreSQL at 127.0.0.1:1"), lines.get(1));
        assertTrue(r.out().contains("cli/rotated") && r.out().contains("every 30 days"), r.out());
        assertFalse(r.out().contains("\"password\""), "no value is printed");
    }

    @Test
    void onlyNeverRotatedListsSecretsThatNeverRotatedAndExitsZero() throws Exception {
        Run r = rotation("--local", "--only", "never", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        rows.forEach(n -> names.add(n.path("name").asText()));
        assertTrue(names.contains("cli/never") && names.contains("cli/db"), names.toString());
        assertFalse(names.contains("cli/rotated"), names.toString());
        assertEquals(1, r.exit(), "the stuck secret is among them");
        Run clean = rotation("--local", "--only", "overdue");
        assertEquals(0, clean.exit(), clean.out() + clean.err());
    }

    @Test
    void daysOutsideCloudTrailsNinetyAreAUsageError() {
        assertEquals(2, rotation("--local", "--days", "91").exit());
    }
}
