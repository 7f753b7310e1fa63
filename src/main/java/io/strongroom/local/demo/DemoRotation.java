package io.strongroom.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.local.LocalStore;
import io.strongroom.local.rotation.RandomValueFunction;
import io.strongroom.local.rotation.RotationFunctions;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rotation in the demo estate, so the Rotation view has something in every state: API keys that
 * rotate with the random-value function (rotated while seeding), PostgreSQL database secrets on
 * the demo's own cluster ({@link DemoDatabase}) with the single-user function (the masters of
 * production rotated while seeding: without the cluster running yet, that fails at setSecret and
 * leaves a stuck rotation to repair), a few where rotation was turned off again, and the rest never
 * configured. The choice is by name, so every seeding makes the same one.
 */
final class DemoRotation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A seeded secret: its ARN, name and current value (a string, or null for a binary one). */
    record Seeded(String arn, String name, String value) {}

    private DemoRotation() {}

    /**
     * Configures rotation for some of a scope's seeded secrets, at {@code now}, and waits for what
     * that starts. Returns how many versions it added (each rotation or configuration test makes one).
     */
    static int configure(LocalStore store, String accountId, String region, Instant now, List<Seeded> secrets) {
        int started = 0;
        List<String> turnOff = new java.util.ArrayList<>();
        for (Seeded s : secrets) {
            Plan plan = plan(s);
            if (plan == null) {
                continue;
            }
            if (plan.function().equals(RandomValueFunction.NAME)) {
                // New demo values stay obviously fake, as every demo value is.
                store.invoke(accountId, region, now, "secretsmanager", "TagResource", TagResourceRequest.builder().secretId(s.arn())
                        .tags(t -> t.key(RandomValueFunction.PREFIX).value("demo-rotated-")).build());
            }
            RotateSecretRequest request = RotateSecretRequest.builder().secretId(s.arn())
                    .rotationLambdaARN(RotationFunctions.arn(region, accountId, plan.function()))
                    .rotationRules(r -> r.automaticallyAfterDays(plan.days()))
                    .rotateImmediately(plan.immediately() && !plan.turnedOff())
                    .build();
            store.invoke(accountId, region, now, "secretsmanager", "RotateSecret", request);
            started++;
            if (plan.turnedOff()) {
                turnOff.add(s.arn());
            }
        }
        try {
            store.rotations().awaitIdle(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String arn : turnOff) {
            store.invoke(accountId, region, now, "secretsmanager", "CancelRotateSecret",
                    CancelRotateSecretRequest.builder().secretId(arn).build());
        }
        return started;
    }

    private record Plan(String function, long days, boolean immediately, boolean turnedOff) {}

    private static Plan plan(Seeded s) {
        int h = Math.floorMod(s.name().hashCode(), 100);
        if (s.value() != null && s.name().startsWith("rds/") && pointsAtDemoDatabase(s.value())) {
            boolean master = s.name().endsWith("/master");
            return new Plan("strongroom-postgres-single-user", master ? 7 : 30, master && h < 50, false);
        }
        if (s.name().endsWith("-api-key") && h < 40) {
            return new Plan(RandomValueFunction.NAME, h < 20 ? 30 : 90, true, h < 4);
        }
        return null;
    }

    private static boolean pointsAtDemoDatabase(String value) {
        try {
            JsonNode v = JSON.readTree(value);
            return v != null && DemoDatabase.HOST.equals(v.path("host").asText()) && v.path("port").asInt() == DemoDatabase.PORT;
        } catch (IOException notJson) {
            return false;
        }
    }
}
