package io.strongroom.ui.journal;

import io.strongroom.domain.Scope;
import io.strongroom.service.journal.ActionDetails;
import io.strongroom.service.journal.ActionJournal;
import io.strongroom.service.journal.ActionKind;
import io.strongroom.service.journal.JournalFixtures;
import io.strongroom.service.journal.OpenJournalTestCase;
import io.strongroom.service.journal.ReadOnlyGuard;
import io.strongroom.service.journal.ResultState;
import io.strongroom.service.journal.ValueKind;
import io.strongroom.ui.common.ClipboardService;
import io.strongroom.ui.common.DirectUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.strongroom.service.journal.JournalFixtures.ANALYTICS_US;
import static io.strongroom.service.journal.JournalFixtures.PAYMENTS_EU;
import static io.strongroom.service.journal.JournalFixtures.PAYMENTS_US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal view model on a same-thread executor: no FX thread. */
class JournalViewModelTest extends OpenJournalTestCase {

    static final String ALICE = "arn:aws:sts::111122223333:assumed-role/SecurityOps/alice";

    JournalViewModel vm;
    final List<String> copied = new ArrayList<>();

    @AfterEach
    void closeViewModel() {
        if (vm != null) {
            vm.close();
        }
    }

    private JournalViewModel vm(int pageSize) {
        ClipboardService clipboard = new ClipboardService() {
            @Override
            public void put(String text) {
                copied.add(text);
            }

            @Override
            public void putSensitive(String text, int clearAfterSeconds) {
                throw new AssertionError("nothing in the journal is sensitive");
            }

            @Override
            public String current() {
                return copied.isEmpty() ? null : copied.get(copied.size() - 1);
            }
        };
        vm = new JournalViewModel(journal, new DirectUiExecutor(), clipboard, ZoneOffset.UTC, pageSize,
                io.strongroom.ui.common.Texts.load());
        vm.refresh();
        return vm;
    }

    private long ok(Scope scope, String target, ActionDetails details, String versionId) {
        ActionJournal.Recording r = journal.begin(scope, target, details);
        r.succeeded(ALICE, "arn:aws:secretsmanager:" + scope.region() + ":" + scope.accountId() + ":secret:" + target + "-AbCdEf", versionId);
        clock.advance(Duration.ofMinutes(1));
        return r.id();
    }

    private long failed(Scope scope, String target, ActionDetails details, String code, String requestId, int status) {
        ActionJournal.Recording r = journal.begin(scope, target, details);
        r.failed(status == 0 ? null : ALICE, code, requestId, status);
        clock.advance(Duration.ofMinutes(1));
        return r.id();
    }

    private List<String> targets() {
        return vm.rows().stream().map(JournalRow::target).toList();
    }

    @Test
    void rowsAreNewestFirstInTheWordsTheUserReads() {
        ok(PAYMENTS_EU, "prod/payments/stripe-api-key", new ActionDetails.PutValue(ValueKind.TEXT, List.of()), "9f1c2e7a-0b3d-4e5f-8a9b-0c1d2e3f4a5b");
        failed(PAYMENTS_EU, "prod/payments/old-key", new ActionDetails.Delete(7, false), "ResourceNotFoundException", "3d9f6c1e-aaaa-bbbb-cccc-1234567890ab", 400);
        failed(ANALYTICS_US, "analytics/redshift/etl-user", new ActionDetails.Tag(List.of("owner")), ReadOnlyGuard.READ_ONLY, null, 0);
        vm(50);

        assertEquals(List.of("analytics/redshift/etl-user", "prod/payments/old-key", "prod/payments/stripe-api-key"), targets());
        JournalRow refused = vm.rows().get(0);
        JournalRow notFound = vm.rows().get(1);
        JournalRow put = vm.rows().get(2);

        assertEquals("2025-03-14 09:26:53", put.time());
        assertEquals("assumed-role/SecurityOps/alice (alice)", put.identity());
        assertTrue(put.identityDetail().contains(ALICE) && put.identityDetail().contains("profile:payments-admin"));
        assertEquals("payments-prod / eu-west-1", put.scope());
        assertTrue(put.scopeDetail().contains("111122223333") && put.scopeDetail().contains("AWS"));
        assertEquals("New value \u00b7 text value", put.action());
        assertTrue(put.actionDetail().contains("PutSecretValue"));
        assertEquals("OK", put.result());
        assertEquals(JournalRow.Tone.SUCCESS, put.tone());
        assertEquals("", put.requestId());

        assertEquals("Delete secret \u00b7 7-day recovery window", notFound.action());
        assertEquals("ResourceNotFoundException", notFound.result());
        assertEquals("ResourceNotFoundException, HTTP 400", notFound.resultDetail());
        assertEquals("3d9f6c1e-aaaa-bbbb-cccc-1234567890ab", notFound.requestId());
        assertEquals(JournalRow.Tone.FAILURE, notFound.tone());

        assertEquals("Refused: read-only mode", refused.result());
        assertEquals(JournalRow.Tone.REFUSED, refused.tone());
        assertEquals("keys:AKIALOCALANALYTICS01 (alice)", refused.identity(), "no principal known: the credentials say who");
        assertTrue(refused.scopeDetail().contains("embedded store http://127.0.0.1:4566"));

        assertEquals("3 actions", vm.summaryProperty().get());
        assertFalse(vm.hasMoreProperty().get());
        assertFalse(vm.busyProperty().get());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void everyActionKindReadsWell() {
        String v1 = "a1b2c3d4-5678-90ab-cdef-111111111111";
        String v2 = "a1b2c3d4-5678-90ab-cdef-222222222222";
        ok(PAYMENTS_EU, "s", new ActionDetails.Create("alias/payments", List.of("owner", "env"), ValueKind.BINARY, true), v1);
        ok(PAYMENTS_EU, "s", new ActionDetails.Update(true, "alias/other", ValueKind.NONE), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.MoveStage("AWSPENDING", v2, v1), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.MoveStage("AWSPENDING", null, v2), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.Rollback(v1), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.Delete(0, true), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.Restore(), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.Tag(List.of("cost-center")), null);
        ok(PAYMENTS_EU, "s", new ActionDetails.Untag(List.of("owner", "env")), null);
        vm(50);
        assertEquals(List.of(
                "Untag \u00b7 env, owner",
                "Tag \u00b7 cost-center",
                "Restore secret",
                "Delete secret \u00b7 forced, no recovery",
                "Roll back \u00b7 to version a1b2c3d4\u2026",
                "Move staging label \u00b7 remove AWSPENDING",
                "Move staging label \u00b7 AWSPENDING \u2192 a1b2c3d4\u2026",
                "Update secret \u00b7 description, KMS key alias/other",
                "Create secret \u00b7 binary value, tags env, owner, KMS key alias/payments"),
                vm.rows().stream().map(JournalRow::action).toList());
        assertTrue(vm.rows().get(6).actionDetail().contains(v2) && vm.rows().get(6).actionDetail().contains("from " + v1),
                "the tooltip has the full version IDs");
    }

    @Test
    void filtersNarrowTheRows() {
        ok(PAYMENTS_EU, "prod/payments/stripe-api-key", new ActionDetails.PutValue(ValueKind.TEXT, List.of()), null);
        ok(PAYMENTS_US, "prod/payments/adyen-hmac", new ActionDetails.Tag(List.of("owner")), null);
        ok(ANALYTICS_US, "analytics/redshift/etl-user", new ActionDetails.Delete(7, false), null);
        failed(PAYMENTS_EU, "prod/payments/missing", new ActionDetails.Delete(30, false), "ResourceNotFoundException", "req-404", 400);
        vm(50);
        assertEquals(4, vm.rows().size());
        assertFalse(vm.filteredProperty().get());

        vm.filterTextProperty().set("redshift");
        assertEquals(List.of("analytics/redshift/etl-user"), targets());
        assertTrue(vm.filteredProperty().get());
        vm.filterTextProperty().set("req-404");
        assertEquals(List.of("prod/payments/missing"), targets());
        vm.filterTextProperty().set("");

        vm.actionFilterProperty().set(choice(vm.actionChoices(), ActionKind.DELETE_SECRET));
        assertEquals(List.of("prod/payments/missing", "analytics/redshift/etl-user"), targets());
        vm.resultFilterProperty().set(choice(vm.resultChoices(), ResultState.FAILED));
        assertEquals(List.of("prod/payments/missing"), targets());
        assertEquals("1 action", vm.summaryProperty().get());

        vm.clearFilters();
        assertEquals(4, vm.rows().size());

        assertEquals(List.of("All accounts", "analytics-dev (444455556666)", "payments-prod (111122223333)"),
                vm.accountChoices().stream().map(FilterChoice::label).toList());
        vm.accountFilterProperty().set(vm.accountChoices().get(2));
        assertEquals(3, vm.rows().size());
        vm.regionFilterProperty().set(vm.regionChoices().stream().filter(c -> "us-east-1".equals(c.value())).findFirst().orElseThrow());
        assertEquals(List.of("prod/payments/adyen-hmac"), targets());
    }

    private static <T> FilterChoice<T> choice(List<FilterChoice<T>> choices, T value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }

    @Test
    void pagesLoadOnDemand() {
        for (int i = 0; i < 12; i++) {
            ok(PAYMENTS_EU, "bulk/" + i, new ActionDetails.Restore(), null);
        }
        vm(5);
        assertEquals(5, vm.rows().size());
        assertTrue(vm.hasMoreProperty().get());
        assertEquals("Showing 5 of 12 actions", vm.summaryProperty().get());
        vm.loadMore();
        vm.loadMore();
        assertEquals(12, vm.rows().size());
        assertFalse(vm.hasMoreProperty().get());
        assertEquals("12 actions", vm.summaryProperty().get());
        assertEquals("bulk/11", vm.rows().get(0).target());
        assertEquals("bulk/0", vm.rows().get(11).target());
    }

    @Test
    void newActionsAppearAsTheyAreJournaledAndKeepTheLoadedPages() {
        for (int i = 0; i < 7; i++) {
            ok(PAYMENTS_EU, "bulk/" + i, new ActionDetails.Restore(), null);
        }
        vm(5);
        vm.loadMore();
        assertEquals(7, vm.rows().size());

        ActionJournal.Recording r = journal.begin(PAYMENTS_EU, "prod/new", new ActionDetails.Delete(7, false));
        assertEquals("prod/new", vm.rows().get(0).target());
        assertEquals("In progress", vm.rows().get(0).result());
        assertEquals(JournalRow.Tone.PENDING, vm.rows().get(0).tone());
        assertEquals(8, vm.rows().size(), "the pages already loaded stay loaded");

        r.succeeded(ALICE, "arn:x", null);
        assertEquals("OK", vm.rows().get(0).result());
    }

    @Test
    void anActionWithoutAResultFromAnEarlierRunIsUnknown() {
        journal.begin(PAYMENTS_EU, "prod/interrupted", new ActionDetails.Delete(0, true));
        journal.close();
        journal = JournalFixtures.open(dir, clock);
        vm(50);
        JournalRow row = vm.rows().get(0);
        assertEquals("No result recorded", row.result());
        assertEquals(JournalRow.Tone.UNKNOWN, row.tone());
        assertTrue(row.resultDetail().contains("may or may not"));
    }

    @Test
    void aJournalThatCannotBeReadShowsWhyAndKeepsTheRows() {
        ok(PAYMENTS_EU, "a", new ActionDetails.Restore(), null);
        vm(50);
        journal.close();
        vm.refresh();
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("Cannot read the action journal"), vm.errorProperty().get());
        assertEquals(1, vm.rows().size());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void copyingPutsIdentifiersOnTheClipboard() {
        failed(PAYMENTS_EU, "prod/payments/missing", new ActionDetails.Delete(30, false), "ResourceNotFoundException", "req-404", 400);
        vm(50);
        JournalRow row = vm.rows().get(0);
        vm.copy(row, JournalViewModel.CopyField.REQUEST_ID);
        vm.copy(row, JournalViewModel.CopyField.SECRET);
        vm.copy(row, JournalViewModel.CopyField.IDENTITY_ARN);
        vm.copy(row, JournalViewModel.CopyField.SECRET_ARN);
        assertEquals(List.of("req-404", "prod/payments/missing", ALICE), copied, "a failed call has no ARN to copy");
    }

    @Test
    void afterCloseTheViewModelNoLongerFollowsTheJournal() {
        vm(50);
        vm.close();
        ok(PAYMENTS_EU, "later", new ActionDetails.Restore(), null);
        assertEquals(0, vm.rows().size());
    }

    @Test
    void theViewModelTouchesNoSceneClasses() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/strongroom/ui/journal/JournalViewModel.java"));
        assertFalse(source.contains("import javafx.scene"), "view models never touch javafx.scene");
        assertFalse(source.contains("import io.strongroom.service.SecretsService"), "the journal view only reads the journal");
    }
}
