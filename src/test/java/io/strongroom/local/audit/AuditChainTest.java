package io.strongroom.local.audit;

import io.strongroom.local.NamedThreads;
import io.strongroom.local.crypto.Aead;
import io.strongroom.local.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tamper-evident chains on a database of their own, without HTTP: a trail edited, cut or
 * added to with plain SQL (as anyone with the file can) no longer verifies, and the verifier
 * names the first event that does not and how it looks.
 */
class AuditChainTest {

    private static final String ACCOUNT = "111122223333";
    private static final String OTHER_ACCOUNT = "444455556666";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    private final AuditChain chain = new AuditChain(Aead.newKey());
    private Path file;
    private Database db;
    private AuditLog audit;

    @BeforeEach
    void open() {
        file = dir.resolve("audit.db");
        reopen();
    }

    private void reopen() {
        db = Database.open(file);
        audit = new AuditLog(db, chain, new NamedThreads("audit-chain-test"));
    }

    @AfterEach
    void close() {
        if (audit != null) {
            audit.close();
            db.close();
            audit = null;
        }
    }

    private static AuditEvent event(String id, String account, String region, Instant time, AuditEvent.Resource... resources) {
        return new AuditEvent(id, account, region, time, "GetSecretValue", "secretsmanager.amazonaws.com", "admin",
                "arn:aws:iam::" + account + ":user/admin", "AIDAEXAMPLE", "AKIAEXAMPLE", true, null, null,
                "127.0.0.1", "test", "request-" + id, "{\"secretId\":\"s\"}", List.of(resources));
    }

    private static Instant minutes(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    /**
     * Ten events in us-east-1 (e1..e10 at T0 plus 1 to 10 minutes, the fifth with three resources), three in
     * eu-west-1 (w1..w3), two of another account (o1, o2), the i-th of each at the same time, stored in that order.
     */
    private void recordSome() {
        for (int i = 1; i <= 10; i++) {
            AuditEvent.Resource[] resources = i == 5
                    ? new AuditEvent.Resource[] {secret("a"), secret("b"), secret("c")}
                    : new AuditEvent.Resource[] {secret("s" + i)};
            audit.recordCommitted(List.of(event("e" + i, ACCOUNT, "us-east-1", minutes(i), resources)));
            if (i <= 3) {
                audit.record(event("w" + i, ACCOUNT, "eu-west-1", minutes(i)));
                audit.flush();
            }
            if (i <= 2) {
                audit.recordDurably(List.of(event("o" + i, OTHER_ACCOUNT, "us-east-1", minutes(i))));
            }
        }
        audit.flush();
    }

    private static AuditEvent.Resource secret(String name) {
        return new AuditEvent.Resource("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + name);
    }

    /** Verifies the file as `strongroom audit verify` does: read-only, with the store closed. */
    private AuditVerifier.Report verify() {
        close();
        return Database.readOnly(file, c -> AuditVerifier.verify(c, chain));
    }

    private AuditVerifier.ChainResult chainOf(AuditVerifier.Report report, String account, String region) {
        return report.chains().stream().filter(c -> c.accountId().equals(account) && c.region().equals(region)).findFirst().orElseThrow();
    }

    private void sql(String statement) throws Exception {
        close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String seqOf(String eventId) {
        return "(SELECT seq FROM audit_events WHERE event_id = '" + eventId + "')";
    }

    @Test
    void aTrailNobodyTouchedVerifiesChainByChain() {
        recordSome();

        AuditVerifier.Report report = verify();

        assertTrue(report.intact(), report.toString());
        assertEquals(10, chainOf(report, ACCOUNT, "us-east-1").verified());
        assertEquals(3, chainOf(report, ACCOUNT, "eu-west-1").verified());
        assertEquals(2, chainOf(report, OTHER_ACCOUNT, "us-east-1").verified());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE audit_events SET source_ip = '203.0.113.9' WHERE event_id = 'e4'",
            "UPDATE audit_events SET event_time = event_time + 1 WHERE event_id = 'e4'",
            "UPDATE audit_events SET username = NULL WHERE event_id = 'e4'",
            "UPDATE audit_events SET read_only = 0 WHERE event_id = 'e4'",
            "UPDATE audit_events SET request_parameters = '{\"secretId\":\"t\"}' WHERE event_id = 'e4'",
            "UPDATE audit_events SET identity_type = 'Root' WHERE event_id = 'e4'",
            "UPDATE audit_events SET mac = zeroblob(32) WHERE event_id = 'e4'",
            "UPDATE audit_events SET prev_seq = prev_seq - 1 WHERE event_id = 'e4'"})
    void oneChangedColumnIsNamedAsAnEditedEvent(String edit) throws Exception {
        recordSome();
        sql(edit);

        AuditVerifier.Report report = verify();

        assertFalse(report.intact());
        AuditVerifier.ChainResult east = chainOf(report, ACCOUNT, "us-east-1");
        assertEquals(3, east.verified(), "e1..e3 verify");
        assertEquals(AuditVerifier.Kind.EDITED, east.failure().kind(), east.failure().detail());
        assertEquals("e4", east.failure().eventId());
        assertEquals(minutes(4), east.failure().time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertEquals("GetSecretValue", east.failure().eventName());
        assertTrue(chainOf(report, ACCOUNT, "eu-west-1").intact(), "other chains are not affected");
    }

    @Test
    void aChangedFurtherResourceIsAnEditOfItsEvent() throws Exception {
        recordSome();
        sql("UPDATE audit_event_resources SET resource_name = 'elsewhere' WHERE seq = " + seqOf("e5")
                + " AND resource_name LIKE '%:b'");

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(AuditVerifier.Kind.EDITED, east.failure().kind());
        assertEquals("e5", east.failure().eventId());
    }

    @Test
    void aRemovedEventIsNamedByItsSuccessorsLink() throws Exception {
        recordSome();
        long seq = seq("e6");
        sql("DELETE FROM audit_events WHERE event_id = 'e6'");

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(5, east.verified());
        assertEquals(AuditVerifier.Kind.REMOVED, east.failure().kind());
        assertEquals("e6", east.failure().eventId());
        assertEquals(seq, east.failure().seq());
        assertTrue(east.failure().detail().contains("e7"), east.failure().detail());
    }

    @Test
    void aRemovedNewestEventIsNamedByTheChainHead() throws Exception {
        recordSome();
        sql("DELETE FROM audit_events WHERE event_id = 'e10'");

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(9, east.verified());
        assertEquals(AuditVerifier.Kind.REMOVED, east.failure().kind());
        assertEquals("e10", east.failure().eventId());
    }

    @Test
    void aRemovedOldestEventIsSeen() throws Exception {
        recordSome();
        sql("DELETE FROM audit_events WHERE event_id = 'e1'");

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(AuditVerifier.Kind.REMOVED, east.failure().kind());
        assertEquals("e1", east.failure().eventId());
    }

    @Test
    void aForgedEventBetweenTwoIsNamedAsInserted() throws Exception {
        recordSome();
        // A copy of e3 with a new ID, placed between e3 and e4: at the seq of w3 (another chain's event, stored
        // between them), which the forger removes to make room.
        long w3 = seq("w3");
        assertTrue(seq("e3") < w3 && w3 < seq("e4"));
        sql("DELETE FROM audit_events WHERE event_id = 'w3'");
        sql(forgedCopy("e3", "forged", w3));

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(3, east.verified());
        assertEquals(AuditVerifier.Kind.INSERTED, east.failure().kind(), east.failure().detail());
        assertEquals("forged", east.failure().eventId());
    }

    @Test
    void aForgedEventAfterTheNewestIsNamedAsInserted() throws Exception {
        recordSome();
        sql(forgedCopy("e10", "forged", 1_000));

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(10, east.verified());
        assertEquals(AuditVerifier.Kind.INSERTED, east.failure().kind());
        assertEquals("forged", east.failure().eventId());
    }

    @Test
    void aForgedEventInAnAccountWithNoTrailIsNamedAsInserted() throws Exception {
        recordSome();
        sql(forgedCopy("e10", "forged", 1_000));
        sql("UPDATE audit_events SET account_id = '999999999999' WHERE event_id = 'forged'");

        AuditVerifier.Report report = verify();

        AuditVerifier.ChainResult nowhere = chainOf(report, "999999999999", "us-east-1");
        assertEquals(AuditVerifier.Kind.INSERTED, nowhere.failure().kind());
        assertEquals("forged", nowhere.failure().eventId());
    }

    /** INSERT of a copy of {@code eventId}'s row (MAC included) under another ID and seq. */
    private static String forgedCopy(String eventId, String newId, long newSeq) {
        return "INSERT INTO audit_events(" + EventRow.COLUMNS + ") SELECT " + newSeq + ", "
                + EventRow.COLUMNS.substring(EventRow.COLUMNS.indexOf(", ") + 2).replace("event_id, account_id", "'" + newId + "', account_id")
                + " FROM audit_events WHERE event_id = '" + eventId + "'";
    }

    private long seq(String eventId) {
        audit.flush();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_events WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aRemovedChainIsSeenInTheListOfChains() throws Exception {
        recordSome();
        sql("DELETE FROM audit_events WHERE region = 'eu-west-1'");
        sql("DELETE FROM audit_chains WHERE region = 'eu-west-1'");

        AuditVerifier.Report report = verify();

        assertFalse(report.intact());
        assertTrue(report.chains().stream().allMatch(AuditVerifier.ChainResult::intact), "every remaining chain is whole");
        assertEquals(1, report.problems().size(), report.problems().toString());
    }

    @Test
    void retentionKeepsTheChainVerifiableFromItsAnchor() {
        recordSome();
        int purged = audit.purgeOlderThan(minutes(6).plusSeconds(30));

        assertEquals(6 + 3 + 2, purged, "e1..e6, w1..w3, o1, o2");
        AuditVerifier.Report report = verify();
        assertTrue(report.intact(), report.toString());
        AuditVerifier.ChainResult east = chainOf(report, ACCOUNT, "us-east-1");
        assertEquals(4, east.verified(), "e7..e10");
        assertEquals(6, east.purged());
    }

    @Test
    void anEditedAnchorIsSeen() throws Exception {
        recordSome();
        assertEquals(3 + 3 + 2, audit.purgeOlderThan(minutes(3).plusSeconds(30)));
        sql("UPDATE audit_chains SET anchor_seq = anchor_seq - 1 WHERE region = 'us-east-1' AND account_id = '" + ACCOUNT + "'");

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertFalse(east.intact());
    }

    @Test
    void eventsRemovedUnderCoverOfThePurgeAreStillCounted() throws Exception {
        recordSome();
        sql("DELETE FROM audit_events WHERE event_id = 'e2'");
        reopen();
        audit.purgeOlderThan(minutes(3).plusSeconds(30));

        AuditVerifier.ChainResult east = chainOf(verify(), ACCOUNT, "us-east-1");

        assertEquals(AuditVerifier.Kind.REMOVED, east.failure().kind(), east.failure().detail());
    }

    @Test
    void aBatchThatFailsLeavesTheChainAsItWasAndTheNextEventsChainOn() {
        recordSome();
        // A duplicate event ID fails the batch it is in; the rest of that batch is then stored one by one.
        audit.recordCommitted(List.of(event("e11", ACCOUNT, "us-east-1", T0), event("e1", ACCOUNT, "us-east-1", T0),
                event("e12", ACCOUNT, "us-east-1", T0)));
        audit.recordCommitted(List.of(event("e13", ACCOUNT, "us-east-1", T0)));
        long lost = audit.lostEvents();

        AuditVerifier.Report report = verify();

        assertTrue(report.intact(), report.toString());
        assertEquals(13, chainOf(report, ACCOUNT, "us-east-1").verified());
        assertEquals(1, lost, "only the duplicate was lost");
    }

    @Test
    void theChainGoesOnAcrossRestarts() {
        recordSome();
        close();
        reopen();
        audit.recordCommitted(List.of(event("after-restart", ACCOUNT, "us-east-1", minutes(11))));

        AuditVerifier.Report report = verify();

        assertTrue(report.intact(), report.toString());
        assertEquals(11, chainOf(report, ACCOUNT, "us-east-1").verified());
    }

    @Test
    void aHeadEditedWhileTheStoreWasDownIsRecordedAsABreakThatStaysVisible() throws Exception {
        recordSome();
        // Remove the newest event and make the head name the one before: the head's MAC no longer verifies.
        sql("DELETE FROM audit_events WHERE event_id = 'e10'");
        sql("UPDATE audit_chains SET appended = appended - 1, last_seq = " + "(SELECT MAX(seq) FROM audit_events WHERE account_id = '"
                + ACCOUNT + "' AND region = 'us-east-1'), last_event_id = 'e9', last_mac = (SELECT mac FROM audit_events WHERE event_id = 'e9')"
                + " WHERE account_id = '" + ACCOUNT + "' AND region = 'us-east-1'");
        reopen();
        audit.recordCommitted(List.of(event("after", ACCOUNT, "us-east-1", minutes(11))));

        AuditVerifier.Report report = verify();

        assertFalse(report.intact(), "chaining on from an edited head must not hide the edit");
        assertTrue(chainOf(report, ACCOUNT, "us-east-1").intact(), "the chain itself goes on from where the head said");
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("head record does not verify")), report.problems().toString());
    }

    @Test
    void aRemovedBreakRecordIsSeen() throws Exception {
        recordSome();
        sql("UPDATE audit_chains SET appended = appended + 1 WHERE region = 'eu-west-1'");
        reopen();
        close();
        sql("DELETE FROM audit_breaks");

        AuditVerifier.Report report = verify();

        assertFalse(report.intact());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("list of chains")), report.problems().toString());
    }

    @Test
    void anEmptyTrailVerifies() {
        AuditVerifier.Report report = verify();

        assertTrue(report.intact(), report.toString());
        assertTrue(report.chains().isEmpty());
    }

    @Test
    void eventsStoredBeforeTheChainAreChainedByTheMigration() throws Exception {
        close();
        MigrationFixture.schemaFourWithEvents(dir.resolve("old.db"), ACCOUNT, 5);
        io.strongroom.local.crypto.RootKey rootKey = io.strongroom.local.crypto.RootKey.loadOrCreate(dir.resolve("root.key"));
        AuditChain migrated = AuditChain.of(rootKey);
        try (Database old = Database.open(dir.resolve("old.db"), AuditMigration.steps(rootKey));
             AuditLog log = new AuditLog(old, migrated, new NamedThreads("migration"))) {
            log.recordCommitted(List.of(event("new", ACCOUNT, "us-east-1", T0)));
            AuditLog.StoredEvent first = log.lookup(new AuditLog.Query(ACCOUNT, "us-east-1", "EventId", "old-1", null, null, 5, null))
                    .events().get(0);
            assertEquals(AuditEvent.ASSUMED_ROLE, first.event().identityType(), "the identity type is told by the ARN");
            assertEquals("arn:aws:iam::" + ACCOUNT + ":role/app", first.event().sessionIssuerArn());
        }

        AuditVerifier.Report report = Database.readOnly(dir.resolve("old.db"), c -> AuditVerifier.verify(c, migrated));

        assertTrue(report.intact(), report.toString());
        assertEquals(6, chainOf(report, ACCOUNT, "us-east-1").verified());
    }

    @Test
    void aDatabaseWithEventsIsNotMigratedWithoutTheRootKey() throws Exception {
        close();
        MigrationFixture.schemaFourWithEvents(dir.resolve("old.db"), ACCOUNT, 1);

        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.strongroom.local.storage.StorageException.class,
                () -> Database.open(dir.resolve("old.db")));

        assertTrue(refused.getMessage().contains("schema version 5"), refused.getMessage());
    }
}
