package io.strongroom.ui.rotation;

import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.rotation.PostgresSingleUserFunction;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.ResultState;
import io.strongroom.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static io.strongroom.testing.TestPostgres.logsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manual rotation wizard against the embedded store and the test PostgreSQL cluster, without
 * the FX thread: a full rotation where the test plays the operator who changes the role's password
 * by hand, resuming after a restart from the journal, a failing test that keeps promote disabled,
 * and the cases where the wizard must not start.
 */
class ManualRotationViewModelTest {

    static RepairFixture fx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        fx = new RepairFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void journal() {
        fx.openJournal(dir);
        fx.readOnly.set(false);
        fx.dialogs.answer = true;
        fx.dialogs.shown.clear();
    }

    @AfterEach
    void closeJournal() {
        fx.closeJournal();
    }

    /** A role of the test cluster and a secret holding its credential. */
    private record Database(LocalPostgres pg, String role, String password, String arn) {}

    private Database database() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = TestPostgres.uniqueName("manual");
        String password = "first-" + TestPostgres.uniqueName("pw");
        pg.createLoginRole(role, password);
        return new Database(pg, role, password, fx.secret(RepairFixture.credential(pg.host(), pg.port(), role, password)));
    }

    /** What the operator does by hand in step 2: ALTER ROLE, as the cluster's superuser. */
    static void alterRole(LocalPostgres pg, String role, String password) throws Exception {
        try (Connection c = pg.connectAsSuperuser("postgres");
             PreparedStatement format = c.prepareStatement("SELECT format('ALTER ROLE %I WITH PASSWORD %L', ?::text, ?::text)")) {
            format.setString(1, role);
            format.setString(2, password);
            String sql;
            try (ResultSet rs = format.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private ManualRotationViewModel opened(String arn) {
        ManualRotationViewModel vm = new ManualRotationViewModel(fx.context(), fx.describe(arn));
        vm.load();
        assertNull(vm.errorProperty().get());
        return vm;
    }

    /** Steps 1 and 2 up to the pending version: a generated password written as AWSPENDING. */
    private String writeGenerated(ManualRotationViewModel vm) {
        assertEquals(ManualRotationStep.NEW_VALUE, vm.stepProperty().get());
        assertTrue(vm.value().generate());
        assertTrue(vm.canWriteProperty().get(), String.valueOf(vm.value().problemProperty().get()));
        assertTrue(vm.writePending());
        assertEquals(ManualRotationStep.CHANGE_TARGET, vm.stepProperty().get(), String.valueOf(vm.errorProperty().get()));
        return vm.pendingVersionProperty().get();
    }

    @Test
    void aFullManualRotationOfAPostgresPasswordEndsWithTheNewPasswordCurrentAndTheOldOneRefused() throws Exception {
        Database db = database();
        String before = fx.versionAt(db.arn(), "AWSCURRENT");
        ManualRotationViewModel vm = opened(db.arn());
        assertEquals(ManualRotationValueModel.Shape.JSON_PASSWORD, vm.value().shapeProperty().get());
        assertEquals(db.role(), vm.value().targetProperty().get().username());

        // 1: a generated password, written as AWSPENDING only
        String pending = writeGenerated(vm);
        assertEquals(pending, fx.versionAt(db.arn(), "AWSPENDING"));
        assertEquals(before, fx.versionAt(db.arn(), "AWSCURRENT"), "applications keep the old value meanwhile");
        assertEquals("", vm.value().passwordProperty().get(), "the typed password is not kept once written");
        String pendingJson = fx.valueOf(db.arn(), pending);
        String newPassword = RepairFixture.password(pendingJson);
        assertEquals(32, newPassword.length());
        assertTrue(newPassword.chars().noneMatch(ch -> ManualRotationValueModel.EXCLUDED_CHARACTERS.indexOf(ch) >= 0));
        assertEquals(RepairFixture.credential(db.pg().host(), db.pg().port(), db.role(), newPassword), pendingJson,
                "every other member is kept");
        JournalEntry put = fx.journalOf(db.arn()).get(0);
        assertEquals(ActionKind.PUT_VALUE, put.action());
        assertEquals(List.of("AWSPENDING"), ((ActionDetails.PutValue) put.details()).stages());
        assertEquals(pending, put.outcome().versionId());

        // 2: shown only on request; copied to a clipboard that clears itself
        assertNull(vm.pending().revealedProperty().get());
        vm.reveal();
        assertEquals(newPassword, vm.pending().revealedProperty().get());
        vm.hide();
        assertNull(vm.pending().revealedProperty().get());
        vm.copy();
        assertEquals(newPassword, fx.clipboard.current());
        assertEquals(1, fx.clipboard.sensitiveCopies);
        alterRole(db.pg(), db.role(), newPassword);
        vm.targetChanged();

        // 3: a real login with the pending value
        assertEquals(ManualRotationStep.TEST, vm.stepProperty().get());
        assertFalse(vm.canNextProperty().get());
        vm.test();
        assertEquals(RepairTargetCheck.Outcome.PASSED, vm.check().outcomeProperty().get(), vm.check().messageProperty().get());
        assertFalse(vm.check().messageProperty().get().contains(newPassword));
        assertTrue(vm.canNextProperty().get());
        vm.next();

        // 4: promote, with the calls shown and confirmed
        assertEquals(ManualRotationStep.PROMOTE, vm.stepProperty().get());
        assertEquals(2, vm.promoteCallsProperty().get().size());
        assertTrue(vm.promoteCallsProperty().get().get(0).commandLine().contains("--version-stage AWSCURRENT --move-to-version-id "
                + pending + " --remove-from-version-id " + before));
        assertTrue(vm.canPromoteProperty().get());
        assertTrue(vm.promote());
        assertEquals(ManualRotationStep.DONE, vm.stepProperty().get());

        assertEquals(pending, fx.versionAt(db.arn(), "AWSCURRENT"));
        assertEquals(before, fx.versionAt(db.arn(), "AWSPREVIOUS"));
        assertNull(fx.versionAt(db.arn(), "AWSPENDING"));
        assertFalse(logsIn(db.pg(), "postgres", db.role(), db.password()), "the old password no longer works");
        assertTrue(logsIn(db.pg(), "postgres", db.role(), newPassword), "the new one does");
        List<ActionKind> journaled = fx.journalOf(db.arn()).stream().map(JournalEntry::action).toList();
        assertEquals(List.of(ActionKind.MOVE_STAGE, ActionKind.MOVE_STAGE, ActionKind.PUT_VALUE), journaled);
        assertTrue(fx.journalOf(db.arn()).stream().allMatch(e -> e.result() == ResultState.OK));
    }

    @Test
    void afterARestartTheWizardReopensAtStepTwoWithThePendingVersionItWrote() throws Exception {
        Database db = database();
        String pending = writeGenerated(opened(db.arn()));

        // the console restarts: a new journal handle on the same file, a new view model
        fx.closeJournal();
        fx.openJournal(dir);
        ManualRotationViewModel again = opened(db.arn());

        assertEquals(ManualRotationStep.CHANGE_TARGET, again.stepProperty().get());
        assertEquals(pending, again.pendingVersionProperty().get());
        assertTrue(again.noticeProperty().get().startsWith("Resumed: version " + RepairDiagnosis.shortId(pending)
                + " was written as AWSPENDING by this wizard"), again.noticeProperty().get());
        again.reveal();
        assertEquals(RepairFixture.password(fx.valueOf(db.arn(), pending)), again.pending().revealedProperty().get());
    }

    @Test
    void theRepairViewSaysAPendingVersionIsTheWizardsAndOffersToContinueThere() throws Exception {
        Database db = database();
        String pending = writeGenerated(opened(db.arn()));

        RepairViewModel repair = new RepairViewModel(fx.context(), fx.describe(db.arn()));
        repair.load();

        assertTrue(repair.manualInProgressProperty().get());
        assertTrue(repair.diagnosisProperty().get().text().startsWith("AWSPENDING is on version " + RepairDiagnosis.shortId(pending)
                + ", written by this console's manual rotation wizard at "), repair.diagnosisProperty().get().text());
    }

    @Test
    void aFailingTestKeepsPromoteDisabled() throws Exception {
        Database db = database();
        String before = fx.versionAt(db.arn(), "AWSCURRENT");
        ManualRotationViewModel vm = opened(db.arn());
        writeGenerated(vm);
        alterRole(db.pg(), db.role(), "not-what-the-secret-says-" + TestPostgres.uniqueName("pw"));
        vm.targetChanged();

        vm.test();

        assertEquals(RepairTargetCheck.Outcome.FAILED, vm.check().outcomeProperty().get());
        assertTrue(vm.check().messageProperty().get().contains("refused the login of user '" + db.role() + "'"),
                vm.check().messageProperty().get());
        assertFalse(vm.canNextProperty().get());
        assertFalse(vm.canPromoteProperty().get());
        vm.next();
        assertEquals(ManualRotationStep.TEST, vm.stepProperty().get());
        assertFalse(vm.promote());
        assertEquals(before, fx.versionAt(db.arn(), "AWSCURRENT"));
        assertTrue(fx.dialogs.shown.isEmpty());
    }

    @Test
    void anUnfinishedAutomaticRotationBlocksTheWizardWhichOffersTheRepairInstead() throws Exception {
        String arn = fx.secret(RepairFixture.credential("127.0.0.1", 1, "app", "pw-automatic"));
        fx.rotateAndWait(arn, PostgresSingleUserFunction.NAME);
        ManualRotationViewModel vm = opened(arn);

        assertEquals(ManualRotationStep.BLOCKED, vm.stepProperty().get());
        assertTrue(vm.blockedProperty().get().contains("from an automatic rotation that did not finish"), vm.blockedProperty().get());
        assertFalse(vm.canWriteProperty().get());
        assertFalse(vm.canDiscardProperty().get());
    }

    @Test
    void aPendingVersionWrittenByAnotherToolIsNotResumed() throws Exception {
        String arn = fx.secret("{\"username\":\"svc\",\"password\":\"one\"}");
        fx.sm.putSecretValue(b -> b.secretId(arn).secretString("{\"username\":\"svc\",\"password\":\"two\"}").versionStages("AWSPENDING"));
        ManualRotationViewModel vm = opened(arn);

        assertEquals(ManualRotationStep.BLOCKED, vm.stepProperty().get());
        assertTrue(vm.blockedProperty().get().contains("which this wizard did not write"), vm.blockedProperty().get());
    }

    @Test
    void aTextValueIsTheTypedPasswordAndIsPromotedOnTheOperatorsWord() throws Exception {
        String arn = fx.secret("token-one");
        ManualRotationViewModel vm = opened(arn);
        assertEquals(ManualRotationValueModel.Shape.TEXT, vm.value().shapeProperty().get());
        assertFalse(vm.canWriteProperty().get(), "nothing typed yet");
        vm.value().passwordProperty().set("token-two");
        assertTrue(vm.writePending());
        vm.targetChanged();
        vm.test();
        assertEquals(RepairTargetCheck.Outcome.NOT_A_DATABASE, vm.check().outcomeProperty().get());
        assertFalse(vm.canNextProperty().get());
        vm.check().confirmedProperty().set(true);
        vm.next();
        assertTrue(vm.promote());
        assertEquals("token-two", fx.sm.getSecretValue(b -> b.secretId(arn)).secretString());
    }

    @Test
    void discardClearsAwsPendingAndStartsOver() throws Exception {
        String arn = fx.secret("{\"password\":\"x-1\",\"host\":\"legacy.example\"}");
        ManualRotationViewModel vm = opened(arn);
        String pending = writeGenerated(vm);
        assertTrue(vm.canDiscardProperty().get());

        assertTrue(vm.discard());

        assertNull(fx.versionAt(arn, "AWSPENDING"));
        assertNotEquals(pending, fx.versionAt(arn, "AWSCURRENT"));
        assertEquals(ManualRotationStep.NEW_VALUE, vm.stepProperty().get());
        assertNull(vm.pendingVersionProperty().get());
    }

    @Test
    void readOnlyModeWritesNothing() throws Exception {
        String arn = fx.secret("{\"password\":\"ro-1\"}");
        ManualRotationViewModel vm = opened(arn);
        vm.value().passwordProperty().set("ro-2");
        assertTrue(vm.canWriteProperty().get());

        fx.readOnly.set(true);

        assertFalse(vm.canWriteProperty().get());
        assertFalse(vm.writePending());
        assertTrue(vm.errorProperty().get().startsWith("Read-only mode: PutSecretValue on "), vm.errorProperty().get());
        assertNull(fx.versionAt(arn, "AWSPENDING"));
        assertTrue(fx.journalOf(arn).isEmpty());
        assertNotNull(vm.stepProperty().get());
    }
}
