package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationFunctionInfo;
import io.strongroom.domain.RotationSettings;
import io.strongroom.domain.RotationState;
import io.strongroom.domain.Scope;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.RotationService;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalEntry;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.SecretMutation;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rotation tab's view model against the embedded store over the real SDK (ServiceStack), without
 * the FX thread: the state of a secret never configured, the functions Lambda lists, Save and Turn
 * off through the journal, "Rotate now" followed to success and to a failure at setSecret, a
 * refusal, and read-only mode refusing every command.
 */
class RotationTabViewModelTest {

    static ServiceStack stack;
    static Scope scope;
    static RotationService rotations;

    @TempDir
    Path dir;
    ActionJournal journal;
    SecretMutations mutations;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();
    final SimpleObjectProperty<SecretSummary> shown = new SimpleObjectProperty<>();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final AtomicInteger changes = new AtomicInteger();
    RotationTabViewModel vm;

    @BeforeAll
    static void start() {
        stack = ServiceStack.start(2);
        scope = stack.scope(0, "us-east-1");
        rotations = stack.rotations(2);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        journal = ActionJournal.open(dir.resolve(ActionJournal.FILE_NAME), Clock.systemUTC(), "alice");
        mutations = JournaledSecrets.wrap(new Writers(stack.secrets(), stack.policies(), rotations), journal,
                ActingIdentity.cached(stack.identities()), readOnly::get);
        DirectUiExecutor executor = new DirectUiExecutor();
        Clock clock = stack.store().clock();
        RotationProgressModel progress = new RotationProgressModel(stack.secrets(), rotations, mutations, executor, clock,
                Duration.ofMillis(100), Duration.ofSeconds(40));
        vm = new RotationTabViewModel(shown, readOnly, stack.secrets(), rotations, mutations, executor, dialogs,
                Texts.load().in(RotationTab.BUNDLE), clock, changes::incrementAndGet, progress);
    }

    @AfterEach
    void closeJournal() throws InterruptedException {
        stack.store().store().rotations().awaitIdle(Duration.ofSeconds(20));
        journal.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private SecretSummary newSecret(String value) {
        String name = "app/rotation-tab-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = stack.store().secrets().createSecret(b -> b.name(name).secretString(value)).arn();
        return stack.secrets().describe(scope, arn);
    }

    private static String function(String name) {
        return "arn:aws:lambda:" + scope.region() + ":" + scope.accountId() + ":function:" + name;
    }

    /**
     * Rotation configured outside the tab without rotating (the store tests the function with
     * createSecret and testSecret, and removes AWSPENDING again), then described again.
     */
    private SecretSummary configured(SecretSummary s, String functionName) {
        SecretMutations.of(new Writers(stack.secrets(), null, rotations))
                .apply(new SecretMutation.Rotate(scope, s.arn(), new RotationSettings(function(functionName), 30L, null, null, false)));
        awaitRotations();
        return stack.secrets().describe(scope, s.arn());
    }

    private static void awaitRotations() {
        try {
            assertTrue(stack.store().store().rotations().awaitIdle(Duration.ofSeconds(20)), "rotations still running");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private DescribeSecretResponse described(SecretSummary s) {
        return stack.store().secrets().describeSecret(b -> b.secretId(s.arn()));
    }

    private List<JournalEntry> journaled() {
        return journal.query(JournalQuery.all().limit(50)).entries();
    }

    private RotationFunctionInfo listed(String name) {
        return vm.functions().functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<RotationProgressState.StepState> states(RotationProgressState p) {
        return p.steps().stream().map(RotationProgressState.Step::state).toList();
    }

    // ---- state ---------------------------------------------------------------------------------

    @Test
    void aSecretNeverConfiguredLoadsAsNotConfiguredWithTheScopesFunctionsAndItsOneVersion() {
        SecretSummary s = newSecret("never-rotated");
        shown.set(s);
        RotationState state = vm.header().stateProperty().get();
        assertEquals(RotationState.Status.NOT_CONFIGURED, state.status());
        assertTrue(state.neverRotated());
        assertFalse(state.overdue());
        assertNull(vm.header().latestEventProperty().get());
        assertNull(vm.header().scheduleWordsProperty().get());
        assertNull(vm.loadErrorProperty().get(), vm.loadErrorProperty().get());

        List<String> names = vm.functions().functions().stream().map(RotationFunctionInfo::name).toList();
        assertTrue(names.contains("strongroom-random-value"), names.toString());
        assertTrue(names.contains("strongroom-postgres-single-user"), names.toString());
        assertTrue(vm.functions().isListed(listed("strongroom-random-value")));
        assertNull(vm.functions().chosenProperty().get(), "nothing chosen for a secret without a function");

        assertEquals(1, vm.history().entries().size());
        RotationHistoryEntry only = vm.history().entries().get(0);
        assertEquals(RotationHistoryEntry.Kind.VERSION, only.kind());
        assertEquals(List.of("AWSCURRENT"), only.stages());
        assertFalse(only.byRotation());

        assertTrue(vm.canConfigureProperty().get());
        assertFalse(vm.canSaveProperty().get(), "no function chosen");
        assertFalse(vm.canRotateNowProperty().get(), "no function to rotate with");
        assertFalse(vm.canTurnOffProperty().get());
        assertEquals(RotationProgressState.Outcome.IDLE, vm.progress().stateProperty().get().outcome());
    }

    @Test
    void theSecretsOwnFunctionStaysChosenAndIsShownWhenLambdaDoesNotListIt() {
        SecretSummary s = newSecret("v");
        String legacy = function("team-legacy-rotator");
        SecretSummary.Rotation r = new SecretSummary.Rotation(true, legacy, 30L, null, null, null, null);
        shown.set(new SecretSummary(s.scope(), s.arn(), s.name(), null, null, r, null, null, s.created(), null, null, null, null,
                s.versionsToStages(), null));
        RotationFunctionInfo chosen = vm.functions().chosenProperty().get();
        assertEquals(legacy, chosen.arn());
        assertEquals("team-legacy-rotator", chosen.name());
        assertFalse(vm.functions().isListed(chosen));
        assertEquals(chosen, vm.functions().functions().get(0), "shown first, beside the listed ones");
        assertTrue(vm.functions().functions().size() > 1);

        shown.set(configured(newSecret("w"), "strongroom-random-value"));
        assertEquals(function("strongroom-random-value"), vm.functions().chosenProperty().get().arn());
        assertTrue(vm.functions().isListed(vm.functions().chosenProperty().get()));
        assertEquals(RotationState.Status.ENABLED, vm.header().stateProperty().get().status());
        assertNotNull(vm.header().scheduleWordsProperty().get());
    }

    // ---- Save and Turn off ---------------------------------------------------------------------

    @Test
    void saveConfiguresRotationAsDescribeSecretShowsItAndJournalsRotateSecret() {
        SecretSummary s = newSecret("to-be-configured");
        shown.set(s);
        vm.functions().chosenProperty().set(listed("strongroom-random-value"));
        vm.schedule().modeProperty().set(ScheduleModel.Mode.DAYS);
        vm.schedule().daysProperty().set("7");
        vm.schedule().windowProperty().set("3h");
        vm.rotateImmediatelyProperty().set(false);
        assertTrue(vm.canSaveProperty().get(), String.valueOf(vm.schedule().problemProperty().get()));
        vm.save();

        assertNull(vm.writeErrorProperty().get(), vm.writeErrorProperty().get());
        DescribeSecretResponse d = described(s);
        assertTrue(d.rotationEnabled());
        assertEquals(function("strongroom-random-value"), d.rotationLambdaARN());
        assertEquals(7L, d.rotationRules().automaticallyAfterDays());
        assertNull(d.rotationRules().scheduleExpression());
        assertEquals("3h", d.rotationRules().duration());
        assertEquals(1, d.versionIdsToStages().size(), "not rotated: RotateImmediately was off");

        JournalEntry entry = journaled().get(0);
        assertEquals(ActionKind.ROTATE_SECRET, entry.action());
        assertEquals(ResultState.OK, entry.result());
        assertEquals(1, changes.get(), "the detail heard of the change");
        assertEquals(RotationState.Status.ENABLED, vm.header().stateProperty().get().status());
        assertNotNull(vm.noticeProperty().get());
        assertTrue(vm.canTurnOffProperty().get());
        assertTrue(vm.canRotateNowProperty().get());
    }

    @Test
    void saveWithRotateImmediatelyStartsARotationAndFollowsItToTheEnd() {
        SecretSummary s = newSecret("rotate-on-save");
        String before = s.currentVersionId();
        shown.set(s);
        vm.functions().chosenProperty().set(listed("strongroom-random-value"));
        vm.schedule().modeProperty().set(ScheduleModel.Mode.RATE);
        vm.schedule().rateValueProperty().set("2");
        vm.schedule().rateUnitProperty().set(ScheduleModel.RateUnit.DAYS);
        vm.save();

        RotationProgressState p = vm.progress().stateProperty().get();
        assertEquals(RotationProgressState.Outcome.SUCCEEDED, p.outcome(), String.valueOf(p));
        assertEquals("rate(2 days)", described(s).rotationRules().scheduleExpression());
        assertEquals(p.versionId(), vm.secretProperty().get().currentVersionId());
        assertTrue(vm.secretProperty().get().versionsToStages().get(before).contains("AWSPREVIOUS"));
    }

    @Test
    void turnOffAsksFirstThenCancelsRotationAndJournalsIt() {
        SecretSummary s = configured(newSecret("to-turn-off"), "strongroom-random-value");
        shown.set(s);
        assertTrue(vm.canTurnOffProperty().get());

        dialogs.answer = false;
        vm.turnOff();
        assertEquals(List.of("confirm: Turn off rotation?"), dialogs.shown);
        assertTrue(described(s).rotationEnabled(), "declined: nothing sent");
        assertTrue(journaled().isEmpty());

        dialogs.answer = true;
        vm.turnOff();
        assertFalse(described(s).rotationEnabled());
        assertEquals(ActionKind.CANCEL_ROTATION, journaled().get(0).action());
        assertEquals(RotationState.Status.DISABLED, vm.header().stateProperty().get().status());
        assertFalse(vm.canTurnOffProperty().get());
        assertTrue(vm.canRotateNowProperty().get(), "the function is kept");
    }

    // ---- Rotate now ----------------------------------------------------------------------------

    @Test
    void rotateNowReachesSuccessWithAllFourStepsDoneAndTheHistoryShowsIt() {
        SecretSummary s = configured(newSecret("first"), "strongroom-random-value");
        shown.set(s);
        vm.rotateNow();

        RotationProgressState p = vm.progress().stateProperty().get();
        assertEquals(RotationProgressState.Outcome.SUCCEEDED, p.outcome(), String.valueOf(p));
        assertEquals(RotationProgressState.STEP_NAMES, p.steps().stream().map(RotationProgressState.Step::name).toList());
        assertEquals(List.of(RotationProgressState.StepState.DONE, RotationProgressState.StepState.DONE,
                RotationProgressState.StepState.DONE, RotationProgressState.StepState.DONE), states(p));
        assertEquals(ActionKind.ROTATE_SECRET, journaled().get(0).action());
        assertEquals(p.versionId(), vm.secretProperty().get().currentVersionId());

        stack.store().store().audit().flush();
        vm.refresh();
        List<RotationHistoryEntry.Kind> kinds = vm.history().entries().stream().map(RotationHistoryEntry::kind).toList();
        assertEquals(RotationHistoryEntry.Kind.SUCCEEDED, kinds.get(0), kinds.toString());
        assertTrue(kinds.contains(RotationHistoryEntry.Kind.STARTED));
        RotationHistoryEntry rotated = vm.history().entries().stream()
                .filter(e -> e.kind() == RotationHistoryEntry.Kind.VERSION && p.versionId().equals(e.versionId())).findFirst().orElseThrow();
        assertTrue(rotated.byRotation());
        assertEquals(List.of("AWSCURRENT"), rotated.stages());
        assertEquals(RotationState.Status.ENABLED, vm.header().stateProperty().get().status());
        assertEquals(io.strongroom.domain.RotationEvent.Kind.SUCCEEDED, vm.header().latestEventProperty().get().kind());
    }

    /**
     * Configured with Save and "Rotate immediately" (without rotating, the store would test the
     * function at once, and that test, failing, would leave AWSPENDING behind before Rotate now).
     */
    @Test
    void aFailingFunctionEndsWithSetSecretFailedAndTheReasonAndTheNextRotationIsRefused() {
        String json = "{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":1,\"username\":\"app\","
                + "\"password\":\"not-a-real-password-7\",\"dbname\":\"app\"}";
        shown.set(newSecret(json));
        vm.functions().chosenProperty().set(listed("strongroom-postgres-single-user"));
        vm.rotateImmediatelyProperty().set(true);
        vm.save();

        RotationProgressState p = vm.progress().stateProperty().get();
        assertEquals(RotationProgressState.Outcome.FAILED, p.outcome(), String.valueOf(p));
        assertEquals(List.of(RotationProgressState.StepState.DONE, RotationProgressState.StepState.FAILED,
                RotationProgressState.StepState.WAITING, RotationProgressState.StepState.WAITING), states(p));
        assertEquals("setSecret", p.failedStep().name());
        assertNotNull(p.message());
        assertTrue(p.message().contains("127.0.0.1"), p.message());
        assertFalse(p.message().contains("not-a-real-password-7"), "no password in the reason");

        stack.store().store().audit().flush();
        vm.refresh();
        RotationState state = vm.header().stateProperty().get();
        assertEquals(RotationState.Status.STUCK, state.status(), "AWSPENDING stays on the new version");
        assertEquals(p.versionId(), state.pendingVersion());
        assertEquals("setSecret", vm.header().latestEventProperty().get().step());
        assertTrue(vm.history().entries().stream().anyMatch(e -> e.kind() == RotationHistoryEntry.Kind.FAILED
                && "setSecret".equals(e.step()) && e.reason() != null));

        vm.rotateNow();
        RotationProgressState refused = vm.progress().stateProperty().get();
        assertEquals(RotationProgressState.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.message().contains("InvalidRequestException"), refused.message());
        assertTrue(refused.message().contains("A previous rotation isn't complete"), refused.message());
        assertEquals(ResultState.FAILED, journaled().get(0).result());
    }

    // ---- read-only -----------------------------------------------------------------------------

    @Test
    void readOnlyModeOffersNoCommandAndSendsNothing() {
        SecretSummary s = configured(newSecret("audited"), "strongroom-random-value");
        readOnly.set(true);
        shown.set(s);
        assertEquals(RotationState.Status.ENABLED, vm.header().stateProperty().get().status(), "the state is still shown");
        assertFalse(vm.canConfigureProperty().get());
        assertFalse(vm.canSaveProperty().get());
        assertFalse(vm.canTurnOffProperty().get());
        assertFalse(vm.canRotateNowProperty().get());

        vm.schedule().daysProperty().set("5");
        vm.save();
        vm.turnOff();
        vm.rotateNow();

        assertTrue(dialogs.shown.isEmpty());
        assertTrue(journaled().isEmpty(), "nothing reached the journal, not even a refusal");
        assertEquals(RotationProgressState.Outcome.IDLE, vm.progress().stateProperty().get().outcome());
        DescribeSecretResponse d = described(s);
        assertTrue(d.rotationEnabled());
        assertEquals(30L, d.rotationRules().automaticallyAfterDays());
        assertEquals(1, d.versionIdsToStages().size(), "not rotated");
        assertEquals(0, changes.get());
    }
}
