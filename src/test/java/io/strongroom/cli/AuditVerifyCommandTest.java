package io.strongroom.cli;

import io.strongroom.local.LocalStore;
import io.strongroom.local.LocalStoreConfig;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.Quietly;
import io.strongroom.testing.RunningStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code strongroom audit verify} on a store that served a few hundred real calls through the SDK,
 * then was stopped: 0 while nobody touched its file; 1, naming the event, once one row is changed,
 * deleted or forged with plain JDBC; 2 for bad input; 3 when it cannot verify at all.
 */
class AuditVerifyCommandTest {

    /** A value the trail must never show. */
    private static final String VALUE = "value-that-must-not-leak-7f3a";
    private static Path served;

    private Path dir;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void serveAFewHundredCalls() throws Exception {
        served = Files.createTempDirectory("strongroom-audit-verify-");
        try (LocalStore store = LocalStore.start(LocalStoreConfig.defaults(served).withPort(0))) {
            AccessKey admin = store.accounts().adminKeys().get(0);
            AccessKey other = store.accounts().adminKeys().get(1);
            List<AutoCloseable> clients = new ArrayList<>();
            try {
                SecretsManagerClient sm = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), admin, Region.US_EAST_1);
                SecretsManagerClient smWest = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), admin, Region.EU_WEST_1);
                SecretsManagerClient smOther = RunningStore.client(SecretsManagerClient.builder(), store.endpoint(), other, Region.US_EAST_1);
                KmsClient kms = RunningStore.client(KmsClient.builder(), store.endpoint(), admin, Region.US_EAST_1);
                StsClient sts = RunningStore.client(StsClient.builder(), store.endpoint(), admin, Region.US_EAST_1);
                clients.addAll(List.of(sm, smWest, smOther, kms, sts));
                for (int s = 0; s < 5; s++) {
                    String name = "verify/secret-" + s;
                    sm.createSecret(b -> b.name(name).secretString(VALUE));
                    smWest.createSecret(b -> b.name(name).secretString(VALUE));
                    sm.putSecretValue(b -> b.secretId(name).secretString(VALUE + "-2"));
                }
                for (int i = 0; i < 250; i++) {
                    String name = "verify/secret-" + (i % 5);
                    sm.getSecretValue(b -> b.secretId(name));
                }
                for (int i = 0; i < 20; i++) {
                    smWest.describeSecret(b -> b.secretId("verify/secret-0"));
                    smOther.listSecrets();
                }
                kms.listKeys();
                sts.getCallerIdentity();
            } finally {
                Quietly.closeAll(clients);
            }
        }
    }

    @AfterAll
    static void removeServed() {
        Quietly.deleteTree(served);
    }

    /** Each test works on its own copy of the stopped store's files (the root key keeps its owner-only mode). */
    @BeforeEach
    void copyTheStore() throws Exception {
        dir = Files.createTempDirectory("strongroom-audit-verify-copy-");
        for (String file : new String[] {"strongroom.db", "root.key"}) {
            Files.copy(served.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    @AfterEach
    void removeCopy() {
        Quietly.deleteTree(dir);
    }

    private static Run audit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        int exit = StrongroomCommand.run(null, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private Run verify() {
        Run r = audit("verify", "--data-dir", dir.toString());
        assertFalse(r.out().contains(VALUE) || r.err().contains(VALUE), "no value in the output");
        return r;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("strongroom.db")); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** The event ID and seq of the 100th GetSecretValue, in the order stored. */
    private String[] aGetSecretValueEvent() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("strongroom.db")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, seq FROM audit_events WHERE event_name = 'GetSecretValue' ORDER BY seq LIMIT 1 OFFSET 100")) {
            assertTrue(rs.next());
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    @Test
    void anUntouchedTrailAfterAFewHundredCallsIsIntactAndExitsZero() {
        Run r = verify();

        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Intact: "), r.out());
        long verified = Long.parseLong(r.out().replaceAll("(?s).*Intact: (\\d+) events.*", "$1"));
        assertTrue(verified >= 300, r.out());
        assertTrue(r.out().contains(" us-east-1 ") && r.out().contains(" eu-west-1 "), "a line per chain: " + r.out());
    }

    @Test
    void oneChangedColumnExitsOneAndNamesTheEvent() throws Exception {
        String[] event = aGetSecretValueEvent();
        sql("UPDATE audit_events SET source_ip = '198.51.100.7' WHERE event_id = '" + event[0] + "'");

        Run r = verify();

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("event " + event[0] + " (seq " + event[1] + ")"), r.out());
        assertTrue(r.out().contains("GetSecretValue: looks edited"), r.out());
        assertTrue(r.out().contains("NOT INTACT"), r.out());
    }

    @Test
    void oneDeletedRowExitsOneAndNamesTheEvent() throws Exception {
        String[] event = aGetSecretValueEvent();
        sql("DELETE FROM audit_events WHERE event_id = '" + event[0] + "'");

        Run r = verify();

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("event " + event[0] + " (seq " + event[1] + ")"), r.out());
        assertTrue(r.out().contains("looks removed"), r.out());
    }

    @Test
    void aForgedRowExitsOneAndNamesIt() throws Exception {
        String[] event = aGetSecretValueEvent();
        sql("INSERT INTO audit_events(seq, prev_seq, prev_event_id, event_id, account_id, region, event_time, event_name, event_source,"
                + " read_only, mac) SELECT (SELECT MAX(seq) + 1 FROM audit_events), seq, event_id, 'forged-event', account_id, region,"
                + " event_time + 1000, 'GetSecretValue', event_source, 1, mac FROM audit_events WHERE event_id = '" + event[0] + "'");

        Run r = verify();

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("event forged-event"), r.out());
        assertTrue(r.out().contains("looks inserted"), r.out());
    }

    @Test
    void verifyReadsBesideARunningStoreWithoutItsLock() throws Exception {
        try (LocalStore running = LocalStore.start(LocalStoreConfig.defaults(dir).withPort(0))) {
            running.audit().flush();
            Run r = verify();

            assertEquals(0, r.exit(), r.out() + r.err());
        }
    }

    @Test
    void badInputExitsTwo() throws Exception {
        assertEquals(2, audit("verify", "--no-such-option").exit());
        assertEquals(2, audit().exit(), "audit without a subcommand shows its usage");
        Path empty = Files.createTempDirectory("strongroom-audit-verify-empty-");
        try {
            Run r = audit("verify", "--data-dir", empty.toString());
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("no store"), r.err());
        } finally {
            Quietly.deleteTree(empty);
        }
    }

    @Test
    void aMissingOrForeignRootKeyExitsThreeWithoutJudgingTheTrail() throws Exception {
        Files.delete(dir.resolve("root.key"));
        Run missing = verify();
        assertEquals(3, missing.exit(), missing.err());
        assertTrue(missing.err().contains("could not verify"), missing.err());

        io.strongroom.local.crypto.RootKey.loadOrCreate(dir.resolve("root.key"));     // a new key: not this store's
        Run foreign = verify();
        assertEquals(3, foreign.exit(), foreign.err());
        assertTrue(foreign.err().contains("not the one this store was made with"), foreign.err());
    }
}
