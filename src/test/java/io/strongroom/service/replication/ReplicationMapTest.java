package io.strongroom.service.replication;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.ReplicaStatus;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.ReplicatedSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretPayload;
import io.strongroom.service.FanOut;
import io.strongroom.service.RateLimiters;
import io.strongroom.service.ReplicationService;
import io.strongroom.service.SecretsService;
import io.strongroom.service.TimeSource;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replication map and the retry of a failed replica against the embedded store, through the
 * real SDK: a primary in us-east-1 replicated to us-west-2 (InSync) and to eu-west-1, where a
 * secret of the same name already exists (Failed, with AWS's message).
 */
class ReplicationMapTest {

    static final String NAME = "prod/payments/db-replicated";
    static ServiceStack stack;
    static ExecutorService pool;
    static ReplicationService replication;
    static SecretsService secrets;
    static SecretMutations mutations;
    static Scope east;
    static Scope west;
    static Scope eu;
    static String arn;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(4, 1);
        pool = Executors.newFixedThreadPool(4);
        replication = new ReplicationService(stack.clients(), new FanOut(pool, 4, new RateLimiters(TimeSource.system())));
        secrets = stack.secrets();
        mutations = SecretMutations.of(new Writers(secrets, null, null, replication, null));
        east = stack.scope(0, "us-east-1");
        west = stack.scope(0, "us-west-2");
        eu = stack.scope(0, "eu-west-1");
        secrets.create(eu, new NewSecret(NAME, "squatter", null, SecretPayload.ofText("FAKE-other"), Map.of(), SecretsService.newRequestToken()));
        arn = secrets.create(east, new NewSecret(NAME, "replicated", null, SecretPayload.ofText("FAKE-value"), Map.of(),
                SecretsService.newRequestToken())).arn();
        secrets.create(east, new NewSecret("prod/standalone", null, null, SecretPayload.ofText("FAKE-x"), Map.of(),
                SecretsService.newRequestToken()));
        List<ReplicaStatus> started = mutations.apply(new SecretMutation.Replicate(east, arn,
                List.of(ReplicaTarget.of("us-west-2"), ReplicaTarget.of("eu-west-1")), false));
        assertEquals(2, started.size());
        awaitReplication();
    }

    static void awaitReplication() throws InterruptedException {
        assertTrue(stack.store().store().replication().awaitIdle(Duration.ofSeconds(30)), "replication still running");
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        stack.close();
    }

    /** Runs the map over {@code scopes} and returns what each scope delivered, and the errors. */
    static Result map(List<Scope> scopes) throws Exception {
        Result r = new Result();
        replication.map(scopes, new FanOut.Listener<>() {
            @Override
            public void page(Scope scope, List<ReplicatedSecret> items) {
                r.found.addAll(items);
            }

            @Override
            public void failed(Scope scope, ScopeError error) {
                r.failed.put(scope, error);
            }
        }).done().get(30, TimeUnit.SECONDS);
        return r;
    }

    static final class Result {
        final List<ReplicatedSecret> found = new CopyOnWriteArrayList<>();
        final Map<Scope, ScopeError> failed = new ConcurrentHashMap<>();
    }

    @Test
    void onePrimaryWithItsReplicasTheFailedOneWithAwsMessage() throws Exception {
        Result r = map(List.of(east, west, eu));
        assertEquals(Map.of(), r.failed);
        List<ReplicatedSecret> mine = r.found.stream().filter(s -> s.arn().equals(arn)).toList();
        assertEquals(1, mine.size(), "the replicas in chosen scopes are left to their primary: " + r.found);
        ReplicatedSecret s = mine.get(0);
        assertEquals(arn, s.arn());
        assertEquals(east, s.primaryScope());
        assertTrue(s.primaryChosen());
        assertNull(s.primaryError());
        assertEquals(ReplicatedSecret.IN_SYNC, s.replica("us-west-2").status());
        ReplicaStatus failed = s.replica("eu-west-1");
        assertEquals(ReplicatedSecret.FAILED, failed.status());
        assertEquals("Secret with this name already exists in this region", failed.statusMessage());
        assertTrue(ReplicaPlan.sameNameFailure(failed));
    }

    @Test
    void aReplicaWhosePrimaryIsNotChosenIsDescribedThroughThePrimarysRegion() throws Exception {
        Result r = map(List.of(west));
        ReplicatedSecret s = r.found.stream().filter(x -> x.arn().equals(arn)).findFirst().orElseThrow();
        assertEquals(arn, s.arn());
        assertEquals("us-east-1", s.primaryScope().region());
        assertFalse(s.primaryChosen());
        assertNull(s.primaryError());
        assertEquals(2, s.replicas().size());
    }

    @Test
    void aDeniedScopeFailsAloneAndTheOthersAreMapped() throws Exception {
        Scope denied = stack.scope(1, "us-east-1");
        Result r = map(List.of(denied, east));
        assertEquals(1, r.failed.size());
        assertTrue(r.failed.get(denied).isAccessDenied(), r.failed.toString());
        assertTrue(r.found.stream().anyMatch(s -> s.arn().equals(arn)));
    }

    @Test
    void retryingTheFailedReplicaRemovesItAndReplicatesAgainForcingOverTheSameNameSecret() throws Exception {
        String other = secrets.create(east, new NewSecret("prod/retry-me", null, null, SecretPayload.ofText("FAKE-r"), Map.of(),
                SecretsService.newRequestToken())).arn();
        secrets.create(west, new NewSecret("prod/retry-me", null, null, SecretPayload.ofText("FAKE-squat"), Map.of(),
                SecretsService.newRequestToken()));
        mutations.apply(new SecretMutation.Replicate(east, other, List.of(ReplicaTarget.of("us-west-2")), false));
        awaitReplication();
        ReplicaStatus failed = replication.describe(east, other).replica("us-west-2");
        assertEquals(ReplicatedSecret.FAILED, failed.status());

        ReplicaPlan plan = ReplicaPlan.retry(east, other, failed);
        assertEquals(List.of("RemoveRegionsFromReplication", "ReplicateSecretToRegions"),
                plan.calls().stream().map(SecretMutation::action).toList());
        assertTrue(((SecretMutation.Replicate) plan.calls().get(1)).forceOverwrite());
        List<Object> answers = new ArrayList<>();
        for (SecretMutation<?> call : plan.calls()) {
            answers.add(mutations.apply(call));
        }
        awaitReplication();
        ReplicatedSecret after = replication.describe(east, other);
        assertEquals(ReplicatedSecret.IN_SYNC, after.replica("us-west-2").status(), after.toString());
        assertNotNull(answers.get(1));
    }
}
