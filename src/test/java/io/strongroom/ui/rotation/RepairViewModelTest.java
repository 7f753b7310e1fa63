package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationState;
import io.strongroom.domain.VersionSelector;
import io.strongroom.local.postgres.LocalPostgres;
import io.strongroom.local.rotation.PostgresSingleUserFunction;
import io.strongroom.local.rotation.RandomValueFunction;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.testing.TestPostgres;
import io.strongroom.ui.rotation.RepairPlan.Repair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.strongroom.ui.rotation.RepairDiagnosis.shortId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repair of stuck rotations against the embedded store over the real SDK, without the FX
 * thread: secrets made stuck by real failing rotations ({@code strongroom-postgres-single-user}
 * pointed at a closed port, or at a role that does not exist yet), explained from their events,
 * repaired by each of the three plans, every call journaled, nothing sent in read-only mode.
 */
class RepairViewModelTest {

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

    /** A secret whose rotation failed in setSecret: its database is at 127.0.0.1 port 1, where nothing listens. */
    private String stuckOnClosedPort() throws Exception {
        String arn = fx.secret(RepairFixture.credential("127.0.0.1", 1, "app", "old-password-1"));
        fx.rotateAndWait(arn, PostgresSingleUserFunction.NAME);
        return arn;
    }

    private RepairViewModel loaded(String arn) {
        RepairViewModel vm = new RepairViewModel(fx.context(), fx.describe(arn));
        vm.load();
        assertNull(vm.errorProperty().get());
        return vm;
    }

    @Test
    void aStuckSecretIsExplainedWithTheFailedStepTheReasonAndTheVersions() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        String current = fx.versionAt(arn, "AWSCURRENT");
        assertNotNull(pending);

        RepairViewModel vm = loaded(arn);

        assertEquals(RotationState.Status.STUCK, vm.stateProperty().get().status());
        RepairDiagnosis d = vm.diagnosisProperty().get();
        assertEquals("Rotation is stuck", d.headline());
        assertEquals("setSecret", d.failedStep());
        assertTrue(d.failureReason().startsWith("could not connect to PostgreSQL at 127.0.0.1:1 (connection refused)"), d.failureReason());
        String text = d.text();
        assertTrue(text.startsWith("Rotation with strongroom-postgres-single-user started at "), text);
        assertTrue(text.contains(" (token " + shortId(pending) + ")."), text);
        assertTrue(text.contains("setSecret failed at "), text);
        assertTrue(text.contains(": could not connect to PostgreSQL at 127.0.0.1:1 (connection refused)"), text);
        assertTrue(text.contains("AWSPENDING is on version " + shortId(pending) + " (created "), text);
        assertTrue(text.contains("AWSCURRENT is still on " + shortId(current) + ", so applications keep the old value."), text);
        assertTrue(text.endsWith("Secrets Manager refuses new rotations until AWSPENDING is cleared."), text);
        assertFalse(text.contains("old-password-1"));
        assertNull(vm.eventsProblemProperty().get());
    }

    @Test
    void aRotationThatFailedBeforeWritingAnythingIsExplainedAndOnlyRetryApplies() throws Exception {
        // plain text is no PostgreSQL credential: createSecret fails, and nothing is left pending
        String arn = fx.secret("not-a-credential");
        fx.rotateAndWait(arn, PostgresSingleUserFunction.NAME);
        String current = fx.versionAt(arn, "AWSCURRENT");
        assertNull(fx.versionAt(arn, "AWSPENDING"));

        RepairViewModel vm = loaded(arn);

        assertEquals(RotationState.Status.FAILED, vm.stateProperty().get().status());
        RepairDiagnosis d = vm.diagnosisProperty().get();
        assertEquals("The last rotation failed", d.headline());
        assertEquals("createSecret", d.failedStep());
        assertTrue(d.text().endsWith("Nothing was left half done: no version carries AWSPENDING, and AWSCURRENT is still on "
                + shortId(current) + "."), d.text());
        assertEquals(List.of("RotateSecret"), vm.plan(Repair.RETRY).calls().stream().map(RepairCall::operation).toList());
        assertTrue(vm.canRunProperty(Repair.RETRY).get());
        assertEquals("No version carries AWSPENDING.", vm.plan(Repair.PROMOTE).unavailable());
        assertFalse(vm.canRunProperty(Repair.DISCARD).get());
    }

    @Test
    void eachPlanListsTheExactCallsAsMutationsAndAsCommandLines() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        String current = fx.versionAt(arn, "AWSCURRENT");
        RepairViewModel vm = loaded(arn);
        String where = " --region us-east-1 --endpoint-url " + fx.scope.endpoint();

        RepairPlan retry = vm.plan(Repair.RETRY);
        assertTrue(retry.available());
        assertEquals(List.of(new SecretMutation.MoveStage(fx.scope, arn, "AWSPENDING", null, pending),
                new SecretMutation.Rotate(fx.scope, arn, io.strongroom.domain.RotationSettings.now())),
                retry.calls().stream().map(RepairCall::mutation).toList());
        assertEquals(List.of(
                "aws secretsmanager update-secret-version-stage --secret-id " + arn + " --version-stage AWSPENDING --remove-from-version-id "
                        + pending + where,
                "aws secretsmanager rotate-secret --secret-id " + arn + " --rotate-immediately" + where),
                retry.calls().stream().map(RepairCall::commandLine).toList());

        RepairPlan promote = vm.plan(Repair.PROMOTE);
        assertEquals(List.of(
                "aws secretsmanager update-secret-version-stage --secret-id " + arn + " --version-stage AWSCURRENT --move-to-version-id "
                        + pending + " --remove-from-version-id " + current + where,
                "aws secretsmanager update-secret-version-stage --secret-id " + arn + " --version-stage AWSPENDING --remove-from-version-id "
                        + pending + where),
                promote.calls().stream().map(RepairCall::commandLine).toList());
        assertEquals(new SecretMutation.MoveStage(fx.scope, arn, "AWSCURRENT", pending, current), promote.calls().get(0).mutation());

        RepairPlan discard = vm.plan(Repair.DISCARD);
        assertEquals(List.of(new SecretMutation.MoveStage(fx.scope, arn, "AWSPENDING", null, pending)),
                discard.calls().stream().map(RepairCall::mutation).toList());

        vm.retryFunctionProperty().set(fx.function(RandomValueFunction.NAME));
        assertEquals("aws secretsmanager rotate-secret --secret-id " + arn + " --rotation-lambda-arn " + fx.function(RandomValueFunction.NAME)
                + " --rotate-immediately" + where, vm.plan(Repair.RETRY).calls().get(1).commandLine());
        assertTrue(vm.functions().contains(fx.function(RandomValueFunction.NAME)), "the scope's functions are offered");
        assertTrue(vm.scopeNote().contains("us-east-1"), vm.scopeNote());
    }

    @Test
    void discardAsksWithTheCallsThenClearsAwsPendingAndJournalsIt() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        String current = fx.versionAt(arn, "AWSCURRENT");
        RepairViewModel vm = loaded(arn);
        assertTrue(vm.canRunProperty(Repair.DISCARD).get());

        assertTrue(vm.discard());

        assertEquals(List.of("confirm: Discard the pending value of " + fx.describe(arn).name() + "?"), fx.dialogs.shown);
        assertNull(fx.versionAt(arn, "AWSPENDING"), "AWSPENDING is cleared");
        assertEquals(current, fx.versionAt(arn, "AWSCURRENT"), "the current value stays");
        assertEquals(Repair.DISCARD, vm.lastRunProperty().get());
        assertEquals(List.of(RepairStep.Status.DONE), vm.steps().stream().map(RepairStep::status).toList());
        assertEquals("AWSPENDING removed from version " + pending + ".", vm.steps().get(0).message());
        assertNotEquals(RotationState.Status.STUCK, vm.stateProperty().get().status(), "reloaded after the repair");
        JournalEntry e = fx.journalOf(arn).get(0);
        assertEquals(ActionKind.MOVE_STAGE, e.action());
        assertEquals(ResultState.OK, e.result());
        assertFalse(vm.canRunProperty(Repair.DISCARD).get(), "nothing left to discard");
    }

    @Test
    void declinedRepairsSendNothing() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        RepairViewModel vm = loaded(arn);
        fx.dialogs.answer = false;

        assertFalse(vm.discard());

        assertEquals(pending, fx.versionAt(arn, "AWSPENDING"));
        assertTrue(fx.journalOf(arn).isEmpty());
        assertTrue(vm.steps().isEmpty());
    }

    @Test
    void retryClearsAwsPendingAndStartsANewRotationWithTheFunctionChosen() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        String current = fx.versionAt(arn, "AWSCURRENT");
        RepairViewModel vm = loaded(arn);
        vm.retryFunctionProperty().set(fx.function(RandomValueFunction.NAME));

        assertTrue(vm.retry());

        assertEquals(List.of(RepairStep.Status.DONE, RepairStep.Status.DONE), vm.steps().stream().map(RepairStep::status).toList());
        String started = vm.steps().get(1).versionId();
        assertNotNull(started);
        assertNotEquals(pending, started);
        assertTrue(vm.steps().get(1).message().contains(started));
        fx.awaitRotations();
        assertEquals(started, fx.versionAt(arn, "AWSCURRENT"), "the new rotation finished");
        assertEquals(current, fx.versionAt(arn, "AWSPREVIOUS"));
        assertNull(fx.versionAt(arn, "AWSPENDING"));
        List<ActionKind> journaled = fx.journalOf(arn).stream().map(JournalEntry::action).toList();
        assertEquals(List.of(ActionKind.ROTATE_SECRET, ActionKind.MOVE_STAGE), journaled);
        assertTrue(fx.journalOf(arn).stream().allMatch(e -> e.result() == ResultState.OK));

        vm.load();
        assertEquals(RotationState.Status.ENABLED, vm.stateProperty().get().status());
    }

    @Test
    void promoteWaitsForAPassingLoginThenMovesAwsCurrentToThePendingVersion() throws Exception {
        LocalPostgres pg = TestPostgres.require();
        String role = TestPostgres.uniqueName("repair");
        // The role does not exist yet: setSecret cannot log in, and the rotation stops with AWSPENDING set.
        String arn = fx.secret(RepairFixture.credential(pg.host(), pg.port(), role, "old-password-2"));
        fx.rotateAndWait(arn, PostgresSingleUserFunction.NAME);
        String pending = fx.versionAt(arn, "AWSPENDING");
        String current = fx.versionAt(arn, "AWSCURRENT");
        assertNotNull(pending);
        RepairViewModel vm = loaded(arn);
        assertFalse(vm.canRunProperty(Repair.PROMOTE).get(), "not tested yet");

        vm.testPending();
        assertEquals(RepairTargetCheck.Outcome.FAILED, vm.check().outcomeProperty().get());
        assertFalse(vm.canRunProperty(Repair.PROMOTE).get(), "a failed test keeps promote disabled");
        assertFalse(vm.promote());
        assertEquals(pending, fx.versionAt(arn, "AWSPENDING"));

        // The target already took the pending password (as when a rotation fails after setSecret).
        String pendingPassword = RepairFixture.password(fx.valueOf(arn, pending));
        pg.createLoginRole(role, pendingPassword);
        vm.testPending();
        assertEquals(RepairTargetCheck.Outcome.PASSED, vm.check().outcomeProperty().get(), vm.check().messageProperty().get());
        assertFalse(vm.check().messageProperty().get().contains(pendingPassword));
        assertTrue(vm.canRunProperty(Repair.PROMOTE).get());

        assertTrue(vm.promote());

        assertEquals(pending, fx.versionAt(arn, "AWSCURRENT"));
        assertEquals(current, fx.versionAt(arn, "AWSPREVIOUS"));
        assertNull(fx.versionAt(arn, "AWSPENDING"));
        assertEquals(pendingPassword, RepairFixture.password(fx.stack.secrets().getValue(fx.scope, arn, VersionSelector.current())
                .payload().text()));
        List<JournalEntry> entries = fx.journalOf(arn);
        assertEquals(2, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.action() == ActionKind.MOVE_STAGE && e.result() == ResultState.OK));
        assertEquals(RepairTargetCheck.Outcome.NOT_RUN, vm.check().outcomeProperty().get(), "the test was about the version promoted");
    }

    @Test
    void aValueThatIsNoDatabaseCredentialIsPromotedOnlyAfterTheOperatorConfirmedTheirTest() throws Exception {
        String arn = fx.secret("api-key-v1");
        String current = fx.versionAt(arn, "AWSCURRENT");
        String pending = fx.sm.putSecretValue(b -> b.secretId(arn).secretString("api-key-v2").versionStages("AWSPENDING")).versionId();
        RepairViewModel vm = loaded(arn);
        assertEquals(RotationState.Status.STUCK, vm.stateProperty().get().status());
        assertTrue(vm.diagnosisProperty().get().text().startsWith("AWSPENDING is on version " + shortId(pending)
                + ", but no rotation of the last 90 days used that version"), vm.diagnosisProperty().get().text());
        assertFalse(vm.plan(Repair.RETRY).available(), "no function to rotate with");

        vm.testPending();
        assertEquals(RepairTargetCheck.Outcome.NOT_A_DATABASE, vm.check().outcomeProperty().get());
        assertFalse(vm.canRunProperty(Repair.PROMOTE).get());
        vm.check().confirmedProperty().set(true);
        assertTrue(vm.canRunProperty(Repair.PROMOTE).get());

        assertTrue(vm.promote());
        assertEquals(pending, fx.versionAt(arn, "AWSCURRENT"));
        assertEquals(current, fx.versionAt(arn, "AWSPREVIOUS"));
        assertNull(fx.versionAt(arn, "AWSPENDING"));
    }

    @Test
    void readOnlyModeDisablesEveryRepairAndSendsNothing() throws Exception {
        String arn = stuckOnClosedPort();
        String pending = fx.versionAt(arn, "AWSPENDING");
        RepairViewModel vm = loaded(arn);
        assertTrue(vm.canRunProperty(Repair.DISCARD).get());

        fx.readOnly.set(true);

        for (Repair r : Repair.values()) {
            assertFalse(vm.canRunProperty(r).get(), r.name());
        }
        assertFalse(vm.discard());
        assertFalse(vm.retry());
        assertTrue(fx.dialogs.shown.isEmpty(), "nothing asked");
        assertEquals(pending, fx.versionAt(arn, "AWSPENDING"), "nothing sent");
        assertTrue(fx.journalOf(arn).isEmpty());
        assertEquals(RepairStep.Status.FAILED, vm.steps().get(0).status());
        assertTrue(vm.steps().get(0).message().startsWith("Read-only mode: UpdateSecretVersionStage on "), vm.steps().get(0).message());
        assertEquals(RepairStep.Status.SKIPPED, vm.steps().get(1).status());

        fx.readOnly.set(false);
        assertTrue(vm.canRunProperty(Repair.DISCARD).get());
    }

    @Test
    void aFailedCallStopsTheRepairAndTheCallsAfterItAreNotSent() throws Exception {
        String arn = stuckOnClosedPort();
        RepairViewModel vm = loaded(arn);
        // Someone else cleared AWSPENDING meanwhile: the plan's removal no longer applies.
        String pending = fx.versionAt(arn, "AWSPENDING");
        fx.sm.updateSecretVersionStage(b -> b.secretId(arn).versionStage("AWSPENDING").removeFromVersionId(pending));

        assertTrue(vm.retry());

        assertEquals(List.of(RepairStep.Status.FAILED, RepairStep.Status.SKIPPED), vm.steps().stream().map(RepairStep::status).toList());
        String why = vm.steps().get(0).message();
        assertTrue(why.startsWith(fx.scope.label() + ": InvalidParameterException"), why);
        assertTrue(why.contains("(request ID "), why);
        assertEquals("The repair stopped at a failed call; the calls after it were not sent.", vm.noticeProperty().get());
        List<JournalEntry> entries = fx.journalOf(arn);
        assertEquals(1, entries.size(), "RotateSecret was not sent");
        assertEquals(ResultState.FAILED, entries.get(0).result());
        assertEquals("InvalidParameterException", entries.get(0).outcome().errorCode());
    }
}
