package io.strongroom.ui.shell;

import io.strongroom.app.Composition;
import io.strongroom.service.AccountSource;
import io.strongroom.testing.Estate;
import io.strongroom.testing.RecordingClipboard;
import io.strongroom.testing.RunningStore;
import io.strongroom.ui.common.DirectUiExecutor;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.inventory.InventoryViewModel;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up, scope choice and memory, backend and identity, without the FX thread, on a real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellViewModelTest {

    RunningStore store;
    Composition composition;

    @BeforeAll
    void start() {
        store = new RunningStore();
        Estate.seed(store, List.of("us-east-1", "eu-west-1"), false);
        composition = new Composition(store.store());
    }

    @AfterAll
    void stop() {
        composition.close();
        store.close();
    }

    ShellViewModel shell(ScopeMemory memory, ShellViewModel.BackendStarter starter, boolean readOnly) {
        InventoryViewModel inventory = new InventoryViewModel(composition.secrets(), new DirectUiExecutor(), new RecordingClipboard(),
                Texts.load(), Clock.systemUTC());
        ScopePickerViewModel picker = new ScopePickerViewModel(memory, () -> List.of("us-east-1", "eu-west-1", "ap-south-1"));
        return new ShellViewModel(new DirectUiExecutor(), starter, composition.identity(), picker, inventory,
                new SimpleBooleanProperty(readOnly));
    }

    ShellViewModel.BackendStarter embedded() {
        return () -> new ShellViewModel.Backends(List.of(Composition.accountsOf(store.store())), false);
    }

    static void awaitLoaded(InventoryViewModel inventory) {
        ConsoleHarness.waitFor(Duration.ofSeconds(30), () -> !inventory.isLoading());
    }

    ShellViewModel.BackendStarter embeddedWithConfiguredRegion(String region) {
        return () -> new ShellViewModel.Backends(List.of(Composition.accountsOf(store.store())), false, Optional.of(region));
    }

    static Set<String> appliedRegions(ShellViewModel shell) {
        return shell.scopePicker().appliedScopes().stream().map(s -> s.region()).collect(Collectors.toSet());
    }

    @Test
    void firstStartChoosesEveryEmbeddedAccountInTheRegionsWhereTheStoreHoldsResources(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), false);
        assertEquals(ShellViewModel.Startup.STARTING, shell.startupProperty().get());

        shell.start();
        awaitLoaded(shell.inventory());

        assertEquals(ShellViewModel.Startup.READY, shell.startupProperty().get());
        assertEquals(3, shell.scopePicker().accounts().size());
        assertFalse(shell.scopePicker().allRegionsProperty().get(), "not every region of the partition");
        assertEquals(List.of("us-east-1", "eu-west-1"), shell.scopePicker().regions().stream()
                .filter(RegionChoice::isSelected).map(RegionChoice::id).toList(),
                "exactly the regions the store was seeded in, ticked in the picker");
        assertEquals(6, shell.scopePicker().appliedScopes().size(), "3 accounts × the 2 regions with resources");
        assertEquals(Set.of("us-east-1", "eu-west-1"), appliedRegions(shell));
        assertEquals(36, shell.inventory().loadedCountProperty().get(), "every seeded secret is listed");
        assertEquals(ShellViewModel.BackendKind.EMBEDDED, shell.backendKindProperty().get());
        assertEquals(store.store().endpoint().toString(), shell.backendDetailProperty().get());
        assertEquals(3, shell.identities().size());
        assertTrue(shell.identities().stream().allMatch(i -> i.known() && i.arn().matches("arn:aws:iam::\\d{12}:user/admin")));
        assertEquals(Set.of("security-audit", "payments-prod", "analytics-dev"),
                shell.identities().stream().map(ShellViewModel.Identity::accountAlias).collect(Collectors.toSet()));
        assertFalse(Files.exists(config.resolve(ScopeMemory.FILE_NAME)),
                "the default is not remembered: the next start works it out again from what the store holds");
        assertFalse(shell.isReadOnly());
    }

    @Test
    void theConfiguredDefaultRegionJoinsTheRegionsWithResources(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embeddedWithConfiguredRegion("ap-south-1"), false);
        shell.start();
        awaitLoaded(shell.inventory());

        assertFalse(shell.scopePicker().allRegionsProperty().get());
        assertEquals(Set.of("us-east-1", "eu-west-1", "ap-south-1"), appliedRegions(shell));
        assertEquals(9, shell.scopePicker().appliedScopes().size());
    }

    @Test
    void aConfiguredRegionThatAlreadyHoldsResourcesAddsNoScope(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embeddedWithConfiguredRegion("eu-west-1"), false);
        shell.start();
        awaitLoaded(shell.inventory());
        assertEquals(6, shell.scopePicker().appliedScopes().size());
    }

    @Test
    void allRegionsIsOneTickAwayAndSelectsEveryRegion(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), false);
        shell.start();
        awaitLoaded(shell.inventory());

        shell.scopePicker().allRegionsProperty().set(true);
        assertTrue(shell.scopePicker().dirtyProperty().get());
        shell.scopePicker().apply();
        awaitLoaded(shell.inventory());

        assertEquals(9, shell.scopePicker().appliedScopes().size(), "3 accounts × the partition's 3 regions");
        assertEquals(Set.of("us-east-1", "eu-west-1", "ap-south-1"), appliedRegions(shell));
        assertTrue(ScopeMemory.in(config).load().orElseThrow().allRegions(), "the user's choice is remembered");

        shell.scopePicker().selectRegionsInUse();
        shell.scopePicker().apply();
        assertEquals(Set.of("us-east-1", "eu-west-1"), appliedRegions(shell), "and back to the regions with resources");
    }

    @Test
    void aRememberedScopeWinsOverTheDefault(@TempDir Path config) throws Exception {
        String someAccount = "Embedded store:" + store.store().accounts().adminKeys().get(0).accountId();
        new ScopeMemory(config.resolve(ScopeMemory.FILE_NAME)).save(new ScopeMemory.Choice(List.of(someAccount), List.of("ap-south-1"), false));

        ShellViewModel shell = shell(ScopeMemory.in(config), embeddedWithConfiguredRegion("eu-west-1"), false);
        shell.start();
        awaitLoaded(shell.inventory());

        assertEquals(1, shell.scopePicker().appliedScopes().size());
        assertEquals(Set.of("ap-south-1"), appliedRegions(shell), "a region without resources, because the user chose it");
        assertEquals(0, shell.inventory().loadedCountProperty().get());
    }

    @Test
    void aRememberedAllRegionsWinsOverTheDefault(@TempDir Path config) throws Exception {
        List<String> everyAccount = store.store().accounts().adminKeys().stream().map(k -> "Embedded store:" + k.accountId()).toList();
        new ScopeMemory(config.resolve(ScopeMemory.FILE_NAME)).save(new ScopeMemory.Choice(everyAccount, List.of(), true));

        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), false);
        shell.start();
        awaitLoaded(shell.inventory());

        assertTrue(shell.scopePicker().allRegionsProperty().get());
        assertEquals(9, shell.scopePicker().appliedScopes().size());
    }

    @Test
    void theAppliedChoiceIsRememberedForTheNextRun(@TempDir Path config) throws Exception {
        ShellViewModel first = shell(ScopeMemory.in(config), embedded(), false);
        first.start();
        awaitLoaded(first.inventory());
        first.scopePicker().selectAccounts(List.of("payments-prod", "analytics-dev"));
        first.scopePicker().selectRegions(List.of("eu-west-1"));
        assertTrue(first.scopePicker().dirtyProperty().get());
        first.scopePicker().apply();
        awaitLoaded(first.inventory());
        assertEquals(2, first.inventory().scopesTotalProperty().get());
        assertTrue(first.inventory().visibleRows().stream().allMatch(r -> r.region().equals("eu-west-1")
                && !r.accountAlias().equals("security-audit")));
        String json = Files.readString(config.resolve(ScopeMemory.FILE_NAME));
        assertFalse(json.contains("AKIA"), "no credentials in the memory file");

        ShellViewModel second = shell(ScopeMemory.in(config), embedded(), false);
        second.start();
        awaitLoaded(second.inventory());

        assertFalse(second.scopePicker().allRegionsProperty().get());
        assertEquals(Set.of("payments-prod / eu-west-1", "analytics-dev / eu-west-1"),
                second.scopePicker().appliedScopes().stream().map(s -> s.label()).collect(Collectors.toSet()));
    }

    @Test
    void closingThePickerWithoutApplyingKeepsTheAppliedScope(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), false);
        shell.start();
        awaitLoaded(shell.inventory());
        shell.scopePicker().selectAllAccounts(false);
        assertTrue(shell.scopePicker().dirtyProperty().get());
        shell.scopePicker().revert();
        assertFalse(shell.scopePicker().dirtyProperty().get());
        assertEquals(3, shell.scopePicker().accounts().stream().filter(AccountChoice::isSelected).count());
        assertEquals(6, shell.scopePicker().scopes().size());
    }

    @Test
    void aDamagedMemoryFileFallsBackToTheDefault(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve(ScopeMemory.FILE_NAME), "{not json");
        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), false);
        shell.start();
        awaitLoaded(shell.inventory());
        assertEquals(6, shell.scopePicker().appliedScopes().size(), "the default: 3 accounts × the 2 regions with resources");
    }

    @Test
    void awsProfilesAreOfferedButNotChosenByDefault(@TempDir Path config) throws Exception {
        Path awsConfig = config.resolve("aws-config");
        Path credentials = config.resolve("aws-credentials");
        Files.writeString(awsConfig, "[profile prod-admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n");
        Files.writeString(credentials, "[base]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = example\n");
        ShellViewModel shell = shell(ScopeMemory.in(config.resolve("memory")), () -> new ShellViewModel.Backends(
                List.of(Composition.accountsOf(store.store()), AccountSource.awsProfiles(awsConfig, credentials)), false), false);
        shell.start();
        awaitLoaded(shell.inventory());
        List<AccountChoice> profiles = shell.scopePicker().accounts().stream()
                .filter(a -> a.sourceName().equals("AWS profiles")).toList();
        assertEquals(Set.of("base", "prod-admin"), profiles.stream().map(AccountChoice::alias).collect(Collectors.toSet()));
        assertTrue(profiles.stream().noneMatch(AccountChoice::isSelected));
        assertEquals(ShellViewModel.BackendKind.EMBEDDED, shell.backendKindProperty().get());
    }

    @Test
    void aFailedStartIsShownWithItsReason(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), () -> {
            throw new java.io.IOException("data directory /nope is not writable");
        }, false);
        shell.start();
        assertEquals(ShellViewModel.Startup.FAILED, shell.startupProperty().get());
        assertEquals("data directory /nope is not writable", shell.startupErrorProperty().get());
    }

    @Test
    void readOnlyModeIsVisibleToEveryone(@TempDir Path config) {
        ShellViewModel shell = shell(ScopeMemory.in(config), embedded(), true);
        assertTrue(shell.isReadOnly());
    }
}
