package io.strongroom.ui.rotation;

import io.strongroom.domain.Account;
import io.strongroom.domain.RotationEvent;
import io.strongroom.domain.RotationState.Status;
import io.strongroom.domain.Scope;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.service.AccountSource;
import io.strongroom.service.RotationService;
import io.strongroom.service.journal.ActingIdentity;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalQuery;
import io.strongroom.service.journal.JournaledSecrets;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.SecretMutations;
import io.strongroom.service.journal.Writers;
import io.strongroom.testing.ServiceStack;
import io.strongroom.ui.common.DirectUiExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rotation view's model against the embedded store over the real SDK, without the FX thread.
 * One estate in the first account's us-east-1, set up through the SDK as an operator would: a
 * secret never configured, one rotating fine every 30 days, one whose rotation was turned off,
 * one configured but never rotated yet, one whose rotation failed in createSecret (its value is
 * no PostgreSQL credential) and one stuck after failing in setSecret (its database is a closed
 * port). Bulk rotation and read-only mode work in eu-west-1, so the estate's counts stay put.
 */
class RotationViewModelTest {

    static final String EAST = "us-east-1";
    static final String WEST = "eu-west-1";
    static final String RANDOM = "strongroom-random-value";
    static final String POSTGRES = "strongroom-postgres-single-user";
    /** A PostgreSQL credential whose server is a port nothing listens on: setSecret cannot log in. */
    static final String CLOSED_PORT = "{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":1,\"username\":\"u\",\"password\":\"p\",\"dbname\":\"d\"}";
    static final Duration WAIT = Duration.ofSeconds(30);

    static ServiceStack stack;
    static RotationService rotations;
    static Scope east;
    static Scope west;
    static String account;

    @TempDir
    Path dir;
    ActionJournal journal;
    SecretMutations mutations;
    final SimpleBooleanProperty readOnly = new SimpleBooleanProperty();

    @BeforeAll
    static void estate() throws Exception {
        stack = ServiceStack.start(4);
        rotations = stack.rotations(4);
        east = stack.scope(0, EAST);
        west = stack.scope(0, WEST);
        account = east.accountId();
        SecretsManagerClient sm = stack.store().secrets();
        sm.createSecret(b -> b.name("estate/never-configured").secretString("v"));
        sm.createSecret(b -> b.name("estate/rotated-ok").secretString("v"));
        sm.rotateSecret(b -> b.secretId("estate/rotated-ok").rotationLambdaARN(function(EAST, account, RANDOM))
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        sm.createSecret(b -> b.name("estate/rotation-off").secretString("v"));
        sm.rotateSecret(b -> b.secretId("estate/rotation-off").rotationLambdaARN(function(EAST, account, RANDOM)));
        sm.createSecret(b -> b.name("estate/configured-not-yet").secretString("v"));
        sm.rotateSecret(b -> b.secretId("estate/configured-not-yet").rotationLambdaARN(function(EAST, account, RANDOM))
                .rotationRules(r -> r.automaticallyAfterDays(30L)).rotateImmediately(false));
        sm.createSecret(b -> b.name("estate/failed-create").secretString("not a credential"));
        sm.rotateSecret(b -> b.secretId("estate/failed-create").rotationLambdaARN(function(EAST, account, POSTGRES)));
        sm.createSecret(b -> b.name("estate/stuck-db").secretString(CLOSED_PORT));
        sm.rotateSecret(b -> b.secretId("estate/stuck-db").rotationLambdaARN(function(EAST, account, POSTGRES)));
        awaitRotations();
        sm.cancelRotateSecret(b -> b.secretId("estate/rotation-off"));
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
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    static String function(String region, String accountId, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /**
     * A PostgreSQL credential at a closed port whose first rotation failed in setSecret, and whose
     * unfinished version an operator has since taken AWSPENDING off: the next rotation is accepted
     * and fails in setSecret again.
     */
    static void failedAndCleared(SecretsManagerClient sm, String name, String function) throws InterruptedException {
        sm.createSecret(b -> b.name(name).secretString(CLOSED_PORT));
        String pending = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(function)).versionId();
        awaitRotations();
        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSPENDING").removeFromVersionId(pending));
    }

    static void awaitRotations() throws InterruptedException {
        assertTrue(stack.store().store().rotations().awaitIdle(Duration.ofSeconds(20)), "rotations still running");
    }

    /** A model over {@code scopes} that sees time as {@code clock} does. */
    RotationViewModel model(Clock clock, List<Scope> scopes) {
        return new RotationViewModel(stack.secrets(), rotations, mutations, new DirectUiExecutor(), clock, () -> scopes, readOnly,
                io.strongroom.domain.RotationState.DEFAULT_STUCK_AFTER, new BulkRotateViewModel.Settings(4, Duration.ofMillis(100),
                        Duration.ofSeconds(20)));
    }

    RotationViewModel loaded(List<Scope> scopes) throws Exception {
        RotationViewModel vm = model(stack.store().clock(), scopes);
        vm.load().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return vm;
    }

    static Map<String, RotationRow> byName(List<RotationRow> rows) {
        return rows.stream().collect(Collectors.toMap(RotationRow::name, Function.identity()));
    }

    static Set<String> names(List<RotationRow> rows) {
        return rows.stream().map(RotationRow::name).collect(Collectors.toSet());
    }

    // ---- statuses, results, counts, filters, order ------------------------------------------------

    @Test
    void everySecretHasTheStatusItsLabelsAndLatestEventGive() throws Exception {
        RotationViewModel vm = loaded(List.of(east));
        Map<String, RotationRow> rows = byName(vm.rows());
        assertEquals(6, rows.size(), rows.keySet().toString());
        assertEquals(Status.NOT_CONFIGURED, rows.get("estate/never-configured").status());
        assertEquals(Status.ENABLED, rows.get("estate/rotated-ok").status());
        assertEquals(Status.DISABLED, rows.get("estate/rotation-off").status());
        assertEquals(Status.ENABLED, rows.get("estate/configured-not-yet").status());
        assertEquals(Status.FAILED, rows.get("estate/failed-create").status(), "createSecret failed: nothing left pending");
        assertEquals(Status.STUCK, rows.get("estate/stuck-db").status(), "setSecret failed: AWSPENDING left on the new version");
        assertNotNull(rows.get("estate/stuck-db").state().pendingVersion());
        assertTrue(rows.values().stream().allMatch(r -> r.results() == RotationRow.Results.KNOWN));
        assertTrue(vm.problems().isEmpty(), String.valueOf(vm.problems()));
    }

    @Test
    void theLastResultNamesTheOutcomeAndForAFailureItsStepAndReason() throws Exception {
        Map<String, RotationRow> rows = byName(loaded(List.of(east)).rows());
        assertEquals(RotationEvent.Kind.SUCCEEDED, rows.get("estate/rotated-ok").lastEvent().kind());
        assertNull(rows.get("estate/never-configured").lastEvent(), "no rotation event in 90 days");
        RotationEvent stuck = rows.get("estate/stuck-db").lastEvent();
        assertEquals(RotationEvent.Kind.FAILED, stuck.kind());
        assertEquals("setSecret", stuck.step());
        assertTrue(stuck.reason().contains("127.0.0.1"), stuck.reason());
        assertFalse(stuck.reason().contains("\"p\""), "no password in the reason");
        RotationEvent failed = rows.get("estate/failed-create").lastEvent();
        assertEquals("createSecret", failed.step());
        assertEquals(rows.get("estate/stuck-db").state().pendingVersion(), stuck.token(), "the failure is the pending version's rotation");
    }

    @Test
    void countsAndTheSummaryLineAddUp() throws Exception {
        RotationViewModel vm = loaded(List.of(east));
        RotationFilterCounts c = vm.summaryProperty().get();
        assertEquals(6, c.all());
        assertEquals(Set.of("estate/rotated-ok", "estate/configured-not-yet", "estate/failed-create", "estate/stuck-db"),
                names(vm.rows().stream().filter(RotationRow::rotationOn).toList()), "RotateSecret turns rotation on, failed or not");
        assertEquals(4, c.rotationOn());
        assertEquals(4, c.neverRotated(), "never configured, configured not yet, and the two whose rotation never finished");
        assertEquals(0, c.overdue());
        assertEquals(2, c.failed());
        assertEquals(1, c.stuck());
        assertEquals(2, c.failedOrStuck(), "the stuck one failed: counted once");
        assertEquals(c, vm.countsProperty().get(), "no name filter: the buttons count what the summary does");
    }

    @Test
    void eachQuickFilterShowsItsRowsAndTheNameFilterNarrowsThemAndTheirCounts() throws Exception {
        RotationViewModel vm = loaded(List.of(east));
        vm.filterProperty().set(RotationFilter.NEVER_ROTATED);
        assertEquals(Set.of("estate/never-configured", "estate/configured-not-yet", "estate/failed-create", "estate/stuck-db"),
                names(vm.rows()));
        vm.filterProperty().set(RotationFilter.FAILED);
        assertEquals(Set.of("estate/failed-create", "estate/stuck-db"), names(vm.rows()));
        vm.filterProperty().set(RotationFilter.STUCK);
        assertEquals(Set.of("estate/stuck-db"), names(vm.rows()));
        vm.filterProperty().set(RotationFilter.OVERDUE);
        assertTrue(vm.rows().isEmpty());

        vm.filterProperty().set(RotationFilter.ALL);
        vm.searchTextProperty().set("  DB ");
        assertEquals(Set.of("estate/stuck-db"), names(vm.rows()));
        RotationFilterCounts buttons = vm.countsProperty().get();
        assertEquals(1, buttons.of(RotationFilter.ALL));
        assertEquals(1, buttons.of(RotationFilter.STUCK));
        assertEquals(0, buttons.of(RotationFilter.OVERDUE));
        assertEquals(6, vm.summaryProperty().get().all(), "the summary line counts every secret");
    }

    @Test
    void stuckAndFailedComeFirstUntilTheUserSortsByAColumnAndTheDefaultBreaksItsTies() throws Exception {
        RotationViewModel vm = loaded(List.of(east));
        List<String> order = vm.rows().stream().map(RotationRow::name).toList();
        assertEquals(List.of("estate/stuck-db", "estate/failed-create", "estate/rotation-off", "estate/never-configured",
                "estate/configured-not-yet", "estate/rotated-ok"), order);
        vm.sortOrderProperty().set(java.util.Comparator.comparing(RotationRow::rotationOn));
        assertEquals(List.of("estate/rotation-off", "estate/never-configured", "estate/stuck-db", "estate/failed-create",
                "estate/configured-not-yet", "estate/rotated-ok"), vm.rows().stream().map(RotationRow::name).toList());
        vm.sortOrderProperty().set(null);
        assertEquals(order, vm.rows().stream().map(RotationRow::name).toList());
    }

    /**
     * Overdue is measured on the console's clock. The store's own scheduler (every second, as
     * AWS's) starts a due rotation at once and moves NextRotationDate on, so the store never stays
     * overdue for long; here the console's clock is 32 days ahead of the store's (NextRotationDate is the last second of the due day), as a console
     * looking at an account whose scheduled rotations stopped would be.
     */
    @Test
    void pastItsNextRotationDateARotatingSecretIsOverdue() throws Exception {
        RotationViewModel vm = model(Clock.offset(stack.store().clock(), Duration.ofDays(32)), List.of(east));
        vm.load().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        vm.filterProperty().set(RotationFilter.OVERDUE);
        assertEquals(Set.of("estate/rotated-ok", "estate/configured-not-yet"), names(vm.rows()), "rotation on, 30 days, a month passed");
        RotationRow ok = byName(vm.rows()).get("estate/rotated-ok");
        assertTrue(ok.overdueBy().compareTo(Duration.ofHours(23)) > 0, ok.overdueBy().toString());
        assertEquals(2, vm.countsProperty().get().overdue());
        vm.filterProperty().set(RotationFilter.ALL);
        assertEquals("estate/stuck-db", vm.rows().get(0).name());
        assertEquals(2, vm.rows().stream().filter(RotationRow::overdue).count());
        assertTrue(byName(vm.rows()).values().stream().filter(RotationRow::overdue).allMatch(r -> RotationRowOrder.rank(r) == 2),
                "overdue ones come right after the failures");
    }

    // ---- scopes that fail on their own -------------------------------------------------------------

    @Test
    void aScopeWhoseCloudTrailIsDeniedKeepsItsRowsWithResultsUnknownAndAnUnlistableScopeHidesNoOther() throws Exception {
        // account 1 reached by a user who may do anything in Secrets Manager but read CloudTrail
        Account second = stack.accounts().get(1);
        AccessKey adminOfSecond = stack.store().adminKey(1);
        SecretsManagerClient sm1 = stack.store().secrets(adminOfSecond, Region.US_EAST_1);
        sm1.createSecret(b -> b.name("partner/api-key").secretString("v"));
        sm1.rotateSecret(b -> b.secretId("partner/api-key").rotationLambdaARN(function(EAST, second.accountId(), RANDOM)));
        awaitRotations();
        AccessKey noTrail = stack.store().userWithPolicy(second.accountId(), """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["secretsmanager:*","lambda:*"],"Resource":"*"},
                  {"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*"}]}""");
        Scope withoutTrail = as(second, noTrail).in(EAST);
        // account 2 reached by a user allowed nothing: it cannot even be listed
        Account third = stack.accounts().get(2);
        Scope denied = as(third, stack.store().userWithPolicy(third.accountId(), null)).in(EAST);

        RotationViewModel vm = loaded(List.of(east, withoutTrail, denied));
        Map<String, RotationRow> rows = byName(vm.rows());
        assertEquals(7, rows.size(), rows.keySet().toString());
        RotationRow partner = rows.get("partner/api-key");
        assertEquals(RotationRow.Results.UNKNOWN, partner.results());
        assertTrue(partner.resultsError().contains("AccessDenied"), partner.resultsError());
        assertEquals(Status.ENABLED, partner.status(), "the labels still say where it stands");
        assertEquals(RotationRow.Results.KNOWN, rows.get("estate/stuck-db").results(), "the other scopes are read in full");
        assertEquals(Status.STUCK, rows.get("estate/stuck-db").status());

        Map<Scope, RotationRowSource.ScopeProblem> problems = vm.problems().stream()
                .collect(Collectors.toMap(RotationRowSource.ScopeProblem::scope, Function.identity()));
        assertEquals(Set.of(withoutTrail, denied), problems.keySet());
        assertEquals(RotationRowSource.ScopeProblem.Kind.EVENTS, problems.get(withoutTrail).kind());
        assertEquals(RotationRowSource.ScopeProblem.Kind.LISTING, problems.get(denied).kind());
        String text = problems.get(denied).text();
        assertTrue(text.startsWith(denied.label() + ": AccessDenied"), text);
        assertTrue(text.contains("request ID"), text);
        assertTrue(problems.get(withoutTrail).error().isAccessDenied());
    }

    static Account as(Account account, AccessKey key) {
        return AccountSource.embeddedStore(stack.store().store().endpoint(), List.of(new AccountSource.AccountKeys(account.accountId(),
                account.alias() + "-" + key.accessKeyId().substring(key.accessKeyId().length() - 4), key.accessKeyId(),
                key.secretAccessKey()))).accounts().get(0);
    }

    // ---- selection, opening -----------------------------------------------------------------------

    @Test
    void theSelectionAndTheOpenedSecretOutliveARefreshAndAFilterThatHidesThem() throws Exception {
        RotationViewModel vm = loaded(List.of(east));
        Map<String, RotationRow> rows = byName(vm.rows());
        vm.select(List.of(rows.get("estate/stuck-db"), rows.get("estate/rotated-ok")));
        vm.open(rows.get("estate/stuck-db"));
        vm.refresh().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Set.of("estate/stuck-db", "estate/rotated-ok"), names(vm.selection()));
        assertFalse(vm.selection().contains(rows.get("estate/stuck-db")), "the rows are the new ones");
        assertEquals("estate/stuck-db", vm.openedSecretProperty().get().name());

        vm.filterProperty().set(RotationFilter.STUCK);
        assertEquals(Set.of("estate/stuck-db"), names(vm.selection()), "only what is shown is acted on");
        vm.filterProperty().set(RotationFilter.ALL);
        assertEquals(2, vm.selection().size());
        vm.closeSecret();
        assertNull(vm.openedSecretProperty().get());
    }

    // ---- bulk rotation ----------------------------------------------------------------------------

    @Test
    void bulkRotationRotatesEachWithItsOwnFunctionAndReportsRefusalsFailuresAndSkips() throws Exception {
        SecretsManagerClient sm = stack.store().secrets(stack.store().adminKey(0), Region.EU_WEST_1);
        for (String n : List.of("bulk/one", "bulk/two")) {
            sm.createSecret(b -> b.name(n).secretString("v"));
            sm.rotateSecret(b -> b.secretId(n).rotationLambdaARN(function(WEST, account, RANDOM)));
        }
        sm.createSecret(b -> b.name("bulk/pending").secretString(CLOSED_PORT));
        sm.rotateSecret(b -> b.secretId("bulk/pending").rotationLambdaARN(function(WEST, account, POSTGRES)));
        sm.createSecret(b -> b.name("bulk/no-function").secretString("v"));
        failedAndCleared(sm, "bulk/db", function(WEST, account, POSTGRES));

        RotationViewModel vm = loaded(List.of(west));
        assertEquals(5, vm.rows().size());
        assertFalse(vm.canRotateSelectedProperty().get(), "nothing selected");
        vm.select(List.copyOf(vm.rows()));
        BulkRotateViewModel bulk = vm.rotateSelected();
        assertNotNull(bulk);
        assertEquals(4, bulk.toRotateProperty().get());
        Map<String, BulkRotateItem> items = bulk.items().stream().collect(Collectors.toMap(i -> i.secret().name(), Function.identity()));
        assertEquals(BulkRotateItem.State.SKIPPED, items.get("bulk/no-function").state());
        assertEquals(BulkRotateItem.SkipReason.NO_FUNCTION, items.get("bulk/no-function").reasonProperty().get());
        assertEquals(0, journal.count(JournalQuery.all().action(ActionKind.ROTATE_SECRET)), "nothing is sent before confirmation");

        bulk.confirm();
        assertEquals(BulkRotateViewModel.Phase.DONE, bulk.phaseProperty().get());
        for (String n : List.of("bulk/one", "bulk/two")) {
            BulkRotateItem item = items.get(n);
            assertEquals(BulkRotateItem.State.SUCCEEDED, item.state(), n + ": " + item.detailProperty().get());
            String current = stack.secrets().describe(west, n).currentVersionId();
            assertEquals(current, item.versionIdProperty().get(), "AWSCURRENT moved to the version RotateSecret returned");
        }
        BulkRotateItem refused = items.get("bulk/pending");
        assertEquals(BulkRotateItem.State.REFUSED, refused.state());
        assertEquals("InvalidRequestException", refused.errorCodeProperty().get());
        assertTrue(refused.detailProperty().get().contains("previous rotation isn't complete"), refused.detailProperty().get());
        assertTrue(refused.detailProperty().get().startsWith(west.label()), "the refusal names its scope");
        BulkRotateItem failed = items.get("bulk/db");
        assertEquals(BulkRotateItem.State.FAILED, failed.state(), String.valueOf(failed.detailProperty().get()));
        assertEquals("setSecret", failed.stepProperty().get());
        assertTrue(failed.detailProperty().get().contains("127.0.0.1"), failed.detailProperty().get());
        assertEquals(BulkRotateItem.State.SKIPPED, items.get("bulk/no-function").state());

        assertEquals(4, bulk.finishedProperty().get());
        assertEquals(2, bulk.succeededProperty().get());
        assertEquals(2, bulk.problemsProperty().get());
        assertEquals(3, journal.count(JournalQuery.all().action(ActionKind.ROTATE_SECRET).result(ResultState.OK)));
        assertEquals(1, journal.count(JournalQuery.all().action(ActionKind.ROTATE_SECRET).result(ResultState.FAILED)));
    }

    @Test
    void aRotationThatCannotBeSeenToEndInTimeIsStillRunning() throws Exception {
        Account second = stack.accounts().get(1);
        SecretsManagerClient sm1 = stack.store().secrets(stack.store().adminKey(1), Region.EU_WEST_1);
        failedAndCleared(sm1, "bulk/blind-db", function(WEST, second.accountId(), POSTGRES));
        AccessKey noTrail = stack.store().userWithPolicy(second.accountId(), """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["secretsmanager:*","lambda:*"],"Resource":"*"},
                  {"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*"}]}""");
        Scope blind = as(second, noTrail).in(WEST);
        BulkRotateViewModel bulk = new BulkRotateViewModel(List.of(stack.secrets().describe(blind, "bulk/blind-db")),
                new BulkRotateViewModel.Services(mutations, stack.secrets(), rotations, new DirectUiExecutor(), stack.store().clock(),
                        readOnly, new BulkRotateViewModel.Settings(1, Duration.ofMillis(100), Duration.ofMillis(1500))));
        bulk.confirm();
        BulkRotateItem item = bulk.items().get(0);
        assertEquals(BulkRotateItem.State.STILL_RUNNING, item.state(), "its failure is in CloudTrail, which this user cannot read");
        assertNotNull(item.versionIdProperty().get());
        assertEquals(1, bulk.problemsProperty().get());
        awaitRotations();
    }

    @Test
    void readOnlyModeOffersNoBulkRotationAndAModelOpenedBeforeSendsNothing() throws Exception {
        SecretsManagerClient sm = stack.store().secrets(stack.store().adminKey(0), Region.US_WEST_2);
        sm.createSecret(b -> b.name("read-only/one").secretString("v"));
        sm.rotateSecret(b -> b.secretId("read-only/one").rotationLambdaARN(function("us-west-2", account, RANDOM)));
        awaitRotations();
        Scope scope = stack.scope(0, "us-west-2");
        String before = stack.secrets().describe(scope, "read-only/one").currentVersionId();

        RotationViewModel vm = loaded(List.of(scope));
        vm.select(List.copyOf(vm.rows()));
        BulkRotateViewModel opened = vm.rotateSelected();
        assertTrue(opened.canConfirmProperty().get());
        readOnly.set(true);
        assertFalse(vm.canRotateSelectedProperty().get());
        assertNull(vm.rotateSelected());
        assertFalse(opened.canConfirmProperty().get());
        opened.confirm();
        assertEquals(BulkRotateViewModel.Phase.CONFIRM, opened.phaseProperty().get());
        assertEquals(before, stack.secrets().describe(scope, "read-only/one").currentVersionId());
        assertEquals(0, journal.count(JournalQuery.all().action(ActionKind.ROTATE_SECRET)));

        // the journaled writes refuse on their own too: the view model's flag is only the first guard
        readOnly.set(false);
        SecretMutations guarded = JournaledSecrets.wrap(new Writers(stack.secrets(), stack.policies(), rotations), journal,
                ActingIdentity.cached(stack.identities()), () -> true);
        BulkRotateViewModel backstop = new BulkRotateViewModel(List.of(vm.rows().get(0).secret()),
                new BulkRotateViewModel.Services(guarded, stack.secrets(), rotations, new DirectUiExecutor(), stack.store().clock(),
                        readOnly, BulkRotateViewModel.Settings.DEFAULTS));
        backstop.confirm();
        assertEquals(BulkRotateItem.State.REFUSED, backstop.items().get(0).state());
        assertEquals(ReadOnlyGuard.READ_ONLY, backstop.items().get(0).errorCodeProperty().get());
        assertEquals(before, stack.secrets().describe(scope, "read-only/one").currentVersionId());
    }
}
