package io.strongroom.service.journal;

import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.DeletionMode;
import io.strongroom.domain.NewSecret;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretPayload;
import io.strongroom.domain.SecretUpdate;
import io.strongroom.domain.VersionSelector;
import io.strongroom.domain.VersionWritten;
import io.strongroom.service.IdentityService;
import io.strongroom.service.ScopeException;
import io.strongroom.service.SecretsService;
import io.strongroom.testing.Bytes;
import io.strongroom.testing.RunningStore;
import io.strongroom.testing.ServiceStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journaling decorator over the real {@link SecretsService}, wired as the composition root
 * wires it, against an embedded store through the real SDK.
 */
class JournaledSecretsTest {

    static ServiceStack stack;
    static RunningStore store;
    static SecretsService secrets;
    static IdentityService identities;
    static Scope scope;
    static String adminArn;

    @TempDir
    Path dir;
    ActionJournal journal;
    AtomicBoolean readOnly = new AtomicBoolean();
    SecretMutations mutations;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        store = stack.store();
        adminArn = store.adminKey(0).principalArn();
        scope = stack.scope(0, "eu-west-1");
        secrets = stack.secrets();
        identities = stack.identities();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        journal = ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), Clock.systemUTC(), "alice");
        mutations = JournaledSecrets.wrap(secrets, journal, ActingIdentity.cached(identities), readOnly::get);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JournalEntry latest() {
        return journal.query(JournalQuery.all().limit(1)).entries().get(0);
    }

    @Test
    void deletingASecretThatDoesNotExistIsJournaledWithTheErrorCodeAndRequestId() {
        String name = unique("prod/payments/never-existed");
        ScopeException thrown = assertThrows(ScopeException.class,
                () -> mutations.apply(new SecretMutation.Delete(scope, name, DeletionMode.withRecovery(7))));

        JournalEntry e = latest();
        assertEquals(ActionKind.DELETE_SECRET, e.action());
        assertEquals(name, e.target());
        assertEquals(new ActionDetails.Delete(7, false), e.details());
        assertEquals(ResultState.FAILED, e.result());
        assertEquals("ResourceNotFoundException", e.outcome().errorCode());
        assertNotNull(thrown.error().requestId());
        assertEquals(thrown.error().requestId(), e.outcome().requestId());
        assertEquals(400, e.outcome().httpStatus());
        assertEquals(adminArn, e.actor().identityArn(), "the backend answered, so who we are is known");
        assertEquals("alice", e.actor().osUser());
        assertEquals(scope.credentials().id(), e.actor().credentials());
        assertEquals(new JournalScope(scope.accountId(), scope.accountAlias(), "eu-west-1", EndpointKind.EMBEDDED_STORE,
                store.store().endpoint().toString()), e.scope());
        assertNotNull(e.finishedAt());
    }

    @Test
    void failuresReachTheCallerUnchanged() {
        SecretMutations failing = new JournaledSecrets(new ThrowingMutations(new IllegalStateException("boom")), journal,
                ActingIdentity.unknown());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.apply(new SecretMutation.Restore(scope, "x")));
        assertEquals("boom", e.getMessage());
        assertEquals("IllegalStateException", latest().outcome().errorCode());

        ScopeException original = new ScopeException(new io.strongroom.domain.ScopeError(scope, "ThrottlingException",
                "Rate exceeded", "req-42", 400), null);
        SecretMutations throttled = new JournaledSecrets(new ThrowingMutations(original), journal, ActingIdentity.unknown());
        assertSame(original, assertThrows(ScopeException.class, () -> throttled.apply(new SecretMutation.Tag(scope, "x", Map.of("k", "v")))));
        assertEquals("req-42", latest().outcome().requestId());
    }

    @Test
    void everyMutationIsJournaledWithItsOutcome() {
        String name = unique("prod/payments/stripe-api-key");
        VersionWritten created = mutations.apply(new SecretMutation.Create(scope, new NewSecret(name, "Stripe live key", null,
                SecretPayload.ofText("{\"key\":\"sk_live_1\"}"), Map.of("owner", "payments", "env", "prod"),
                SecretsService.newRequestToken())));
        VersionWritten second = mutations.apply(new SecretMutation.PutValue(scope, name, SecretPayload.ofText("{\"key\":\"sk_live_2\"}"),
                SecretsService.newRequestToken()));
        mutations.apply(new SecretMutation.Update(scope, name, SecretUpdate.description("rotated by hand")));
        mutations.apply(new SecretMutation.MoveStage(scope, name, "AWSPENDING", created.versionId(), null));
        mutations.apply(new SecretMutation.Rollback(scope, name, created.versionId()));
        mutations.apply(new SecretMutation.Tag(scope, name, Map.of("cost-center", "cc-1234")));
        mutations.apply(new SecretMutation.Untag(scope, name, List.of("env")));
        mutations.apply(new SecretMutation.Delete(scope, name, DeletionMode.withRecovery(7)));
        String restoredArn = mutations.apply(new SecretMutation.Restore(scope, name));
        assertEquals("{\"key\":\"sk_live_1\"}", secrets.getValue(scope, name, VersionSelector.current()).payload().text(),
                "the decorator passed every call through");

        List<JournalEntry> entries = journal.query(JournalQuery.all()).entries();
        assertEquals(List.of(ActionKind.RESTORE_SECRET, ActionKind.DELETE_SECRET, ActionKind.UNTAG, ActionKind.TAG,
                        ActionKind.ROLLBACK, ActionKind.MOVE_STAGE, ActionKind.UPDATE_SECRET, ActionKind.PUT_VALUE,
                        ActionKind.CREATE_SECRET),
                entries.stream().map(JournalEntry::action).toList());
        entries.forEach(e -> {
            assertEquals(ResultState.OK, e.result(), e.action().name());
            assertEquals(adminArn, e.actor().identityArn());
            assertEquals(name, e.target());
        });
        JournalEntry create = entries.get(8);
        assertEquals(new ActionDetails.Create(null, List.of("env", "owner"), ValueKind.TEXT, true), create.details());
        assertEquals(created.arn(), create.outcome().targetArn());
        assertEquals(created.versionId(), create.outcome().versionId());
        assertEquals(second.versionId(), entries.get(7).outcome().versionId());
        assertEquals(new ActionDetails.PutValue(ValueKind.TEXT, List.of()), entries.get(7).details());
        assertEquals(new ActionDetails.Update(true, null, ValueKind.NONE), entries.get(6).details());
        assertEquals(new ActionDetails.MoveStage("AWSPENDING", created.versionId(), null), entries.get(5).details());
        assertEquals(new ActionDetails.Rollback(created.versionId()), entries.get(4).details());
        assertEquals(new ActionDetails.Tag(List.of("cost-center")), entries.get(3).details());
        assertEquals(new ActionDetails.Untag(List.of("env")), entries.get(2).details());
        assertEquals(created.arn(), entries.get(1).outcome().targetArn());
        assertEquals(restoredArn, entries.get(0).outcome().targetArn());
    }

    @Test
    void noValueEverReachesTheJournalFile() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID() + "-do-not-journal";
        byte[] binaryCanary = new byte[48];
        new SecureRandom().nextBytes(binaryCanary);
        String descriptionCanary = "DESC-" + UUID.randomUUID();
        String tagValueCanary = "TAGVALUE-" + UUID.randomUUID();
        String control = unique("control/journaled-name");

        mutations.apply(new SecretMutation.Create(scope, new NewSecret(control, descriptionCanary, null, SecretPayload.ofText(canary),
                Map.of("owner", tagValueCanary), SecretsService.newRequestToken())));
        mutations.apply(new SecretMutation.PutValue(scope, control, SecretPayload.ofText(canary + "-v2"), SecretsService.newRequestToken()));
        mutations.apply(new SecretMutation.PutValue(scope, control, SecretPayload.ofBinary(binaryCanary), SecretsService.newRequestToken(), List.of("AWSPENDING")));
        mutations.apply(new SecretMutation.Update(scope, control, new SecretUpdate(descriptionCanary + "-2", null, SecretPayload.ofText(canary + "-v3"),
                SecretsService.newRequestToken())));
        mutations.apply(new SecretMutation.Tag(scope, control, Map.of("cost-center", tagValueCanary)));
        assertThrows(ScopeException.class, () -> mutations.apply(new SecretMutation.PutValue(scope, unique("missing"), SecretPayload.ofText(canary),
                SecretsService.newRequestToken())));
        assertThrows(ScopeException.class, () -> mutations.apply(new SecretMutation.Create(scope, new NewSecret(control, null, null,
                SecretPayload.ofText(canary), Map.of(), SecretsService.newRequestToken()))), "already exists");
        assertEquals(canary + "-v3", secrets.getValue(scope, control, VersionSelector.current()).payload().text());
        assertEquals(7, journal.count(JournalQuery.all()));

        List<byte[]> forbidden = new ArrayList<>();
        for (String s : List.of(canary, descriptionCanary, tagValueCanary)) {
            forbidden.add(s.getBytes(StandardCharsets.UTF_8));
            forbidden.add(s.getBytes(StandardCharsets.UTF_16LE));
            forbidden.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)).substring(0, 24).getBytes(StandardCharsets.US_ASCII));
        }
        forbidden.add(binaryCanary);
        forbidden.add(Base64.getEncoder().encodeToString(binaryCanary).getBytes(StandardCharsets.US_ASCII));
        forbidden.add(HexFormat.of().formatHex(binaryCanary).getBytes(StandardCharsets.US_ASCII));

        // while open (entries sit in the WAL), then after close (checkpointed into the database)
        List<Path> files = journalFiles();
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().endsWith("-wal")), "WAL mode: " + files);
        assertTrue(anyContains(files, control.getBytes(StandardCharsets.UTF_8)), "control: the scan does see journaled text");
        for (byte[] b : forbidden) {
            assertFalse(anyContains(files, b), "a value-like canary landed in the journal");
        }
        for (JournalEntry e : journal.query(JournalQuery.all()).entries()) {
            assertFalse(e.toString().contains(canary) || e.toString().contains(descriptionCanary)
                    || e.toString().contains(tagValueCanary));
        }
        journal.close();
        files = journalFiles();
        assertTrue(anyContains(files, control.getBytes(StandardCharsets.UTF_8)));
        for (byte[] b : forbidden) {
            assertFalse(anyContains(files, b), "a value-like canary landed in the journal");
        }
    }

    private List<Path> journalFiles() throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(ActionJournal.FILE_NAME)).toList();
        }
    }

    private static boolean anyContains(List<Path> files, byte[] needle) throws Exception {
        for (Path p : files) {
            if (Bytes.contains(Files.readAllBytes(p), needle)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void readOnlyModeRefusesWithoutSendingAndTheAttemptIsJournaled() {
        String name = unique("prod/refused");
        readOnly.set(true);
        ScopeException e = assertThrows(ScopeException.class, () -> mutations.apply(new SecretMutation.Create(scope, new NewSecret(name, null, null,
                SecretPayload.ofText("v"), Map.of(), SecretsService.newRequestToken()))));
        assertEquals(ReadOnlyGuard.READ_ONLY, e.errorCode());
        assertEquals(scope, e.error().scope());
        readOnly.set(false);
        assertEquals("ResourceNotFoundException", assertThrows(ScopeException.class,
                () -> secrets.describe(scope, name)).errorCode(), "nothing was sent");

        JournalEntry entry = latest();
        assertEquals(ResultState.FAILED, entry.result());
        assertEquals(ReadOnlyGuard.READ_ONLY, entry.outcome().errorCode());
        assertNull(entry.outcome().requestId());
        assertNull(entry.actor().identityArn(), "no request, no STS lookup");
    }

    @Test
    void withoutAJournalNothingIsSent() {
        String name = unique("prod/unjournaled");
        journal.close();
        assertThrows(JournalException.class, () -> mutations.apply(new SecretMutation.Create(scope, new NewSecret(name, null, null,
                SecretPayload.ofText("v"), Map.of(), SecretsService.newRequestToken()))));
        assertEquals("ResourceNotFoundException", assertThrows(ScopeException.class,
                () -> secrets.describe(scope, name)).errorCode());
    }

    @Test
    void anUnreachableEndpointIsJournaledWithoutAskingWhoWeAre() {
        Scope nowhere = new Account("999988887777", "gone", URI.create("http://127.0.0.1:1"),
                new CredentialsRef.StaticKeys("AKIAGONE000000000000", "irrelevant"), "custom endpoint").in("eu-west-1");
        AtomicInteger lookups = new AtomicInteger();
        SecretMutations m = new JournaledSecrets(SecretMutations.of(secrets), journal, s -> {
            lookups.incrementAndGet();
            return null;
        });
        ScopeException e = assertThrows(ScopeException.class, () -> m.apply(new SecretMutation.Untag(nowhere, "x", Set.of("owner"))));
        assertEquals(io.strongroom.domain.ScopeError.UNREACHABLE, e.errorCode());
        JournalEntry entry = latest();
        assertEquals(io.strongroom.domain.ScopeError.UNREACHABLE, entry.outcome().errorCode());
        assertEquals(0, entry.outcome().httpStatus());
        assertEquals(EndpointKind.CUSTOM_ENDPOINT, entry.scope().endpointKind());
        assertEquals(0, lookups.get());
    }

    /** Every call throws the same exception. */
    private record ThrowingMutations(RuntimeException error) implements SecretMutations {
        @Override
        public <R> R apply(SecretMutation<R> mutation) {
            throw error;
        }
    }
}
