package io.strongroom.service.journal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.strongroom.domain.ReplicaTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.strongroom.service.journal.JournalFixtures.ANALYTICS_US;
import static io.strongroom.service.journal.JournalFixtures.PAYMENTS_EU;
import static io.strongroom.service.journal.JournalFixtures.PAYMENTS_US;
import static io.strongroom.service.journal.JournalFixtures.SANDBOX_EU;
import static io.strongroom.service.journal.JournalFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal file on its own: recording, append-only, queries, paging, reopening. */
class ActionJournalTest extends OpenJournalTestCase {

    private long ok(io.strongroom.domain.Scope scope, String target, ActionDetails details) {
        ActionJournal.Recording r = journal.begin(scope, target, details);
        clock.advance(Duration.ofMillis(120));
        assertTrue(r.succeeded("arn:aws:iam::" + scope.accountId() + ":user/alice", "arn:aws:secretsmanager:" + scope.region()
                + ":" + scope.accountId() + ":secret:" + target + "-AbCdEf", null));
        clock.advance(Duration.ofSeconds(1));
        return r.id();
    }

    private long failed(io.strongroom.domain.Scope scope, String target, ActionDetails details, String code) {
        ActionJournal.Recording r = journal.begin(scope, target, details);
        assertTrue(r.failed(null, code, "req-" + target, 400));
        clock.advance(Duration.ofSeconds(1));
        return r.id();
    }

    @Nested
    class Recording {

        @Test
        void anActionIsInProgressUntilItsOutcomeIsRecorded() {
            ActionJournal.Recording r = journal.begin(PAYMENTS_EU, "prod/payments/stripe-api-key", new ActionDetails.Delete(7, false));
            JournalEntry started = journal.entry(r.id()).orElseThrow();
            assertEquals(ResultState.IN_PROGRESS, started.result());
            assertNull(started.finishedAt());
            assertEquals(T0, started.startedAt());
            assertEquals("alice", started.actor().osUser());
            assertEquals("profile:payments-admin", started.actor().credentials());

            clock.advance(Duration.ofMillis(250));
            assertTrue(r.failed("arn:aws:iam::111122223333:user/alice", "ResourceNotFoundException", "req-1", 400));
            JournalEntry ended = journal.entry(r.id()).orElseThrow();
            assertEquals(ResultState.FAILED, ended.result());
            assertEquals("ResourceNotFoundException", ended.outcome().errorCode());
            assertEquals("req-1", ended.outcome().requestId());
            assertEquals(400, ended.outcome().httpStatus());
            assertEquals(T0.plusMillis(250), ended.finishedAt());
            assertEquals("arn:aws:iam::111122223333:user/alice", ended.actor().identityArn());
        }

        @Test
        void anOutcomeIsRecordedOnce() {
            ActionJournal.Recording r = journal.begin(PAYMENTS_EU, "a", new ActionDetails.Restore());
            assertTrue(r.succeeded(null, "arn:a", null));
            assertFalse(r.failed(null, "Late", null, 0));
            assertEquals(ResultState.OK, journal.entry(r.id()).orElseThrow().result());
        }

        @Test
        void scopeIsKeptWithItsEndpointKind() {
            ok(PAYMENTS_EU, "a", new ActionDetails.Restore());
            ok(ANALYTICS_US, "b", new ActionDetails.Restore());
            ok(SANDBOX_EU, "c", new ActionDetails.Restore());
            List<JournalEntry> all = journal.query(JournalQuery.all()).entries();
            assertEquals(List.of(EndpointKind.CUSTOM_ENDPOINT, EndpointKind.EMBEDDED_STORE, EndpointKind.AWS),
                    all.stream().map(e -> e.scope().endpointKind()).toList());
            assertEquals(new JournalScope("111122223333", "payments-prod", "eu-west-1", EndpointKind.AWS, null), all.get(2).scope());
            assertNull(all.get(0).scope().accountId());
            assertEquals("http://127.0.0.1:4566", all.get(1).scope().endpoint());
        }

        @Test
        void everyKindOfDetailsRoundTrips() {
            List<ActionDetails> kinds = List.of(
                    new ActionDetails.Create("alias/payments", List.of("owner", "env"), ValueKind.TEXT, true),
                    new ActionDetails.Create(null, List.of(), ValueKind.NONE, false),
                    new ActionDetails.PutValue(ValueKind.BINARY, List.of("AWSPENDING")),
                    new ActionDetails.PutValue(ValueKind.TEXT, List.of()),
                    new ActionDetails.Update(true, null, ValueKind.NONE),
                    new ActionDetails.Update(false, "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", ValueKind.TEXT),
                    new ActionDetails.MoveStage("AWSCURRENT", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"),
                    new ActionDetails.MoveStage("custom", null, "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"),
                    new ActionDetails.Rollback("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"),
                    new ActionDetails.Delete(7, false),
                    new ActionDetails.Delete(0, true),
                    new ActionDetails.Restore(),
                    new ActionDetails.Tag(List.of("cost-center")),
                    new ActionDetails.Untag(List.of("owner", "env")),
                    new ActionDetails.PutSecretPolicy(PolicyDigest.of("{\"Version\":\"2012-10-17\"}"), true),
                    new ActionDetails.PutSecretPolicy(PolicyDigest.of("{}"), false),
                    new ActionDetails.DeleteSecretPolicy(),
                    new ActionDetails.PutKeyPolicy(PolicyDigest.of("{\"Statement\":[]}")),
                    new ActionDetails.Replicate(List.of(ReplicaTarget.of("us-west-2"),
                            new ReplicaTarget("eu-central-1", "alias/payments-eu")), true),
                    new ActionDetails.Replicate(List.of(ReplicaTarget.of("ap-south-1")), false),
                    new ActionDetails.RemoveReplicaRegions(List.of("us-west-2", "eu-central-1")),
                    new ActionDetails.PromoteReplica(),
                    new ActionDetails.EnableKey(),
                    new ActionDetails.DisableKey(),
                    new ActionDetails.ScheduleKeyDeletion(7),
                    new ActionDetails.CancelKeyDeletion(),
                    new ActionDetails.EnableKeyRotation(180),
                    new ActionDetails.EnableKeyRotation(null),
                    new ActionDetails.DisableKeyRotation(),
                    new ActionDetails.RotateKeyOnDemand());
            for (ActionDetails d : kinds) {
                long id = ok(PAYMENTS_EU, "prod/x", d);
                assertEquals(d, journal.entry(id).orElseThrow().details(), d.kind().name());
            }
        }

        @Test
        void aPolicyIsKeptAsItsSizeAndTheSha256OfItsUtf8Bytes() {
            PolicyDigest d = PolicyDigest.of("{\"Sid\":\"Caf\u00e9\"}");
            assertEquals(15, d.bytes(), "\u00e9 is two bytes in UTF-8");
            assertEquals(64, d.sha256().length());
            assertEquals(PolicyDigest.of("{}").sha256(), "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
            long id = ok(PAYMENTS_EU, "prod/x", new ActionDetails.PutSecretPolicy(d, false));
            assertEquals(List.of(id), journal.query(JournalQuery.all().text(d.sha256().substring(0, 12))).entries()
                    .stream().map(JournalEntry::id).toList(), "an entry is found by its policy's digest");
        }

        @Test
        void tagKeysAreASortedSet() {
            assertEquals(List.of("cost-center", "env", "owner"), new ActionDetails.Tag(List.of("owner", "env", "cost-center", "env")).tagKeys());
        }

        @Test
        void replicationAndKeyParametersOutsideAwsBoundsAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.Replicate(List.of(), false));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.ScheduleKeyDeletion(6));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.ScheduleKeyDeletion(31));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.EnableKeyRotation(89));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.RemoveReplicaRegions(List.of("x".repeat(33))));
        }

        @Test
        void identifiersLongerThanAwsAllowsAreRefused() {
            String blob = "x".repeat(129);
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.Tag(List.of(blob)));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.Rollback("v".repeat(65)));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.PutValue(ValueKind.TEXT, List.of("s".repeat(257))));
            assertThrows(IllegalArgumentException.class, () -> new ActionDetails.Create("k".repeat(2049), null, null, false));
            assertThrows(IllegalArgumentException.class, () -> journal.begin(PAYMENTS_EU, "n".repeat(2049), new ActionDetails.Restore()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActionDetails.Tag(List.of(blob)));
            assertFalse(e.getMessage().contains(blob), "the refused text is not repeated");
        }

        @Test
        void listenersSeeTheStartAndTheEnd() throws Exception {
            List<JournalEntry> seen = new CopyOnWriteArrayList<>();
            AutoCloseable sub = journal.subscribe(seen::add);
            ok(PAYMENTS_EU, "a", new ActionDetails.Restore());
            sub.close();
            ok(PAYMENTS_EU, "b", new ActionDetails.Restore());
            assertEquals(List.of(ResultState.IN_PROGRESS, ResultState.OK), seen.stream().map(JournalEntry::result).toList());
        }

        @Test
        void aClosedJournalRefusesToBegin() {
            journal.close();
            assertThrows(JournalException.class, () -> journal.begin(PAYMENTS_EU, "a", new ActionDetails.Restore()));
        }
    }

    @Nested
    class AppendOnly {

        @Test
        void updatesAndDeletesAreRefusedByTheFileItself() throws SQLException {
            ok(PAYMENTS_EU, "a", new ActionDetails.Restore());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file());
                 Statement s = c.createStatement()) {
                for (String sql : List.of("UPDATE action SET target = 'b'", "DELETE FROM action",
                        "UPDATE outcome SET result = 'FAILED'", "DELETE FROM outcome")) {
                    SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
                }
            }
            assertEquals(ResultState.OK, journal.query(JournalQuery.all()).entries().get(0).result());
        }

        @Test
        void theFileIsReadableByItsOwnerOnly() throws Exception {
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
        }
    }

    @Nested
    class Reopening {

        @Test
        void entriesSurviveReopenAndUnfinishedOnesBecomeUnknown() {
            long done = ok(PAYMENTS_EU, "a", new ActionDetails.Delete(30, false));
            long interrupted = journal.begin(PAYMENTS_EU, "b", new ActionDetails.Delete(0, true)).id();
            assertEquals(ResultState.IN_PROGRESS, journal.entry(interrupted).orElseThrow().result());
            journal.close();

            journal = JournalFixtures.open(dir, clock);
            assertEquals(ResultState.OK, journal.entry(done).orElseThrow().result());
            assertEquals(new ActionDetails.Delete(30, false), journal.entry(done).orElseThrow().details());
            assertEquals(ResultState.UNKNOWN, journal.entry(interrupted).orElseThrow().result());
            assertEquals(List.of(interrupted), journal.query(JournalQuery.all().result(ResultState.UNKNOWN)).entries()
                    .stream().map(JournalEntry::id).toList());
            assertEquals(0, journal.count(JournalQuery.all().result(ResultState.IN_PROGRESS)));

            long next = ok(PAYMENTS_EU, "c", new ActionDetails.Restore());
            assertTrue(next > interrupted, "IDs keep increasing across sessions");
        }

        @Test
        void aJournalFromANewerBuildIsRefused() throws SQLException {
            journal.close();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ActionJournal.FILE_NAME));
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version=" + (ActionJournal.SCHEMA_VERSION + 1));
            }
            JournalException e = assertThrows(JournalException.class, () -> JournalFixtures.open(dir, clock));
            assertTrue(e.getMessage().contains("newer"));
            journal = JournalFixtures.open(dir.resolve("other"), clock);
        }

        @Test
        void aVersion1JournalIsMigratedKeepingItsEntries() throws Exception {
            journal.close();
            Path old = dir.resolve("v1").resolve(ActionJournal.FILE_NAME);
            Files.createDirectories(old.getParent());
            String v1;
            try (var in = ActionJournal.class.getResourceAsStream("V1.sql")) {
                v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
                for (String statement : ActionJournal.statements(v1)) {
                    s.execute(statement);
                }
                s.execute("PRAGMA user_version=1");
                s.execute("INSERT INTO action (session, started_at, os_user, credentials, account_alias, region, endpoint_kind,"
                        + " action, target, recovery_days, force_delete)"
                        + " VALUES ('old', 1, 'alice', 'profile:ops', 'payments', 'eu-west-1', 'AWS', 'DELETE_SECRET', 'prod/a', 7, 0)");
            }
            journal = ActionJournal.open(old, clock, "alice");
            JournalEntry kept = journal.query(JournalQuery.all()).entries().get(0);
            assertEquals(new ActionDetails.Delete(7, false), kept.details());
            ActionDetails policy = new ActionDetails.PutKeyPolicy(PolicyDigest.of("{}"));
            assertEquals(policy, journal.entry(ok(PAYMENTS_EU, "key-1", policy)).orElseThrow().details());
        }

        @Test
        void theScriptSplitterKeepsTriggerBodiesWhole() {
            List<String> s = ActionJournal.statements("""
                    CREATE TABLE t (a TEXT); -- comment; with a semicolon
                    CREATE TRIGGER x BEFORE DELETE ON t
                    BEGIN SELECT RAISE(ABORT, 'no'); END;
                    CREATE INDEX i ON t(a);
                    """);
            assertEquals(3, s.size());
            assertTrue(s.get(1).startsWith("CREATE TRIGGER") && s.get(1).endsWith("END;"));
        }
    }

    @Nested
    class Queries {

        long p1;
        long p2;
        long a1;
        long f1;
        long s1;

        @BeforeEach
        void estate() {
            p1 = ok(PAYMENTS_EU, "prod/payments/stripe-api-key", new ActionDetails.PutValue(ValueKind.TEXT, List.of()));
            p2 = ok(PAYMENTS_US, "prod/payments/adyen-hmac", new ActionDetails.Tag(List.of("owner")));
            a1 = ok(ANALYTICS_US, "analytics/redshift/etl-user", new ActionDetails.Delete(7, false));
            f1 = failed(PAYMENTS_EU, "prod/payments/missing", new ActionDetails.Delete(30, false), "ResourceNotFoundException");
            s1 = failed(SANDBOX_EU, "sandbox/thing", new ActionDetails.Restore(), "AccessDeniedException");
        }

        private List<Long> ids(JournalQuery q) {
            return journal.query(q).entries().stream().map(JournalEntry::id).toList();
        }

        @Test
        void newestFirst() {
            assertEquals(List.of(s1, f1, a1, p2, p1), ids(JournalQuery.all()));
            assertEquals(5, journal.count(JournalQuery.all()));
        }

        @Test
        void byAccountRegionActionAndResult() {
            assertEquals(List.of(f1, p2, p1), ids(JournalQuery.all().account("111122223333")));
            assertEquals(List.of(f1, p1), ids(JournalQuery.all().account("111122223333").region("eu-west-1")));
            assertEquals(List.of(s1), ids(JournalQuery.all().account("sandbox")), "an account without an ID is found by alias");
            assertEquals(List.of(a1, p2), ids(JournalQuery.all().region("us-east-1")));
            assertEquals(List.of(f1, a1), ids(JournalQuery.all().action(ActionKind.DELETE_SECRET)));
            assertEquals(List.of(s1, f1), ids(JournalQuery.all().result(ResultState.FAILED)));
            assertEquals(List.of(a1, p2, p1), ids(JournalQuery.all().result(ResultState.OK)));
            assertEquals(List.of(f1), ids(JournalQuery.all().action(ActionKind.DELETE_SECRET).result(ResultState.FAILED)));
            assertEquals(1, journal.count(JournalQuery.all().action(ActionKind.DELETE_SECRET).result(ResultState.FAILED)));
        }

        @Test
        void byTextAcrossTargetErrorCodeRequestIdAndIdentity() {
            assertEquals(List.of(a1), ids(JournalQuery.all().text("REDSHIFT")));
            assertEquals(List.of(f1), ids(JournalQuery.all().text("notfound")));
            assertEquals(List.of(s1), ids(JournalQuery.all().text("req-sandbox")));
            assertEquals(List.of(a1), ids(JournalQuery.all().text("iam::444455556666")));
            assertEquals(List.of(), ids(JournalQuery.all().text("100%")), "LIKE wildcards are literal");
            assertEquals(List.of(), ids(JournalQuery.all().text("prod_payments")), "LIKE wildcards are literal");
        }

        @Test
        void byTime() {
            assertEquals(List.of(a1, p2), ids(JournalQuery.all().between(T0.plusSeconds(1), T0.plusMillis(3000))));
        }

        @Test
        void facetsForTheFilters() {
            assertEquals(List.of(new JournalAccount("444455556666", "analytics-dev"), new JournalAccount("111122223333", "payments-prod"),
                    new JournalAccount(null, "sandbox")), journal.accounts());
            assertEquals(List.of("eu-central-1", "eu-west-1", "us-east-1"), journal.regions());
        }

        @Test
        void pagesAreDisjointAndCompleteEvenWhenActionsArriveBetweenThem() {
            for (int i = 0; i < 20; i++) {
                ok(PAYMENTS_EU, "bulk/" + i, new ActionDetails.Restore());
            }
            JournalQuery q = JournalQuery.all().limit(7);
            List<Long> seen = new ArrayList<>();
            JournalPage page = journal.query(q);
            int pages = 1;
            seen.addAll(page.entries().stream().map(JournalEntry::id).toList());
            ok(PAYMENTS_EU, "arrived-between-pages", new ActionDetails.Restore());
            while (page.hasMore()) {
                page = journal.query(q.olderThan(page.nextCursor()));
                seen.addAll(page.entries().stream().map(JournalEntry::id).toList());
                pages++;
            }
            assertEquals(4, pages, "25 entries in pages of 7");
            assertEquals(25, seen.size());
            Set<Long> unique = new HashSet<>(seen);
            assertEquals(25, unique.size());
            assertTrue(unique.containsAll(List.of(p1, p2, a1, f1, s1)));
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) < seen.get(i - 1), "newest first across pages");
            }
        }

        @Test
        void aFullLastPageHasNoCursor() {
            JournalPage page = journal.query(JournalQuery.all().limit(5));
            assertEquals(5, page.entries().size());
            assertFalse(page.hasMore());
        }
    }
}
