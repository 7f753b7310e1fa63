package io.strongroom.ui.replication;

import io.strongroom.domain.NewSecret;
import io.strongroom.domain.ReplicaTarget;
import io.strongroom.domain.Scope;
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
import io.strongroom.ui.common.DialogService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An embedded store with multi-region secrets for the replication view models and screenshots:
 * account 0's primaries in us-east-1, replicated to us-west-2 (InSync) and to eu-west-1, where
 * secrets of the same name already exist for some of them (Failed, with AWS's message).
 */
final class ReplicationFixture implements AutoCloseable {

    /** A dialog service that answers {@link #answer} and keeps every message it was shown. */
    static final class Dialogs implements DialogService {
        final List<String> titles = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<String> typed = new ArrayList<>();
        boolean answer = true;

        @Override
        public boolean confirm(String title, String message) {
            titles.add(title);
            messages.add(message);
            return answer;
        }

        @Override
        public boolean confirmByTyping(String title, String message, String expected) {
            titles.add(title);
            messages.add(message);
            typed.add(expected);
            return answer;
        }

        @Override
        public void showError(String title, Throwable error) {
            titles.add(title);
        }

        @Override
        public void showInfo(String title, String message) {
            titles.add(title);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title) {
            return Optional.empty();
        }
    }

    final ServiceStack stack;
    final ExecutorService pool;
    final ReplicationService replication;
    final SecretsService secrets;
    final SecretMutations mutations;
    final Scope east;
    final Scope west;
    final Scope eu;

    ReplicationFixture() {
        stack = ServiceStack.start(3);
        pool = Executors.newFixedThreadPool(2);
        // one scope at a time: the direct UI executor of the view-model tests applies callbacks on the fan-out's thread
        replication = new ReplicationService(stack.clients(), new FanOut(pool, 1, new RateLimiters(TimeSource.system())));
        secrets = stack.secrets();
        mutations = SecretMutations.of(new Writers(secrets, null, null, replication, null));
        east = stack.scope(0, "us-east-1");
        west = stack.scope(0, "us-west-2");
        eu = stack.scope(0, "eu-west-1");
    }

    /** A primary in us-east-1 replicated to {@code regions}; with {@code squatted}, eu-west-1 already holds its name. */
    String primary(String name, String description, boolean squatted, String... regions) throws Exception {
        if (squatted) {
            secrets.create(eu, new NewSecret(name, "created in eu-west-1 by hand", null, SecretPayload.ofText("FAKE-eu"), Map.of(),
                    SecretsService.newRequestToken()));
        }
        String arn = secrets.create(east, new NewSecret(name, description, null, SecretPayload.ofText("FAKE-demo-value"),
                Map.of("team", "payments-core"), SecretsService.newRequestToken())).arn();
        if (regions.length > 0) {
            mutations.apply(new SecretMutation.Replicate(east, arn, java.util.Arrays.stream(regions).map(ReplicaTarget::of).toList(),
                    false));
        }
        return arn;
    }

    void awaitReplication() throws InterruptedException {
        assertTrue(stack.store().store().replication().awaitIdle(Duration.ofSeconds(30)), "replication still running");
    }

    List<Scope> scopes() {
        return List.of(east, west, eu);
    }

    @Override
    public void close() throws Exception {
        pool.shutdownNow();
        stack.close();
    }
}
