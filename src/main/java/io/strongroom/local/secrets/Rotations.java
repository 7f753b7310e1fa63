package io.strongroom.local.secrets;

import io.strongroom.local.kms.KmsKey;
import io.strongroom.local.rotation.RotationContext;
import io.strongroom.local.rotation.RotationEvents;
import io.strongroom.local.rotation.RotationException;
import io.strongroom.local.rotation.RotationFunction;
import io.strongroom.local.rotation.RotationFunctions;
import io.strongroom.local.rotation.RotationStep;
import io.strongroom.local.wire.AwsException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import static io.strongroom.local.secrets.SecretVersions.AWSCURRENT;
import static io.strongroom.local.secrets.SecretVersions.AWSPENDING;

/**
 * Runs rotations as Secrets Manager does, after RotateSecret has answered: the secret's rotation
 * function is called for createSecret, setSecret, testSecret and finishSecret in turn, on a
 * thread of its own, and every run is recorded ({@link RotationRuns}) and reported
 * ({@link RotationEvents}).
 *
 * <ul>
 *   <li>A step that fails ends the run: AWSPENDING stays on the new version (where the function
 *       put it), the step and the reason are kept, and RotationFailed is reported. The next
 *       attempt, by RotateSecret's retry or the schedule, reuses that pending version's token.</li>
 *   <li>A new AWSCURRENT version written by hand while a rotation is unfinished takes its place:
 *       the writer takes AWSPENDING off the unfinished version and the run is abandoned
 *       (RotationAbandoned). A run also stops, without an event, when rotation is cancelled or the
 *       secret is deleted between two steps.</li>
 *   <li>The scheduler ({@link #startDue}) starts the rotations whose next date has come.</li>
 *   <li>A run the store stopped in the middle of (a crash, a restart) is closed as failed at start.</li>
 * </ul>
 *
 * The functions act as the service, not as a caller: no IAM policy is evaluated for their reads
 * and writes of the secret, but the KMS key must still be usable.
 */
public final class Rotations implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Rotations.class.getName());

    private final SecretStore store;
    private final RotationFunctions functions;
    private final RotationEvents events;
    private final Clock clock;
    private final ExecutorService workers;
    /** Secrets with a run on a worker now, by ARN: one run per secret at a time. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Runs waiting for their secret's worker to finish, by ARN (guarded by {@link #inFlight}'s lock). */
    private final Map<String, Queued> queued = new java.util.HashMap<>();

    public Rotations(SecretStore store, RotationFunctions functions, RotationEvents events, Clock clock, ThreadFactory threads,
                     int parallelism) {
        this.store = store;
        this.functions = functions;
        this.events = events;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(parallelism, threads);
    }

    public RotationFunctions functions() {
        return functions;
    }

    /** Closes the runs a previous process left running: they failed when it stopped. */
    public void recoverInterrupted() {
        Instant now = clock.instant();
        List<RotationRuns.Run> stopped = store.write(rows -> {
            List<RotationRuns.Run> runs = RotationRuns.running(rows.connection());
            for (RotationRuns.Run r : runs) {
                RotationRuns.end(rows.connection(), r.secretArn(), r.token(), RotationRuns.FAILED, stoppedMessage(r), now);
            }
            return runs;
        });
        for (RotationRuns.Run r : stopped) {
            store.read(rows -> rows.byArn(r.secretArn())).ifPresent(s -> report(RotationEvents.FAILED, s, r.token(), now,
                    failureMessage(r.functionArn(), stepNamed(r.step()), stoppedMessage(r))));
        }
    }

    private static RotationStep stepNamed(String wireName) {
        for (RotationStep step : RotationStep.values()) {
            if (step.wireName().equals(wireName)) {
                return step;
            }
        }
        return RotationStep.CREATE_SECRET;
    }

    private static String stoppedMessage(RotationRuns.Run r) {
        return "the embedded store stopped during the step; the rotation is retried when it is next due.";
    }

    /**
     * Records a new run for {@code token} in the caller's transaction; the caller hands it to
     * {@link #submit} once the transaction has committed.
     */
    void begin(SecretStore.Rows rows, String arn, String token, String functionArn, Instant now) throws SQLException {
        RotationRuns.begin(rows.connection(), arn, token, functionArn, now);
    }

    /** Whether a run for the secret is on a worker now. */
    boolean inFlight(String arn) {
        return inFlight.contains(arn);
    }

    /** Runs the recorded run {@code token} of the secret on a worker; {@code testOnly} stops after testSecret and undoes it. */
    void submit(String arn, String token, boolean testOnly) {
        synchronized (inFlight) {
            if (!inFlight.add(arn)) {
                // The secret's previous run has ended in the database but its worker is still
                // finishing: this run starts as soon as that worker lets go of the secret.
                queued.put(arn, new Queued(token, testOnly));
                return;
            }
        }
        execute(arn, token, testOnly);
    }

    /** A run recorded while the secret's previous worker was still finishing. */
    private record Queued(String token, boolean testOnly) {}

    /** Runs the run on a worker; the secret is in {@link #inFlight} until it and any run queued behind it are done. */
    private void execute(String arn, String token, boolean testOnly) {
        try {
            workers.execute(() -> {
                try {
                    run(arn, token, testOnly);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "rotation of " + arn + " stopped: " + e.getClass().getSimpleName());
                } finally {
                    Queued next;
                    synchronized (inFlight) {
                        next = queued.remove(arn);
                        if (next == null) {
                            inFlight.remove(arn);
                        }
                    }
                    if (next != null) {
                        execute(arn, next.token(), next.testOnly());
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            synchronized (inFlight) {
                inFlight.remove(arn);
                queued.remove(arn);
            }
        }
    }

    /**
     * Starts the rotations whose next rotation date has come on the store's clock. A secret whose
     * previous rotation failed resumes under its pending version's token. The next date moves on
     * at once, so a rotation is started once per window.
     */
    public int startDue(Instant now) {
        List<String> due = store.read(rows -> RotationRuns.due(rows.connection(), now));
        int started = 0;
        for (String arn : due) {
            if (inFlight.contains(arn)) {
                continue;
            }
            Optional<String> token = store.write(rows -> {
                Optional<SecretRecord> found = rows.byArn(arn);
                if (found.isEmpty() || !found.get().rotationEnabled() || found.get().scheduledForDeletion()
                        || found.get().nextRotationAt() == null || found.get().nextRotationAt().isAfter(now)) {
                    return Optional.<String>empty();
                }
                SecretRecord s = found.get();
                SecretRecord moved = s.toBuilder().nextRotationAt(RotationRules.nextAfterStart(s.rotationRules(), now)).build();
                rows.updateSecret(moved);
                if (s.rotationLambdaArn() == null) {
                    return Optional.<String>empty();
                }
                String t = pendingToken(rows, arn).orElse(UUID.randomUUID().toString());
                begin(rows, arn, t, s.rotationLambdaArn(), now);
                return Optional.of(t);
            });
            if (token.isPresent()) {
                submit(arn, token.get(), false);
                started++;
            }
        }
        return started;
    }

    /** The version AWSPENDING is on, when that is not the AWSCURRENT version: an unfinished rotation's. */
    static Optional<String> pendingToken(SecretStore.Rows rows, String arn) throws SQLException {
        Map<String, String> stages = rows.stages(arn);
        String pending = stages.get(AWSPENDING);
        return pending != null && !pending.equals(stages.get(AWSCURRENT)) ? Optional.of(pending) : Optional.empty();
    }

    /** Waits until no rotation is running (tests and benchmarks); false if {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inFlight.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    // ---- one run --------------------------------------------------------------------------------

    private void run(String arn, String token, boolean testOnly) {
        Optional<SecretRecord> found = store.read(rows -> rows.byArn(arn));
        Optional<RotationRuns.Run> recorded = store.read(rows -> RotationRuns.get(rows.connection(), arn, token));
        if (found.isEmpty() || recorded.isEmpty() || !recorded.get().running()) {
            return;
        }
        SecretRecord secret = found.get();
        String functionArn = recorded.get().functionArn();
        if (!testOnly) {
            report(RotationEvents.STARTED, secret, token, clock.instant(), null);
        }
        Optional<RotationFunction> function = functions.resolve(functionArn, secret.accountId(), secret.region());
        StoreContext ctx = new StoreContext(secret, token);
        List<RotationStep> steps = testOnly
                ? List.of(RotationStep.CREATE_SECRET, RotationStep.TEST_SECRET)
                : List.of(RotationStep.values());
        for (RotationStep step : steps) {
            if (!stillRunning(arn, token, step)) {
                return;
            }
            if (function.isEmpty()) {
                fail(secret, functionArn, token, step, "the function does not exist in the secret's account and region.", testOnly);
                return;
            }
            try {
                function.get().run(step, ctx);
            } catch (RotationException e) {
                fail(secret, functionArn, token, step, e.getMessage(), testOnly);
                return;
            } catch (AwsException e) {
                fail(secret, functionArn, token, step, e.code() + ": " + e.getMessage(), testOnly);
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "rotation function " + functionArn + " failed in " + step.wireName()
                        + " with " + e.getClass().getName());
                fail(secret, functionArn, token, step, "the function failed unexpectedly (" + e.getClass().getSimpleName() + ").", testOnly);
                return;
            }
        }
        if (testOnly) {
            finishTest(secret, token);
        } else {
            succeed(secret, token);
        }
    }

    /**
     * Marks {@code step} as the one running, unless the run has ended meanwhile: cancelled, or
     * abandoned because a new version was written by hand (whoever ended it reported it), or the
     * secret was deleted or scheduled for deletion (then it ends here, without an event).
     */
    private boolean stillRunning(String arn, String token, RotationStep step) {
        return store.write(rows -> {
            Optional<SecretRecord> s = rows.byArn(arn);
            Optional<RotationRuns.Run> run = RotationRuns.get(rows.connection(), arn, token);
            if (s.isEmpty() || run.isEmpty() || !run.get().running()) {
                return false;
            }
            if (s.get().scheduledForDeletion()) {
                RotationRuns.end(rows.connection(), arn, token, RotationRuns.ABANDONED,
                        "The secret was scheduled for deletion during the rotation.", clock.instant());
                return false;
            }
            RotationRuns.step(rows.connection(), arn, token, step.wireName());
            return true;
        });
    }

    /**
     * Ends the secret's unfinished rotation because a new AWSCURRENT version was written by hand
     * ({@code token} is the version AWSPENDING was on, which the caller took the label off): AWS
     * takes such a write as the rotation and reports RotationAbandoned.
     */
    void abandonedByHand(SecretRecord secret, String token) {
        Instant now = clock.instant();
        store.write(rows -> {
            Optional<RotationRuns.Run> run = RotationRuns.get(rows.connection(), secret.arn(), token);
            if (run.isPresent() && (run.get().running() || RotationRuns.FAILED.equals(run.get().outcome()))) {
                RotationRuns.end(rows.connection(), secret.arn(), token, RotationRuns.ABANDONED,
                        "A new version was written by hand; it stands as the rotation.", now);
            }
            return null;
        });
        report(RotationEvents.ABANDONED, secret, token, now, null);
    }

    private void fail(SecretRecord secret, String functionArn, String token, RotationStep step, String reason, boolean testOnly) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "the function gave no reason." : reason;
        store.write(rows -> {
            if (rows.byArn(secret.arn()).isPresent()) {
                RotationRuns.step(rows.connection(), secret.arn(), token, step.wireName());
                RotationRuns.end(rows.connection(), secret.arn(), token, RotationRuns.FAILED, why, now);
                if (testOnly && token.equals(rows.stages(secret.arn()).get(AWSPENDING))) {
                    rows.removeStage(secret.arn(), AWSPENDING);     // a configuration test leaves no rotation behind
                }
            }
            return null;
        });
        if (!testOnly) {
            report(RotationEvents.FAILED, secret, token, now, failureMessage(functionArn, step, why));
        }
    }

    /** AWS's errorMessage of a RotationFailed event, and after a colon the reason the function gave. */
    static String failureMessage(String functionArn, RotationStep step, String reason) {
        return "Error when executing lambda " + functionArn + " during " + step.wireName() + " step: " + reason;
    }

    private void succeed(SecretRecord secret, String token) {
        Instant now = clock.instant();
        store.write(rows -> {
            Optional<SecretRecord> s = rows.byArn(secret.arn());
            if (s.isPresent()) {
                SecretRecord rotated = s.get().toBuilder()
                        .lastRotatedAt(now)
                        .nextRotationAt(s.get().rotationEnabled() ? RotationRules.nextAfterRotation(s.get().rotationRules(), now) : null)
                        .build();
                rows.updateSecret(rotated);
                RotationRuns.end(rows.connection(), secret.arn(), token, RotationRuns.SUCCEEDED, null, now);
            }
            return null;
        });
        report(RotationEvents.SUCCEEDED, secret, token, now, null);
    }

    /** The end of a configuration test (RotateImmediately=false): AWSPENDING comes off the test version again. */
    private void finishTest(SecretRecord secret, String token) {
        Instant now = clock.instant();
        store.write(rows -> {
            if (rows.byArn(secret.arn()).isPresent()) {
                if (token.equals(rows.stages(secret.arn()).get(AWSPENDING))) {
                    rows.removeStage(secret.arn(), AWSPENDING);
                }
                RotationRuns.end(rows.connection(), secret.arn(), token, RotationRuns.SUCCEEDED, "configuration test", now);
            }
            return null;
        });
    }

    private void report(String eventName, SecretRecord secret, String token, Instant at, String errorMessage) {
        try {
            events.record(eventName, secret.accountId(), secret.region(), secret.arn(), token, at, errorMessage);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record " + eventName + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- what a function may do ------------------------------------------------------------------

    /** {@link RotationContext} over the store's tables, acting as Secrets Manager on the one secret. */
    private final class StoreContext implements RotationContext {

        private final SecretRecord secret;
        private final String token;

        StoreContext(SecretRecord secret, String token) {
            this.secret = secret;
            this.token = token;
        }

        @Override
        public String secretArn() {
            return secret.arn();
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public Optional<String> valueAt(String stage) {
            return store.read(rows -> rows.versionAtStage(secret.arn(), stage)).flatMap(v -> text(secret.arn(), v));
        }

        @Override
        public Optional<String> pendingValue() {
            return store.read(rows -> token.equals(rows.stages(secret.arn()).get(AWSPENDING))
                    ? rows.version(secret.arn(), token) : Optional.<VersionRecord>empty()).flatMap(v -> text(secret.arn(), v));
        }

        private Optional<String> text(String arn, VersionRecord v) {
            if (!VersionRecord.STRING.equals(v.valueKind())) {
                return Optional.empty();
            }
            try {
                return Optional.of(store.open(arn, v).asString());
            } catch (SealingException e) {
                throw AwsException.invalidRequest("The KMS key of the secret cannot be used to decrypt its value.");
            }
        }

        @Override
        public void putPending(String secretString) throws RotationException {
            SecretValue value = SecretValue.ofString(secretString);
            Instant now = clock.instant();
            KmsKey key = encryptionKey(now);
            String problem = store.write(rows -> {
                SecretRecord s = rows.byArn(secret.arn()).orElse(null);
                if (s == null) {
                    return "The secret no longer exists.";
                }
                Optional<VersionRecord> existing = rows.version(s.arn(), token);
                if (existing.isPresent()) {
                    if (!store.open(s.arn(), existing.get()).sameAs(value)) {
                        return "The version " + token + " already exists with another value.";
                    }
                    SecretVersions.moveLabel(rows, s.arn(), AWSPENDING, token);
                    return null;
                }
                VersionRecord sealed;
                try {
                    sealed = store.seal(key, s.arn(), token, value, now);
                } catch (SealingException e) {
                    return "The secret's KMS key " + key.arn() + " cannot encrypt the new value (it is disabled or pending deletion).";
                }
                SecretVersions.addVersion(rows, s, sealed, List.of(AWSPENDING), now);
                return null;
            });
            if (problem != null) {
                throw new RotationException(problem);
            }
        }

        private KmsKey encryptionKey(Instant now) throws RotationException {
            String ref = secret.kmsKeyRef();
            if (ref == null || ref.isEmpty()) {
                return store.keys().secretsManagerKey(secret.accountId(), secret.region(), now);
            }
            return store.keys().resolve(secret.accountId(), secret.region(), ref)
                    .orElseThrow(() -> new RotationException("The secret's KMS key " + ref + " does not exist."));
        }

        @Override
        public void finish() throws RotationException {
            String problem = store.write(rows -> {
                if (rows.byArn(secret.arn()).isEmpty()) {
                    return "The secret no longer exists.";
                }
                if (rows.version(secret.arn(), token).isEmpty()) {
                    return "The version " + token + " does not exist; createSecret did not store it.";
                }
                Map<String, String> stages = rows.stages(secret.arn());
                if (!token.equals(stages.get(AWSCURRENT))) {
                    SecretVersions.moveLabel(rows, secret.arn(), AWSCURRENT, token);
                }
                if (token.equals(rows.stages(secret.arn()).get(AWSPENDING))) {
                    rows.removeStage(secret.arn(), AWSPENDING);
                }
                rows.updateSecret(rows.byArn(secret.arn()).orElseThrow().withLastChangedAt(clock.instant()));
                return null;
            });
            if (problem != null) {
                throw new RotationException(problem);
            }
        }

        @Override
        public Optional<String> otherSecret(String secretId) throws RotationException {
            Optional<SecretRecord> other = store.read(rows -> secretId.startsWith("arn:")
                    ? rows.byArn(secretId) : rows.byName(secret.accountId(), secret.region(), secretId));
            if (other.isEmpty() || !other.get().accountId().equals(secret.accountId()) || other.get().scheduledForDeletion()) {
                return Optional.empty();
            }
            return store.read(rows -> rows.versionAtStage(other.get().arn(), AWSCURRENT)).flatMap(v -> text(other.get().arn(), v));
        }

        @Override
        public Map<String, String> tags() {
            Map<String, String> out = new LinkedHashMap<>();
            for (SecretStore.Tag t : store.read(rows -> rows.tags(secret.arn()))) {
                out.put(t.key(), t.value());
            }
            return out;
        }

        @Override
        public String randomPassword(int length, String excludeCharacters) throws RotationException {
            try {
                return PasswordGenerator.generate(new PasswordGenerator.Options(length, excludeCharacters,
                        false, false, false, false, false, true));
            } catch (AwsException e) {
                throw new RotationException("A password could not be generated: " + e.getMessage());
            }
        }
    }
}
