package io.strongroom.ui.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.app.Composition;
import io.strongroom.domain.Account;
import io.strongroom.domain.CredentialsRef;
import io.strongroom.domain.Scope;
import io.strongroom.domain.ScopeError;
import io.strongroom.domain.SecretFilter;
import io.strongroom.local.iam.AccessKey;
import io.strongroom.testing.Estate;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RecordingDialogs;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.inventory.InventoryViewModel.DeletionFilter;
import io.strongroom.ui.inventory.InventoryViewModel.RotationFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory view model without JavaFX's thread, against a real embedded store over HTTP:
 * three accounts × two regions, one scope denied, one slow store to cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryViewModelTest {

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    RunningStore store;
    Composition composition;
    Estate.Created estate;
    List<Scope> scopes;
    RecordingDialogs dialogs;
    RecordingClipboard clipboard;
    InventoryFileExport export;
    InventoryViewModel vm;

    @BeforeAll
    void startStore() {
        store = new RunningStore();
        estate = Estate.seed(store, REGIONS, true);
        composition = new Composition(store.store());
        List<Account> accounts = Composition.accountsOf(store.store()).accounts();
        scopes = REGIONS.stream().flatMap(r -> accounts.stream().map(a -> a.in(r))).toList();
    }

    @AfterAll
    void stopStore() {
        composition.close();
        store.close();
    }

    @BeforeEach
    void newViewModel() {
        dialogs = new RecordingDialogs();
        clipboard = new RecordingClipboard();
        vm = new InventoryViewModel(composition.secrets(), new DirectUiExecutor(), clipboard, Texts.load(), Clock.systemUTC());
        export = new InventoryFileExport(dialogs, new DirectUiExecutor(), Texts.load(), Clock.systemUTC());
    }

    void load(List<Scope> s) throws Exception {
        vm.load(s).get(30, TimeUnit.SECONDS);
    }

    int listed() {
        return estate.secrets() - estate.scheduledForDeletion();
    }

    List<String> visibleNames() {
        return vm.visibleRows().stream().map(r -> r.accountAlias() + ":" + r.region() + ":" + r.name()).toList();
    }

    SecretRow row(String name, String region) {
        return vm.visibleRows().stream().filter(r -> r.name().equals(name) && r.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void listsEverySecretOfEveryAccountAndRegionWithPerScopeCounts() throws Exception {
        load(scopes);

        assertEquals(listed(), vm.loadedCountProperty().get());
        assertEquals(listed(), vm.visibleCountProperty().get());
        assertFalse(vm.isLoading());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(6, vm.scopesTotalProperty().get());
        assertEquals(6, vm.scopesFinishedProperty().get());
        assertEquals(0, vm.scopesFailedProperty().get());
        Set<String> accountRegions = vm.visibleRows().stream().map(r -> r.accountAlias() + "/" + r.region()).collect(Collectors.toSet());
        assertEquals(6, accountRegions.size(), "rows from 3 accounts × 2 regions");
        Map<String, Integer> perScope = vm.scopeProgress().stream().collect(Collectors.toMap(ScopeProgress::label, ScopeProgress::count));
        assertEquals(5, perScope.get("security-audit / us-east-1"));
        assertEquals(6, perScope.get("payments-prod / eu-west-1"));
        assertEquals(4, perScope.get("analytics-dev / us-east-1"));
        assertTrue(vm.scopeProgress().stream().allMatch(p -> p.state() == ScopeProgress.State.DONE));
        assertEquals(List.of("analytics-dev", "payments-prod", "security-audit"), vm.filters().accountOptions());
        assertEquals(List.of("eu-west-1", "us-east-1"), vm.filters().regionOptions());
        assertNotNull(vm.loadedAtProperty().get());
    }

    @Test
    void rowsCarryTheColumnsOfTheTable() throws Exception {
        load(scopes);
        SecretRow stripe = row("prod/payments/stripe-api-key", "eu-west-1");
        assertEquals("payments-prod", stripe.accountAlias());
        assertEquals("Stripe restricted key for charges and refunds", stripe.description());
        assertTrue(stripe.kmsKeyId().startsWith("arn:aws:kms:eu-west-1:"), "a customer key");
        assertTrue(stripe.kmsKeyLabel().startsWith("key/"));
        assertEquals("owner=payments, env=prod, cost-center=cc-2040", stripe.tagsText());
        assertNotNull(stripe.created());
        assertNotNull(stripe.lastChanged());
        assertFalse(stripe.rotationEnabled());
        assertNull(stripe.primaryRegion(), "a single-region secret");
        SecretRow adyen = row("prod/payments/adyen-hmac-key", "eu-west-1");
        assertTrue(adyen.usesDefaultKey());
        assertEquals(SecretRow.DEFAULT_KMS_KEY, adyen.kmsKeyLabel());
        assertNotNull(adyen.lastAccessed(), "read once by the estate");
        assertNull(row("prod/payments/postgres-primary", "eu-west-1").lastAccessed(), "never read");
    }

    @Nested
    class Search {
        @Test
        void narrowsAcrossFieldsCaseInsensitively() throws Exception {
            load(scopes);
            vm.filters().searchTextProperty().set("STRIPE");
            assertEquals(List.of("payments-prod:eu-west-1:prod/payments/stripe-api-key", "payments-prod:us-east-1:prod/payments/stripe-api-key"),
                    visibleNames().stream().sorted().toList());
            vm.filters().searchTextProperty().set("stripe us-east");
            assertEquals(List.of("payments-prod:us-east-1:prod/payments/stripe-api-key"), visibleNames());
            vm.filters().searchTextProperty().set("cc-3010");          // a tag value
            assertEquals(4, vm.visibleCountProperty().get());
            vm.filters().searchTextProperty().set("webhook");          // a description word
            assertEquals(Set.of("security/guardduty/slack-webhook", "prod/payments/adyen-hmac-key"),
                    vm.visibleRows().stream().map(SecretRow::name).collect(Collectors.toSet()));
            vm.filters().searchTextProperty().set("aws/secretsmanager analytics");  // the default key, an account
            assertTrue(vm.visibleRows().stream().allMatch(r -> r.usesDefaultKey() && r.accountAlias().equals("analytics-dev")));
            assertEquals(6, vm.visibleCountProperty().get());
            vm.filters().searchTextProperty().set("no-such-secret");
            assertEquals(0, vm.visibleCountProperty().get());
            vm.filters().searchTextProperty().set("  ");
            assertEquals(listed(), vm.visibleCountProperty().get());
        }

        @Test
        void keepsTheTableOrder() throws Exception {
            load(scopes);
            vm.comparatorProperty().set(Comparator.comparing(SecretRow::name).reversed());
            vm.filters().searchTextProperty().set("prod/");
            List<String> names = vm.visibleRows().stream().map(SecretRow::name).toList();
            assertEquals(names.stream().sorted(Comparator.reverseOrder()).toList(), names);
        }
    }

    @Nested
    class StructuredFilters {
        @Test
        void accountRegionAndRotationFilterLocally() throws Exception {
            load(scopes);
            vm.filters().accountFilterProperty().set("payments-prod");
            assertEquals(12, vm.visibleCountProperty().get());
            vm.filters().regionFilterProperty().set("eu-west-1");
            assertEquals(6, vm.visibleCountProperty().get());
            assertTrue(vm.visibleRows().stream().allMatch(r -> r.accountAlias().equals("payments-prod") && r.region().equals("eu-west-1")));
            vm.filters().rotationFilterProperty().set(RotationFilter.ENABLED);
            assertEquals(0, vm.visibleCountProperty().get(), "the estate rotates nothing");
            vm.filters().rotationFilterProperty().set(RotationFilter.DISABLED);
            assertEquals(6, vm.visibleCountProperty().get());
            assertTrue(vm.filters().filtersActiveProperty().get());
            assertFalse(vm.filters().serverFiltersPendingProperty().get(), "account, region and rotation need no reload");
            vm.clearFilters();
            assertEquals(listed(), vm.visibleCountProperty().get());
            assertFalse(vm.filters().filtersActiveProperty().get());
        }

        @Test
        void tagFiltersNarrowAtOnceAndArePushedToListSecrets() throws Exception {
            load(scopes);
            vm.filters().tagKeyProperty().set("owner");
            vm.filters().tagValueProperty().set("secops");
            assertEquals(6, vm.visibleCountProperty().get(), "narrowed locally before any call");
            assertEquals(listed(), vm.loadedCountProperty().get());
            assertTrue(vm.filters().serverFiltersPendingProperty().get());

            vm.applyServerFilters().get(30, TimeUnit.SECONDS);

            assertEquals(6, vm.loadedCountProperty().get(), "Secrets Manager returned only the matches");
            assertEquals(List.of(SecretFilter.of(SecretFilter.Key.TAG_KEY, "owner"), SecretFilter.of(SecretFilter.Key.TAG_VALUE, "secops")),
                    vm.loadedQueryProperty().get().filters());
            assertFalse(vm.filters().serverFiltersPendingProperty().get());
            assertTrue(vm.visibleRows().stream().allMatch(r -> "secops".equals(r.tags().get("owner"))));
        }

        @Test
        void namePrefixIsPushedDown() throws Exception {
            load(scopes);
            vm.filters().namePrefixProperty().set("prod/payments/");
            vm.applyServerFilters().get(30, TimeUnit.SECONDS);
            assertEquals(6, vm.loadedCountProperty().get());
            assertEquals(Set.of("prod/payments/stripe-api-key", "prod/payments/adyen-hmac-key", "prod/payments/postgres-primary"),
                    vm.visibleRows().stream().map(SecretRow::name).collect(Collectors.toSet()));
        }

        @Test
        void pendingDeletionIsListedOnlyWhenAsked() throws Exception {
            load(scopes);
            assertTrue(vm.visibleRows().stream().noneMatch(SecretRow::plannedForDeletion));

            vm.filters().deletionFilterProperty().set(DeletionFilter.ONLY);
            assertTrue(vm.filters().serverFiltersPendingProperty().get());
            vm.applyServerFilters().get(30, TimeUnit.SECONDS);
            assertEquals(estate.scheduledForDeletion(), vm.visibleCountProperty().get());
            assertTrue(vm.visibleRows().stream().allMatch(r -> r.plannedForDeletion() && r.deletionDate() != null));
            assertTrue(vm.loadedQueryProperty().get().includePlannedDeletion());

            vm.filters().deletionFilterProperty().set(DeletionFilter.INCLUDE);
            assertFalse(vm.filters().serverFiltersPendingProperty().get(), "the listing already includes them");
            assertEquals(estate.secrets(), vm.visibleCountProperty().get());
        }
    }

    @Test
    void aDeniedScopeShowsItsErrorWhileTheOthersLoad() throws Exception {
        Scope payments = scopes.stream().filter(s -> s.accountAlias().equals("payments-prod")).findFirst().orElseThrow();
        AccessKey denied = store.store().accounts().createUser(payments.accountId(), "denied", List.of());
        Account deniedAccount = new Account(payments.accountId(), "payments-denied", store.store().endpoint(),
                new CredentialsRef.StaticKeys(denied.accessKeyId(), denied.secretAccessKey()), "embedded store");
        List<Scope> withDenied = new java.util.ArrayList<>(scopes);
        withDenied.add(deniedAccount.in("us-east-1"));

        load(withDenied);

        assertEquals(listed(), vm.loadedCountProperty().get(), "every other scope finished");
        assertEquals(1, vm.scopesFailedProperty().get());
        assertEquals(1, vm.failedScopes().size());
        ScopeProgress failed = vm.failedScopes().get(0);
        assertEquals("payments-denied / us-east-1", failed.label());
        ScopeError error = failed.error();
        assertEquals("AccessDeniedException", error.errorCode());
        assertNotNull(error.requestId());
        assertTrue(failed.errorText().startsWith("payments-denied / us-east-1: AccessDeniedException"), failed.errorText());
        assertTrue(failed.errorText().contains("request ID " + error.requestId()));
        assertEquals(7, vm.scopeProgress().stream().filter(ScopeProgress::isFinished).count());
    }

    @Test
    void refreshKeepsTheSelectionWithFreshRows() throws Exception {
        load(scopes);
        SecretRow stripe = row("prod/payments/stripe-api-key", "us-east-1");
        SecretRow kafka = row("prod/ledger/kafka-sasl", "eu-west-1");
        vm.select(List.of(stripe, kafka), kafka);
        assertEquals(kafka.summary(), vm.getSelectedSecret());

        vm.refresh().get(30, TimeUnit.SECONDS);

        assertEquals(List.of(stripe, kafka), vm.selection(), "same secrets");
        assertNotSame(stripe, vm.selection().get(0), "rows of the new listing");
        assertSame(vm.visibleRows().get(vm.visibleRows().indexOf(kafka)), vm.selection().get(1));
        assertEquals("prod/ledger/kafka-sasl", vm.getSelectedSecret().name());
        assertEquals("eu-west-1", vm.getSelectedSecret().region());
    }

    @Test
    void aSelectedSecretThatIsGoneAfterRefreshIsDeselected() throws Exception {
        var sm = store.secrets(store.adminKey(2), Region.of("us-east-1"));
        sm.createSecret(b -> b.name("tmp/short-lived").secretString("x"));
        load(scopes);
        SecretRow tmp = row("tmp/short-lived", "us-east-1");
        vm.select(List.of(tmp));
        vm.select(List.of());                 // the table emptying during the refresh below is not a user's choice
        vm.select(List.of(tmp));
        sm.deleteSecret(b -> b.secretId("tmp/short-lived").forceDeleteWithoutRecovery(true));

        vm.refresh().get(30, TimeUnit.SECONDS);

        assertEquals(List.of(), vm.selection());
        assertNull(vm.getSelectedSecret());
    }

    @Test
    void theSelectedSecretFollowsTheFocusedRow() throws Exception {
        load(scopes);
        SecretRow a = row("analytics/redshift/etl-user", "us-east-1");
        SecretRow b = row("dev/airflow/fernet-key", "us-east-1");
        vm.select(List.of(a, b), b);
        assertEquals(b.summary(), vm.getSelectedSecret());
        vm.select(List.of(a));
        assertEquals(a.summary(), vm.getSelectedSecret());
        vm.select(List.of());
        assertNull(vm.getSelectedSecret());
    }

    @Test
    void copiesArnsAndNamesOfTheSelection() throws Exception {
        load(scopes);
        SecretRow a = row("analytics/redshift/etl-user", "us-east-1");
        SecretRow b = row("dev/airflow/fernet-key", "eu-west-1");
        vm.select(List.of(a, b));
        vm.copyArns();
        assertEquals(a.arn() + "\n" + b.arn(), clipboard.current());
        assertEquals("Copied 2 ARNs", vm.noticeProperty().get());
        vm.copyNames();
        assertEquals("analytics/redshift/etl-user\ndev/airflow/fernet-key", clipboard.current());
        assertEquals(0, clipboard.sensitiveCopies);
    }

    @Nested
    class Export {
        @TempDir
        Path dir;

        @Test
        void csvHoldsTheVisibleRowsInTableOrderAndNoValues() throws Exception {
            load(scopes);
            vm.filters().accountFilterProperty().set("analytics-dev");
            vm.comparatorProperty().set(Comparator.comparing(SecretRow::region).thenComparing(SecretRow::name));
            dialogs.saveTo = dir.resolve("out.csv");

            export.csv(vm.exportRows(), vm::showNotice);

            List<String> lines = Files.readAllLines(dialogs.saveTo);
            assertEquals(String.join(",", InventoryExport.COLUMNS), lines.get(0));
            assertEquals(1 + 8, lines.size());
            assertTrue(lines.get(1).startsWith("analytics/redshift/etl-user,analytics-dev,"), lines.get(1));
            assertTrue(lines.get(1).contains(",eu-west-1,"));
            assertTrue(lines.get(1).contains("\"owner=data-eng;env=dev;cost-center=cc-3010\"") || lines.get(1).contains("owner=data-eng;env=dev;cost-center=cc-3010"));
            assertTrue(lines.stream().noneMatch(l -> l.contains("test-only")), "never a value");
            assertEquals("Exported 8 secrets to out.csv", vm.noticeProperty().get());
        }

        @Test
        void jsonHoldsTheVisibleRowsWithTagsAsObjects() throws Exception {
            load(scopes);
            vm.filters().searchTextProperty().set("stripe");
            dialogs.saveTo = dir.resolve("out.json");

            export.json(vm.exportRows(), vm::showNotice);

            JsonNode array = new ObjectMapper().readTree(dialogs.saveTo.toFile());
            assertEquals(2, array.size());
            JsonNode first = array.get(0);
            assertEquals("prod/payments/stripe-api-key", first.get("name").asText());
            assertEquals("payments-prod", first.get("account").asText());
            assertEquals("payments", first.get("tags").get("owner").asText());
            assertTrue(first.get("arn").asText().startsWith("arn:aws:secretsmanager:"));
            assertFalse(first.get("rotation_enabled").asBoolean());
            assertTrue(first.get("deletion_date").isNull());
            assertFalse(Files.readString(dialogs.saveTo).contains("test-only"), "never a value");
        }

        @Test
        void csvNeutralizesFormulas() {
            assertEquals("'=cmd()", InventoryExport.csvCell("=cmd()"));
            assertEquals("\"a,b\"", InventoryExport.csvCell("a,b"));
            assertEquals("\"say \"\"hi\"\"\"", InventoryExport.csvCell("say \"hi\""));
        }

        @Test
        void cancellingTheFileChooserWritesNothing() throws Exception {
            load(scopes);
            dialogs.saveTo = null;
            export.csv(vm.exportRows(), vm::showNotice);
            assertEquals("", vm.noticeProperty().get());
            assertTrue(dialogs.errors.isEmpty());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Cancel {
        RunningStore slow;
        List<Scope> slowScopes;

        @BeforeAll
        void startSlowStore() {
            slow = new RunningStore(c -> c.withLatency(Map.of("*", Duration.ofMillis(400))));
            List<Account> accounts = Composition.accountsOf(slow.store()).accounts();
            slowScopes = List.of("us-east-1", "eu-west-1", "ap-southeast-2").stream()
                    .flatMap(r -> accounts.stream().map(a -> a.in(r))).toList();
        }

        @AfterAll
        void stopSlowStore() {
            slow.close();
        }

        @Test
        void cancelStopsTheLoadAndMarksUnfinishedScopes() throws Exception {
            try (Composition c = new Composition(slow.store())) {
                InventoryViewModel slowVm = new InventoryViewModel(c.secrets(), new DirectUiExecutor(), clipboard,
                        Texts.load(), Clock.systemUTC());
                var done = slowVm.load(slowScopes);
                assertTrue(slowVm.isLoading());

                slowVm.cancel();
                done.get(30, TimeUnit.SECONDS);

                assertFalse(slowVm.isLoading());
                assertTrue(slowVm.cancelledProperty().get());
                assertEquals(9, slowVm.scopesFinishedProperty().get());
                assertTrue(slowVm.scopeProgress().stream().anyMatch(p -> p.state() == ScopeProgress.State.CANCELLED));
                assertEquals(0, slowVm.scopesFailedProperty().get(), "cancelled is not failed");
                assertTrue(slowVm.failedScopes().isEmpty());
            }
        }
    }
}
