package io.strongroom.ui.audit;

import io.strongroom.domain.AuditRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.strongroom.ui.audit.Records.LEDGER;
import static io.strongroom.ui.audit.Records.ROLE;
import static io.strongroom.ui.audit.Records.STRIPE;
import static io.strongroom.ui.audit.Records.USER;
import static io.strongroom.ui.audit.Records.denied;
import static io.strongroom.ui.audit.Records.event;
import static io.strongroom.ui.audit.Records.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixModelTest {

    static final List<AuditRecord> EVENTS = List.of(
            read("1", "2025-11-20T01:00:00Z", ROLE, STRIPE),
            read("2", "2025-11-20T02:00:00Z", ROLE, STRIPE),
            read("3", "2025-11-20T03:00:00Z", ROLE, LEDGER),
            read("4", "2025-11-20T04:00:00Z", USER, LEDGER),
            denied("5", "2025-11-20T05:00:00Z", USER, STRIPE),
            denied("6", "2025-11-20T06:00:00Z", USER, STRIPE),
            event("7", "2025-11-20T07:00:00Z", "DescribeSecret", USER, STRIPE, null),
            event("8", "2025-11-20T08:00:00Z", "PutSecretValue", ROLE, LEDGER, null),
            // a batch that returned the secret is logged with a GetSecretValue of its own (event 10)
            event("9", "2025-11-20T09:00:00Z", "BatchGetSecretValue", ROLE, STRIPE, null),
            read("10", "2025-11-20T09:00:00Z", ROLE, STRIPE),
            // a batch refused as a whole returned nothing: the attempt is the batch's
            event("11", "2025-11-20T10:00:00Z", "BatchGetSecretValue", USER, LEDGER, "AccessDeniedException"));

    @Test
    void cellsCountValueReadsAndFailedAttemptsPerPrincipalAndSecret() {
        MatrixModel model = new MatrixModel();
        model.setRecords(EVENTS);
        MatrixModel.Snapshot m = model.snapshot();

        assertEquals(List.of(new MatrixModel.Line(ROLE, "ci-deployer/build-7", 4, 0), new MatrixModel.Line(USER, "alice", 1, 3)),
                m.principals());
        assertEquals(List.of(new MatrixModel.Line(STRIPE, "prod/payments/stripe-api-key", 3, 2),
                new MatrixModel.Line(LEDGER, "prod/payments/ledger-db", 2, 1)), m.secrets());
        assertEquals(new MatrixModel.Cell(3, 0, 0), m.cell(m.principals().get(0), m.secrets().get(0)));
        assertEquals(new MatrixModel.Cell(1, 0, 0), m.cell(m.principals().get(0), m.secrets().get(1)));
        assertEquals(new MatrixModel.Cell(0, 2, 2), m.cell(m.principals().get(1), m.secrets().get(0)));
        assertEquals(new MatrixModel.Cell(1, 1, 1), m.cell(m.principals().get(1), m.secrets().get(1)));
        assertEquals(3, m.maxReads());
        assertEquals(5, m.totalReads());
        assertEquals(3, m.totalFailed());
    }

    @Test
    void aCellsEventsAreItsReadsAndAttemptsNewestFirst() {
        MatrixModel model = new MatrixModel();
        model.setRecords(EVENTS);

        assertEquals(List.of("10", "2", "1"), ids(model.events(ROLE, STRIPE)));
        assertEquals(List.of("6", "5"), ids(model.events(USER, STRIPE)));
        assertEquals(List.of(), model.events(USER, "arn:aws:secretsmanager:eu-west-1:111122223333:secret:never-read-AAAAAA"));
    }

    @Test
    void onlyTheMostReadPrincipalsAndSecretsAreKeptAndTheRestCounted() {
        List<AuditRecord> many = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < 30; p++) {
            for (int s = 0; s < 20; s++) {
                for (int n = 0; n <= (p + s) % 3; n++) {
                    many.add(read(Integer.toString(id++), "2025-11-20T01:00:00Z", "arn:aws:iam::111122223333:user/u" + p,
                            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s" + s + "-AbCdEf"));
                }
            }
        }
        MatrixModel model = new MatrixModel(15, 10);
        model.addRecords(many.subList(0, 500));
        model.addRecords(many.subList(500, many.size()));
        MatrixModel.Snapshot m = model.snapshot();

        assertEquals(15, m.principals().size());
        assertEquals(10, m.secrets().size());
        assertEquals(15, m.morePrincipals());
        assertEquals(10, m.moreSecrets());
        assertEquals(many.size(), m.totalReads());
        for (int i = 1; i < m.principals().size(); i++) {
            assertTrue(m.principals().get(i - 1).reads() >= m.principals().get(i).reads());
        }
        assertTrue(m.cells().size() <= 150);
    }

    @Test
    void heatGrowsWithReadsOnALogScale() {
        MatrixModel model = new MatrixModel();
        model.setRecords(EVENTS);
        MatrixModel.Snapshot m = model.snapshot();
        assertEquals(0, m.heat(MatrixModel.Cell.EMPTY));
        assertEquals(0, m.heat(new MatrixModel.Cell(0, 2, 2)), "failed attempts are marked, not shaded");
        assertEquals(1.0, m.heat(new MatrixModel.Cell(3, 0, 0)), 1e-9);
        double one = m.heat(new MatrixModel.Cell(1, 0, 0));
        assertTrue(one > 0.5 && one < 1, "one read of three shows, log-scaled: " + one);
    }

    @Test
    void setRecordsStartsAgainAndNoReadsIsEmpty() {
        MatrixModel model = new MatrixModel();
        model.setRecords(EVENTS);
        model.setRecords(List.of(event("x", "2025-11-20T01:00:00Z", "ListSecrets", USER, null, null)));
        assertSame(MatrixModel.Snapshot.EMPTY, model.snapshot());
        assertTrue(model.snapshot().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new MatrixModel(0, 5));
    }

    static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::eventId).toList();
    }
}
